package dev.ngnc.diag;

import dev.ngnc.driver.Compiler;
import dev.ngnc.source.SourceFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden diagnostics: every {@code NAME.ngn} directly in {@code src/test/resources/golden/diagnostics/}
 * is compiled with {@link Compiler#compile(SourceFile, Diagnostics)} (display path {@code NAME.ngn},
 * imports resolved against the real file) and all its diagnostics, rendered by
 * {@link DiagnosticRenderer} and concatenated in the order reported, must equal {@code NAME.expected}
 * byte for byte. Files in subdirectories (e.g. {@code lib/}) are helper modules imported by the
 * entries, never entries themselves.
 *
 * <p>To add a case, write {@code NAME.ngn} and run with {@code -Dgolden.update=true}, which
 * (re)writes every {@code .expected} file from the current compiler output instead of comparing;
 * then read the new/changed files (git diff) before committing them:
 * <pre>
 * mvn -o -pl compiler test -Dtest=GoldenDiagnosticsTest -Dgolden.update=true
 * </pre>
 */
class GoldenDiagnosticsTest {

    private static final String RESOURCE_DIR = "golden/diagnostics";
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** The source directory (so updates land in the tree), else the copy on the test class path. */
    static Path dir() {
        Path src = Path.of("src/test/resources", RESOURCE_DIR);
        if (Files.isDirectory(src)) return src.toAbsolutePath();
        URL url = GoldenDiagnosticsTest.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) throw new IllegalStateException(RESOURCE_DIR + " not found");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ngn")).sorted().toList().stream();
        }
    }

    /** All diagnostics of compiling {@code name}, rendered, in order. */
    static String render(String name) throws IOException {
        Path file = dir().resolve(name);
        SourceFile source = new SourceFile(name, file, Files.readString(file, StandardCharsets.UTF_8));
        Diagnostics diagnostics = new Diagnostics();
        Compiler.compile(source, diagnostics);
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics.inSourceOrder()) out.append(DiagnosticRenderer.render(d));
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void diagnosticsMatchGoldenFile(String name) throws IOException {
        String actual = render(name);
        Path expectedFile = dir().resolve(name.substring(0, name.length() - ".ngn".length()) + ".expected");
        if (UPDATE) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(expectedFile)) {
            fail("no " + expectedFile.getFileName() + " (run with -Dgolden.update=true to create it); actual:\n" + actual);
        }
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, name);
    }

    /** Every golden file has its program, and every case reports something (a case with no output tests nothing). */
    @Test
    void goldenFilesArePairedAndNonEmpty() throws IOException {
        List<String> names = cases().toList();
        assertTrue(names.size() >= 25, "expected the full golden set, found " + names.size());
        try (Stream<Path> files = Files.list(dir())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".expected")).toList()) {
                String n = p.getFileName().toString();
                assertTrue(names.contains(n.replace(".expected", ".ngn")), "orphan golden file " + n);
                if (!UPDATE) assertFalse(Files.readString(p).isEmpty(), n + " expects no diagnostics at all");
            }
        }
    }
}
