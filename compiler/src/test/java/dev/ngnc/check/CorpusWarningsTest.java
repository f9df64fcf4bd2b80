package dev.ngnc.check;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.diag.Severity;
import dev.ngnc.driver.Compiler;
import dev.ngnc.driver.SourceReader;
import dev.ngnc.source.SourceFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No false positives: every corpus program (shared/conformance, when present) and every example is checked and
 * its warnings, as {@code path:line:col: message}, must be exactly those listed in
 * {@code src/test/resources/warnings/corpus-expected.txt} (each one justified in docs/warnings.md); a program not
 * listed must get none. Any change of the set — a new false positive or a lost warning — fails.
 */
class CorpusWarningsTest {
    private static final Path CORPUS = Path.of("/work/shared/conformance");
    private static final Path EXAMPLES = Path.of("../examples");

    @Test
    void corpusAndExamplesWarnExactlyAsListed() throws IOException {
        List<Path> roots = new ArrayList<>();
        if (Files.isDirectory(CORPUS)) roots.add(CORPUS);
        if (Files.isDirectory(EXAMPLES)) roots.add(EXAMPLES);
        Assumptions.assumeFalse(roots.isEmpty(), "neither the conformance corpus nor examples/ is here");
        TreeSet<String> actual = new TreeSet<>();
        int programs = 0;
        for (Path root : roots) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(p -> p.toString().endsWith(".ngn")).filter(CorpusWarningsTest::isEntry).sorted().toList();
            }
            for (Path f : files) {
                programs++;
                String name = root.getFileName() + "/" + root.relativize(f);
                Diagnostics d = new Diagnostics();
                SourceFile src = SourceReader.read(f, name, d);
                if (src == null) continue;
                Compiler.check(src, d);
                for (Diagnostic w : d.all()) {
                    if (w.severity() != Severity.WARNING) continue;
                    String where = w.file() == null ? name : w.file().displayPath();
                    actual.add(where + ":" + w.span().line() + ":" + w.span().col() + ": " + w.message());
                }
            }
        }
        Path listFile = Path.of("src/test/resources/warnings/corpus-expected.txt");
        TreeSet<String> expected = new TreeSet<>();
        for (String line : Files.readAllLines(listFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) expected.add(line.strip());
        }
        if (!Files.isDirectory(CORPUS)) expected.removeIf(l -> l.startsWith("conformance/"));
        assertEquals(String.join("\n", expected), String.join("\n", actual), programs + " programs checked");
    }

    /** Entry programs only: helper modules (no {@code fn main} and no {@code export default}) are checked through them. */
    private static boolean isEntry(Path p) {
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            return text.contains("fn main(") || text.contains("export default");
        } catch (IOException e) {
            return false;
        }
    }
}
