package dev.ngnc.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every runnable code example of the ngn documentation, written as a program in
 * {@code src/test/resources/docs-examples/<doc>/NNN-name.ngn} (the table is {@code docs/docs-examples.md}), run
 * through the real {@code bin/ngnc run}. Expected: {@code NNN-name.out} is the exact stdout; {@code NNN-name.exit}
 * holds {@code nonzero} (or a number) when the example fails on purpose, and {@code NNN-name.err-contains} a line
 * its stderr must contain. A {@code .ngn} without {@code .out} is a helper module imported by another example.
 *
 * <p>Ratchet: {@code it-tests/docs-examples-known-failures.txt} lists {@code doc/NNN-name} cases that do not pass
 * yet (same format and rules as the conformance list: an unlisted failure or a listed pass fails the test).
 */
class DocsExamplesTest {
    static final int PARALLEL = 2;
    static final int TIMEOUT_SECONDS = 30;

    record Case(String name, Path program) {
        Path sibling(String extension) {
            String file = program.getFileName().toString();
            return program.resolveSibling(file.substring(0, file.length() - ".ngn".length()) + extension);
        }
    }

    record Outcome(String name, boolean passed, String reason) {}

    @Test
    void documentedExamplesRunAsDocumented() throws Exception {
        Path repo = Path.of(System.getProperty("ngnc.repo", "..")).toAbsolutePath().normalize();
        Path examples = repo.resolve("it-tests/src/test/resources/docs-examples");
        Path jar = Path.of(System.getProperty("ngnc.jar", "")).toAbsolutePath().normalize();
        Path out = repo.resolve("it-tests/target/docs-examples");
        Path knownFile = repo.resolve("it-tests/docs-examples-known-failures.txt");
        Path ngnc = repo.resolve("bin/ngnc");
        assertTrue(Files.isRegularFile(jar), "no CLI jar " + jar + ": run `mvn verify`");
        Files.createDirectories(out);
        Map<String, String> env = Map.of("NGNC_JAR", jar.toString(), "NGNC_CACHE_DIR", out.resolve("ngnc-cache").toString());

        List<Case> cases = cases(examples);
        assertTrue(cases.size() > 100, "expected the documentation's examples under " + examples + ", found " + cases.size());

        Map<String, Outcome> outcomes = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (Case c : cases) running.add(pool.submit(() -> run(c, ngnc, env, out)));
            for (Future<Outcome> f : running) {
                Outcome o = f.get();
                outcomes.put(o.name(), o);
            }
        } finally {
            pool.shutdownNow();
        }

        Ratchet.Known known = Ratchet.Known.read(knownFile);
        StringBuilder report = new StringBuilder();
        Map<String, Ratchet.Outcome> judged = new TreeMap<>();
        int passed = 0;
        for (Outcome o : outcomes.values()) {
            if (o.passed()) passed++;
            report.append(o.passed() ? "ok   " : "FAIL ").append(o.name()).append(o.passed() ? "" : ": " + o.reason()).append('\n');
            judged.put(o.name(), new Ratchet.Outcome(o.passed(), o.reason()));
        }
        Ratchet.Verdict verdict = Ratchet.judge(known, judged, name -> true);
        Files.writeString(out.resolve("report.txt"), report);
        System.out.printf("[docs-examples] %d examples, %d passed, %d failed (%d listed as known)%n",
                outcomes.size(), passed, outcomes.size() - passed, known.failing().size());

        StringBuilder problems = new StringBuilder(verdict.problems("documentation example", knownFile.getFileName().toString()));
        if (!verdict.stale().isEmpty()) problems.append("listed but no such example: ").append(verdict.stale()).append('\n');
        if (!problems.isEmpty()) fail(problems + "(details: " + out.resolve("report.txt") + ")");
    }

    /** Every {@code .ngn} with a {@code .out} beside it, named {@code doc/NNN-name}, in path order. */
    static List<Case> cases(Path root) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted().toList()) {
                if (!p.toString().endsWith(".ngn")) continue;
                Case c = new Case(root.relativize(p).toString().replace('\\', '/').replaceAll("\\.ngn$", ""), p);
                if (Files.exists(c.sibling(".out"))) cases.add(c);
            }
        }
        return cases;
    }

    private static Outcome run(Case c, Path ngnc, Map<String, String> env, Path out) throws Exception {
        Path stdout = out.resolve(c.name().replace('/', '_') + ".stdout");
        Path stderr = out.resolve(c.name().replace('/', '_') + ".stderr");
        // examples that write files (tbx::io) do it in a scratch directory, not in the source tree
        Path work = Files.createDirectories(out.resolve("work"));
        ProcessBuilder pb = new ProcessBuilder(ngnc.toString(), "run", c.program().toString())
                .directory(work.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Outcome(c.name(), false, "timed out after " + TIMEOUT_SECONDS + " s");
        }
        int exit = p.exitValue();
        String got = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        String want = Files.readString(c.sibling(".out"), StandardCharsets.UTF_8);
        String wantExit = Files.exists(c.sibling(".exit")) ? Files.readString(c.sibling(".exit")).strip() : "0";
        boolean exitOk = wantExit.equals("nonzero") ? exit != 0 : String.valueOf(exit).equals(wantExit);
        if (!exitOk) return new Outcome(c.name(), false, "exit " + exit + ", expected " + wantExit + firstLine(err));
        if (!got.equals(want)) {
            return new Outcome(c.name(), false, "stdout differs: expected " + quote(want) + ", got " + quote(got) + firstLine(err));
        }
        if (Files.exists(c.sibling(".err-contains"))) {
            String needle = Files.readString(c.sibling(".err-contains"), StandardCharsets.UTF_8).strip();
            if (!err.contains(needle)) return new Outcome(c.name(), false, "stderr lacks " + quote(needle) + firstLine(err));
        }
        return new Outcome(c.name(), true, "");
    }

    private static String firstLine(String err) {
        String line = err.lines().findFirst().orElse("");
        return line.isEmpty() ? "" : " (stderr: " + line + ")";
    }

    private static String quote(String s) {
        String shown = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        return '"' + shown.replace("\n", "\\n") + '"';
    }
}
