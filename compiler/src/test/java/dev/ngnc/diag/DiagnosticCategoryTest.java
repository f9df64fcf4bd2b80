package dev.ngnc.diag;

import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The reference's error class ("Type Error: ...") is shown once, after the message, never as "error: Type Error:". */
class DiagnosticCategoryTest {
    private static final SourceFile FILE = new SourceFile("m.ngn", Path.of("m.ngn"), "const x: i64 = \"a\"\n");

    @Test
    void theCategoryMovesBehindTheMessage() {
        Diagnostic d = Diagnostic.error(FILE, new Span(15, 18, 1, 16), "Type Error: Cannot initialize 'x'");
        assertEquals("Type Error", d.category());
        assertEquals("Cannot initialize 'x'", d.message());
        String shown = DiagnosticRenderer.render(d);
        assertEquals("m.ngn:1:16: error: Cannot initialize 'x' [Type Error]", shown.lines().findFirst().orElseThrow());
        assertEquals("Type Error: Cannot initialize 'x'", d.fullMessage(), "as the LSP and Maven show it");
        assertEquals("Type Error", d.withHint("h").category());
    }

    @Test
    void theCategoryIsDataOfItsOwn() {
        Diagnostic d = new Diagnostic(Severity.ERROR, FILE, new Span(15, 18, 1, 16), "Cannot initialize 'x'", null, null,
                "Type Error");
        assertEquals(Diagnostic.error(FILE, new Span(15, 18, 1, 16), "Type Error: Cannot initialize 'x'"), d);
    }

    @Test
    void aMessageWithoutACategoryIsShownAsItIs() {
        for (String m : new String[] {"Undefined variable 'y'", "Error: x", "Not an Error: here", "Type Error"}) {
            Diagnostic d = Diagnostic.error(FILE, Span.NONE, m);
            assertNull(d.category(), m);
            assertEquals(m, d.message());
        }
    }
}
