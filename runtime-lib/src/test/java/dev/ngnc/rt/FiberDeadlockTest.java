package dev.ngnc.rt;

import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnFn;
import dev.ngnc.rt.value.NgnState;

import static dev.ngnc.rt.FiberFixtures.closure;
import static dev.ngnc.rt.FiberFixtures.closureV;
import static dev.ngnc.rt.FiberFixtures.print;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ngnc.rt.FiberFixtures.Run;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deadlock detection: fires (exit 1, one line per blocked fiber with its .ngn line) when every
 * fiber is blocked and nothing can wake them; never fires while sleepers, spawn tasks or
 * registered external work can still make progress.
 */
class FiberDeadlockTest {
    /**
     * A "generated" program: Java compiled at test time with SourceFile = main.ngn, so its frames
     * look like ngnc output. Line numbers below are those of this text.
     */
    private static final String PROGRAM = String.join("\n",
            "package ngnprog;",                                                         // 1
            "import dev.ngnc.rt.*; import dev.ngnc.rt.value.*; import dev.ngnc.rt.channel.*;", // 2
            "class Prog {",                                                              // 3
            "  static NgnFn fn(java.util.function.Supplier<Object> s) {",               // 4
            "    return new NgnFn() {",                                                  // 5
            "      public int arity() { return 0; }",                                     // 6
            "      public Object call0() { return s.get(); } };",                        // 7
            "  }",                                                                       // 8
            "  public static void twoBlocked() {",                                       // 9
            "    NgnChannel a = NgnChannel.create();",                                   // 10
            "    NgnChannel b = NgnChannel.create();",                                   // 11
            "    Fibers.thread(fn(() -> a.receive()));",                                 // 12
            "    Fibers.thread(fn(() -> { NgnChannel f = new NgnChannel(1, \"chan\");",  // 13
            "      f.send(1L); f.send(2L); return 0L; }));",                              // 14
            "    b.receive();",                                                          // 15
            "  }",                                                                       // 16
            "  public static void taskBlocked() {",                                      // 17
            "    NgnChannel never = NgnChannel.create();",                               // 18
            "    NgnChannel r = Spawn.cpu(fn(() -> never.receive()));",                  // 19
            "    r.receive();",                                                          // 20
            "  }",                                                                       // 21
            "  public static void stateBlocked() {",                                     // 22
            "    NgnState s = NgnState.of(0L);",                                         // 23
            "    NgnChannel gate = NgnChannel.create();",                                // 24
            "    Fibers.thread(fn(() -> { s.update(new NgnFn() {",                       // 25
            "      public int arity() { return 1; }",                                     // 26
            "      public Object call1(Object x) { return gate.receive(); } });",         // 27
            "      return 0L; }));",                                                      // 28
            "    Fibers.sleep(0);",                                                      // 29
            "    s.write(5L);",                                                          // 30
            "  }",                                                                       // 31
            "  public static void forLoop() {",                                          // 32
            "    NgnChannel c = NgnChannel.create();",                                   // 33
            "    for (Object m : c) { }",                                                // 34
            "  }",                                                                       // 35
            "}",
            "");

    private static Map<String, MethodHandle> entries;

    static List<String> engines() {
        return FiberFixtures.engines();
    }

    @BeforeAll
    static void compileProgram() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager std = javac.getStandardFileManager(null, null, null);
        JavaFileManager fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location loc, String name, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream b = new ByteArrayOutputStream();
                        classes.put(name, b);
                        return b;
                    }
                };
            }
        };
        JavaFileObject src = new SimpleJavaFileObject(URI.create("mem:///ngnprog/main.ngn"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return PROGRAM;
            }
        };
        String cp = Path.of(NgnChannel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        boolean ok = javac.getTask(null, fm, null, List.of("-classpath", cp, "-g"), null, List.of(src)).call();
        assertTrue(ok, "test program did not compile");
        ClassLoader loader = new ClassLoader(FiberDeadlockTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream b = classes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = b.toByteArray();
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Class<?> prog = loader.loadClass("ngnprog.Prog");
        entries = new HashMap<>();
        for (String m : new String[] {"twoBlocked", "taskBlocked", "stateBlocked", "forLoop"}) {
            java.lang.reflect.Method method = prog.getDeclaredMethod(m);
            method.setAccessible(true);
            entries.put(m, MethodHandles.lookup().unreflect(method));
        }
    }

    private static Run runProgram(String engine, String entry) {
        return FiberFixtures.run(engine, () -> {
            try {
                entries.get(entry).invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("engines")
    void reportsEveryBlockedFiberWithItsNgnLine(String engine) {
        Run r = runProgram(engine, "twoBlocked");
        assertEquals(1, r.status());
        assertEquals("[ngn] Deadlock: all fibers are blocked\n"
                + " --> main.ngn:15 (receive)\n"
                + " --> main.ngn:12 (receive)\n"
                + " --> main.ngn:14 (send)\n", r.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void includesSpawnTasksBlockedOnOtherThreads(String engine) {
        Run r = runProgram(engine, "taskBlocked");
        assertEquals(1, r.status());
        assertEquals("[ngn] Deadlock: all fibers are blocked\n"
                + " --> main.ngn:20 (receive)\n"
                + " --> main.ngn:19 (receive)\n", r.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void stateLockAndForLoopWaitsAreNamed(String engine) {
        Run r = runProgram(engine, "stateBlocked");
        assertEquals("[ngn] Deadlock: all fibers are blocked\n"
                + " --> main.ngn:30 (state.update)\n"
                + " --> main.ngn:27 (receive)\n", r.err());
        Run f = runProgram(engine, "forLoop");
        assertEquals("[ngn] Deadlock: all fibers are blocked\n --> main.ngn:34 (for)\n", f.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void secondReceiveOnAThreadResultIsADeadlockNotAHang(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel t = Fibers.thread(closure(() -> "once"));
            print(t.receive());
            t.receive();
        });
        assertEquals("once\n", r.out());
        assertEquals(1, r.status());
        assertEquals("[ngn] Deadlock: all fibers are blocked\n --> (unknown location) (receive)\n", r.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sleepersKeepTheProgramAlive(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel ch = NgnChannel.create();
            NgnChannel relay = NgnChannel.create();
            Fibers.thread(closureV(() -> {
                Fibers.sleep(150);
                relay.send("relayed");
            }));
            Fibers.thread(closureV(() -> {
                Object m = relay.receive();
                Fibers.sleep(150);
                ch.send(m);
            }));
            print(ch.receive());
        });
        assertEquals("relayed\n", r.out());
        assertEquals(0, r.status(), r.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void runningSpawnTasksAndPendingWorkKeepTheProgramAlive(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel slow = Spawn.block(closure(() -> {
                long end = System.nanoTime() + 200_000_000L;
                long spins = 0;
                while (System.nanoTime() < end) {
                    spins++; // busy, not sleeping: the task's scheduler never waits
                }
                return spins > 0;
            }));
            print(slow.receive());
            NgnChannel fromIo = NgnChannel.create();
            Fibers.Pending io = Fibers.pendingWork();
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
                fromIo.send("io done");
                io.close();
            });
            t.start();
            print(fromIo.receive());
            NgnEnum raced = Spawn.race(NgnArray.of(closure(() -> {
                Fibers.sleep(200);
                return "raced";
            })));
            print(raced);
        });
        assertEquals("Result::Ok (true)\nio done\nResult::Ok (raced)\n", r.out());
        assertEquals(0, r.status(), r.err());
    }
}
