package dev.ngnc.parser;

import dev.ngnc.diag.DiagnosticRenderer;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.source.SourceFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every program of the shared conformance corpus outside {@code errors/} is valid syntax and must
 * parse without a single diagnostic. Found via {@code -Dngnc.corpus=…} or {@code ../../shared/conformance}.
 */
class ConformanceCorpusParseTest {

    static Path corpusDir() {
        String prop = System.getProperty("ngnc.corpus");
        Path dir = prop != null ? Path.of(prop) : Path.of("..", "..", "shared", "conformance");
        if (prop == null && !java.nio.file.Files.isDirectory(dir)) dir = Path.of("/work/shared/conformance");
        return dir.toAbsolutePath().normalize();
    }

    static List<Path> corpusPrograms(boolean includeErrors) throws IOException {
        Path dir = corpusDir();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".ngn"))
                    .filter(p -> includeErrors || !dir.relativize(p).startsWith("errors"))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNonErrorProgramParsesWithoutDiagnostics() throws IOException {
        assumeTrue(Files.isDirectory(corpusDir()), "conformance corpus not found at " + corpusDir());
        List<Path> programs = corpusPrograms(false);
        assumeTrue(!programs.isEmpty(), "corpus is empty");
        return programs.stream().map(p -> DynamicTest.dynamicTest(corpusDir().relativize(p).toString(), () -> {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            Diagnostics d = new Diagnostics();
            Parser.parse(new SourceFile(p.toString(), p, text), d);
            assertTrue(d.all().isEmpty(), () -> d.all().stream().map(DiagnosticRenderer::render)
                    .collect(Collectors.joining()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> errorProgramsNeverCrashTheParser() throws IOException {
        assumeTrue(Files.isDirectory(corpusDir()), "conformance corpus not found at " + corpusDir());
        return corpusPrograms(true).stream()
                .filter(p -> corpusDir().relativize(p).startsWith("errors"))
                .map(p -> DynamicTest.dynamicTest(corpusDir().relativize(p).toString(), () -> {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    Diagnostics d = new Diagnostics();
                    Parser.parse(new SourceFile(p.toString(), p, text), d);
                    assertTrue(d.all().stream().noneMatch(x -> x.message().startsWith("internal")),
                            () -> d.all().toString());
                }));
    }
}
