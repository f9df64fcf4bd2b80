package dev.ngnc.codegen;

import dev.ngnc.rt.base.NgnError;
import dev.ngnc.tast.TProgram;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Emits a program, verifies every class with ASM's CheckClassAdapter, loads and runs it. */
public final class Harness {
    private Harness() {}

    /** Loads generated classes by internal name; parent sees runtime-lib and the test classes. */
    static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;

        Loader(Map<String, byte[]> classes) {
            super(Harness.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name.replace('.', '/'));
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }
    }

    /** The classes of {@code p}, each verified. */
    static Map<String, byte[]> emitVerified(TProgram p) {
        Map<String, byte[]> classes = Emitter.emit(p);
        verify(classes);
        return classes;
    }

    /**
     * Runs CheckClassAdapter.verify (data-flow verification) and the LocalVariableTable checks on every
     * class; fails the test on any problem.
     */
    static void verify(Map<String, byte[]> classes) {
        Loader loader = new Loader(classes);
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            StringWriter sw = new StringWriter();
            try {
                CheckClassAdapter.verify(new ClassReader(e.getValue()), loader, false, new PrintWriter(sw));
            } catch (RuntimeException ex) {
                sw.append(ex.toString());
            }
            sw.append(LocalVariableTables.problems(e.getValue())); // verify() skips debug attributes
            if (!sw.toString().isBlank()) problems.append(e.getKey()).append(":\n").append(sw).append('\n');
        }
        if (!problems.isEmpty()) {
            StringWriter dump = new StringWriter();
            for (byte[] b : classes.values()) {
                CheckClassAdapter.verify(new ClassReader(b), loader, true, new PrintWriter(dump));
            }
            fail("verification failed:\n" + problems + "\n--- dump ---\n" + dump);
        }
    }

    /** Emits, verifies, runs {@code $run} in-process; returns what TestOut collected. */
    static String run(TProgram p) {
        Map<String, byte[]> classes = emitVerified(p);
        TestOut.take();
        invokeRun(classes, p.mainClass());
        return TestOut.take();
    }

    static void invokeRun(Map<String, byte[]> classes, String mainClass) {
        try {
            Loader loader = new Loader(classes);
            Method m = loader.loadClass(mainClass.replace('/', '.')).getMethod(Emitter.RUN_METHOD);
            m.invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new RuntimeException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new RuntimeException(e);
        }
    }

    /** Runs the program and expects an NgnError; returns it. */
    static NgnError runFailing(TProgram p) {
        Map<String, byte[]> classes = emitVerified(p);
        TestOut.take();
        try {
            invokeRun(classes, p.mainClass());
        } catch (NgnError e) {
            return e;
        }
        fail("expected an ngn run-time error");
        return null;
    }

    static void assertOutput(String expected, TProgram p) {
        assertEquals(expected, run(p));
    }

    /** Result of a child JVM run. */
    record Proc(int exit, String out, String err) {}

    /** Writes the classes to a temp dir and runs {@code java -cp <runtime>:<dir> <main>} in a child JVM. */
    static Proc runInChildJvm(TProgram p) throws IOException, InterruptedException, URISyntaxException {
        Map<String, byte[]> classes = emitVerified(p);
        Path dir = Files.createTempDirectory("ngnc-codegen");
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path f = dir.resolve(e.getKey() + ".class");
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        Path rt = Path.of(NgnError.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-cp", rt + java.io.File.pathSeparator + dir,
                p.mainClass().replace('/', '.')));
        Process proc = new ProcessBuilder(cmd).start();
        byte[] out = proc.getInputStream().readAllBytes();
        byte[] err = proc.getErrorStream().readAllBytes();
        if (!proc.waitFor(60, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            fail("child JVM timed out");
        }
        return new Proc(proc.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    /** What an in-process run produced: stdout, the failure (null when none), whether it timed out. */
    public record Captured(String stdout, Throwable failure, boolean timedOut) {}

    /** runtime-lib's Out sink field, or null when Out has none (then in-process capture is impossible). */
    public static java.lang.reflect.Field outSink() {
        try {
            java.lang.reflect.Field f = dev.ngnc.rt.Out.class.getDeclaredField("sink");
            f.setAccessible(true);
            return java.io.OutputStream.class.isAssignableFrom(f.getType()) ? f : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Runs the program's {@code $run} as the root fiber of a fresh scheduler on a fresh thread with {@code stackBytes}
     * of stack while runtime-lib's
     * {@code Out} writes into a buffer (so {@code Rt.runMain}'s {@code System.exit} is avoided).
     */
    public static synchronized Captured runCapturingOut(Map<String, byte[]> classes, String main, long stackBytes)
            throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.lang.reflect.Field sink = outSink();
        java.io.OutputStream old = (java.io.OutputStream) sink.get(null);
        Throwable[] failure = new Throwable[1];
        boolean timedOut;
        dev.ngnc.rt.Out.flush();
        sink.set(null, out);
        try {
            Thread t = new Thread(null, () -> {
                try {
                    // as the root fiber of a scheduler, as Rt.runMain does: thread(…) fibers then run in the
                    // spec's cooperative order on this thread (outside a scheduler each gets a platform thread of
                    // its own, racing the program's output)
                    dev.ngnc.rt.Fibers.runRoot(() -> invokeRun(classes, main));
                } catch (Throwable e) {
                    failure[0] = e;
                }
            }, "ngn-program", stackBytes);
            t.setDaemon(true);
            t.start();
            t.join(10_000);
            timedOut = t.isAlive();
        } finally {
            dev.ngnc.rt.Out.flush();
            sink.set(null, old);
        }
        return new Captured(out.toString(java.nio.charset.StandardCharsets.UTF_8), failure[0], timedOut);
    }
}
