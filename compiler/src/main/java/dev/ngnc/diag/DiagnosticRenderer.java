package dev.ngnc.diag;

import dev.ngnc.source.Span;

/**
 * Renders a diagnostic as {@code file:line:col: error: message}, the source line, a caret line
 * under the offending span, and an optional {@code hint:} line. A diagnostic with a null span is
 * about the file as a whole (e.g. it cannot be read): it is shown at {@code 1:1} without a source line.
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {}

    public static String render(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        Span span = d.span() == null ? Span.NONE : d.span();
        String path = d.file() == null ? "<input>" : d.file().displayPath();
        out.append(path).append(':').append(span.line()).append(':').append(span.col())
           .append(": ").append(d.severity().label).append(": ").append(d.message()).append('\n');
        if (d.file() != null && d.span() != null) {
            String line = d.file().lineText(span.line());
            out.append("  ").append(line).append('\n');
            out.append("  ").append(caretLine(line, span)).append('\n');
        }
        if (d.hint() != null && !d.hint().isEmpty()) {
            out.append("  hint: ").append(d.hint()).append('\n');
        }
        return out.toString();
    }

    /** Spaces (tabs kept, so the caret lines up) up to the column, then one caret per code point of the span on that line. */
    static String caretLine(String line, Span span) {
        StringBuilder sb = new StringBuilder();
        int col = 1;
        int i = 0;
        while (i < line.length() && col < span.col()) {
            int cp = line.codePointAt(i);
            sb.append(cp == '\t' ? '\t' : ' ');
            i += Character.charCount(cp);
            col++;
        }
        int width = Math.max(1, span.end() - span.start());
        int remaining = line.length() - i;
        width = Math.max(1, Math.min(width, Math.max(remaining, 1)));
        int carets = line.isEmpty() ? 1 : line.codePointCount(i, Math.min(line.length(), i + width));
        sb.append("^".repeat(Math.max(1, carets)));
        return sb.toString();
    }
}
