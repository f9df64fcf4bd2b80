package dev.ngnc.rt;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * Waiters blocked on one condition (a channel's receivers or senders, a lock), ordered by
 * (scheduler, ring label): {@link #pick} returns the waiter the reference scheduler would let
 * through first — the first one after the waking fiber in ring order — so output order matches
 * the reference's round-robin retry loop without polling. Plain-thread waiters come in FIFO order.
 * Not thread-safe: guarded by the owner's lock.
 */
final class FiberWaitSet {
    static final Comparator<FiberWaiter> ORDER = (a, b) -> {
        if (a == b) {
            return 0;
        }
        int c = Long.compare(a.schedId, b.schedId);
        if (c != 0) {
            return c;
        }
        c = FiberLabel.compare(a, b);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    };

    static final FiberWaiter[] NONE = new FiberWaiter[0];

    /** The monitor that guards this set (the channel or lock owning it). */
    final Object lock;

    private TreeSet<FiberWaiter> set;

    FiberWaitSet(Object lock) {
        this.lock = lock;
    }

    boolean isEmpty() {
        return set == null || set.isEmpty();
    }

    int size() {
        return set == null ? 0 : set.size();
    }

    void add(FiberWaiter w) {
        if (set == null) {
            set = new TreeSet<>(ORDER);
        }
        set.add(w);
        w.waitingIn = this;
    }

    /** Removes {@code w} if it is still registered here (after a spurious wake-up). */
    void remove(FiberWaiter w) {
        if (w.waitingIn == this) {
            set.remove(w);
            w.waitingIn = null;
        }
    }

    /**
     * Removes and returns the waiter to wake for a change made by {@code waker}: among waiters
     * whose {@link FiberWaiter#need} is at most {@code available}, the first after {@code waker}
     * in its scheduler's ring order (wrapping around), else the first of another scheduler or a
     * plain thread. Null if none qualifies.
     */
    FiberWaiter pick(FiberWaiter waker, int available) {
        if (set == null || set.isEmpty()) {
            return null;
        }
        FiberWaiter w = null;
        if (waker instanceof Fiber f) {
            w = firstEligible(set.tailSet(f, false).iterator(), f.sched.id, available);
            if (w == null) {
                w = firstEligible(set.tailSet(f.sched.probe, true).iterator(), f.sched.id, available);
            }
        }
        if (w == null) {
            w = firstEligible(set.iterator(), Long.MIN_VALUE, available);
        }
        if (w != null) {
            set.remove(w);
            w.waitingIn = null;
        }
        return w;
    }

    private static FiberWaiter firstEligible(java.util.Iterator<FiberWaiter> it, long sched, int available) {
        while (it.hasNext()) {
            FiberWaiter w = it.next();
            if (sched != Long.MIN_VALUE && w.schedId != sched) {
                return null;
            }
            if (w instanceof Fiber f && f.sched.ended()) {
                it.remove(); // abandoned with its scheduler: waking it would lose the wake-up
                w.waitingIn = null;
                continue;
            }
            if (w.need <= available) {
                return w;
            }
        }
        return null;
    }

    /** Removes and returns every waiter (e.g. on close); wake them after releasing the lock. */
    FiberWaiter[] takeAll() {
        if (set == null || set.isEmpty()) {
            return NONE;
        }
        FiberWaiter[] all = set.toArray(NONE);
        set.clear();
        for (FiberWaiter w : all) {
            w.waitingIn = null;
        }
        return all;
    }

    /** Snapshot for diagnostics. */
    FiberWaiter[] toArray() {
        return set == null ? NONE : set.toArray(NONE);
    }

    /** A search key sorting before every fiber of one scheduler. */
    static final class Probe extends FiberWaiter {
        Probe(long sched) {
            super(sched, FiberLabel.MIN);
        }

        @Override
        void park(String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        void resumeParked() {
            throw new UnsupportedOperationException();
        }
    }
}
