package dev.ngnc.rt.fiber;

import dev.ngnc.rt.base.NgnError;

/**
 * How fibers are suspended and resumed. Two implementations:
 * <ul>
 *   <li>{@link FiberEngineContinuation} (default): one-shot delimited continuations
 *   ({@code jdk.internal.vm.Continuation}) run directly on the scheduler's carrier thread —
 *   cheapest switches, and fibers get the carrier's large stack. Needs
 *   {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} (compiled jars carry it as the
 *   manifest attribute {@code Add-Exports: java.base/jdk.internal.vm}).</li>
 *   <li>{@link FiberEngineThreads} (fallback): each fiber is a virtual thread, and a baton
 *   ensures only one fiber of a scheduler runs at a time. Public API only; slower switches, and a
 *   non-root fiber's stack depth is bounded by {@code -Xss}.</li>
 * </ul>
 * Selection: system property {@code ngnc.fibers} = {@code continuation} | {@code threads}; by
 * default the continuation engine when it works on this JVM, else the thread engine.
 */
public abstract class FiberEngine {
    private static volatile FiberEngine defaultEngine;

    /** Name for diagnostics ({@code continuation} or {@code threads}). */
    public abstract String name();

    /** The value of {@link FiberWaiter#context()} on the carrier while {@code s} runs. */
    abstract Object context(Scheduler s, Fiber root);

    /** Prepares a new non-root fiber (its {@link Fiber#body} runs when it is first resumed). */
    abstract void init(Fiber f);

    /**
     * Suspends the running fiber {@code self} until it is unparked (its permit was already
     * checked). Other fibers of the scheduler run meanwhile.
     */
    abstract void park(Fiber self);

    /** Lets the other ready fibers run once, then continues {@code self}. */
    abstract void yieldNow(Fiber self);

    /** The scheduler's root ended: release what abandoned fibers hold. */
    abstract void terminate(Scheduler s);

    /** Stack of a suspended fiber (deadlock report). */
    abstract StackTraceElement[] stackTrace(Fiber f);

    /** The engine used for new programs. */
    public static FiberEngine defaultEngine() {
        FiberEngine e = defaultEngine;
        if (e == null) {
            synchronized (FiberEngine.class) {
                e = defaultEngine;
                if (e == null) {
                    e = select(System.getProperty("ngnc.fibers", ""));
                    defaultEngine = e;
                }
            }
        }
        return e;
    }

    private static FiberEngine select(String wanted) {
        switch (wanted) {
            case "threads":
                return FiberEngineThreads.INSTANCE;
            case "continuation": {
                String why = FiberEngineContinuation.unavailableReason();
                if (why != null) {
                    throw NgnError.internal("-Dngnc.fibers=continuation, but continuations are"
                            + " unavailable on this JVM (" + why + "); run java with --add-exports"
                            + " java.base/jdk.internal.vm=ALL-UNNAMED, or drop the property");
                }
                return FiberEngineContinuation.INSTANCE;
            }
            case "":
                return FiberEngineContinuation.unavailableReason() == null
                        ? FiberEngineContinuation.INSTANCE : FiberEngineThreads.INSTANCE;
            default:
                throw NgnError.internal("unknown -Dngnc.fibers=" + wanted + " (use continuation or threads)");
        }
    }

    /** The engine by name, or null if it is unavailable on this JVM (tests, benchmarks). */
    public static FiberEngine named(String name) {
        return switch (name) {
            case "threads" -> FiberEngineThreads.INSTANCE;
            case "continuation" -> FiberEngineContinuation.unavailableReason() == null
                    ? FiberEngineContinuation.INSTANCE : null;
            default -> null;
        };
    }

    /**
     * Unwinds a fiber whose scheduler has ended (thread engine). Never reported as an ngn
     * error; user code cannot catch it.
     */
    public static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
        static final Killed INSTANCE = new Killed();

        private Killed() {
            super("fiber abandoned", null, false, false);
        }
    }
}
