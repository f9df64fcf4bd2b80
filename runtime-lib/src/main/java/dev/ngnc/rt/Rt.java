package dev.ngnc.rt;

import dev.ngnc.rt.fiber.FiberEngine;
import dev.ngnc.rt.fiber.FiberWaiter;
import dev.ngnc.rt.base.NgnError;
import dev.ngnc.rt.fiber.SchedulerDeadlock;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Program entry and run-time error reporting. The generated {@code main(String[])} calls
 * {@link #runMain(Runnable)} with the program body (top-level statements, then ngn
 * {@code main}).
 *
 * <p>Error report on stderr (after flushing stdout):
 * <pre>
 * [ngn] Runtime Error: Division failed
 *  --&gt; main.ngn:5
 * </pre>
 * The location is the first stack frame whose file name ends with {@code .ngn}; the line is
 * omitted when there is none. Then the ngn frames, innermost first ({@link Backtrace}), e.g.
 * {@code   at fn total (main.ngn:5)}. Never a Java stack trace.
 */
public final class Rt {
    /**
     * Stack size requested for the thread running the program, for deep recursion: 256 MiB (over a
     * million frames of a small recursive function), or {@code -Dngnc.stackMiB=N} MiB. Runaway
     * recursion touches the whole stack before it is reported: about 4 s at 256 MiB, 16 s at 1 GiB.
     */
    public static final long MAIN_STACK_SIZE = Long.getLong("ngnc.stackMiB", 256L) << 20;

    private static final List<Runnable> EXIT_HOOKS = new CopyOnWriteArrayList<>();

    private Rt() {
    }

    /** ngn {@code panic(msg)}: ends the current fiber with {@code Thread panicked: msg}. */
    public static void panic(String msg) {
        throw NgnError.panic(msg);
    }

    /**
     * Runs {@code body} as the root fiber of the program's scheduler ({@link Fibers}) on a
     * platform thread with a {@link #MAIN_STACK_SIZE} stack, reports a failure as described in
     * the class comment, runs the exit hooks, flushes stdout and exits the JVM: status 0 on
     * success, 1 after a run-time failure of {@code main} or a deadlock. The program ends when
     * {@code body} returns: fibers still running or blocked are abandoned.
     */
    public static void runMain(Runnable body) {
        widenVirtualThreadCarriers();
        int status = run(body, System.err);
        if (status == 0 && !otherThreadsKeepTheJvm()) {
            // a plain return ends the JVM as System.exit(0) would (shutdown hooks run), without Runtime.exit's
            // logger bootstrap: ~320 JDK classes and ~15 ms of every short program's start-up
            return;
        }
        System.exit(status);
    }

    /** Would a plain return leave the JVM running (a non-daemon platform thread besides this one, e.g. a server's)? */
    static boolean otherThreadsKeepTheJvm() {
        Thread self = Thread.currentThread();
        ThreadGroup root = self.getThreadGroup();
        while (root.getParent() != null) root = root.getParent();
        Thread[] all = new Thread[root.activeCount() + 8];
        int n = root.enumerate(all, true);
        for (int i = 0; i < n; i++) {
            if (all[i] != self && !all[i].isDaemon() && all[i].isAlive()) return true;
        }
        return false;
    }

    /**
     * Set (to {@code true}) by the jar's launcher when the compiler found that the program never starts or waits on
     * a fiber (no thread, channel, state, sleep, spawn, fetch, process or server): its main body then runs without
     * a scheduler, and the jar goes without the {@code Add-Exports} that continuations need.
     */
    static final String FIBERLESS = "ngnc.fiberless";

    /** Carrier threads for virtual threads (HTTP handlers, process pipes) when the user has not chosen. */
    static final int MIN_CARRIERS = 8;

    /**
     * Virtual threads are not preempted: with one carrier per core, two HTTP handlers looping on the CPU would stop
     * every other request on a 2-core machine. More carriers than cores let the OS time-slice such handlers while
     * the rest keep being served; idle carriers are never started. Must run before the first virtual thread.
     */
    static void widenVirtualThreadCarriers() {
        String key = "jdk.virtualThreadScheduler.parallelism";
        if (System.getProperty(key) == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            System.setProperty(key, Integer.toString(Math.max(MIN_CARRIERS, 2 * cores)));
        }
    }

    /**
     * Runs a program's body (its main class's {@code $run}) in this JVM the way {@link #runMain} does, but
     * returns the exit status instead of ending the JVM, and forgets the program's exit hooks afterwards, so
     * that the next program run in the same JVM starts clean ({@code ngnc test} runs many test programs in one
     * JVM). Errors are reported to {@code err}.
     */
    public static int runEmbedded(Runnable body, PrintStream err) {
        widenVirtualThreadCarriers();
        try {
            return run(body, err);
        } finally {
            EXIT_HOOKS.clear();
            Out.flush();
        }
    }

    /** {@link #runMain} without {@code System.exit}: returns the exit status (tests, embedding). */
    static int run(Runnable body, PrintStream err) {
        return run(body, err, null);
    }

