package dev.ngnc.check;

import dev.ngnc.ast.Program;
import dev.ngnc.codegen.Emitter;
import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.DiagnosticRenderer;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.SourceReader;
import dev.ngnc.lexer.Lexer;
import dev.ngnc.lexer.Token;
import dev.ngnc.lexer.TokenKind;
import dev.ngnc.parser.Parser;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;
import dev.ngnc.tast.TProgram;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The front end ({@link Parser#parse} + {@link Checker}) never throws and always terminates, whatever
 * the input, and every diagnostic it reports has a sane span: {@code line ≥ 1}, {@code col ≥ 1},
 * {@code 0 ≤ start ≤ end ≤ text length}, and line/column agreeing with the start offset. The checker
 * returns null exactly when it reported an error itself (parse errors are reported separately).
 *
 * <p>Inputs: token soup (random vocabulary words, bare and inside {@code fn main() { … }}), and
 * programs of the shared conformance corpus ({@code -Dngnc.corpus=DIR}, default
 * {@code /work/shared/conformance}; the corpus properties are skipped when it is absent) with random
 * token deletions, duplications and swaps or character edits; "phrase programs" assembled from
 * declarations and statements that parse (so most inputs reach deep into the checker). Corpus programs
 * are checked with their real imports (files next to them), like the driver does. A program the
 * front end accepts is also emitted, and its classes must pass CheckClassAdapter verification.
 */
class CheckerNeverThrowsPropertyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final List<String> VOCABULARY = List.of(
            // reserved words
            "var", "const", "global", "type", "fn", "return", "if", "while", "once", "loop", "for", "in", "match",
            "next", "break", "import", "export", "default", "from", "as", "enum", "model", "role", "extend", "with",
            "this", "check", "null", "true", "false", "print", "echo", "sleep", "thread", "channel", "bytes",
            "state", "map", "set",
            // names, types, literals
            "x", "y", "x", "y", "main", "f", "M", "E", "R", "Foo", "Ok", "Error", "Value", "Null", "json", "env",
            "time", "spawn", "panic", "_", "$", "$1", "0", "1", "42", "2.5", "5.", "9223372036854775807",
            "\"s\"", "'t'", "\"a ${x} b\"", "\"${\"in\"}\"", "/re/g", "i64", "f64", "u8", "string", "bool", "void",
            "number", "array", "tuple", "any", "Maybe", "Result", "array<i64>", "map<string, i64>",
            "\"tbx::math\"", "\"./missing.ngn\"", "abs", "assert",
            // brackets
            "(", ")", "[", "]", "{", "}", "(", ")", "{", "}",
            // operators and punctuation
            "+", "-", "*", "/", "%", "**", "^", "=", "+=", "-=", "*=", "/=", "%=", "**=", "^=", "==", "!=", "<", ">",
            "<=", ">=", "&&", "||", "!", "??", "?.", "?", "|>", "|", "<-", "<-?", "..", "..<", "...", "=>", "::",
            ":", ",", ".", ".", ":",
            // layout, comments and junk
            "\n", "\n", "\n", "\n", "// c\n", "/* c */", "#", ";", "&", "\t");

    /** Well-typed snippets that make it likelier for soup to reach deep into the checker. */
    private static final List<String> PHRASES = List.of(
            "model M { a: i64, b?: string }", "model B<T> { v: T }", "enum E { A, B(i64) }",
            "role R { fn r(): string }", "extend M with R { fn r(): string \"m\" }", "extend i64 { fn dbl(): i64 this * 2 }",
            "fn f(a: i64, b: string = \"d\"): i64 { return a }", "fn g(<xs: array<i64>) { print(xs) }",
            "const m = M { a: 1 }", "var xs = [1, 2]", "const c = channel<i64>()", "const s = state(0)",
            "match (x) { 1 => print(1), _ => print(2) }", "if (x?) print(x) : print(0)", "check x? { return }",
            "for (i, v in xs) print(v)", "|a: i64| a + 1", "thread(|| print(1))", "x |> f(1)", "m.a = 2",
            "xs.push(3)", "const (p, q) = (1, \"a\")", "const { a, ...rest } = { a: 1, b: 2 }", "<- c",
            "import { abs } from \"tbx::math\"", "import * as L from \"./lib.ngn\"", "global G = 1");

    // ---------------------------------------------------------------------------- the invariant

    /**
     * Parses and checks {@code text} as file {@code path} under a timeout; asserts the invariants.
     * Returns how far the program got ({@code parse errors}, {@code check errors}, {@code clean}) for statistics.
     */
    static String frontEndIsSane(String text, Path path) {
        SourceFile file = new SourceFile(path.getFileName().toString(), path, text);
        Diagnostics diags = new Diagnostics();      // parser
        Diagnostics checkDiags = new Diagnostics(); // checker (and imported modules)
        Object[] result = new Object[1];
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "checker-under-test", 256L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> f = ex.submit(() -> {
                Program program = Parser.parse(file, diags);
                result[0] = Checker.checkAll(program, checkDiags, CheckerNeverThrowsPropertyTest::loadModule);
            });
            f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fail("front end did not terminate within " + TIMEOUT + " on:\n" + text);
        } catch (ExecutionException e) {
            throw new AssertionError("front end threw " + e.getCause() + " on:\n" + text, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            ex.shutdownNow();
        }
        List<String> problems = new ArrayList<>();
        // "Checker.check returns null when it reported any" error (docs/architecture.md); parse errors are the driver's business
        boolean checkerErrors = checkDiags.hasErrors();
        if (result[0] == null && !checkerErrors) problems.add("checker returned null without reporting an error");
        if (result[0] != null && checkerErrors) problems.add("checker returned a program despite reporting errors");
        checkDiags.all().forEach(diags::add);
        for (Diagnostic d : diags.all()) {
            if (d.message() == null || d.message().isBlank()) problems.add("empty message");
            if (d.message() != null && d.message().startsWith("internal")) problems.add("internal error: " + d.message());
            if (d.file() == null || d.span() == null) continue; // about a whole file (e.g. an unreadable import)
            Span s = d.span();
            String owner = d.file().text();
            if (s.line() < 1 || s.col() < 1) problems.add("line/col < 1: " + s);
            if (s.start() < 0 || s.start() > s.end() || s.end() > owner.length()) {
                problems.add("span outside the text (length " + owner.length() + "): " + s);
            } else if (!positionOf(owner, s.start()).equals(List.of(s.line(), s.col()))) {
                problems.add("line:col " + s.line() + ":" + s.col() + " does not match offset " + s.start()
                        + " (which is " + positionOf(owner, s.start()) + ")");
            }
            try {
                DiagnosticRenderer.render(d);
            } catch (RuntimeException e) {
                problems.add("renderer threw " + e);
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\n--- diagnostics\n"
                    + diags.all().stream().map(DiagnosticRenderer::render).collect(Collectors.joining())
                    + "--- source\n" + text);
        }
        if (result[0] instanceof Checker.CheckedProgram checked && !diags.hasErrors()) {
            String emitProblem = emitAndVerify(checked);
            if (emitProblem != null) fail("checked program does not emit verifiable classes: " + emitProblem + "\n--- source\n" + text);
        }
        return parseErrors(diags, checkDiags) ? "parse errors" : checkerErrors ? "check errors" : "clean";
    }

    /**
     * Bonus: a program the front end accepts must go through the emitter, and its classes must pass
     * ASM's CheckClassAdapter data-flow verification. Returns a description of the problem, or null.
     */
    private static String emitAndVerify(Checker.CheckedProgram checked) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try {
            for (TProgram module : checked.modules()) classes.putAll(Emitter.emit(module));
            classes.putAll(Emitter.emit(checked.entry()));
        } catch (RuntimeException | StackOverflowError e) {
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            return "emitter threw " + sw.toString().lines().limit(12).collect(Collectors.joining("\n"));
        }
        ClassLoader loader = new ClassLoader(CheckerNeverThrowsPropertyTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name.replace('.', '/'));
                if (b == null) throw new ClassNotFoundException(name);
                return defineClass(name, b, 0, b.length);
            }
        };
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            StringWriter sw = new StringWriter();
            try {
                CheckClassAdapter.verify(new ClassReader(e.getValue()), loader, false, new PrintWriter(sw));
            } catch (RuntimeException ex) {
                sw.append(ex.toString());
            }
            // a runtime-lib class the test class path lacks (runtime-lib built from older sources than the
            // compiler) is class-path skew, not an emitter bug: skip that class
            if (sw.toString().contains("ClassNotFoundException: dev.ngnc.rt.")) continue;
            if (!sw.toString().isBlank()) problems.append(e.getKey()).append(": ").append(sw.toString().lines().limit(8).collect(Collectors.joining("\n"))).append('\n');
        }
        return problems.isEmpty() ? null : problems.toString();
    }

    private static boolean parseErrors(Diagnostics all, Diagnostics checker) {
        return all.errorCount() > checker.errorCount();
    }

    /** [line, col] (1-based; col in code points) of char offset {@code offset}. */
    private static List<Integer> positionOf(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return List.of(line, text.codePointCount(lineStart, offset) + 1);
    }

    /** Like the driver's module loader: read the imported file (if any) and parse it. */
    private static Program loadModule(Path path, String displayPath, Diagnostics diagnostics) {
        SourceFile file = SourceReader.read(path, displayPath, diagnostics);
        return file == null ? null : Parser.parse(file, diagnostics);
    }

    // ---------------------------------------------------------------------------- token soup

    private static final Path SOUP = Path.of("/nonexistent-dir/soup.ngn");

    @Property(tries = 1000)
    void tokenSoup(@ForAll("soup") String text) {
        frontEndIsSane(text, SOUP);
    }

    @Property(tries = 1000)
    void tokenSoupInsideMain(@ForAll("soup") String text, @ForAll("soup") String header) {
        frontEndIsSane(header + "\nfn main() {\n" + text + "\n}\n", SOUP);
    }

    @Property(tries = 300)
    void arbitraryText(@ForAll @StringLength(max = 200) String text) {
        frontEndIsSane(withoutLoneSurrogates(text), SOUP);
    }

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> word = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(VOCABULARY)),
                Tuple.of(1, Arbitraries.of(PHRASES)));
        return word.list().ofMaxSize(60).map(words -> String.join(" ", words));
    }

    // ---------------------------------------------------------------------------- phrase programs

    /** Top-level declarations that parse; names overlap so they collide, shadow and mistype each other. */
    private static final List<String> DECLS = List.of(
            "model M { a: i64, b?: string }", "model M { a: string }", "model B<T> { v: T }", "model N { m: M, xs: array<i64> }",
            "enum E { A, B(i64) }", "enum E { A }", "enum F<T> { P(T), Q }", "role R { fn r(): string }",
            "role R { fn r(n: i64): i64 }", "extend M with R { fn r(): string \"m\" }", "extend M { fn r(): i64 1 }",
            "extend i64 { fn dbl(): i64 this * 2 }", "extend string { fn shout(): string this.upper() }",
            "extend array { fn first(): i64 this[0] }", "fn f(a: i64, b: string = \"d\"): i64 { return a }",
            "fn f(a: string): string a", "fn g(<xs: array<i64>) { print(xs) }", "fn h(x?: i64): i64 { return x ?? 0 }",
            "fn k(): M { return M { a: 1 } }", "fn r(n: i64): i64 { if (n < 1) return 0 return r(n - 1) }",
            "global G = 1", "global G = \"s\"", "global XS<string> = [\"a\"]", "type T = i64 | string",
            "import { abs, round } from \"tbx::math\"", "import { assert } from \"tbx::test\"",
            "import * as L from \"./missing.ngn\"", "import { nope } from \"tbx::math\"", "export fn ex(): i64 1",
            "fn main() { print(1) }", "x = 1", "print(G)");

    /** Statements (one per line) inside functions and closures. */
    private static final List<String> STMTS = List.of(
            "const x = 1", "var x = 2.5", "var x = \"s\"", "const y: i64 = x", "var y = x + 1", "x = y", "x += 1",
            "const m = M { a: 1 }", "var m = M { a: \"s\", b: \"t\" }", "m.a = 2", "m.c = 3", "print(m.a)",
            "const n = N { m: m, xs: [1] }", "n.m.a = 4", "var xs = [1, 2]", "const xs = [\"a\"]", "xs.push(3)",
            "xs.push(\"a\")", "print(xs[0] + 1)", "const e = E::B(1)", "const e2 = A", "const bx = B { v: 1 }",
            "bx.v = \"s\"", "match (e) { B(v) => print(v), A => print(0), _ => break }",
            "match (x) { 1 | 2 => print(1), 3..9 => { print(2)\n next }, _ => print(3) }",
            "if (x > 1) print(x) : (x < 0) print(0) : print(\"n\")", "if (x?) print(x) : print(0)",
            "check x? { return }", "while (x < 10) { x = x + 1 }", "loop { break }", "for (i, v in xs) print(v)",
            "for (i in 1..<10) x += i", "for (c in \"str\") print(c)", "const mp = map<string, i64>()",
            "mp.set(\"a\", 1)", "print(mp.get(\"a\") ?? 0)", "const st = set([1, 2])", "const c = channel<i64>()",
            "c <- 1", "const v = <- c", "const vs = <-2 c", "const o = <-? c", "thread(|| { c <- 2 })",
            "const s = state(0)", "s.update(|n| n + 1)", "s.write(\"x\")", "print(s.read())",
            "const add = |a: i64, b: i64| a + b", "var bad = |a: i64| a", "print(add(1))", "print(add(1, \"2\"))",
            "print(f(1))", "print(f(1, 2, 3))", "print(g(xs))", "print(xs)", "print(h())", "print(h(1))",
            "print(k().a)", "print(r(3))", "print(\"s\".shout())", "print((2).dbl())", "print(\"s\".nope())",
            "print(m.r())", "print(xs.first())", "print(abs(-1))", "print(L.f())", "x |> f", "xs |> $.size() |> print",
            "const (p, q) = (1, \"a\")", "const [a1, ...rest] = xs", "const { a, b: bb } = { a: 1, b: 2 }",
            "const { a } = m", "return", "return 1", "return \"s\"", "break", "next", "print(undefinedName)",
            "print(1 + \"a\")", "print(\"${x} and ${m.a}\")", "print(-x ** 2 / 3 % 4)", "print(x == y && !true || false)",
            "print(json.stringify({ a: 1 }))", "print(json.parse(\"1\"))", "print(env.HOME)", "print(time.now().year)",
            "sleep(1)", "panic(\"p\")", "print(Ok(1))", "print(Error(\"e\"))", "print(Value(1) == 1)", "print(null)",
            "const bs = bytes(\"hi\")", "print(bs[0])", "const t = (1, \"a\", 2.5)", "print(t[5])", "print(t.toArray())",
            "fn inner(z: i64): i64 { return z + x }", "print(inner(1))", "assert(x == 1, \"msg\")", "G = 2", "print(G)");

    @Property(tries = 1500)
    void phrasePrograms(@ForAll("phraseProgram") String text) {
        Statistics.label("outcome").collect(frontEndIsSane(text, SOUP));
    }

    @Provide
    Arbitrary<String> phraseProgram() {
        Arbitrary<List<String>> decls = Arbitraries.of(DECLS).list().ofMaxSize(8);
        Arbitrary<List<String>> body = Arbitraries.of(STMTS).list().ofMaxSize(20);
        Arbitrary<List<String>> other = Arbitraries.of(STMTS).list().ofMaxSize(6);
        return Combinators.combine(decls, body, other, Arbitraries.integers().between(0, 3)).as((ds, main, fnBody, shape) -> {
            StringBuilder sb = new StringBuilder();
            ds.forEach(d -> sb.append(d).append('\n'));
            if (shape >= 1) {
                sb.append("fn other(x: i64, xs: array<i64>): i64 {\n");
                fnBody.forEach(st -> sb.append("  ").append(st).append('\n'));
                sb.append("}\n");
            }
            sb.append(shape == 3 ? "fn main(): i64 {\n" : "fn main() {\n");
            for (int i = 0; i < main.size(); i++) {
                if (shape == 2 && i == main.size() / 2) sb.append("  const cl = |x: i64| {\n");
                sb.append("  ").append(main.get(i)).append('\n');
            }
            if (shape == 2 && !main.isEmpty()) sb.append("  }\n");
            sb.append("}\n");
            return sb.toString();
        });
    }

    // ---------------------------------------------------------------------------- mutated corpus

    record Mutant(Path file, String text, String edits) {
        @Override
        public String toString() {
            return file + " [" + edits + "]";
        }
    }

    static Path corpusDir() {
        String prop = System.getProperty("ngnc.corpus");
        return Path.of(prop != null ? prop : "/work/shared/conformance").toAbsolutePath().normalize();
    }

    private static List<Path> corpus;

    static synchronized List<Path> corpus() {
        if (corpus == null) {
            Path dir = corpusDir();
            if (!Files.isDirectory(dir)) {
                corpus = List.of();
            } else {
                try (Stream<Path> s = Files.walk(dir)) {
                    corpus = s.filter(p -> p.toString().endsWith(".ngn")).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return corpus;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 600)
    void mutatedCorpusPrograms(@ForAll("mutants") Mutant m) {
        Statistics.label("outcome").collect(frontEndIsSane(m.text(), m.file()));
    }

    /** Unmodified corpus files too (errors/ programs included): no crash, sane spans. */
    @Property(tries = 300)
    void corpusProgramsAsTheyAre(@ForAll("corpusFiles") Path p) {
        frontEndIsSane(read(p), p);
    }

    @Provide
    Arbitrary<Path> corpusFiles() {
        Assume.that(!corpus().isEmpty());
        return Arbitraries.of(corpus());
    }

    /** One edit: kind (0 delete token, 1 duplicate token, 2 swap tokens, 3 delete chars, 4 duplicate chars, 5 swap chars, 6 insert a vocabulary word), position a, position b (fractions). */
    record Edit(int kind, double a, double b, String word) {}

    @Provide
    Arbitrary<Mutant> mutants() {
        Assume.that(!corpus().isEmpty());
        Arbitrary<Edit> edit = Combinators.combine(
                Arbitraries.integers().between(0, 6),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(VOCABULARY)).as(Edit::new);
        return Combinators.combine(Arbitraries.of(corpus()), edit.list().ofMinSize(1).ofMaxSize(6))
                .as((p, edits) -> {
                    String text = read(p);
                    StringBuilder log = new StringBuilder();
                    for (Edit e : edits) {
                        text = apply(text, e, log);
                    }
                    return new Mutant(p, withoutLoneSurrogates(text), log.toString().strip());
                });
    }

    /** Character edits may split a surrogate pair; real sources are valid UTF-8, so replace the halves. */
    private static String withoutLoneSurrogates(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '?' : c);
            }
        }
        return sb.toString();
    }

    /** {@code fraction} (in [0, 1]) of {@code size}, as an index below {@code size}. */
    private static int index(double fraction, int size) {
        return Math.min(size - 1, (int) (fraction * size));
    }

    private static String apply(String text, Edit e, StringBuilder log) {
        if (text.isEmpty()) return e.word();
        if (e.kind() <= 2) {
            List<Token> tokens = Lexer.lex(new SourceFile("m.ngn", Path.of("m.ngn"), text), new Diagnostics())
                    .stream().filter(t -> t.kind() != TokenKind.EOF && t.span().end() > t.span().start()).toList();
            if (tokens.size() < 2) return text;
            Token t = tokens.get(index(e.a(), tokens.size()));
            Token u = tokens.get(index(e.b(), tokens.size()));
            Span s = t.span();
            switch (e.kind()) {
                case 0 -> {
                    log.append("delete token '").append(t.text().strip()).append("' at ").append(s.line()).append(':').append(s.col()).append("; ");
                    return text.substring(0, s.start()) + text.substring(s.end());
                }
                case 1 -> {
                    log.append("duplicate token '").append(t.text().strip()).append("' at ").append(s.line()).append(':').append(s.col()).append("; ");
                    return text.substring(0, s.end()) + " " + text.substring(s.start());
                }
                default -> {
                    if (t == u) return text;
                    Token first = t.span().start() < u.span().start() ? t : u;
                    Token second = first == t ? u : t;
                    if (first.span().end() > second.span().start()) return text;
                    log.append("swap tokens '").append(first.text().strip()).append("' and '").append(second.text().strip()).append("'; ");
                    return text.substring(0, first.span().start()) + text.substring(second.span().start(), second.span().end())
                            + text.substring(first.span().end(), second.span().start())
                            + text.substring(first.span().start(), first.span().end()) + text.substring(second.span().end());
                }
            }
        }
        int n = text.length();
        int at = index(e.a(), n);
        int len = 1 + (int) (e.b() * 8);
        int end = Math.min(n, at + len);
        switch (e.kind()) {
            case 3 -> {
                log.append("delete chars ").append(at).append("..").append(end).append("; ");
                return text.substring(0, at) + text.substring(end);
            }
            case 4 -> {
                log.append("duplicate chars ").append(at).append("..").append(end).append("; ");
                return text.substring(0, end) + text.substring(at);
            }
            case 5 -> {
                int other = index(e.b(), n);
                if (other == at) return text;
                int i = Math.min(at, other);
                int j = Math.max(at, other);
                log.append("swap chars ").append(i).append(" and ").append(j).append("; ");
                char[] cs = text.toCharArray();
                char c = cs[i];
                cs[i] = cs[j];
                cs[j] = c;
                return new String(cs);
            }
            default -> {
                log.append("insert '").append(e.word().strip()).append("' at ").append(at).append("; ");
                return text.substring(0, at) + " " + e.word() + " " + text.substring(at);
            }
        }
    }
}
