package dev.ngnc.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the runtime's error report ({@code [ngn] Runtime Error: Assertion failed: a == b}, its continuation
 * lines, then {@code  --> main_test.ngn:7} and the backtrace) into the lines a test report shows:
 * {@code main_test.ngn:7: assertion failed: a == b} and {@code   left: 3, right: 4}.
 */
final class FailureReport {
    private static final Pattern LOCATION = Pattern.compile("^ --> (.+?):(\\d+)(?::\\d+)?$");
    private static final String ASSERTION = "Runtime Error: Assertion failed: ";

    private FailureReport() {}

    /** The failure lines of a program that failed with {@code stderr}; {@code fallback} when stderr has no report. */
    static List<String> from(String stderr, String fallback) {
        List<String> lines = stderr.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("[ngn] ")) { start = i; break; }
        }
        List<String> out = new ArrayList<>();
        if (start < 0) {
            out.add(fallback);
            for (String l : lines) if (!l.isBlank()) out.add("  " + l.strip());
            return out;
        }
        String message = lines.get(start).substring("[ngn] ".length());
        if (message.startsWith(ASSERTION)) message = "assertion failed: " + message.substring(ASSERTION.length());
        List<String> more = new ArrayList<>();
        String where = null;
        for (int i = start + 1; i < lines.size(); i++) {
            Matcher m = LOCATION.matcher(lines.get(i));
            if (m.matches()) { where = m.group(1) + ":" + m.group(2); break; }
            if (lines.get(i).startsWith("  at ")) break;
            more.add(lines.get(i));
        }
        out.add(where == null ? message : where + ": " + message);
        out.addAll(more);
        return out;
    }
}
