package dev.ngnc.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the ngn conformance corpus (shared/conformance) through the real {@code bin/ngnc run}, using
 * the corpus' own {@code run.sh}, in two parallel {@code run.sh} processes (the areas split in two).
 *
 * <p>Ratchet: {@code it-tests/conformance-known-failures.txt} lists the cases that do not pass yet.
 * The test fails on (a) a failing case that is not listed — a regression — and (b) a listed case that
 * passes now — remove it from the list. Lines starting with {@code ?} are flaky: either result is fine.
 * {@code it-tests/update-known-failures.sh} regenerates the list.
 *
 * <p>System properties (set by the pom): {@code ngnc.repo}, {@code ngnc.jar} (the shaded CLI jar of
 * this build), {@code ngnc.corpus}, {@code ngnc.conformance.only} (areas, comma-separated),
 * {@code ngnc.conformance.timeout} (seconds per case), {@code ngnc.conformance.out} (reports).
 */
class ConformanceTest {
    static final int PARALLEL = 2;

    record Result(String name, boolean passed, int exit, long ms, String reason) {
        String area() { return name.substring(0, name.indexOf('/')); }
    }

    /**
     * The corpus beside the checkout ({@code ../shared/conformance}), else the workplace's shared copy
     * ({@code /work/shared/conformance}), so a clone anywhere on this machine finds it.
     */
    static Path defaultCorpus(Path repo) {
        Path sibling = repo.resolve("../shared/conformance").normalize();
        if (Files.isRegularFile(sibling.resolve("run.sh"))) return sibling;
        Path shared = Path.of("/work/shared/conformance");
        return Files.isRegularFile(shared.resolve("run.sh")) ? shared : sibling;
    }

