package dev.ngnc.cli;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.SourceReader;
import dev.ngnc.jar.Proc;
import dev.ngnc.jar.TestPrograms;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The CLI with a stand-in front end (SourceReader + a hand-made program), so it is tested without
 * the real pipeline. {@link NgncPipelineTest} covers the same paths through {@code Compiler.compile}.
 */
class NgncTest {
    @TempDir Path tmp;

    /** Reads the file like the real pipeline will, then "compiles" it to {@link TestPrograms#hi()}. */
    static final Ngnc.Frontend FAKE = (entry, display, d) -> {
        SourceFile f = SourceReader.read(entry, display, d);
        if (f == null) return null;
        if (f.text().contains("oops")) {
            int at = f.text().indexOf("oops");
            d.error(f, new Span(at, at + 4, 1, at + 1), "unknown name 'oops'");
            d.warning(f, new Span(0, 2, 1, 1), "just a warning");
            return null;
        }
        return TestPrograms.hi();
    };

    record Result(int exit, String out, String err) {}

    static Result ngnc(Ngnc.Frontend frontend, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Ngnc(frontend, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result ngnc(String... args) { return ngnc(FAKE, args); }

    private Path file(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private List<String> filesIn(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        Result r = ngnc("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Usage: ngnc"), r.out());
        for (String s : List.of("compile", "run", "check", "--version", "Exit codes:", "usage error")) {
            assertTrue(r.out().contains(s), "help lacks " + s + ":\n" + r.out());
        }
        assertEquals("", r.err());
    }

    @Test
    void subcommandHelp() {
        Result r = ngnc("compile", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("-o, --output=JAR"), r.out());
    }

    @Test
    void versionComesFromTheMavenProject() {
        Result r = ngnc("--version");
        assertEquals(0, r.exit());
        String first = r.out().lines().findFirst().orElse("");
        assertTrue(first.matches("ngnc \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), first);
        assertEquals(Version.get(), first.substring("ngnc ".length()));
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = ngnc("--bogus");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("ngnc: error: Unknown option: '--bogus'"), r.err());
        assertTrue(r.err().contains("Try 'ngnc --help'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void unknownSubcommandOptionIsAUsageError() {
        Result r = ngnc("compile", "--bogus", "x.ngn");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Try 'ngnc compile --help'"), r.err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Result r = ngnc("frobnicate");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }

    @Test
    void missingArgumentIsAUsageError() {
        Result r = ngnc("compile");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Missing required parameter: 'FILE'"), r.err());
    }

    @Test
    void noCommandIsAUsageError() {
        Result r = ngnc();
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("missing command"), r.err());
        assertTrue(r.err().contains("Commands:"), r.err());
    }

    @Test
    void missingFileIsOneErrorAndNoJar() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Path missing = tmp.resolve("nope.ngn");
        Result r = ngnc("compile", missing.toString(), "-o", out.resolve("app.jar").toString());
        assertEquals(1, r.exit());
        assertEquals(missing + ":1:1: error: file not found: " + missing + "\n1 error\n", r.err());
        assertEquals(List.of(), filesIn(out));
    }

    @Test
    void nonUtf8FileIsOneErrorWithCaret() throws IOException {
        Path f = tmp.resolve("latin1.ngn");
        Files.write(f, "fn main() { print(\"caf\u00e9\") }\n".getBytes(StandardCharsets.ISO_8859_1));
        Result r = ngnc("compile", f.toString(), "-o", tmp.resolve("app.jar").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith(f + ":1:23: error: file is not valid UTF-8: invalid byte 0xE9"), r.err());
        assertTrue(r.err().contains("\n" + " ".repeat(2 + 22) + "^\n"), r.err());
        assertTrue(r.err().endsWith("\n1 error\n"), r.err());
        assertFalse(Files.exists(tmp.resolve("app.jar")));
    }

    @Test
    void emptyFileIsOneError() throws IOException {
        Path f = file("empty.ngn", "");
        Result r = ngnc("check", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith(f + ":1:1: error: file is empty\n"), r.err());
        assertTrue(r.err().endsWith("1 error\n"), r.err());
    }

    @Test
    void compileErrorsAreRenderedWithASummary() throws IOException {
        Path f = file("e.ngn", "oops\n");
        Result r = ngnc("run", f.toString());
        assertEquals(1, r.exit());
        assertEquals(f + ":1:1: error: unknown name 'oops'\n  oops\n  ^^^^\n"
                + f + ":1:1: warning: just a warning\n  oops\n  ^^\n"
                + "1 error, 1 warning\n", r.err());
    }

    @Test
    void checkPrintsNothingOnSuccess() throws IOException {
        Path f = file("ok.ngn", "fn main() {}\n");
        Result r = ngnc("check", f.toString());
        assertEquals(0, r.exit());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void compileWritesARunnableJar() throws IOException {
        Path f = file("main.ngn", "fn main() {}\n");
        Path jar = Files.createDirectories(tmp.resolve("build")).resolve("app.jar");
        Result r = ngnc("compile", f.toString(), "-o", jar.toString());
        assertEquals("", r.err());
        assertEquals(0, r.exit());
        Proc p = Proc.run(List.of(Proc.currentJava(), "-jar", jar.toString(), "x"), tmp);
        assertEquals(0, p.exit(), p.err());
        assertEquals("hi\nx\n", p.out());
        assertEquals(List.of("app.jar"), filesIn(jar.getParent()));
    }

    @Test
    void compileDefaultsToTheSourceNameInTheWorkingDirectory() {
        assertEquals("main.jar", Ngnc.defaultJarName("src/main.ngn"));
        assertEquals("prog.jar", Ngnc.defaultJarName("prog"));
    }

    @Test
    void compileRefusesToOverwriteTheSource() throws IOException {
        Path f = file("main.ngn", "fn main() {}\n");
        Result r = ngnc("compile", f.toString(), "-o", f.toString());
        assertEquals(2, r.exit());
        assertEquals("fn main() {}\n", Files.readString(f));
    }

    @Test
    void compileToADirectoryIsAUsageError() throws IOException {
        Path f = file("main.ngn", "fn main() {}\n");
        Result r = ngnc("compile", f.toString(), "-o", tmp.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("is a directory"), r.err());
    }

    @Test
    void unwritableOutputIsAnErrorNotAStackTrace() throws IOException {
        Path f = file("main.ngn", "fn main() {}\n");
        Path blocker = file("blocker", "x");
        Result r = ngnc("compile", f.toString(), "-o", blocker.resolve("app.jar").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("ngnc: error: '") && r.err().contains("is a file, not a folder"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void runRunsTheProgramInThisJvmWithItsArguments() throws IOException {
        Path f = file("main.ngn", "fn main() {}\n");
        PrintStream saved = System.out;
        ByteArrayOutputStream programOut = new ByteArrayOutputStream();
        Result r;
        try {
            System.setOut(new PrintStream(programOut, true, StandardCharsets.UTF_8));
            r = ngnc("run", f.toString(), "one", "--two", "-o", "x");
        } finally {
            System.setOut(saved);
        }
        assertEquals("", r.err());
        assertEquals(0, r.exit());
        assertEquals("hi\none\n--two\n-o\nx\n", programOut.toString(StandardCharsets.UTF_8));
    }

    @Test
    void picocliPathRunsTheSameCommands() throws IOException {
        Path f = file("main.ngn", "fn main() {}\n");
        Ngnc n = new Ngnc(FAKE, System.out, System.err);
        assertNull(n.fastPath(new String[] {"compile", "-o", "x.jar", f.toString()}));
        Path jar = tmp.resolve("via-picocli.jar");
        Result r = ngnc("compile", "-o", jar.toString(), f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(jar));

        PrintStream saved = System.out;
        ByteArrayOutputStream programOut = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(programOut, true, StandardCharsets.UTF_8));
            r = ngnc("run", "--", f.toString(), "--x");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, r.exit(), r.err());
        assertEquals("hi\n--x\n", programOut.toString(StandardCharsets.UTF_8));
        assertEquals(1, ngnc("check", "--", tmp.resolve("missing.ngn").toString()).exit());
    }

    @Test
    void programExceptionEscapingTheRuntimeExits1WithoutStackTrace() throws IOException {
        Path f = file("main.ngn", "fn main() {}\n");
        Result r = ngnc((e, disp, d) -> TestPrograms.throwing(), "run", f.toString());
        assertEquals(1, r.exit());
        assertEquals("ngnc: error: the program stopped with an uncaught java.lang.IllegalStateException: boom\n", r.err());
    }

    @Test
    void compilerCrashIsAnInternalErrorWithoutStackTrace() throws IOException {
        Path f = file("main.ngn", "fn main() {}\n");
        Result r = ngnc((e, disp, d) -> { throw new IllegalStateException("kaputt"); }, "check", f.toString());
        assertEquals(3, r.exit());
        assertTrue(r.err().startsWith("ngnc: internal compiler error: java.lang.IllegalStateException: kaputt\n"), r.err());
        assertTrue(r.err().contains("This is a bug in ngnc"), r.err());
        assertEquals(3, r.err().lines().count(), r.err());
    }

    @Test
    void nullProgramWithoutErrorsIsAnInternalError() throws IOException {
        Path f = file("main.ngn", "fn main() {}\n");
        Result r = ngnc((e, disp, d) -> (CompiledProgram) null, "check", f.toString());
        assertEquals(3, r.exit());
    }

    @Test
    void badClassesAreAnInternalError() throws IOException {
        Path f = file("main.ngn", "fn main() {}\n");
        CompiledProgram broken = new CompiledProgram("ngn/Broken", java.util.Map.of("ngn/Broken", new byte[] {1, 2, 3}));
        Result r = ngnc((e, disp, d) -> broken, "run", f.toString());
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("ClassFormatError"), r.err());
    }

    @Test
    void diagnosticsCountForMissingFileThroughRealReaderUsesDisplayPath() {
        Diagnostics d = new Diagnostics();
        assertNull(FAKE.compile(tmp.resolve("x.ngn"), "shown/x.ngn", d));
        assertEquals(1, d.errorCount());
    }
}
