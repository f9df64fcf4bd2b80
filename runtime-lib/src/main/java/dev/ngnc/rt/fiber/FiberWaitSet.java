package dev.ngnc.rt.fiber;

import java.util.Comparator;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * Waiters blocked on one condition (a channel's receivers or senders, a lock), ordered by
 * (scheduler, ring label): {@link #pick} returns the waiter the reference scheduler would let
 * through first — the first one after the waking fiber in ring order — so output order matches
 * the reference's round-robin retry loop without polling. Plain-thread waiters come in FIFO order.
 * Not thread-safe: guarded by the owner's lock.
 */
public final class FiberWaitSet {
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

    public static final FiberWaiter[] NONE = new FiberWaiter[0];

    /** The monitor that guards this set (the channel or lock owning it). */
    final Object lock;

    /**
     * Waiters sorted by {@link #ORDER} in a circular buffer ({@code a[(head + i) & (a.length -
     * 1)]}, {@code 0 <= i < n}). Removal at either end is O(1); removal in the middle leaves
     * the entry in place as dead — an entry {@code w} is live iff {@code w.waitingIn == this}
     * — and dead entries are dropped when they reach an end or outnumber the live ones. Adding
     * in ring order (the usual case: fibers block in the order they run) appends in O(1); a
     * search is a binary search, without allocation.
     *
     * <p>An insertion that would shift more than {@link #MAX_SHIFT} entries (waiters blocking
     * out of ring order, e.g. after random sleeps) switches the set to a {@link TreeSet}
     * ({@code tree}, O(log n) for everything) until it is empty again.
     */
    private FiberWaiter[] a;
    private int head;
    private int n;
    private int live;
    private TreeSet<FiberWaiter> tree;

    private static final int MAX_SHIFT = 32;

    public FiberWaitSet(Object lock) {
        this.lock = lock;
    }

    public boolean isEmpty() {
        return live == 0;
    }

    int size() {
        return live;
    }

    private FiberWaiter at(int i) {
        return a[(head + i) & (a.length - 1)];
    }

    private boolean isLive(FiberWaiter w) {
        return w.waitingIn == this;
    }

    public void add(FiberWaiter w) {
        if (w.waitingIn == this) {
            return;
        }
        w.lastSet = this;
        if (tree != null) {
            tree.add(w);
            w.waitingIn = this;
            live++;
            return;
        }
        if (a == null) {
            a = new FiberWaiter[8];
        }
        int i = n == 0 || ORDER.compare(at(n - 1), w) < 0 ? n : lowerBound(w);
        if (i < n && at(i) == w) {
            w.waitingIn = this; // its dead entry is still in place: revive it
            live++;
            return;
        }
        if (i > 0 && n - i > MAX_SHIFT) {
            toTree();
            add(w);
            return;
        }
        if (n == a.length) {
            grow();
        }
        int mask = a.length - 1;
        if (i == 0 && n > 0) {
            head = (head - 1) & mask;
        } else {
            for (int j = n; j > i; j--) { // shift the tail right by one
                a[(head + j) & mask] = a[(head + j - 1) & mask];
            }
        }
        a[(head + i) & mask] = w;
        n++;
        live++;
        w.waitingIn = this;
    }

    /** Switches to tree mode with the live entries. */
    private void toTree() {
        TreeSet<FiberWaiter> t = new TreeSet<>(ORDER);
        for (int i = 0; i < n; i++) {
            FiberWaiter w = at(i);
            if (isLive(w)) {
                t.add(w);
            }
        }
        int keep = live;
        clearSlots();
        a = null;
        live = keep;
        tree = t;
    }

    private void grow() {
        FiberWaiter[] b = new FiberWaiter[a.length * 2];
        for (int i = 0; i < n; i++) {
            b[i] = at(i);
        }
        a = b;
        head = 0;
    }

    /** Index of the first entry not smaller than {@code key} ({@code n} if none). */
    private int lowerBound(FiberWaiter key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ORDER.compare(at(mid), key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Removes {@code w} if it is still registered here (after a spurious wake-up). */
    public void remove(FiberWaiter w) {
        if (w.waitingIn == this) {
            w.waitingIn = null;
            live--;
            if (tree != null) {
                tree.remove(w);
                if (live == 0) {
                    tree = null;
                }
                return;
            }
            trim();
        }
    }

    /** Drops dead entries at both ends; compacts when dead entries outnumber live ones. */
    private void trim() {
        if (live == 0) {
            clearSlots();
            return;
        }
        int mask = a.length - 1;
        while (n > 0 && !isLive(a[head])) {
            a[head] = null;
            head = (head + 1) & mask;
            n--;
        }
        while (n > 0 && !isLive(at(n - 1))) {
            a[(head + n - 1) & mask] = null;
            n--;
        }
        if (n - live > live + 16) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                FiberWaiter w = at(i);
                if (isLive(w)) {
                    a[(head + k++) & mask] = w;
                }
            }
            for (int i = k; i < n; i++) {
                a[(head + i) & mask] = null;
            }
            n = k;
        }
    }

    /** Empties the buffer (dropping a large one). */
    private void clearSlots() {
        if (a != null) {
            if (a.length > 64) {
                a = null;
            } else {
                for (int i = 0; i < n; i++) {
                    a[(head + i) & (a.length - 1)] = null;
                }
            }
        }
        head = 0;
        n = 0;
        live = 0;
    }

    /**
     * Removes and returns the waiter to wake for a change made by {@code waker}: among waiters
     * whose {@link FiberWaiter#need} is at most {@code available}, the first after {@code waker}
     * in its scheduler's ring order (wrapping around), else the first of another scheduler or a
     * plain thread. Null if none qualifies.
     */
    public FiberWaiter pick(FiberWaiter waker, int available) {
        if (live == 0) {
            return null;
        }
        if (tree != null) {
            return pickFromTree(waker, available);
        }
        FiberWaiter w = null;
        if (waker instanceof Fiber f) {
            int after = lowerBound(f);
            if (after < n && at(after) == f) {
                after++;
            }
            long sched = f.sched.id;
            w = firstEligible(after, sched, available);
            if (w == null) {
                w = firstEligible(lowerBound(f.sched.probe), sched, available);
            }
        }
        if (w == null) {
            w = firstEligible(0, Long.MIN_VALUE, available);
        }
        if (w != null) {
            w.wokenFrom = this;
            w.waitingIn = null;
            live--;
        }
        trim();
        return w;
    }

    private FiberWaiter pickFromTree(FiberWaiter waker, int available) {
        FiberWaiter w = null;
        if (waker instanceof Fiber f) {
            w = firstEligible(tree.tailSet(f, false).iterator(), f.sched.id, available);
            if (w == null) {
                w = firstEligible(tree.tailSet(f.sched.probe, true).iterator(), f.sched.id, available);
            }
        }
        if (w == null) {
            w = firstEligible(tree.iterator(), Long.MIN_VALUE, available);
        }
        if (w != null) {
            tree.remove(w);
            w.wokenFrom = this;
            w.waitingIn = null;
            live--;
        }
        if (live == 0) {
            tree = null;
        }
        return w;
    }

    private FiberWaiter firstEligible(Iterator<FiberWaiter> it, long sched, int available) {
        while (it.hasNext()) {
            FiberWaiter w = it.next();
            if (sched != Long.MIN_VALUE && w.schedId != sched) {
                return null;
            }
            if (w instanceof Fiber f && f.sched.dead()) {
                it.remove(); // abandoned with its scheduler: waking it would lose the wake-up
                w.waitingIn = null;
                live--;
                continue;
            }
            if (w.need <= available) {
                return w;
            }
        }
        return null;
    }

    /**
     * The first live entry from index {@code from} on whose need is at most {@code available},
     * staying within scheduler {@code sched} (any, if {@link Long#MIN_VALUE}). Drops waiters
     * abandoned with their scheduler on the way (waking them would lose the wake-up).
     */
    private FiberWaiter firstEligible(int from, long sched, int available) {
        for (int i = from; i < n; i++) {
            FiberWaiter w = at(i);
            if (sched != Long.MIN_VALUE && w.schedId != sched) {
                return null;
            }
            if (!isLive(w)) {
                continue;
            }
            if (w instanceof Fiber f && f.sched.dead()) {
                w.waitingIn = null;
                live--;
                continue;
            }
            if (w.need <= available) {
                return w;
            }
        }
        return null;
    }

    /** Removes and returns every waiter (e.g. on close); wake them after releasing the lock. */
    public FiberWaiter[] takeAll() {
        if (live == 0) {
            clearSlots();
            tree = null;
            return NONE;
        }
        FiberWaiter[] all = toArray();
        for (FiberWaiter w : all) {
            w.waitingIn = null;
        }
        clearSlots();
        tree = null;
        return all;
    }

    /** Snapshot of the live waiters in order (diagnostics). */
    FiberWaiter[] toArray() {
        if (tree != null) {
            return tree.toArray(NONE);
        }
        FiberWaiter[] out = new FiberWaiter[live];
        int k = 0;
        for (int i = 0; i < n && k < out.length; i++) {
            FiberWaiter w = at(i);
            if (isLive(w)) {
                out[k++] = w;
            }
        }
        return k == out.length ? out : java.util.Arrays.copyOf(out, k);
    }

    /** A search key sorting before every fiber of one scheduler. */
    static final class Probe extends FiberWaiter {
        Probe(long sched) {
            super(sched, FiberLabel.MIN);
        }

        @Override
        public void park(String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        void resumeParked() {
            throw new UnsupportedOperationException();
        }
    }
}
