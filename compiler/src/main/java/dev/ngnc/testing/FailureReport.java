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
record FailureReport(String file, int line, String message, List<String> details) {
    FailureReport {
        details = List.copyOf(details);
    }

    /** The report's lines: the located message ({@code file:line: message} when the runtime named a line), then the details. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(file == null ? message : file + ":" + line + ": " + message);
        out.addAll(details);
        return out;
    }

    private static final Pattern LOCATION = Pattern.compile("^ --> (.+?):(\\d+)(?::\\d+)?$");
    private static final String ASSERTION = "Runtime Error: Assertion failed: ";

    /** The failure of a program that failed with {@code stderr}; {@code fallback} is the message when stderr has no report. */
    static FailureReport from(String stderr, String fallback) {
        List<String> lines = stderr.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("[ngn] ")) { start = i; break; }
        }
        if (start < 0) {
            List<String> more = new ArrayList<>();
            for (String l : lines) if (!l.isBlank()) more.add("  " + l.strip());
            return new FailureReport(null, 0, fallback, more);
        }
        String message = lines.get(start).substring("[ngn] ".length());
        if (message.startsWith(ASSERTION)) message = "assertion failed: " + message.substring(ASSERTION.length());
        List<String> more = new ArrayList<>();
        for (int i = start + 1; i < lines.size(); i++) {
            Matcher m = LOCATION.matcher(lines.get(i));
            if (m.matches()) return new FailureReport(m.group(1), Integer.parseInt(m.group(2)), message, more);
            if (lines.get(i).startsWith("  at ")) break;
            more.add(lines.get(i));
        }
        return new FailureReport(null, 0, message, more);
    }
}
