package dev.ngnc.rt.fiber;


import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Something that can block in a channel, state lock or join and be woken: a {@link Fiber}, or a
 * plain Java thread that is not running fibers ({@link ThreadWaiter}, e.g. an I/O thread or a
 * unit test). Wake-ups use a permit, like {@link LockSupport}: {@link #unpark()} before
 * {@link #park(String)} makes the park return at once, so a waiter registers itself in a wait set
 * under the owner's lock, releases the lock, then parks.
 *
 * <p>State machine ({@code state}): {@code RUNNING} → (park commits) {@code PARKED} →
 * (unpark) {@code RUNNING}; an unpark that finds {@code RUNNING} leaves {@code PERMIT}, which the
 * next park consumes.
 */
public abstract class FiberWaiter {
    static final int RUNNING = 0;
    static final int PARKED = 1;
    static final int PERMIT = 2;

    private static final VarHandle STATE;
    private static final AtomicLong SEQ = new AtomicLong();

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(FiberWaiter.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Current thread's context: a {@link Scheduler} (continuation carrier), a {@link Fiber} or a
     * {@link ThreadWaiter}. Read and written through {@link #context()}/{@link #setContext}: a
     * {@link Carrier} thread keeps it in a field instead.
     */
    private static final ThreadLocal<Object> CONTEXT = new ThreadLocal<>();

    /**
     * A platform thread made to carry fibers (the program's {@code ngn-main} thread, see
     * {@code Rt.runOnStack}): it keeps its fiber context in a field. Why: every channel
     * operation and {@code state.update} looks the context up; {@code Thread.currentThread()}
     * plus a type check costs ~2 ns before the JIT's last tier, a {@link ThreadLocal} lookup ~24
     * ns (both ~1 ns once fully compiled), and short programs spend much of their time there.
     */
    public static final class Carrier extends Thread {
        /** This thread's context (only this thread reads or writes it). */
        Object context;
        /** For a spawn pool worker: told when the task it runs waits with every fiber blocked, and when it goes on. */
        public java.util.function.IntConsumer onBlocked;

        public Carrier(Runnable body, String name, long stackSize) {
            super(null, body, name, stackSize);
        }
    }

    /** The current thread's context (see {@link #CONTEXT}), or null. */
    static Object context() {
        return Thread.currentThread() instanceof Carrier c ? c.context : CONTEXT.get();
    }

    /** Sets the current thread's context (see {@link #CONTEXT}). */
    static void setContext(Object context) {
        if (Thread.currentThread() instanceof Carrier c) {
            c.context = context;
        } else {
            CONTEXT.set(context);
        }
    }

    private volatile int state;

    /** Id of the scheduler this waiter belongs to; 0 for plain threads. */
    final long schedId;
    /** Ring label within its scheduler ({@link FiberLabel#MIN} for plain threads). */
    final long[] label;
    /** {@code label[0]} when the label has one component, else {@link Long#MIN_VALUE} (fast compare). */
    final long key;

    FiberWaiter(long schedId, long[] label) {
        this.schedId = schedId;
        this.label = label;
        this.key = label.length == 1 ? label[0] : Long.MIN_VALUE;
    }

    /** Tie-breaker and FIFO order for waiters outside schedulers. */
    final long seq = SEQ.incrementAndGet();

    /** For a receiver: how many buffered items it needs before a wake-up helps it. */
    public int need;

    /** The wait set this waiter is registered in (guarded by that set's owner lock). */
    public FiberWaitSet waitingIn;
    /**
     * Fibers: the wait set it registered in last (written by its own carrier, cleared when it
     * resumes), and whether a {@link FiberWaitSet#pick} took it from there to wake it (guarded
     * by that set's owner lock). A fiber that dies picked but not yet run passes the wake-up on:
     * see {@link #abandonForGood()}.
     */
    FiberWaitSet lastSet;
    FiberWaitSet wokenFrom;

    /** Leaves the wait set it registered in (its wait is abandoned, e.g. it could not suspend). */
    final void abandonWait() {
        FiberWaitSet ws = waitingIn;
        if (ws != null) {
            synchronized (ws.lock) {
                ws.remove(this);
            }
        }
    }

    /**
     * The waiter will never run again (its scheduler ended or was cancelled): leaves the wait
     * set it registered in, or, if it was already picked there to be woken, wakes every waiter
     * of that set instead (they re-check their condition), so that no wake-up is lost with it.
     * Called on its scheduler's carrier after the scheduler is marked dead.
     */
    final void abandonForGood() {
        FiberWaitSet ws = lastSet;
        if (ws == null) {
            return;
        }
        lastSet = null;
        FiberWaiter[] wake = FiberWaitSet.NONE;
        synchronized (ws.lock) {
            if (waitingIn == ws) {
                ws.remove(this);
            } else if (wokenFrom == ws) {
                wokenFrom = null;
                wake = ws.takeAll();
            }
        }
        for (FiberWaiter w : wake) {
            w.unpark();
        }
    }

    /** What the waiter is blocked on (deadlock report): {@code receive}, {@code send}, … */
    volatile String waitReason;

    /** The waiter of the running code: the current fiber, else this thread's {@link ThreadWaiter}. */
    public static FiberWaiter current() {
        Object c = context();
        if (c instanceof Scheduler s) {
            return s.current;
        }
        if (c instanceof FiberWaiter w) {
            return w;
        }
        ThreadWaiter w = new ThreadWaiter(Thread.currentThread());
        setContext(w);
        return w;
    }

    /** The current fiber, or {@code null} when the running code is not in a fiber. */
    public static Fiber currentFiber() {
        Object c = context();
        if (c instanceof Scheduler s) {
            return s.current;
        }
        return c instanceof Fiber f ? f : null;
    }

    /**
     * Blocks until {@link #unpark()} (returns at once if a permit is pending). May return
     * spuriously; callers re-check their condition. Runs on this waiter's own thread/fiber.
     */
    public abstract void park(String reason);

    /** Wakes this waiter (from any thread). */
    public final void unpark() {
        while (true) {
            int s = state;
            if (s == PARKED) {
                if (STATE.compareAndSet(this, PARKED, RUNNING)) {
                    resumeParked();
                    return;
                }
            } else if (s == RUNNING) {
                if (STATE.compareAndSet(this, RUNNING, PERMIT)) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    /** Called by {@link #unpark()} after it moved the state from PARKED to RUNNING. */
    abstract void resumeParked();

    /**
     * Consumes a pending permit; true if there was one. Reads first: every park calls this, and
     * there is usually no permit, so a failing compare-and-set (an atomic instruction) is skipped;
     * a permit that arrives after the read is found by {@link #commitPark()}.
     */
    final boolean consumePermit() {
        return state == PERMIT && STATE.compareAndSet(this, PERMIT, RUNNING);
    }

    /**
     * Commits a park: RUNNING → PARKED. False if a permit arrived meanwhile (then the state is
     * RUNNING again and the caller must not suspend).
     */
    final boolean commitPark() {
        if (STATE.compareAndSet(this, RUNNING, PARKED)) {
            return true;
        }
        state = RUNNING; // PERMIT consumed
        return false;
    }

    final boolean isParked() {
        return state == PARKED;
    }

    /** A plain thread (not running fibers) as a waiter: parks with {@link LockSupport}. */
    static final class ThreadWaiter extends FiberWaiter {
        final Thread thread;

        ThreadWaiter(Thread thread) {
            super(0, FiberLabel.MIN);
            this.thread = thread;
        }

        @Override
        public void park(String reason) {
            if (!consumePermit()) {
                waitReason = reason;
                if (commitPark()) {
                    while (isParked()) {
                        LockSupport.park(this);
                    }
                }
            }
            lastSet = null; // do not keep the channel reachable from this thread's waiter
            wokenFrom = null;
        }

        @Override
        void resumeParked() {
            LockSupport.unpark(thread);
        }
    }
}
