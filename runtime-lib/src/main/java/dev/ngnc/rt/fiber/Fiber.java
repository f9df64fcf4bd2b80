package dev.ngnc.rt.fiber;

/**
 * One ngn thread (green thread): the program's {@code main} (the root fiber of the main
 * scheduler), a {@code thread(…)} closure, or the body of a {@code spawn} task (the root fiber of
 * a worker's scheduler). A fiber belongs to one {@link Scheduler} for its whole life and only
 * runs on that scheduler's carrier; how it is suspended is up to the {@link FiberEngine}.
 */
public final class Fiber extends FiberWaiter implements Runnable {
    final Scheduler sched;
    /** True for the scheduler's root fiber, which runs directly on the carrier thread. */
    public final boolean root;
    /** The code a non-root fiber runs (null for the root). */
    final Runnable body;
    /** User-facing number: 0 for a root, else 1, 2, … in start order within the group. */
    public final long number;

    /** Ring neighbours (circular, ordered by label); null once removed. */
    Fiber prev;
    Fiber next;

    /** Engine data: a continuation or a thread. */
    Object handle;
    /** Set when the body has finished. */
    boolean done;
    /** Continuation engine: the fiber suspended as a yield (ready at once, no park commit). */
    boolean yielding;

    /** Sleep deadline ({@link System#nanoTime()}) while in the timer queue. */
    long wakeAt;
    /** True while in the scheduler's timer queue. */
    boolean timerArmed;

    /** Thread engine: this fiber may run (baton). */
    volatile boolean turn;
    /** Thread engine: the scheduler ended; unwind without touching it. */
    volatile boolean killed;

    /** {@code label} is the position in the scheduler's ring (immutable, see {@link FiberLabel}). */
    Fiber(Scheduler sched, long[] label, boolean root, Runnable body) {
        super(sched.id, label);
        this.sched = sched;
        this.root = root;
        this.body = body;
        this.number = root ? 0 : sched.group.threadNumbers.incrementAndGet();
    }

    /**
     * Continuation engine: the continuation's entry point (the fiber itself, so that a fiber
     * costs no extra object and one stack frame less, which every blocked fiber's saved stack
     * holds): runs {@link #body}, then marks the fiber done.
     */
    @Override
    public void run() {
        try {
            body.run();
        } finally {
            done = true;
        }
    }

    @Override
    public void park(String reason) {
        if (!consumePermit()) {
            waitReason = reason;
            sched.group.engine.park(this);
            waitReason = null;
        }
        lastSet = null; // the wake-up (if any) is consumed: see abandonForGood
        wokenFrom = null;
    }

    // ---- what rt.Fibers asks of the running fiber ----------------------------------------------------------

    /** Lets the other ready fibers of this (running) fiber's scheduler run once, then continues. */
    public void yieldNow() {
        sched.group.engine.yieldNow(this);
    }

    /**
     * ngn {@code sleep}: puts this (running) fiber in its scheduler's timer queue until {@code deadline}
     * ({@link System#nanoTime()}) unless it is there already; the caller then parks it.
     */
    public void armSleep(long deadline) {
        if (!timerArmed) {
            sched.addTimer(this, deadline);
        }
    }

    /**
     * This root fiber (the running one) waits until the other fibers of its scheduler have ended
     * ({@link Scheduler#awaitOthers}).
     */
    public void awaitOthers() {
        sched.awaitOthers(this);
    }

    @Override
    void resumeParked() {
        sched.makeReady(this);
    }

    /** The first {@code .ngn} stack frame of this (suspended) fiber, as {@code main.ngn:12}, or null. */
    String location() {
        StackTraceElement[] trace;
        try {
            trace = sched.group.engine.stackTrace(this);
        } catch (RuntimeException | Error e) {
            return null;
        }
        if (trace == null) {
            return null;
        }
        for (StackTraceElement e : trace) {
            String f = e.getFileName();
            if (f != null && f.endsWith(".ngn")) {
                return e.getLineNumber() > 0 ? f + ":" + e.getLineNumber() : f;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return (root ? "root fiber " : "fiber ") + java.util.Arrays.toString(label);
    }
}
