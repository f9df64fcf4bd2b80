package dev.ngnc.codegen;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;
import dev.ngnc.rt.Rt;
import dev.ngnc.source.SourceFile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The erasure property (issue 10 item 2): a program with its omittable type annotations removed
 * ({@link TypeEraser}) prints exactly what the typed program prints, and fails (when it fails) with the
 * same message at the same line. The sweep covers the conformance corpus, the examples and every
 * complete program written as a text block in this module's tests.
 *
 * <p>Ratchet: {@code src/test/resources/erasure-known-differences.txt} lists the programs that may still
 * differ, each with its reason; an unlisted difference fails, and so does a listed program that agrees now.
 * The report goes to {@code target/erasure-sweep.txt}.
 */
class ErasureSweepTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path CORPUS = Path.of("/work/shared/conformance");
    private static final Path KNOWN = Path.of("src/test/resources/erasure-known-differences.txt");

    /** One program of the sweep: where it comes from (for the report) and its source. */
    record Case(String name, SourceFile file) {}

    /** A compiled-and-run outcome compared between the typed and the erased program. */
    record Outcome(String stdout, String failure) {
        String describe() {
            return stdout + (failure == null ? "" : "[failure] " + failure + "\n");
        }
    }

    @Test
    void erasedProgramsBehaveAsTheTypedOnes() throws Exception {
        Assumptions.assumeTrue(Harness.outSink() != null, "runtime-lib Out has no redirectable sink field");
        List<Case> cases = new ArrayList<>();
        cases.addAll(corpusCases());
        cases.addAll(exampleCases());
        cases.addAll(docsExampleCases());
        cases.addAll(textBlockCases());

        Map<String, String> known = readKnown();
        StringBuilder report = new StringBuilder();
        List<String> unexpected = new ArrayList<>();
        List<String> nowAgree = new ArrayList<>();
        int swept = 0;
        int erasedAnnotations = 0;
        int keptAnnotations = 0;
        int differ = 0;
        int skipped = 0;
        for (Case c : cases) {
            TypeEraser.Erased erased = TypeEraser.erase(c.file(), TypeEraser.Scope.PARAMS_AND_VARIABLES);
            if (erased == null || erased.removed() == 0) {
                skipped++;
                continue;
            }
            Outcome typed = outcome(c.file());
            if (typed == null) { // a program meant not to compile or to hang: nothing to compare
                skipped++;
                continue;
            }
            swept++;
            erasedAnnotations += erased.removed();
            keptAnnotations += erased.kept();
            SourceFile erasedFile = new SourceFile(c.file().displayPath(), c.file().path(), erased.text());
            Outcome untyped = outcomeOrDiagnostics(erasedFile);
            boolean same = typed.equals(untyped);
            if (!same) {
                differ++;
                report.append("DIFFERS ").append(c.name()).append("\n--- typed\n").append(typed.describe())
                        .append("--- erased\n").append(untyped.describe()).append("--- erased source\n")
                        .append(erased.text()).append("\n\n");
                if (!known.containsKey(c.name())) unexpected.add(c.name());
            } else if (known.containsKey(c.name())) {
                nowAgree.add(c.name());
            }
        }
        String summary = String.format("[erasure] %d programs, %d swept (%d annotations erased, %d kept as not"
                + " inferable), %d differ, %d skipped (no annotation to erase, not compiling or not finishing typed)%n",
                cases.size(), swept, erasedAnnotations, keptAnnotations, differ, skipped);
        System.out.print(summary);
        Files.writeString(Path.of("target/erasure-sweep.txt"), summary + report);
        StringBuilder problems = new StringBuilder();
        if (!unexpected.isEmpty()) {
            problems.append("erased programs that differ from the typed ones (see target/erasure-sweep.txt):\n  ")
                    .append(String.join("\n  ", unexpected)).append('\n');
        }
        if (!nowAgree.isEmpty()) {
            problems.append("listed in ").append(KNOWN).append(" but agreeing now (remove them):\n  ")
                    .append(String.join("\n  ", nowAgree)).append('\n');
        }
        if (!problems.isEmpty()) fail(problems.toString());
    }

    /** The typed program's outcome, or null when it does not compile or does not finish. */
    private static Outcome outcome(SourceFile file) throws Exception {
        CompiledProgram p = compile(file, new Diagnostics());
        if (p == null) return null;
        Harness.Captured run = Harness.runCapturingOut(p.classes(), p.mainClass(), 256L << 20);
        if (run.timedOut()) return null;
        return new Outcome(run.stdout(), failure(run.failure()));
    }

    /** The erased program's outcome; its compile errors count as an outcome (one that differs). */
    private static Outcome outcomeOrDiagnostics(SourceFile file) throws Exception {
        Diagnostics d = new Diagnostics();
        CompiledProgram p = compile(file, d);
        if (p == null) {
            StringBuilder sb = new StringBuilder();
            d.all().forEach(x -> sb.append(dev.ngnc.diag.DiagnosticRenderer.render(x)));
            return new Outcome("", "compile error:\n" + sb);
        }
        Harness.Captured run = Harness.runCapturingOut(p.classes(), p.mainClass(), 256L << 20);
        if (run.timedOut()) return new Outcome(run.stdout(), "did not finish in 10 s");
        return new Outcome(run.stdout(), failure(run.failure()));
    }

    private static CompiledProgram compile(SourceFile file, Diagnostics d) {
        try {
            CompiledProgram p = Compiler.compile(file, d);
            return p == null || d.hasErrors() ? null : p;
        } catch (RuntimeException e) {
            d.error(file, dev.ngnc.source.Span.NONE, "compiler crashed: " + e);
            return null;
        }
    }

    private static String failure(Throwable t) {
        if (t == null) return null;
        return Rt.message(t) + " " + Rt.location(t);
    }

    private static List<Case> corpusCases() throws IOException {
        if (!Files.isDirectory(CORPUS)) return List.of();
        List<Case> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(CORPUS)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".ngn")).sorted().toList()) {
                if (!Files.exists(p.resolveSibling(p.getFileName().toString().replace(".ngn", ".out")))) continue;
                // servers outlive an in-process run and keep their port: the erased twin would talk to the typed one
                if (p.toString().contains("/net/")) continue;
                out.add(new Case("corpus:" + CORPUS.relativize(p).toString().replace(".ngn", ""), read(p)));
            }
        }
        return out;
    }

    private static List<Case> exampleCases() throws IOException {
        Path examples = REPO.resolve("examples");
        if (!Files.isDirectory(examples)) return List.of();
        List<Case> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(examples)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".ngn") && !f.toString().contains("/target/"))
                    .sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                if (!text.contains("fn main")) continue;
                out.add(new Case("examples:" + examples.relativize(p), read(p)));
            }
        }
        return out;
    }

    /** The documentation's examples (it-tests' DocsExamplesTest runs them through bin/ngnc). */
    private static List<Case> docsExampleCases() throws IOException {
        Path docs = REPO.resolve("it-tests/src/test/resources/docs-examples");
        if (!Files.isDirectory(docs)) return List.of();
        List<Case> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(docs)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".ngn")).sorted().toList()) {
                if (!Files.exists(p.resolveSibling(p.getFileName().toString().replace(".ngn", ".out")))) continue;
                out.add(new Case("docs:" + docs.relativize(p).toString().replace(".ngn", ""), read(p)));
            }
        }
        return out;
    }

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"\\n(.*?)\"\"\"", Pattern.DOTALL);

    /** Every text block in this module's test sources that is a whole program (has a main). */
    private static List<Case> textBlockCases() throws IOException {
        Path tests = Path.of("src/test/java");
        List<Case> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(tests)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String java = Files.readString(p, StandardCharsets.UTF_8);
                Matcher m = TEXT_BLOCK.matcher(java);
                while (m.find()) {
                    String program = textBlockValue(m.group(1));
                    if (!program.contains("fn main(")) continue;
                    int line = 1 + (int) java.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
                    String name = "test:" + p.getFileName() + ":" + line;
                    out.add(new Case(name, new SourceFile("main.ngn", Path.of("main.ngn"), program)));
                }
            }
        }
        return out;
    }

    /** The value of a Java text block body: common indentation stripped, escapes translated. */
    static String textBlockValue(String body) {
        String raw = body.replaceAll("(?m)[ \\t]+$", "");
        int indent = Integer.MAX_VALUE;
        for (String line : raw.split("\n", -1)) {
            if (line.isBlank()) continue;
            int i = 0;
            while (i < line.length() && line.charAt(i) == ' ') i++;
            indent = Math.min(indent, i);
        }
        StringBuilder sb = new StringBuilder();
        String[] lines = raw.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            sb.append(line.length() >= indent ? line.substring(indent == Integer.MAX_VALUE ? 0 : indent) : "");
            if (i < lines.length - 1) sb.append('\n');
        }
        return sb.toString().translateEscapes();
    }

    private static SourceFile read(Path p) throws IOException {
        return new SourceFile(p.getFileName().toString(), p, Files.readString(p, StandardCharsets.UTF_8));
    }

    /** {@code name  # reason} lines; '#' lines are comments. */
    private static Map<String, String> readKnown() throws IOException {
        Map<String, String> known = new TreeMap<>();
        if (!Files.exists(KNOWN)) return known;
        for (String line : Files.readAllLines(KNOWN, StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            int hash = s.indexOf(" #");
            known.put(hash < 0 ? s : s.substring(0, hash).strip(), hash < 0 ? "" : s.substring(hash + 2).strip());
        }
        return known;
    }
}
