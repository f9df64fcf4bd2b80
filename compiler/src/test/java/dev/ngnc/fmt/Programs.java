package dev.ngnc.fmt;

import dev.ngnc.ast.Program;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.lexer.Comment;
import dev.ngnc.lexer.Lexer;
import dev.ngnc.parser.Parser;
import dev.ngnc.source.SourceFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The programs the formatter properties sweep, and small helpers over them. */
final class Programs {
    private Programs() {}

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    /** The conformance corpus as the other corpus tests find it: -Dngnc.corpus, a sibling checkout, the shared copy. */
    static Path corpus() {
        String prop = System.getProperty("ngnc.corpus");
        if (prop != null) return Path.of(prop);
        Path sibling = REPO.resolve("../shared/conformance").normalize();
        return Files.isDirectory(sibling) ? sibling : Path.of("/work/shared/conformance");
    }

    /** Every .ngn file under {@code dir} (none when it is absent), keyed by "label:relative path". */
    static Map<String, SourceFile> under(Path dir, String label) {
        Map<String, SourceFile> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".ngn") && !f.toString().contains("/target/")).sorted().toList()) {
                out.put(label + ":" + dir.relativize(p), read(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Corpus, examples and docs examples. */
    static Map<String, SourceFile> all() {
        Map<String, SourceFile> out = new TreeMap<>(under(corpus(), "corpus"));
        out.putAll(under(REPO.resolve("examples"), "examples"));
        out.putAll(under(REPO.resolve("it-tests/src/test/resources/docs-examples"), "docs"));
        return out;
    }

    static SourceFile read(Path p) {
        try {
            return new SourceFile(p.toString(), p, Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceFile withText(SourceFile f, String text) { return new SourceFile(f.displayPath(), f.path(), text); }

    /** The tree of a file that parses without errors, or null. */
    static Program parse(SourceFile f) {
        Diagnostics d = new Diagnostics();
        Program p = Parser.parse(f, d);
        return d.hasErrors() ? null : p;
    }

    static List<String> commentTexts(SourceFile f) {
        List<String> out = new ArrayList<>();
        for (Comment c : Lexer.comments(f)) out.add(c.text());
        out.sort(null);
        return out;
    }

    static String format(SourceFile f) {
        FormatResult r = Formatter.format(f);
        if (!r.ok()) throw new AssertionError(f.displayPath() + " did not format: " + r.diagnostics());
        return r.text();
    }
}
