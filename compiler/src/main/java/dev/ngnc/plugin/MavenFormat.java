package dev.ngnc.plugin;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.DiagnosticRenderer;
import dev.ngnc.diag.Severity;
import dev.ngnc.source.Span;

import java.nio.file.Path;
import java.util.List;

/** Compiler diagnostics the way Maven shows javac's ({@code /abs/path/main.ngn:[line,col] message}), for ngn-maven-plugin. */
public final class MavenFormat {
    private MavenFormat() {}

    /**
     * First line {@code /abs/path/main.ngn:[line,col] message}, then the source line with carets under the
     * problem and the hint, if any (indented, so tools that parse the first line are not confused).
     */
    public static String format(Diagnostic d) {
        Span span = d.span() == null ? Span.NONE : d.span();
        StringBuilder b = new StringBuilder(location(d)).append(":[").append(span.line()).append(',').append(span.col())
                .append("] ").append(d.fullMessage());
        String rendered = DiagnosticRenderer.render(d);
        // the renderer's lines after its own "file:line:col: error: message" line: source line, carets, hint
        int nl = rendered.indexOf('\n');
        if (nl >= 0 && nl + 1 < rendered.length()) {
            String rest = rendered.substring(nl + 1).stripTrailing();
            if (!rest.isEmpty()) b.append('\n').append(rest);
        }
        return b.toString();
    }

    /** The absolute path of the diagnostic's file (its display path if it has none). */
    static String location(Diagnostic d) {
        if (d.file() == null) return "<input>";
        Path p = d.file().path();
        return p != null ? p.toAbsolutePath().normalize().toString() : d.file().displayPath();
    }

    /** One line for the build failure message: {@code 2 errors; first: /x/main.ngn:[3,5] message}. */
    public static String summary(List<Diagnostic> all) {
        int errors = 0;
        Diagnostic first = null;
        for (Diagnostic d : all) {
            if (d.severity() == Severity.ERROR) {
                errors++;
                if (first == null) first = d;
            }
        }
        if (first == null) return "no errors";
        String firstLine = format(first).lines().findFirst().orElse("");
        return errors + (errors == 1 ? " error: " : " errors; first: ") + firstLine;
    }
}
