package dev.ngnc.rt;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Fibers as {@code jdk.internal.vm.Continuation}s (the mechanism under virtual threads), driven
 * by the scheduler's own carrier thread. The root fiber runs natively on the carrier; when it
 * blocks it runs the scheduler loop, which mounts the next fiber's continuation on top of the
 * root's stack until that fiber yields. So every fiber has the carrier's large stack, and a
 * switch is one yield plus one {@code run} (no OS or ForkJoinPool hand-off).
 *
 * <p>Access goes through method handles, so the runtime compiles against public APIs only; the
 * JVM must export {@code java.base/jdk.internal.vm} to the unnamed module, else
 * {@link #unavailableReason()} says why and the thread engine is used.
 */
final class FiberEngineContinuation extends FiberEngine {
    static final FiberEngineContinuation INSTANCE = new FiberEngineContinuation();

    private FiberEngineContinuation() {
    }

    /** Null when continuations work on this JVM, else the reason they do not. */
    static String unavailableReason() {
        return Api.FAILURE;
    }

    @Override
    String name() {
        return "continuation";
    }

    @Override
    Object context(Scheduler s, Fiber root) {
        return s;
    }

    @Override
    void init(Fiber f) {
        f.handle = Api.create(f); // runs Fiber.run: the body, then done = true
    }

    @Override
    void park(Fiber self) {
        if (self.root) {
            if (self.commitPark()) {
                runLoop(self);
            }
        } else {
            // suspends here rather than in a helper: every blocked fiber's saved stack holds
            // these frames, so fewer means less to copy and allocate (before the JIT inlines them)
            try {
                Api.yieldNow();
            } catch (IllegalStateException pinned) {
                throw cannotSuspend(self, pinned);
            }
        }
    }

    @Override
    void yieldNow(Fiber self) {
        if (self.root) {
            self.sched.readyLocal(self);
            runLoop(self);
        } else {
            self.yielding = true;
            try {
                Api.yieldNow();
            } catch (IllegalStateException pinned) {
                throw cannotSuspend(self, pinned);
            }
        }
    }

    /** The fiber could not suspend: undoes its wait and returns the error to throw. */
    private static RuntimeException cannotSuspend(Fiber self, IllegalStateException pinned) {
        // JDK 21: a monitor is held; any JDK: a native frame (class initializer) is below us
        self.yielding = false;
        self.abandonWait();
        self.sched.cancelTimer(self);
        return NgnError.internal("a fiber cannot block here (" + pinned.getMessage()
                + "); do not block inside synchronized code or class initialization");
    }

    /** The scheduler loop, run by the blocked root fiber until it is picked again. */
    private static void runLoop(Fiber root) {
        Scheduler s = root.sched;
        while (true) {
            Fiber f = s.pickNext();
            if (f == root) {
                s.current = root;
                return;
            }
            s.current = f;
            try {
                Api.run(f.handle);
            } finally {
                s.current = root;
            }
            if (f.done) {
                s.retire(f);
                f.handle = null;
            } else if (f.yielding) {
                f.yielding = false;
                s.readyLocal(f);
            } else if (!f.commitPark()) {
                s.readyLocal(f); // woken from another thread while suspending
            }
        }
    }

    @Override
    void terminate(Scheduler s) {
        // abandoned continuations are garbage once the scheduler is unreachable
    }

    @Override
    StackTraceElement[] stackTrace(Fiber f) {
        if (f.root) {
            return f.sched.carrier.getStackTrace();
        }
        return f.handle == null ? null : Api.stackTrace(f.handle);
    }

    /** Method handles onto {@code jdk.internal.vm.Continuation}, resolved once. */
    private static final class Api {
        static final String FAILURE;
        private static final MethodHandle NEW; // (Runnable)Object, scope bound
        private static final MethodHandle RUN; // (Object)void
        private static final MethodHandle YIELD; // ()boolean, scope bound
        private static final MethodHandle STACK; // (Object)StackTraceElement[]

        static {
            MethodHandle create = null;
            MethodHandle run = null;
            MethodHandle yield = null;
            MethodHandle stack = null;
            String failure = null;
            try {
                Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
                Class<?> contClass = Class.forName("jdk.internal.vm.Continuation");
                MethodHandles.Lookup l = MethodHandles.lookup();
                Object scope = l.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                        .invoke("ngn");
                create = MethodHandles.insertArguments(
                        l.findConstructor(contClass, MethodType.methodType(void.class, scopeClass, Runnable.class)),
                        0, scope).asType(MethodType.methodType(Object.class, Runnable.class));
                run = l.findVirtual(contClass, "run", MethodType.methodType(void.class))
                        .asType(MethodType.methodType(void.class, Object.class));
                yield = MethodHandles.insertArguments(
                        l.findStatic(contClass, "yield", MethodType.methodType(boolean.class, scopeClass)),
                        0, scope);
                stack = l.findVirtual(contClass, "getStackTrace", MethodType.methodType(StackTraceElement[].class))
                        .asType(MethodType.methodType(StackTraceElement[].class, Object.class));
                failure = smokeTest(create, run, yield);
            } catch (Throwable t) {
                failure = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            FAILURE = failure;
            NEW = create;
            RUN = run;
            YIELD = yield;
            STACK = stack;
        }

        private static String smokeTest(MethodHandle create, MethodHandle run, MethodHandle yield) throws Throwable {
            int[] steps = new int[1];
            Object c = (Object) create.invokeExact((Runnable) () -> {
                steps[0] = 1;
                try {
                    boolean ok = (boolean) yield.invokeExact();
                    if (!ok) {
                        steps[0] = -1;
                        return;
                    }
                } catch (Throwable t) {
                    steps[0] = -1;
                    return;
                }
                steps[0] = 2;
            });
            run.invokeExact(c);
            if (steps[0] != 1) {
                return "continuation did not yield";
            }
            run.invokeExact(c);
            return steps[0] == 2 ? null : "continuation did not resume";
        }

        static Object create(Runnable body) {
            try {
                return (Object) NEW.invokeExact(body);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        static void run(Object cont) {
            try {
                RUN.invokeExact(cont);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        static void yieldNow() {
            boolean ok;
            try {
                ok = (boolean) YIELD.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            if (!ok) {
                throw NgnError.internal("a fiber could not be suspended");
            }
        }

        static StackTraceElement[] stackTrace(Object cont) {
            try {
                return (StackTraceElement[]) STACK.invokeExact(cont);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }
}
