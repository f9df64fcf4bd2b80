package dev.ngnc.plugin;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.Compiler;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MavenFormatTest {
    @TempDir Path dir;

    @Test
    void diagnosticsLookLikeMavenCompilerErrors() {
        Path file = dir.resolve("src/main.ngn");
        SourceFile src = new SourceFile("main.ngn", file, "fn main() {\n  print(y)\n}\n");
        Diagnostic d = Diagnostic.error(src, new Span(20, 21, 2, 9), "Error: Undefined variable 'y'").withHint("declare it first");
        String text = MavenFormat.format(d);
        List<String> lines = text.lines().toList();
        assertEquals(file.toAbsolutePath() + ":[2,9] Error: Undefined variable 'y'", lines.get(0));
        assertEquals("    print(y)", lines.get(1));
        assertTrue(lines.get(2).strip().equals("^"), text);
        assertTrue(lines.get(3).contains("hint: declare it first"), text);

        Diagnostic whole = Diagnostic.error(new SourceFile("x.ngn", file, ""), null, "file not found: x.ngn");
        assertEquals(file.toAbsolutePath() + ":[1,1] file not found: x.ngn", MavenFormat.format(whole));
        assertEquals("2 errors; first: " + file.toAbsolutePath() + ":[2,9] Error: Undefined variable 'y'", MavenFormat.summary(List.of(d, whole)));
        assertEquals("1 error: " + file.toAbsolutePath() + ":[1,1] file not found: x.ngn", MavenFormat.summary(List.of(whole)));
    }

    @Test
    void realCompileErrorsCarryTheAbsolutePathAndPosition() throws Exception {
        Path main = dir.resolve("main.ngn");
        Files.writeString(main, "fn main() {\n  const x: i64 = \"a\"\n}\n");
        Diagnostics diags = new Diagnostics();
        assertNull(Compiler.compile(main, main.toString(), diags));
        String first = MavenFormat.format(diags.all().get(0)).lines().findFirst().orElseThrow();
        assertTrue(first.startsWith(main.toAbsolutePath() + ":[2,"), first);
    }
}
