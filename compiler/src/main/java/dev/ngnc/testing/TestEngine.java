package dev.ngnc.testing;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Program;
import dev.ngnc.codegen.Emitter;
import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;
import dev.ngnc.driver.SourceReader;
import dev.ngnc.parser.Parser;
import dev.ngnc.rt.Out;
import dev.ngnc.rt.Rt;
import dev.ngnc.source.SourceFile;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Compiles and runs ngn test programs ({@code ngnc test}, and {@code ngn:test} in the Maven plugin's forked
 * compiler JVM). A test program is a file with {@code fn main()}; a file without one (a helper module that
 * tests import) is not a test ({@link TestResult.Status#NOT_A_TEST}). It passes when it runs to the end.
 *
 * <p>Programs run in this JVM, one after another: their classes are loaded by a fresh class loader and their
 * body runs through {@link Rt#runEmbedded} with stdout and stderr captured — saving a JVM start (~0.1-0.3 s) per
 * file. A program that serves HTTP runs in its own JVM instead: its server threads would outlive it here.
 *
 * <p>Every program has {@code timeoutSeconds}. A child JVM is killed; an in-process program runs on a daemon thread
 * that cannot be stopped (no {@code Thread.stop} since JDK 20): it is interrupted and abandoned, its output goes
 * nowhere from then on, and every later file (of any engine in this JVM) runs in a child JVM, since the runtime's output and exit
 * hooks are JVM-wide and the stuck program still holds them. The caller's JVM must end with {@code System.exit}
 * (the CLI and the plugin's worker do) — the abandoned thread is a daemon, so a normal exit is not blocked either.
 */
public final class TestEngine {
    private final long timeoutSeconds;
    private final Function<Diagnostic, String> diagnosticText;
    /** Set once an in-process program timed out in this JVM (by any engine): the rest run in child JVMs. */
    private static volatile boolean abandonedOne;

    /**
     * @param timeoutSeconds limit for each test program's run (compiling it is not counted)
     * @param diagnosticText how a compile error is shown in a failure (the CLI's renderer or Maven's format)
     */
    public TestEngine(long timeoutSeconds, Function<Diagnostic, String> diagnosticText) {
        this.timeoutSeconds = timeoutSeconds;
        this.diagnosticText = diagnosticText;
    }

    /** Compiles and runs one file; {@code shown} is the path reports use. */
    public TestResult run(Path file, String shown) {
        long t0 = System.nanoTime();
        Diagnostics diags = new Diagnostics();
        SourceFile source = SourceReader.read(file, shown, diags);
        if (source == null) return failed(file, t0, diags, "cannot read " + shown);
        if (!hasMain(source)) return new TestResult(file, TestResult.Status.NOT_A_TEST, 0, 0, List.of(), null, 0, "", "");
        CompiledProgram program;
        try {
            program = Compiler.compile(source, diags);
        } catch (RuntimeException | StackOverflowError e) {
            return new TestResult(file, TestResult.Status.FAIL, ms(t0), 0,
                    List.of(shown + ": internal compiler error: " + e), null, 0, "", "");
        }
        if (program == null || diags.hasErrors()) return failed(file, t0, diags, shown + ": does not compile");
        Path dir = file.toAbsolutePath().getParent();
        Captured c = program.usesHttpServer() || abandonedOne ? forked(program, dir) : inProcess(program, dir);
        int passed = (int) c.out.lines().filter(l -> l.startsWith("\u2705")).count();
        if (c.status == 0) return new TestResult(file, TestResult.Status.PASS, ms(t0), passed, List.of(), null, 0, c.out, c.err);
        if (c.status == TIMED_OUT) {
            return new TestResult(file, TestResult.Status.FAIL, ms(t0), passed,
                    List.of(shown + ": timed out after " + timeoutSeconds + " s"), null, 0, c.out, c.err);
        }
        FailureReport f = FailureReport.from(c.err, shown + ": exited with status " + c.status);
        return new TestResult(file, TestResult.Status.FAIL, ms(t0), passed, f.lines(), f.file(), f.line(), c.out, c.err);
    }

    /** Does the file declare {@code fn main()} at the top level? (Parse only: the checker runs when it is compiled.) */
    static boolean hasMain(SourceFile source) {
        Diagnostics parse = new Diagnostics();
        Program p = Parser.parse(source, parse);
        if (p == null || parse.hasErrors()) return true; // a parse error: compiling reports it as this test's failure
        return p.items().stream().anyMatch(d -> d instanceof Decl.Fn f && f.name().equals("main"));
    }

    private TestResult failed(Path file, long t0, Diagnostics diags, String headline) {
        List<String> lines = new ArrayList<>();
        lines.add(headline);
        for (Diagnostic d : diags.inSourceOrder()) {
            for (String l : diagnosticText.apply(d).split("\n")) lines.add("  " + l);
        }
        return new TestResult(file, TestResult.Status.FAIL, ms(t0), 0, lines, null, 0, "", "");
    }

    private record Captured(int status, String out, String err) {}

    private static final int TIMED_OUT = Integer.MIN_VALUE;

    /** Serialises in-process runs: stdout, stderr and the runtime's output buffer are JVM-wide. */
    private static final Object RUN_LOCK = new Object();

    private Captured inProcess(CompiledProgram program, Path dir) {
        synchronized (RUN_LOCK) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            PrintStream oldOut = System.out, oldErr = System.err;
            String oldDir = System.getProperty("ngnc.entryDir");
            Thread current = Thread.currentThread();
            ClassLoader oldLoader = current.getContextClassLoader();
            OutputStream oldSink = Out.redirect(out);
            int status;
            try {
                ClassLoader loader = new dev.ngnc.driver.ProgramClassLoader(program.classes(),
                        dev.ngnc.driver.LlmRuntime.parentFor(program, TestEngine.class.getClassLoader()));
                Class<?> main = Class.forName(program.mainClass().replace('/', '.'), false, loader);
                MethodHandle run = MethodHandles.publicLookup().findStatic(main, Emitter.RUN_METHOD, MethodType.methodType(void.class));
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(errStream);
                if (dir != null) System.setProperty("ngnc.entryDir", dir.toString());
                current.setContextClassLoader(loader);
                status = runWithTimeout(() -> Rt.runEmbedded(() -> {
                    try {
                        run.invokeExact();
                    } catch (RuntimeException | Error e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new RuntimeException(t);
                    }
                }, errStream), loader);
            } catch (ReflectiveOperationException | LinkageError | IOException e) {
                errStream.println("ngnc: cannot load the compiled test: " + e);
                status = 1;
            } finally {
                // an abandoned program keeps running: what it prints from now on is dropped, not mixed into ours
                Out.redirect(abandonedOne ? OutputStream.nullOutputStream() : oldSink);
                System.setOut(oldOut);
                System.setErr(oldErr);
                current.setContextClassLoader(oldLoader);
                if (oldDir == null) System.clearProperty("ngnc.entryDir"); else System.setProperty("ngnc.entryDir", oldDir);
            }
            return new Captured(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Runs {@code body} on a daemon thread (so are the program's own threads, which inherit it) and waits at most
     * {@code timeoutSeconds}; {@link #TIMED_OUT} when it did not end (then it is interrupted and abandoned).
     */
    private int runWithTimeout(java.util.function.IntSupplier body, ClassLoader loader) {
        int[] status = {1};
        Thread t = new Thread(() -> status[0] = body.getAsInt(), "ngnc-test");
        t.setDaemon(true);
        t.setContextClassLoader(loader);
        t.start();
        try {
            t.join(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!t.isAlive()) return status[0];
        t.interrupt();
        abandonedOne = true;
        return TIMED_OUT;
    }

    /** Runs the program in a child JVM with this JVM's class path (which has runtime-lib and runtime-http). */
    private Captured forked(CompiledProgram program, Path dir) {
        Path classes = null;
        try {
            classes = Files.createTempDirectory("ngnc-test");
            for (Map.Entry<String, byte[]> e : program.classes().entrySet()) {
                Path f = classes.resolve(e.getKey() + ".class");
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                    "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"), program.mainClass().replace('/', '.'));
            if (dir != null) pb.directory(dir.toFile());
            Path out = classes.resolve("stdout.txt"), err = classes.resolve("stderr.txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            p.getOutputStream().close();
            int status;
            if (p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                status = p.exitValue();
            } else {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                status = TIMED_OUT;
            }
            return new Captured(status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Captured(1, "", "ngnc: cannot run the test in a child JVM: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Captured(1, "", "ngnc: interrupted");
        } finally {
            if (classes != null) deleteTree(classes);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
