package dev.ngnc.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one test file. {@code failure} is empty when it passed; otherwise its lines, the first one
 * located ({@code main_test.ngn:7: assertion failed: a == b}), the rest indented ({@code   left: 3, right: 4}).
 * {@code failedAt}/{@code failedLine} locate the failure when the runtime named a line (the file name as the
 * runtime gives it; null/0 otherwise); {@code stdout}/{@code stderr} are what the program printed (for reports).
 */
public record TestResult(Path file, Status status, long millis, int assertionsPassed, List<String> failure,
                         String failedAt, int failedLine, String stdout, String stderr) {
    public enum Status { PASS, FAIL, NOT_A_TEST }

    public TestResult {
        failure = List.copyOf(failure);
    }

    /** The failure's lines without the location prefix of the first one (for reports that locate it their own way). */
    public List<String> unlocatedFailure() {
        if (failedAt == null || failure.isEmpty()) return failure;
        List<String> out = new java.util.ArrayList<>(failure);
        String prefix = failedAt + ":" + failedLine + ": ";
        if (out.get(0).startsWith(prefix)) out.set(0, out.get(0).substring(prefix.length()));
        return out;
    }

    public boolean failed() { return status == Status.FAIL; }
}
