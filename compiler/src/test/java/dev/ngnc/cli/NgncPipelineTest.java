package dev.ngnc.cli;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.Compiler;
import dev.ngnc.jar.Proc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CLI through the real pipeline ({@link Compiler#compile}). SKIPPED while the pipeline is not
 * wired (Compiler.compile throws UnsupportedOperationException); they run by themselves once it is.
 */
class NgncPipelineTest {
    @TempDir Path tmp;

    @BeforeAll
    static void requirePipeline() {
        boolean wired;
        try {
            Compiler.compile(Path.of("/nonexistent-ngnc-probe/x.ngn"), "x.ngn", new Diagnostics());
            wired = true;
        } catch (UnsupportedOperationException e) {
            wired = false;
        }
        assumeTrue(wired, "pipeline not wired yet: Compiler.compile throws UnsupportedOperationException");
    }

    static NgncTest.Result ngnc(String... args) {
        return NgncTest.ngnc(Ngnc.PIPELINE, args);
    }

    @Test
    void missingFile() throws IOException {
        Path out = tmp.resolve("app.jar");
        NgncTest.Result r = ngnc("compile", "no-such-file.ngn", "-o", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("no-such-file.ngn:1:1: error: "), r.err());
        assertTrue(r.err().endsWith("1 error\n"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void nonUtf8File() throws IOException {
        Path f = tmp.resolve("latin1.ngn");
        Files.write(f, "fn main() { print(\"caf\u00e9\") }\n".getBytes(StandardCharsets.ISO_8859_1));
        NgncTest.Result r = ngnc("check", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith(f + ":1:23: error: file is not valid UTF-8"), r.err());
    }

    @Test
    void emptyFile() throws IOException {
        Path f = tmp.resolve("empty.ngn");
        Files.write(f, new byte[0]);
        NgncTest.Result r = ngnc("compile", f.toString(), "-o", tmp.resolve("e.jar").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith(f + ":1:1: error: "), r.err());
        assertFalse(Files.exists(tmp.resolve("e.jar")));
    }

    @Test
    void checkReportsErrorsWithSourceLines() throws IOException {
        Path f = tmp.resolve("bad.ngn");
        Files.writeString(f, "fn main() {\n  print(nope)\n}\n");
        NgncTest.Result r = ngnc("check", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith(f + ":2:"), r.err());
        assertTrue(r.err().contains("  print(nope)\n"), r.err());
        assertTrue(r.err().endsWith("1 error\n"), r.err());
    }

    private Path warningProgram() throws IOException {
        Path f = tmp.resolve("warn.ngn");
        Files.writeString(f, "fn main() {\n  print(\"a\")\n  return\n  print(\"b\")\n}\n");
        return f;
    }

    @Test
    void warningsArePrintedAndCountedButDoNotFail() throws IOException {
        Path f = warningProgram();
        Path out = tmp.resolve("w.jar");
        NgncTest.Result r = ngnc("compile", f.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith(f + ":4:3: warning: unreachable code\n    print(\"b\")\n    ^^^^^^^^^^\n  hint: "), r.err());
        assertTrue(r.err().endsWith("\n1 warning\n"), r.err());
        assertTrue(Files.exists(out));
        assertEquals(0, ngnc("check", f.toString()).exit());
    }

    @Test
    void denyWarningsFailsCheckAndCompileAndWritesNoJar() throws IOException {
        Path f = warningProgram();
        Path out = tmp.resolve("w.jar");
        NgncTest.Result c = ngnc("compile", f.toString(), "-o", out.toString(), "--deny-warnings");
        assertEquals(1, c.exit(), c.err());
        assertTrue(c.err().contains("1 warning\nngnc: error: 1 warning and --deny-warnings"), c.err());
        assertFalse(Files.exists(out));
        assertEquals(1, ngnc("check", "--deny-warnings", f.toString()).exit());
        NgncTest.Result run = ngnc("run", "--deny-warnings", f.toString());
        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.out()); // the program never ran
        Path clean = tmp.resolve("clean.ngn");
        Files.writeString(clean, "fn main() {\n  print(\"a\")\n}\n");
        assertEquals(0, ngnc("check", "--deny-warnings", clean.toString()).exit());
    }

    @Test
    void denyWarningsFailsOnAnUnusedParameterOrImportAndAcceptsTheFixedProgram() throws IOException {
        Path lib = tmp.resolve("lib.ngn");
        Files.writeString(lib, "export fn one(): i64 {\n  return 1\n}\nexport fn two(): i64 {\n  return 2\n}\n");
        Path f = tmp.resolve("unused.ngn");
        Files.writeString(f, "import { one, two } from \"./lib.ngn\"\nfn add(a: i64, b: i64): i64 {\n  return a\n}\n"
                + "fn main() {\n  print(add(one(), 1))\n}\n");
        NgncTest.Result plain = ngnc("check", f.toString());
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(plain.err().contains(f + ":1:15: warning: unused import 'two'"), plain.err());
        assertTrue(plain.err().contains(f + ":2:16: warning: unused parameter 'b'"), plain.err());
        NgncTest.Result denied = ngnc("run", "--deny-warnings", f.toString());
        assertEquals(1, denied.exit(), denied.err());
        assertTrue(denied.err().contains("2 warnings\nngnc: error: 2 warnings and --deny-warnings"), denied.err());
        assertEquals("", denied.out());
        // the fixes the hints name: drop the import, rename the parameter to `_`
        Files.writeString(f, "import { one } from \"./lib.ngn\"\nfn add(a: i64, _: i64): i64 {\n  return a\n}\n"
                + "fn main() {\n  print(add(one(), 1))\n}\n");
        // (checked, not run: a program run in this JVM ends it)
        NgncTest.Result fixed = ngnc("check", "--deny-warnings", f.toString());
        assertEquals(0, fixed.exit(), fixed.err());
        assertEquals("", fixed.err());
    }

    @Test
    void checkOfTheHelloExampleIsSilent() {
        NgncTest.Result r = ngnc("check", Path.of("..", "examples", "hello", "main.ngn").toString());
        assertEquals("", r.err());
        assertEquals(0, r.exit());
    }

    // (`run` is not tested in-process here: the real runtime ends with System.exit; it-tests covers it.)

    @Test
    void helloExampleCompilesToARunnableJar() {
        Path hello = Path.of("..", "examples", "hello", "main.ngn").toAbsolutePath().normalize();
        assumeTrue(Files.exists(hello), "no " + hello);
        Path jar = tmp.resolve("hello.jar");
        NgncTest.Result r = ngnc("compile", hello.toString(), "-o", jar.toString());
        assertEquals("", r.err());
        assertEquals(0, r.exit());
        Proc p = Proc.run(List.of(Proc.currentJava(), "-jar", jar.toString()), tmp);
        assertEquals(0, p.exit(), p.err());
        assertEquals("Hello, world!\n1 + 2 + ... + 10 = 55\n", p.out());
    }

    @Test
    void compileDescribesLocalsForDebuggersUnlessNoDebugInfo() throws IOException {
        Path f = tmp.resolve("main.ngn");
        Files.writeString(f, "fn main() {\n  const greeting = \"hi\"\n  print(greeting)\n}\n");
        Path with = tmp.resolve("with.jar");
        Path without = tmp.resolve("without.jar");
        assertEquals(0, ngnc("compile", f.toString(), "-o", with.toString()).exit());
        NgncTest.Result r = ngnc("compile", f.toString(), "-o", without.toString(), "--no-debug-info");
        assertEquals("", r.err());
        assertEquals(0, r.exit());
        assertEquals(List.of("greeting"), localNames(with));
        assertEquals(List.of(), localNames(without));
        Proc p = Proc.run(List.of(Proc.currentJava(), "-jar", without.toString()), tmp);
        assertEquals("hi\n", p.out(), p.err());
    }

    /** The LocalVariableTable names of the program's {@code fn$main} in {@code jar}. */
    private static List<String> localNames(Path jar) throws IOException {
        try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
            byte[] main = j.getInputStream(j.getEntry("ngn/Main.class")).readAllBytes();
            org.objectweb.asm.tree.ClassNode cn = new org.objectweb.asm.tree.ClassNode();
            new org.objectweb.asm.ClassReader(main).accept(cn, 0);
            for (org.objectweb.asm.tree.MethodNode m : cn.methods) {
                if (!m.name.equals("fn$main")) continue;
                return m.localVariables == null ? List.of() : m.localVariables.stream().map(v -> v.name).toList();
            }
            throw new AssertionError("no fn$main");
        }
    }

    @Test
    void thousandsOfErrorsOnOneLineArePrintedCappedAndCounted() throws IOException {
        StringBuilder line = new StringBuilder("fn main() { print(u0");
        for (int i = 1; i < 30_000; i++) line.append(" + u").append(i);
        Path f = tmp.resolve("many.ngn");
        Files.writeString(f, line.append(") }\n").toString());
        NgncTest.Result r = ngnc("check", f.toString());
        assertEquals(1, r.exit());
        long rendered = r.err().lines().filter(l -> l.startsWith(f + ":1:")).count();
        assertEquals(Ngnc.MAX_DIAGNOSTICS_SHOWN, rendered);
        assertTrue(r.err().contains("… and 29900 more not shown\n30000 errors\n"), r.err().substring(r.err().length() - 300));
        assertTrue(r.err().length() < 100_000, "each source line is cut around its caret: " + r.err().length());
    }

    private Path hello() throws IOException {
        Path f = tmp.resolve("hello.ngn");
        Files.writeString(f, "fn main() { print(\"hi\") }\n");
        return f;
    }

    @Test
    void compileRefusesAnOutputThatIsNotARegularFile() throws Exception {
        Path fifo = tmp.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo not available");
        NgncTest.Result r = ngnc("compile", hello().toString(), "-o", fifo.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("is not a regular file"), r.err());
        assertFalse(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the FIFO is left as it was");
        NgncTest.Result dev = ngnc("compile", hello().toString(), "-o", "/dev/null");
        assertEquals(2, dev.exit(), dev.err());
    }

    @Test
    void compileWritesThroughASymlinkAndKeepsTheLink() throws IOException {
        Path real = tmp.resolve("real.jar");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.jar"), real);
        NgncTest.Result r = ngnc("compile", hello().toString(), "-o", link.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(Files.size(real) > 1000, "the jar went to the link's target");
    }

    @Test
    void compileDoesNotCreateAMissingFolder() throws IOException {
        Path out = tmp.resolve("no/such/dir/app.jar");
        NgncTest.Result r = ngnc("compile", hello().toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(tmp.resolve("no")));
    }
}
