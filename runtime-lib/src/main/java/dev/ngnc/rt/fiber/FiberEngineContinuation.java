package dev.ngnc.rt.fiber;

import dev.ngnc.rt.base.NgnError;

/**
 * Fibers as {@code jdk.internal.vm.Continuation}s (the mechanism under virtual threads), driven
 * by the scheduler's own carrier thread. The root fiber runs natively on the carrier; when it
 * blocks it runs the scheduler loop, which mounts the next fiber's continuation on top of the
 * root's stack until that fiber yields. So every fiber has the carrier's large stack, and a
 * switch is one yield plus one {@code run} (no OS or ForkJoinPool hand-off).
 *
 * <p>The calls are in {@code ContinuationsDirect}, the one class compiled against
 * {@code jdk.internal.vm} (src/internal/java); the JVM must export {@code java.base/jdk.internal.vm}
 * to the unnamed module at run time, else {@link #unavailableReason()} says why and the thread
 * engine is used.
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
    public String name() {
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

    /** The operations on {@code jdk.internal.vm.Continuation} the engine needs ({@code ContinuationsDirect}). */
    interface Ops {
        Object create(Runnable body);

        void run(Object continuation);

        /** False when the fiber could not be suspended (pinned). */
        public boolean yieldNow();

        StackTraceElement[] stackTrace(Object continuation);
    }

    /** The continuation operations, loaded and smoke-tested once. */
    private static final class Api {
        static final String FAILURE;
        private static final Ops OPS;

        static {
            Ops ops = null;
            String failure;
            try {
                ops = (Ops) Class.forName("dev.ngnc.rt.fiber.ContinuationsDirect").getDeclaredConstructor().newInstance();
                failure = smokeTest(ops);
            } catch (Throwable t) {
                // e.g. IllegalAccessError: java.base does not export jdk.internal.vm to us
                failure = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            FAILURE = failure;
            OPS = failure == null ? ops : null;
        }

        private static String smokeTest(Ops ops) {
            int[] steps = new int[1];
            Object c = ops.create(new Runnable() {
                @Override
                public void run() {
                    steps[0] = 1;
                    steps[0] = ops.yieldNow() ? 2 : -1;
                }
            });
            ops.run(c);
            if (steps[0] != 1) {
                return "continuation did not yield";
            }
            ops.run(c);
            return steps[0] == 2 ? null : "continuation did not resume";
        }

        static Object create(Runnable body) {
            return OPS.create(body);
        }

        static void run(Object cont) {
            OPS.run(cont);
        }

        public static void yieldNow() {
            if (!OPS.yieldNow()) {
                throw NgnError.internal("a fiber could not be suspended");
            }
        }

        static StackTraceElement[] stackTrace(Object cont) {
            return OPS.stackTrace(cont);
        }
    }
}
