package dev.ngnc.jar;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * ngn sources written to a directory and put through the real pipeline (the counterpart of {@link TestPrograms},
 * which hand-makes its programs): for the tests that run compiled programs as jars.
 */
public final class SourcePrograms {
    private SourcePrograms() {}

    /** Writes {@code dir/NAME.ngn} and compiles it (display path {@code NAME.ngn}), failing the test on any error. */
    public static CompiledProgram compile(Path dir, String name, String source) throws IOException {
        Path file = dir.resolve(name + ".ngn");
        Files.writeString(file, source);
        Diagnostics d = new Diagnostics();
        CompiledProgram p = Compiler.compile(file, name + ".ngn", d);
        assertFalse(d.hasErrors(), () -> d.all().toString());
        assertNotNull(p);
        return p;
    }

    /** {@link #compile} then {@code dir/NAME.jar} with the located runtime. */
    public static Path jar(Path dir, String name, String source) throws IOException {
        Path jar = dir.resolve(name + ".jar");
        JarBuilder.write(compile(dir, name, source), RuntimeClasses.locate(), jar);
        return jar;
    }
}
