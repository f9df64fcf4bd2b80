package dev.ngnc.rt.fiber;


import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The schedulers of one program run (the main scheduler plus one per running {@code spawn}
 * task), with the liveness count used for deadlock detection.
 *
 * <p><b>Liveness.</b> {@code busy} counts units of work that may still wake a blocked fiber: a
 * scheduler that is running, has ready fibers or has sleepers; a queued pool task; a thread
 * started for {@code spawn.all}/{@code race} that has not finished; a registered piece of
 * external work ({@code Fibers.pendingWork()}). A unit is always added before the unit that
 * causes it is released (a waker holds its own unit while it wakes an idle scheduler), so the
 * count reaches zero only when nothing can ever make progress again: then the program is
 * deadlocked, and the main root fiber ends with {@link SchedulerDeadlock}.
 *
 * <p><b>Awaiting roots.</b> A root fiber in {@code Fibers.awaitOtherFibers()} is not blocked on
 * anything that could deadlock: when the count reaches zero while one waits, its scheduler is
 * woken ({@link Scheduler#wakeStuckAwaiter()}) and the wait ends instead of a deadlock being
 * declared. This also works in groups without deadlock detection ({@code Fibers.runRoot}).
 */
public final class SchedulerGroup {
    final FiberEngine engine;
    public final PrintStream err;
    private final boolean detect;
    private final AtomicLong busy = new AtomicLong();
    private final Set<Scheduler> schedulers = ConcurrentHashMap.newKeySet();
    /** The main scheduler (first registered), listed first in deadlock reports. */
    private volatile Scheduler main;
    private volatile boolean ended;
    volatile SchedulerDeadlock deadlock;
    /** Root fibers of this group inside {@link Scheduler#awaitOthers} (fast path of {@link #release()}). */
    final AtomicInteger awaiters = new AtomicInteger();
    /** Numbers the {@code thread(…)} fibers of this run in start order (main is thread 0), for error reports. */
    final AtomicLong threadNumbers = new AtomicLong();

    public SchedulerGroup(FiberEngine engine, PrintStream err, boolean detectDeadlocks) {
        this.engine = engine;
        this.err = err;
        this.detect = detectDeadlocks;
    }

    /** Adds a unit of live work. */
    public void hold() {
        busy.incrementAndGet();
    }

    /**
     * Removes a unit of live work; the last one out ends the waits of awaiting roots if there
     * are any, else declares a deadlock.
     */
    public void release() {
        if (busy.decrementAndGet() == 0) {
            if (!wakeAwaiters()) {
                declareDeadlock();
            }
        }
    }

    /** Nothing is live: wakes the schedulers whose root awaits the other fibers; true if any. */
    private boolean wakeAwaiters() {
        if (awaiters.get() == 0) {
            return false;
        }
        boolean any = false;
        for (Scheduler s : schedulers) {
            if (s.awaitingOthers) {
                any = true;
                s.wakeStuckAwaiter();
            }
        }
        return any;
    }

    /** The program is over (main returned): no more deadlock detection. */
    public void end() {
        ended = true;
    }

    boolean ended() {
        return ended;
    }

    void register(Scheduler s) {
        if (main == null) {
            main = s;
        }
        schedulers.add(s);
    }

    void unregister(Scheduler s) {
        schedulers.remove(s);
    }

    private void declareDeadlock() {
        SchedulerDeadlock d;
        synchronized (this) {
            if (!detect || ended || deadlock != null) {
                return;
            }
            d = new SchedulerDeadlock(report());
            deadlock = d;
        }
        for (Scheduler s : schedulers) {
            s.signalDeadlock();
        }
    }

    /** The deadlock report: every fiber still alive in every scheduler (all are blocked). */
    private String report() {
        StringBuilder sb = new StringBuilder("Deadlock: all fibers are blocked");
        List<Scheduler> order = new ArrayList<>();
        Scheduler m = main;
        if (m != null && schedulers.contains(m)) {
            order.add(m);
        }
        for (Scheduler s : schedulers) {
            if (s != m) {
                order.add(s);
            }
        }
        for (Scheduler s : order) {
            for (Fiber f : s.liveFibers()) {
                String loc = f.location();
                String what = f.waitReason;
                sb.append("\n --> ").append(loc == null ? "(unknown location)" : loc);
                sb.append(" (").append(what == null ? "blocked" : what).append(')');
            }
        }
        return sb.toString();
    }
}
