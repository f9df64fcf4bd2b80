package dev.ngnc.lsp;

import dev.ngnc.diag.Diagnostics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ParseCacheTest {
    final Path path = Path.of("/w/lib.ngn");

    @Test
    void sameTextReusesTheTreeAndReplaysTheParseErrors() {
        ParseCache cache = new ParseCache(4);
        Diagnostics first = new Diagnostics();
        var a = cache.parse(path, "lib.ngn", "fn f( {\n", first);
        Diagnostics second = new Diagnostics();
        var b = cache.parse(path, "lib.ngn", "fn f( {\n", second);
        assertSame(a, b);
        assertTrue(first.hasErrors());
        assertEquals(first.all(), second.all(), "the cached parse reports the same errors again");
        var c = cache.parse(path, "lib.ngn", "fn f() {\n}\n", new Diagnostics());
        assertNotSame(a, c, "another text is parsed afresh");
    }

    @Test
    void theLeastRecentlyUsedEntryGoesBeyondTheCapacity() {
        ParseCache cache = new ParseCache(2);
        var one = cache.parse(path, "lib.ngn", "const a = 1\n", new Diagnostics());
        cache.parse(path, "lib.ngn", "const b = 2\n", new Diagnostics());
        cache.parse(path, "lib.ngn", "const a = 1\n", new Diagnostics()); // touch: b is now the eldest
        cache.parse(path, "lib.ngn", "const c = 3\n", new Diagnostics());
        assertEquals(2, cache.size());
        assertSame(one, cache.parse(path, "lib.ngn", "const a = 1\n", new Diagnostics()));
    }
}
