package dev.ngnc.diag;

import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnosticRendererTest {

    private static String[] renderAt(String src, int offset, int width) {
        SourceFile file = new SourceFile("main.ngn", Path.of("main.ngn"), src);
        Span span = new Span(offset, offset + width, 1, offset + 1);
        return DiagnosticRenderer.render(new Diagnostic(Severity.ERROR, file, span, "bad", null)).split("\n");
    }

    @Test
    void shortLinesAreShownWhole() {
        String[] lines = renderAt("const x = y", 10, 1);
        assertEquals("  const x = y", lines[1]);
        assertEquals("            ^", lines[2]);
    }

    @Test
    void aVeryLongLineIsCutAroundTheCaretWhichStillPointsAtTheSpan() {
        String src = "x".repeat(5000) + "BAD" + "y".repeat(5000);
        String[] lines = renderAt(src, 5000, 3);
        assertTrue(lines[1].length() <= DiagnosticRenderer.MAX_SHOWN + 4, lines[1]);
        assertTrue(lines[1].startsWith("  …") && lines[1].endsWith("…"), lines[1]);
        int caret = lines[2].indexOf('^');
        assertEquals("BAD", lines[1].substring(caret, caret + 3));
        assertEquals("^^^", lines[2].substring(caret));
    }

    @Test
    void aSpanNearTheEndOfALongLineKeepsTheEnd() {
        String src = "x".repeat(1000) + "END";
        String[] lines = renderAt(src, 1000, 3);
        assertTrue(lines[1].endsWith("END"), lines[1]);
        int caret = lines[2].indexOf('^');
        assertEquals("END", lines[1].substring(caret));
    }
}