    /**
     * {@link #run(Runnable, PrintStream)} with a given fiber engine (tests, benchmarks); null
     * means {@link FiberEngine#defaultEngine()}.
     */
    static int run(Runnable body, PrintStream err, FiberEngine engine) {
        // a program that starts no fiber (the compiler's launcher says so) needs no scheduler and no continuations
        Throwable failure = engine == null && Boolean.getBoolean(FIBERLESS) ? runOnLargeStack(body)
                : runOnLargeStack(() -> Fibers.runProgram(body, err, engine != null ? engine : FiberEngine.defaultEngine()));
        for (Runnable hook : EXIT_HOOKS) {
            try {
                hook.run();
            } catch (Throwable t) {
                failure = failure == null ? t : failure;
            }
        }
        if (failure != null) {
            report(failure, err);
            return 1;
        }
        Out.flush();
        return 0;
    }

    /**
     * Registers an action run after the program body ends (also after a failure), before
     * stdout is flushed and the JVM exits — e.g. waiting for ngn threads still running.
     */
    public static void addExitHook(Runnable hook) {
        EXIT_HOOKS.add(hook);
    }

    /**
     * Runs {@code body} to completion on a new platform thread with a large stack; returns
     * what it threw, or {@code null}.
     */
    public static Throwable runOnLargeStack(Runnable body) {
        return runOnStack(body, MAIN_STACK_SIZE);
    }

    /**
     * Runs {@code body} on a new platform thread with the given stack size; returns what it threw.
     * The thread is a {@link FiberWaiter.Carrier} (cheap fiber-context lookups).
     */
    public static Throwable runOnStack(Runnable body, long stackSize) {
        CatchingRun run = new CatchingRun(body);
        Thread t = new FiberWaiter.Carrier(run, "ngn-main", stackSize);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return run.failure;
    }

    /** Runs a body and keeps what it threw. A class, not a lambda: see the start-up note in ProgramEmitter.mainMethod. */
    private static final class CatchingRun implements Runnable {
        private final Runnable body;
        Throwable failure;

        CatchingRun(Runnable body) {
            this.body = body;
        }

        @Override
        public void run() {
            try {
                body.run();
            } catch (Throwable e) {
                failure = e;
            }
        }
    }

    /**
     * Prints {@code [ngn] <message>}, the location line and the ngn backtrace ({@link Backtrace})
     * to {@code err}, after flushing stdout.
     */
    public static void report(Throwable t, PrintStream err) {
        report(t, err, null);
    }

    /**
     * {@link #report(Throwable, PrintStream)} for a failure outside the main fiber: {@code context}
     * (e.g. {@code thread fiber [2]}) ends the backtrace as {@code in <context>}.
     */
    static void report(Throwable t, PrintStream err, String context) {
        Out.flush();
        Throwable cause = unwrap(t);
        StringBuilder sb = new StringBuilder("[ngn] ").append(message(cause)).append('\n');
        String loc = location(cause);
        if (!loc.isEmpty()) {
            sb.append(loc).append('\n');
        }
        if (Backtrace.ENABLED) {
            for (String line : Backtrace.lines(cause.getStackTrace())) {
                sb.append(line).append('\n');
            }
            if (context != null) {
                sb.append("  in ").append(context).append('\n');
            }
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        err.write(bytes, 0, bytes.length);
        err.flush();
    }

    /** Prints the report of {@code t} to {@code System.err}. */
    public static void report(Throwable t) {
        report(t, System.err);
    }

    /**
     * The ngn text of a failure, without {@code [ngn] } and location: an {@link NgnError}'s
     * {@link NgnError#ngnMessage()}; {@code Runtime Error: stack overflow (recursion too deep)}
     * for a stack overflow; {@code Internal error: <description>} for anything else.
     */
    public static String message(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof NgnError e) {
            return e.ngnMessage();
        }
        if (c instanceof SchedulerDeadlock) {
            return c.getMessage();
        }
        if (c instanceof StackOverflowError) {
            return "Runtime Error: stack overflow (recursion too deep)";
        }
        return "Internal error: " + describe(c);
    }

    private static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory";
        }
        String msg = t.getMessage();
        String name = t.getClass().getSimpleName();
        return msg == null ? name : name + ": " + msg;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof ExceptionInInitializerError && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /**
     * The location line {@code " --> <file>:<line>"} from the first stack frame whose file
     * name ends with {@code .ngn}, or {@code ""} when there is none.
     */
    public static String location(Throwable t) {
        Throwable c = unwrap(t);
        String lineless = "";
        for (StackTraceElement e : c.getStackTrace()) {
            if (Backtrace.isContinuationEntry(e)) break; // the rest is the stack that mounted this fiber
            String f = e.getFileName();
            if (f != null && f.endsWith(".ngn")) {
                // generated helpers without lines (the dynamic-call dispatchers) defer to their caller's line
                if (e.getLineNumber() > 0) return " --> " + f + ":" + e.getLineNumber();
                if (lineless.isEmpty()) lineless = " --> " + f;
            }
        }
        return lineless;
    }
}
