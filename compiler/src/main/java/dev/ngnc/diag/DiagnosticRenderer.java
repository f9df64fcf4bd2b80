package dev.ngnc.diag;

import dev.ngnc.source.Span;

/**
 * Renders a diagnostic as {@code file:line:col: error: message [Type Error]} (the reference's error class, when the
 * diagnostic has one ({@link Diagnostic#category()}), goes last rather than doubling "error"), the source line, a
 * caret line under the offending span, and an optional {@code hint:} line. A diagnostic with a null span is
 * about the file as a whole (e.g. it cannot be read): it is shown at {@code 1:1} without a source line.
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {}

    public static String render(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        Span span = d.span() == null ? Span.NONE : d.span();
        String path = d.file() == null ? "<input>" : d.file().displayPath();
        out.append(path).append(':').append(span.line()).append(':').append(span.col())
           .append(": ").append(d.severity().label).append(": ").append(d.message());
        if (d.category() != null) out.append(" [").append(d.category()).append(']');
        out.append('\n');
        if (d.file() != null && d.span() != null) {
            String line = d.file().lineText(span.line());
            Excerpt shown = excerpt(line, span);
            out.append("  ").append(shown.line()).append('\n');
            out.append("  ").append(caretLine(shown.line(), shown.span())).append('\n');
        }
        if (d.hint() != null && !d.hint().isEmpty()) {
            out.append("  hint: ").append(d.hint()).append('\n');
        }
        return out.toString();
    }

    /** Longest source line shown whole; longer ones (generated code, minified data) are cut around the caret. */
    static final int MAX_SHOWN = 160;
    private static final int BEFORE_CARET = 40;

    record Excerpt(String line, Span span) {}

    /** The line, or a window of it around the span's column with {@code …} where text was cut. */
    static Excerpt excerpt(String line, Span span) {
        int length = line.codePointCount(0, line.length());
        if (length <= MAX_SHOWN) return new Excerpt(line, span);
        int from = Math.max(0, Math.min(span.col() - 1 - BEFORE_CARET, length - MAX_SHOWN));
        int to = Math.min(length, from + MAX_SHOWN);
        String cut = line.substring(line.offsetByCodePoints(0, from), line.offsetByCodePoints(0, to));
        String prefix = from > 0 ? "…" : "";
        String shown = prefix + cut + (to < length ? "…" : "");
        int col = span.col() - from + prefix.length();
        int width = Math.min(Math.max(1, span.end() - span.start()), to - (span.col() - 1));
        return new Excerpt(shown, new Span(0, Math.max(1, width), span.line(), col));
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
