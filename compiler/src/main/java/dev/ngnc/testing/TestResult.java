package dev.ngnc.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one test file. {@code failure} is empty when it passed; otherwise its lines, the first one
 * located ({@code main_test.ngn:7: assertion failed: a == b}), the rest indented ({@code   left: 3, right: 4}).
 * {@code stdout}/{@code stderr} are what the program printed (for reports).
 */
public record TestResult(Path file, Status status, long millis, int assertionsPassed, List<String> failure,
                         String stdout, String stderr) {
    public enum Status { PASS, FAIL, NOT_A_TEST }

    public TestResult {
        failure = List.copyOf(failure);
    }

    public boolean failed() { return status == Status.FAIL; }
}
