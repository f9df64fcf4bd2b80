package dev.ngnc.maven;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.DiagnosticRenderer;
import dev.ngnc.diag.Severity;
import dev.ngnc.source.Span;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns compiler diagnostics and test-program output into Maven log messages. Maven-independent (unit-tested). */
final class Reporting {
    private Reporting() {}

    /**
     * A diagnostic the way Maven's compiler plugin shows javac errors: first line
     * {@code /abs/path/main.ngn:[line,col] message}, then the source line with carets under the
     * problem and the hint, if any (indented, so tools that parse the first line are not confused).
     */
    static String format(Diagnostic d) {
        Span span = d.span() == null ? Span.NONE : d.span();
        StringBuilder b = new StringBuilder(location(d)).append(":[").append(span.line()).append(',').append(span.col())
                .append("] ").append(d.message());
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
    static String summary(List<Diagnostic> all) {
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

    // ------------------------------------------------------------------------------------------
    // ngn test programs

    /**
     * The result of one test program. {@code failure} is null when it passed; otherwise a one-line
     * reason such as {@code Assertion failed: 1 + 1 should be 2}. {@code file}/{@code line} locate
     * the failure when the runtime reported it ({@code  --> file.ngn:LINE}); null/0 otherwise.
     */
    record TestOutcome(int assertionsPassed, String failure, String file, int line) {
        boolean passed() { return failure == null; }
    }

    private static final Pattern NGN_ERROR = Pattern.compile("^\\[ngn\\] (?:Runtime Error: )?(.*)$");
    private static final Pattern LOCATION = Pattern.compile("^\\s*-->\\s*(.+?):(\\d+)(?::\\d+)?\\s*$");

    /**
     * Reads a finished test program's output. The ngn runtime prints {@code ✅ message} (stdout) for
     * each passed assertion and, when the program fails, {@code [ngn] Runtime Error: message} and
     * {@code  --> file.ngn:LINE} on stderr and exits 1.
     */
    static TestOutcome testOutcome(int exitCode, boolean timedOut, long timeoutSeconds, String stdout, String stderr) {
        int passed = 0;
        for (String l : stdout.split("\n")) if (l.startsWith("\u2705")) passed++;
        if (timedOut) return new TestOutcome(passed, "timed out after " + timeoutSeconds + " s (ngn.testTimeout) and was stopped", null, 0);
        String message = null;
        String file = null;
        int line = 0;
        for (String l : stderr.split("\n")) {
            l = l.stripTrailing();
            Matcher m;
            if (message == null && (m = NGN_ERROR.matcher(l)).matches()) {
                message = m.group(1).strip();
            } else if (message != null && file == null && (m = LOCATION.matcher(l)).matches()) {
                file = m.group(1);
                line = Integer.parseInt(m.group(2));
            }
        }
        if (exitCode == 0) {
            return new TestOutcome(passed, null, null, 0);
        }
        if (message == null) {
            String lastFailed = null;
            for (String l : stdout.split("\n")) if (l.startsWith("\u274C")) lastFailed = l.substring(1).strip();
            String tail = lastNonBlank(stderr);
            message = lastFailed != null ? "Assertion failed: " + lastFailed
                    : "exited with code " + exitCode + (tail == null ? "" : ": " + tail);
        }
        return new TestOutcome(passed, message, file, line);
    }

    private static String lastNonBlank(String s) {
        String last = null;
        for (String l : s.split("\n")) if (!l.isBlank()) last = l.strip();
        return last;
    }
}