    @Test
    void conformanceCorpus() throws Exception {
        Path repo = Path.of(System.getProperty("ngnc.repo", "..")).toAbsolutePath().normalize();
        Path corpus = Path.of(prop("ngnc.corpus", defaultCorpus(repo).toString())).toAbsolutePath().normalize();
        Path jar = Path.of(prop("ngnc.jar", "")).toAbsolutePath().normalize();
        Path out = Path.of(prop("ngnc.conformance.out", repo.resolve("it-tests/target/conformance").toString()));
        Path knownFile = repo.resolve("it-tests/conformance-known-failures.txt");
        Path ngnc = repo.resolve("bin/ngnc");
        String timeout = prop("ngnc.conformance.timeout", "10");
        Set<String> only = new TreeSet<>();
        for (String a : prop("ngnc.conformance.only", "").split(",")) if (!a.isBlank()) only.add(a.trim());

        assertTrue(Files.isRegularFile(corpus.resolve("run.sh")), "no conformance corpus at " + corpus + " (set -Dngnc.corpus=DIR)");
        assertTrue(Files.isRegularFile(jar), "no CLI jar " + jar + ": run `mvn verify` (the compiler module's package phase builds it)");
        assertTrue(Files.isExecutable(ngnc), "not executable: " + ngnc);
        Files.createDirectories(out);

        // Sanity check of the launcher (JDK found, jar found) and a warm-up that records the startup cache once.
        Path cacheDir = out.resolve("ngnc-cache");
        Map<String, String> env = Map.of("NGNC_JAR", jar.toString(), "NGNC_CACHE_DIR", cacheDir.toString());
        ProcessResult version = exec(List.of(ngnc.toString(), "--version"), repo, env, out.resolve("version.log"), 120);
        assertTrue(version.exit == 0, "bin/ngnc --version failed:\n" + version.output);
        System.out.println("[conformance] " + version.output.strip().replace("\n", "; "));
        exec(List.of(ngnc.toString(), "check", repo.resolve("examples/hello/main.ngn").toString()), repo, env, out.resolve("warmup.log"), 300);

        // All cases, grouped by area.
        ProcessResult listing = exec(List.of("bash", corpus.resolve("run.sh").toString(), "--list"), corpus, Map.of(), out.resolve("list.txt"), 120);
        assertTrue(listing.exit == 0, "run.sh --list failed:\n" + listing.output);
        Map<String, List<String>> byArea = new TreeMap<>();
        for (String c : listing.output.lines().map(String::strip).filter(s -> s.contains("/")).toList()) {
            String area = c.substring(0, c.indexOf('/'));
            if (only.isEmpty() || only.contains(area)) byArea.computeIfAbsent(area, k -> new ArrayList<>()).add(c);
        }
        assertTrue(!byArea.isEmpty(), "no conformance cases found" + (only.isEmpty() ? "" : " in areas " + only));

        // Split the areas into PARALLEL groups of about equal case counts; run each with its own run.sh.
        List<List<String>> groups = new ArrayList<>();
        int[] load = new int[PARALLEL];
        for (int i = 0; i < PARALLEL; i++) groups.add(new ArrayList<>());
        byArea.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    int g = load[0] <= load[1] ? 0 : 1;
                    groups.get(g).add(e.getKey());
                    load[g] += e.getValue().size();
                });
        long start = System.nanoTime();
        List<Process> procs = new ArrayList<>();
        List<Path> jsons = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int g = 0; g < PARALLEL; g++) {
            if (groups.get(g).isEmpty()) continue;
            Path json = out.resolve("results-" + g + ".json");
            Path log = out.resolve("run-" + g + ".log");
            Files.deleteIfExists(json);
            List<String> cmd = List.of("bash", corpus.resolve("run.sh").toString(),
                    "--only", String.join(",", groups.get(g)), "--json", json.toString(), "--timeout", timeout,
                    "--", ngnc.toString(), "run");
            procs.add(start(cmd, corpus, env, log));
            jsons.add(json);
            logs.add(log);
        }
        for (Process p : procs) {
            if (!p.waitFor(90, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("run.sh did not finish within 90 minutes");
            }
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;

        Map<String, Result> results = new TreeMap<>();
        for (int i = 0; i < jsons.size(); i++) {
            if (!Files.exists(jsons.get(i))) {
                fail("run.sh wrote no " + jsons.get(i) + "; its log:\n" + tail(logs.get(i), 40));
            }
            for (Result r : parse(Files.readString(jsons.get(i), StandardCharsets.UTF_8))) results.put(r.name(), r);
        }
        for (List<String> cases : byArea.values()) {
            for (String c : cases) results.putIfAbsent(c, new Result(c, false, -1, 0, "no result from run.sh"));
        }

        // Per-area summary.
        Map<String, int[]> perArea = new TreeMap<>();
        for (Result r : results.values()) perArea.computeIfAbsent(r.area(), k -> new int[2])[r.passed() ? 0 : 1]++;
        StringBuilder summary = new StringBuilder("[conformance] per area (" + results.size() + " cases, " + PARALLEL
                + " parallel run.sh, " + wallMs / 1000 + " s):\n");
        int passed = 0;
        for (Map.Entry<String, int[]> e : perArea.entrySet()) {
            summary.append(String.format("  %-16s %3d passed, %3d failed%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
            passed += e.getValue()[0];
        }
        summary.append(String.format("  %-16s %3d passed, %3d failed%n", "total", passed, results.size() - passed));
        System.out.print(summary);

        // Ratchet against the known-failures list.
        Map<String, Ratchet.Outcome> outcomes = new TreeMap<>();
        results.values().forEach(r -> outcomes.put(r.name(), new Ratchet.Outcome(r.passed(), r.reason())));
        Ratchet.Verdict verdict = Ratchet.judge(Ratchet.Known.read(knownFile), outcomes,
                k -> only.isEmpty() || only.contains(k.contains("/") ? k.substring(0, k.indexOf('/')) : k));
        Set<String> stale = verdict.stale();

        // Reports: the failing cases in list format (update-known-failures.sh --from-last-run uses it) and the details.
        StringBuilder failures = new StringBuilder();
        StringBuilder details = new StringBuilder(summary);
        for (Result r : results.values()) {
            if (!r.passed()) failures.append(r.name()).append('\n');
            details.append(String.format("%s %s (exit %d, %d ms)%s%n", r.passed() ? "ok  " : "FAIL", r.name(), r.exit(), r.ms(),
                    r.reason().isEmpty() ? "" : ": " + r.reason()));
        }
        Files.writeString(out.resolve("failures.txt"), failures);
        Files.writeString(out.resolve("scope.txt"), (only.isEmpty() ? "all" : String.join(",", only)) + "\n");
        Files.writeString(out.resolve("report.txt"), details);
        if (!stale.isEmpty()) {
            System.out.println("[conformance] warning: listed in " + knownFile.getFileName() + " but not in the corpus: " + stale);
        }

        StringBuilder problems = new StringBuilder(verdict.problems("conformance case", knownFile.getFileName().toString()));
        if (!problems.isEmpty()) {
            problems.append("(details: ").append(out.resolve("report.txt")).append("; regenerate the list deliberately with it-tests/update-known-failures.sh)");
            fail(problems.toString());
        }
    }

    // ------------------------------------------------------------------------------------------

    private static final Pattern RESULT = Pattern.compile(
            "\\{\"case\":\"((?:\\\\.|[^\"\\\\])*)\",\"status\":\"(\\w+)\",\"exit\":(-?\\d+),\"ms\":(-?\\d+),\"reason\":\"((?:\\\\.|[^\"\\\\])*)\"}");

    /** Parses run.sh's {@code --json} output (one result object per line). */
    static List<Result> parse(String json) {
        List<Result> out = new ArrayList<>();
        Matcher m = RESULT.matcher(json);
        while (m.find()) {
            out.add(new Result(unescape(m.group(1)), m.group(2).equals("pass"), Integer.parseInt(m.group(3)),
                    Long.parseLong(m.group(4)), unescape(m.group(5))));
        }
        return out;
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    record ProcessResult(int exit, String output) {}

    private static Process start(List<String> cmd, Path dir, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static ProcessResult exec(List<String> cmd, Path dir, Map<String, String> env, Path log, int timeoutSeconds)
            throws IOException, InterruptedException {
        Process p = start(cmd, dir, env, log);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("timed out after " + timeoutSeconds + " s: " + cmd);
        }
        return new ProcessResult(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String tail(Path file, int lines) throws IOException {
        if (!Files.exists(file)) return "(no log)";
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String prop(String key, String fallback) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
