package dev.ngnc.rt.fiber;


import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A cooperative, single-carrier scheduler reproducing the reference VM's order (spec 10.1).
 *
 * <p>The reference keeps every live fiber in one FIFO queue: the running fiber goes to the back
 * when it blocks, a blocked fiber at the front retries and goes to the back again, and
 * {@code thread(…)} appends the new fiber. Popping the front and pushing it to the back keeps the
 * queue's <em>cyclic</em> order, so that order only changes when a fiber is created (it lands
 * just before its creator, who is "at the back" while running) or ends. Here the cyclic order is
 * a ring of immutable {@link FiberLabel}s; instead of retrying, a blocked fiber waits in a
 * {@link FiberWaitSet} until something can let it through, and the next fiber to run is the
 * first <em>ready</em> one after the last one that ran, in ring order. That gives the reference's
 * output order without its busy polling (and makes deadlocks detectable).
 *
 * <p>Threading: the ring, the ready set and the timers belong to the carrier (the thread, or
 * in the thread engine the fiber, that currently runs this scheduler's code). Other threads only
 * hand fibers in through the inbox ({@link #makeReady} from outside).
 */
public final class Scheduler {
    private static final AtomicLong IDS = new AtomicLong();

    final long id = IDS.incrementAndGet();
    public final SchedulerGroup group;
    /** The thread running the root fiber. */
    final Thread carrier;
    /** Search key before all of this scheduler's waiters in a {@link FiberWaitSet}. */
    final FiberWaitSet.Probe probe = new FiberWaitSet.Probe(id);

    Fiber root;
    /** The fiber whose code is running (continuation engine). */
    Fiber current;
    /** The fiber picked last: the reference point for "next in ring order". */
    private Fiber last;
    /** Ring entry with the smallest label. */
    private Fiber ringMin;
    private int live;

    /**
     * Ready fibers, in two parts. {@code appended}: fibers made ready at the end of the cyclic
     * order seen from {@link #last} — new fibers (placed just before their creator, which is
     * {@code last}) and the running fiber when it yields; they arrive in cyclic order and stay
     * so, because the next pick is always the first ready fiber after {@code last}, so a FIFO
     * keeps them (O(1), the common case: spawning, fan-out, yields). {@code woken}: fibers woken
     * anywhere in the ring (channel, lock, timer), by label ({@link FiberReadySet}). The next
     * fiber is the earlier of the two candidates in cyclic order from {@code last}.
     */
    private final ArrayDeque<Fiber> appended = new ArrayDeque<>();
    private final FiberReadySet woken = new FiberReadySet();
    private PriorityQueue<Fiber> timers;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final ArrayList<Fiber> inbox = new ArrayList<>();
    private volatile boolean inboxFull;
    private boolean idle;
    private volatile boolean ended;
    /** Set by {@link #cancel()}: the next scheduling point throws {@link Cancelled}. */
    private volatile boolean cancelled;

    /**
     * The root fiber is in {@link #awaitOthers} (written by the root, read by the group from
     * any thread when its liveness count reaches zero).
     */
    volatile boolean awaitingOthers;
    /** Set by {@link #wakeStuckAwaiter()} (any thread); consumed by {@link #pickNext()}. */
    private volatile boolean stuckSignal;
    /** Carrier: the awaiting root was woken because the other fibers can no longer progress. */
    private boolean othersStuck;

    private Scheduler(SchedulerGroup group, Thread carrier) {
        this.group = group;
        this.carrier = carrier;
    }

    /**
     * Runs {@code body} as the root fiber of a new scheduler on the current thread; returns when
     * the body ends (other fibers of this scheduler are abandoned) and rethrows what it threw.
     * Holds one unit of {@code group}'s liveness while running.
     */
    public static void runRoot(SchedulerGroup group, Runnable body) {
        group.hold();
        try {
            runRootAdopting(group, body);
        } finally {
            group.release();
        }
    }

    /**
     * {@link #runRoot} for a caller that already holds a unit of {@code group}'s liveness (a
     * queued pool task, a spawn worker thread): the scheduler uses that unit while it runs
     * (releasing it while idle, like any scheduler) and leaves it held when it returns.
     */
    public static void runRootAdopting(SchedulerGroup group, Runnable body) {
        Scheduler s = new Scheduler(group, Thread.currentThread());
        Fiber root = new Fiber(s, FiberLabel.FIRST, true, null);
        root.prev = root;
        root.next = root;
        s.root = root;
        s.current = root;
        s.last = root;
        s.ringMin = root;
        s.live = 1;
        Object saved = FiberWaiter.context();
        FiberWaiter.setContext(group.engine.context(s, root));
        group.register(s);
        try {
            body.run();
        } finally {
            s.end();
            group.unregister(s);
            FiberWaiter.setContext(saved);
        }
    }

    /** The scheduler of the running code, or null outside fibers. */
    public static Scheduler currentScheduler() {
        Object c = FiberWaiter.context();
        if (c instanceof Scheduler s) {
            return s;
        }
        return c instanceof Fiber f ? f.sched : null;
    }

    private boolean isLocal() {
        Object c = FiberWaiter.context();
        return c == this || (c instanceof Fiber f && f.sched == this);
    }

    /** The running fiber of this scheduler (called on the carrier). */
    public Fiber running() {
        Object c = FiberWaiter.context();
        return c instanceof Fiber f ? f : current;
    }

    // ---- ring -------------------------------------------------------------------------------

    /**
     * Creates a fiber running {@code body}, placed in the ring just before the running fiber
     * (the back of the reference's queue), and makes it ready. Called on the carrier.
     */
    public Fiber spawn(Runnable body) {
        Fiber c = running();
        long[] label = c == ringMin ? FiberLabel.between(c.prev.label, null)
                : FiberLabel.between(c.prev.label, c.label);
        Fiber f = new Fiber(this, label, false, body);
        group.engine.init(f);
        f.prev = c.prev;
        f.next = c;
        c.prev.next = f;
        c.prev = f;
        live++;
        appended.addLast(f);
        return f;
    }

    /** Removes a finished fiber from the ring. */
    void retire(Fiber f) {
        if (f.prev == null) {
            return;
        }
        if (f.next == f) {
            ringMin = null;
        } else {
            f.prev.next = f.next;
            f.next.prev = f.prev;
            if (ringMin == f) {
                ringMin = f.next;
            }
        }
        f.prev = null;
        f.next = null;
        live--;
        if (live == 1 && awaitingOthers && root.isParked()) {
            root.unpark(); // the last other fiber ended: the awaiting root goes on (local wake-up)
        }
    }

    /** Live fibers in ring order (diagnostics; call only while the scheduler is idle). */
    List<Fiber> liveFibers() {
        List<Fiber> out = new ArrayList<>();
        Fiber start = ringMin;
        if (start == null) {
            return out;
        }
        Fiber f = start;
        do {
            if (!f.done) {
                out.add(f);
            }
            f = f.next;
        } while (f != null && f != start);
        return out;
    }

    public int liveCount() {
        return live;
    }

    // ---- awaiting the other fibers (Fibers.awaitOtherFibers) -----------------------------------

    /**
     * Blocks the root fiber {@code self} (the running one) until it is the only live fiber of
     * this scheduler, or until the group's liveness count reaches zero while it waits (the other
     * fibers are all blocked and nothing can wake them: {@link SchedulerGroup#release()} then
     * calls {@link #wakeStuckAwaiter()} instead of declaring a deadlock). Carrier only.
     */
    void awaitOthers(Fiber self) {
        othersStuck = false;
        awaitingOthers = true; // before parking: the scheduler still holds its liveness unit
        group.awaiters.incrementAndGet();
        try {
            while (live > 1 && !othersStuck) {
                self.park("await fibers");
            }
        } finally {
            group.awaiters.decrementAndGet();
            awaitingOthers = false;
            othersStuck = false;
        }
    }

    /**
     * The group has no live work left while this scheduler's root awaits the other fibers: if
     * the scheduler is idle, takes a liveness unit for it again (as a wake-up does) and wakes
     * its carrier, whose {@link #pickNext()} then resumes the root. Does nothing if the
     * scheduler is not idle (someone woke it meanwhile: progress is possible, and the next time
     * it goes idle the count is checked again). Any thread.
     */
    void wakeStuckAwaiter() {
        lock.lock();
        try {
            if (ended || !awaitingOthers || !idle) {
                return;
            }
            idle = false;
            group.hold();
            stuckSignal = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- readiness ---------------------------------------------------------------------------

    /** Makes a parked fiber ready (after its state went PARKED → RUNNING). Any thread. */
    void makeReady(Fiber f) {
        if (ended) {
            return;
        }
        if (isLocal()) {
            woken.add(f, last);
            return;
        }
        lock.lock();
        try {
            if (ended) {
                return;
            }
            inbox.add(f);
            inboxFull = true;
            if (idle) {
                idle = false;
                group.hold();
            }
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the running fiber (the last one picked) ready again: a yield, or a wake-up that
     * arrived while it was suspending. Carrier only.
     */
    void readyLocal(Fiber f) {
        appended.addLast(f);
    }

    /** Puts the running fiber to sleep until {@code deadline} ({@link System#nanoTime()}); the caller then parks it. */
    void addTimer(Fiber f, long deadline) {
        if (timers == null) {
            timers = new PriorityQueue<>((a, b) -> {
                int c = Long.compare(a.wakeAt - b.wakeAt, 0);
                return c != 0 ? c : Long.compare(a.seq, b.seq);
            });
        }
        f.wakeAt = deadline;
        f.timerArmed = true;
        timers.add(f);
    }

    /** Removes a fiber from the timer queue (its sleep was abandoned). */
    void cancelTimer(Fiber f) {
        if (f.timerArmed) {
            timers.remove(f);
            f.timerArmed = false;
        }
    }

    /**
     * The next fiber to run: the first ready fiber after the last one picked, in ring order.
     * Waits (timers, other threads) when none is ready; throws {@link SchedulerDeadlock} when
     * the whole program is deadlocked. Carrier only.
     */
    Fiber pickNext() {
        while (true) {
            SchedulerDeadlock d = group.deadlock;
            if (d != null) {
                throw d; // checked first: unwinding fibers elsewhere may still wake someone
            }
            if (cancelled) {
                throw Cancelled.INSTANCE;
            }
            if (inboxFull) {
                drainInbox();
            }
            if (stuckSignal) {
                stuckSignal = false;
                if (awaitingOthers) {
                    othersStuck = true;
                    if (root.isParked()) {
                        root.unpark(); // local: the root becomes ready
                    }
                }
            }
            if (timers != null && !timers.isEmpty()) {
                fireTimers();
            }
            Fiber f = pollReady();
            if (f != null) {
                last = f;
                return f;
            }
            waitForWork();
        }
    }

    /** Removes and returns the first ready fiber after {@link #last} in ring order, or null. */
    private Fiber pollReady() {
        Fiber w = woken.peek();
        if (w == null) {
            return appended.pollFirst();
        }
        Fiber a = appended.peekFirst();
        if (a == null || cyclicBefore(w, a)) {
            return woken.poll();
        }
        woken.lastMovesTo(a, last);
        return appended.pollFirst();
    }

    /** True if {@code a} comes before {@code b} in the ring order that starts after {@link #last}. */
    private boolean cyclicBefore(Fiber a, Fiber b) {
        boolean aWraps = FiberLabel.compare(a, last) <= 0;
        boolean bWraps = FiberLabel.compare(b, last) <= 0;
        if (aWraps != bWraps) {
            return bWraps;
        }
        return FiberLabel.compare(a, b) < 0;
    }

    private void drainInbox() {
        lock.lock();
        try {
            for (int i = 0, n = inbox.size(); i < n; i++) {
                woken.add(inbox.get(i), last);
            }
            inbox.clear();
            inboxFull = false;
        } finally {
            lock.unlock();
        }
    }

    private void fireTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().wakeAt - now <= 0) {
            Fiber f = timers.poll();
            f.timerArmed = false;
            f.unpark();
        }
    }

    private void waitForWork() {
        lock.lock();
        try {
            if (inboxFull || group.deadlock != null || cancelled) {
                return;
            }
            if (timers != null && !timers.isEmpty()) {
                long delay = timers.peek().wakeAt - System.nanoTime();
                if (delay > 0) {
                    wakeUp.awaitNanos(delay);
                }
                return;
            }
            idle = true;
        } catch (InterruptedException e) {
            return;
        } finally {
            lock.unlock();
        }
        group.release(); // may declare a deadlock (then signalDeadlock wakes us)
        // a spawn worker whose task now only waits lets its pool run a queued task meanwhile (Spawn#newPool)
        java.util.function.IntConsumer pool = Thread.currentThread() instanceof FiberWaiter.Carrier c ? c.onBlocked : null;
        if (pool != null) pool.accept(+1);
        lock.lock();
        try {
            while (idle && group.deadlock == null) {
                wakeUp.awaitUninterruptibly();
            }
            idle = false;
        } finally {
            lock.unlock();
            if (pool != null) pool.accept(-1);
        }
    }

    /** Wakes the carrier so that it notices the group's deadlock. */
    void signalDeadlock() {
        lock.lock();
        try {
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Cancels this scheduler (a {@code spawn} task that is no longer wanted): from now on its
     * next scheduling point — any fiber of it blocking (channel, lock, join), sleeping,
     * yielding or ending — throws {@link Cancelled} on the root fiber, which ends the task. If
     * every fiber is already blocked or asleep, the carrier is woken now. A task that never
     * reaches a scheduling point (pure computation) runs to its end. Any thread.
     */
    public void cancel() {
        lock.lock();
        try {
            if (ended || cancelled) {
                return;
            }
            cancelled = true;
            if (idle) {
                idle = false;
                group.hold(); // as a wake-up does: the caller holds its own unit meanwhile
            }
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ended or cancelled: its fibers will never run again (wait sets skip them). */
    boolean dead() {
        return ended || cancelled;
    }

    private void end() {
        lock.lock();
        try {
            ended = true;
            inbox.clear();
        } finally {
            lock.unlock();
        }
        if (!group.ended()) {
            // a spawn task ended: its abandoned fibers (and a cancelled root) must not keep
            // wake-ups meant for others
            for (Fiber f : liveFibers()) {
                f.abandonForGood();
            }
        }
        group.engine.terminate(this);
    }

    boolean ended() {
        return ended;
    }

    /**
     * Unwinds the root fiber of a cancelled scheduler ({@link #cancel()}); caught by
     * {@code Spawn}, never reported as an ngn error, not catchable by ngn code.
     */
    public static final class Cancelled extends Error {
        private static final long serialVersionUID = 1L;
        static final Cancelled INSTANCE = new Cancelled();

        private Cancelled() {
            super("task cancelled", null, false, false);
        }
    }
}
