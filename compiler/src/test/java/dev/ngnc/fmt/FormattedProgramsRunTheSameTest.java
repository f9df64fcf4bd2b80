package dev.ngnc.fmt;

import dev.ngnc.codegen.Harness;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;
import dev.ngnc.rt.Rt;
import dev.ngnc.source.SourceFile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property 3: a corpus program, formatted, compiled and run in this JVM, prints what the original prints and
 * fails (or not) the same way. Excluded, with their reason: net/ (servers outlive an in-process run and hold
 * their port), process/ and spawn/ (child processes and worker pools), programs without expected output
 * (syntax and type error cases). A program formatting leaves unchanged is trivially equal and not run.
 */
class FormattedProgramsRunTheSameTest {

    @Test
    void formattedCorpusProgramsPrintTheSameAndExitTheSame() throws Exception {
        Map<String, SourceFile> corpus = Programs.under(Programs.corpus(), "corpus");
        Assumptions.assumeTrue(!corpus.isEmpty(), "conformance corpus not found at " + Programs.corpus());
        Assumptions.assumeTrue(Harness.outSink() != null, "runtime-lib Out has no redirectable sink field");
        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        int ran = 0;
        int excluded = 0;
        int unchanged = 0;
        for (Map.Entry<String, SourceFile> e : corpus.entrySet()) {
            SourceFile original = e.getValue();
            String path = original.path().toString();
            boolean hasOut = Files.exists(original.path().resolveSibling(
                    original.path().getFileName().toString().replace(".ngn", ".out")));
            if (!hasOut || path.contains("/net/") || path.contains("/process/") || path.contains("/spawn/")) {
                excluded++;
                continue;
            }
            FormatResult r = Formatter.format(original);
            if (!r.ok()) {
                problems.add(e.getKey() + ": does not format");
                continue;
            }
            if (!r.changed()) {
                unchanged++;
                continue;
            }
            String before = outcome(original);
            if (before == null) { // does not compile or finish as it is: nothing to compare
                excluded++;
                continue;
            }
            ran++;
            String after = outcome(Programs.withText(original, r.text()));
            if (!before.equals(after)) problems.add(e.getKey() + ":\n--- original\n" + before + "--- formatted\n" + after);
        }
        System.out.printf("[fmt] run sweep: %d corpus programs, %d formatted ones run against their original, %d unchanged,"
                + " %d excluded, %.1f s%n", corpus.size(), ran, unchanged, excluded, (System.nanoTime() - started) / 1e9);
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    /**
     * Stdout plus the exit status and failure message, or null when it does not compile or finish. The failure's
     * line number is left out: formatting moves lines.
     */
    private static String outcome(SourceFile file) throws Exception {
        Diagnostics d = new Diagnostics();
        CompiledProgram p;
        try {
            p = Compiler.compile(file, d);
        } catch (RuntimeException e) {
            return null;
        }
        if (p == null || d.hasErrors()) return null;
        Harness.Captured run = Harness.runCapturingOut(p.classes(), p.mainClass(), 256L << 20);
        if (run.timedOut()) return null;
        Throwable t = run.failure();
        return run.stdout() + (t == null ? "[exit 0]\n" : "[exit 1] " + Rt.message(t) + "\n");
    }
}
