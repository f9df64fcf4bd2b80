package dev.ngnc.plugin;

import dev.ngnc.testing.TestEngine;
import dev.ngnc.testing.TestResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ngn:test} in the forked compiler JVM: runs each test file with the {@link TestEngine} of {@code ngnc test},
 * logs {@code Test x_test.ngn passed (2 assertions passed, 0.05 s)} or the failure located Maven-style
 * ({@code /abs/x_test.ngn:[7] assertion failed: a == b}), writes each program's output to
 * {@code REPORTS/<name>.txt} and ends with {@code ngn tests: 2 run, 1 passed, 1 failed}. Files without
 * {@code fn main()} are helper modules, not tests: logged at debug level only.
 */
final class TestRun {
    private final PluginWorker w;
    private final Path testDir;
    private final Path reports;
    private final TestEngine engine;

    TestRun(PluginWorker w, Path testDir, Path reports, long timeoutSeconds) {
        this.w = w;
        this.testDir = testDir.toAbsolutePath().normalize();
        this.reports = reports.toAbsolutePath().normalize();
        this.engine = new TestEngine(timeoutSeconds, MavenFormat::format);
    }

    int run(List<Path> files) throws IOException {
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            String rel = relative(abs);
            TestResult r = engine.run(abs, abs.toString());
            if (r.status() == TestResult.Status.NOT_A_TEST) {
                w.log('D', rel + " has no fn main(): a helper module, not a test");
                continue;
            }
            writeReport(rel, r);
            String timing = String.format(Locale.ROOT, "%.2f s", r.millis() / 1000.0);
            String asserts = r.assertionsPassed() + " assertion" + (r.assertionsPassed() == 1 ? "" : "s") + " passed";
            if (!r.failed()) {
                passed++;
                w.log('I', "Test " + rel + " passed (" + asserts + ", " + timing + ")");
                continue;
            }
            w.log('E', "Test " + rel + " FAILED (" + asserts + ", " + timing + ")");
            List<String> lines = r.unlocatedFailure();
            Path where = r.failedAt() == null ? abs : resolve(r.failedAt(), abs);
            String located = where + (r.failedLine() > 0 ? ":[" + r.failedLine() + "]" : "");
            w.log('E', r.failedAt() == null ? String.join("\n", lines) : located + " " + String.join("\n", lines));
            for (String l : (r.stdout() + r.stderr()).split("\n")) if (!l.isBlank()) w.log('I', "  | " + l);
            String shortWhere = where.startsWith(testDir) ? relative(where) : where.toString();
            failures.add((r.failedAt() == null ? rel : shortWhere + (r.failedLine() > 0 ? ":" + r.failedLine() : ""))
                    + " " + lines.get(0));
        }
        int run = passed + failures.size();
        if (run == 0) {
            w.log('I', "No ngn test programs (files with fn main()) in " + testDir);
            return 0;
        }
        String counts = "ngn tests: " + run + " run, " + passed + " passed, " + failures.size() + " failed";
        if (failures.isEmpty()) {
            w.log('I', counts);
            return 0;
        }
        w.log('E', counts);
        w.fail(failures.size() + " of " + run + " ngn test program" + (run == 1 ? "" : "s") + " failed: "
                + String.join("; ", failures) + " (output in " + reports + ")");
        return 1;
    }

    private void writeReport(String rel, TestResult r) throws IOException {
        String base = rel.endsWith(".ngn") ? rel.substring(0, rel.length() - 4) : rel;
        Path report = reports.resolve(base + ".txt");
        Files.createDirectories(report.getParent());
        StringBuilder b = new StringBuilder("# ngn test ").append(rel).append(": ").append(r.failed() ? "FAILED" : "passed")
                .append(" (").append(r.millis()).append(" ms)\n");
        for (String l : r.failure()) b.append("# ").append(l).append('\n');
        b.append("# stdout\n").append(r.stdout());
        if (!r.stdout().isEmpty() && !r.stdout().endsWith("\n")) b.append('\n');
        b.append("# stderr\n").append(r.stderr());
        Files.writeString(report, b, StandardCharsets.UTF_8);
    }

    private String relative(Path abs) {
        return abs.startsWith(testDir) ? testDir.relativize(abs).toString().replace(abs.getFileSystem().getSeparator(), "/")
                : abs.toString();
    }

    /** The runtime names files by their file name only ({@code  --> calc_test.ngn:7}): find the actual file. */
    Path resolve(String fileName, Path test) {
        Path name = Path.of(fileName);
        if (name.isAbsolute() && Files.isRegularFile(name)) return name;
        if (String.valueOf(test.getFileName()).equals(fileName)) return test;
        Path sibling = test.resolveSibling(fileName);
        if (Files.isRegularFile(sibling)) return sibling;
        try (Stream<Path> all = Files.walk(testDir)) {
            return all.filter(p -> String.valueOf(p.getFileName()).equals(fileName)).sorted().findFirst().orElse(name);
        } catch (IOException | RuntimeException e) {
            return name;
        }
    }
}
