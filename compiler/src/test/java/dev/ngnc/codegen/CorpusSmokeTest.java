package dev.ngnc.codegen;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.SourceReader;
import dev.ngnc.rt.Out;
import dev.ngnc.rt.Rt;
import dev.ngnc.source.SourceFile;
import dev.ngnc.tast.TProgram;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End-to-end smoke test over the shared conformance corpus (when present): every program the
 * checker accepts must emit classes that pass CheckClassAdapter verification without the emitter
 * throwing. Programs are then run in-process and output mismatches are written to
 * {@code target/codegen-corpus.txt} for inspection (they may come from any phase, so they do not fail
 * this test).
 */
class CorpusSmokeTest {
    private static final Path CORPUS = Path.of("/work/shared/conformance");

    @Test
    void everyCheckedCorpusProgramEmitsVerifiableClasses() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "conformance corpus not available");
        Assumptions.assumeTrue(Harness.outSink() != null, "runtime-lib Out has no redirectable sink field");
        List<Path> cases;
        try (Stream<Path> s = Files.walk(CORPUS)) {
            cases = s.filter(p -> p.toString().endsWith(".ngn"))
                    .filter(p -> Files.exists(sibling(p, ".out")) || Files.exists(sibling(p, ".err-contains")))
                    .filter(p -> !p.toString().contains("/net/") && !p.toString().contains("/concurrency/")
                            && !p.toString().contains("/spawn/") && !p.toString().contains("/process/"))
                    .sorted().toList();
        }
        List<String> emitterFailures = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        int checked = 0;
        int passed = 0;
        for (Path p : cases) {
            Diagnostics d = new Diagnostics();
            SourceFile file = SourceReader.read(p, p.getFileName().toString(), d);
            dev.ngnc.check.Checker.CheckedProgram program;
            try {
                program = file == null ? null : dev.ngnc.driver.Compiler.check(file, d);
            } catch (RuntimeException e) {
                report.append("CHECKER CRASH ").append(CORPUS.relativize(p)).append(": ").append(e).append('\n');
                continue;
            }
            if (program == null) {
                report.append("REJECTED ").append(CORPUS.relativize(p)).append('\n');
                continue;
            }
            checked++;
            Map<String, byte[]> classes;
            try {
                classes = new java.util.LinkedHashMap<>();
                for (TProgram module : program.modules()) classes.putAll(Emitter.emit(module));
                classes.putAll(Emitter.emit(program.entry()));
                Harness.verify(classes);
            } catch (Throwable e) {
                emitterFailures.add(CORPUS.relativize(p) + ": " + e.toString().lines().limit(12)
                        .reduce((a, b) -> a + "\n" + b).orElse(""));
                continue;
            }
            String[] result = runInProcess(classes, program.entry().mainClass());
            String expected = Files.exists(sibling(p, ".out")) ? Files.readString(sibling(p, ".out")) : null;
            String contains = Files.exists(sibling(p, ".err-contains"))
                    ? Files.readString(sibling(p, ".err-contains")).strip() : null;
            boolean ok = (expected == null || expected.equals(result[0]))
                    && (contains == null || (result[0] + result[1]).contains(contains));
            if (ok) {
                passed++;
            } else {
                report.append("MISMATCH ").append(CORPUS.relativize(p)).append("\n--- expected\n").append(expected)
                        .append("--- got\n").append(result[0]).append("--- err\n").append(result[1]).append('\n');
            }
        }
        report.insert(0, "checked " + checked + " of " + cases.size() + ", output ok " + passed + "\n");
        Files.writeString(Path.of("target/codegen-corpus.txt"), report);
        assertTrue(emitterFailures.isEmpty(), String.join("\n\n", emitterFailures));
    }

    private static Path sibling(Path ngn, String ext) {
        String n = ngn.getFileName().toString();
        return ngn.resolveSibling(n.substring(0, n.length() - 4) + ext);
    }

    /** Out's private stdout stream field (test-only redirection), or null if runtime-lib changed. */

    /** Runs $run with Out redirected; returns {stdout, error report}. */
    private static String[] runInProcess(Map<String, byte[]> classes, String main) throws Exception {
        Harness.Captured run = Harness.runCapturingOut(classes, main, 512L << 20);
        String err = "";
        if (run.timedOut()) err = "TIMEOUT";
        if (run.failure() != null) err = "[ngn] " + Rt.message(run.failure()) + "\n" + Rt.location(run.failure());
        return new String[] {run.stdout(), err};
    }
}
