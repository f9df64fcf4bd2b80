package dev.ngnc.rt.fiber;

/**
 * The woken part of a {@link Scheduler}'s ready fibers: fibers made ready anywhere in the ring
 * (channel, lock, timer), taken in ring order starting after the scheduler's reference fiber
 * {@code last} (wrapping around). Carrier only.
 *
 * <p>Two binary min-heaps by {@link FiberLabel}: {@code ahead} holds the fibers whose label is
 * after {@code last}'s, {@code behind} those reached only after wrapping around (labels up to
 * {@code last}'s). The next fiber is the head of {@code ahead}, or of {@code behind} when
 * {@code ahead} is empty. When {@code last} moves (the scheduler always picks the first ready
 * fiber after it), the split stays right with at most a swap of the two heaps: see
 * {@link #poll} and {@link #lastMovesTo}.
 *
 * <p>Why not a {@code TreeSet}: the usual wake-up pattern (fibers woken in ring order, a
 * handful at a time) is O(1) per fiber here, with no allocation per wake-up, and the code is a
 * fraction of a red-black tree's, which matters for how soon the JIT has compiled the
 * scheduler's hot paths (short programs spend much of their time before that).
 */
final class FiberReadySet {
    private Fiber[] ahead = new Fiber[8];
    private int nAhead;
    private Fiber[] behind = new Fiber[8];
    private int nBehind;

    boolean isEmpty() {
        return nAhead == 0 && nBehind == 0;
    }

    /** Adds {@code f} (not in the set; fibers are woken once per park), given the current {@code last}. */
    void add(Fiber f, Fiber last) {
        if (FiberLabel.compare(f, last) > 0) {
            if (nAhead == ahead.length) {
                ahead = java.util.Arrays.copyOf(ahead, nAhead * 2);
            }
            siftUp(ahead, nAhead++, f);
        } else {
            if (nBehind == behind.length) {
                behind = java.util.Arrays.copyOf(behind, nBehind * 2);
            }
            siftUp(behind, nBehind++, f);
        }
    }

    /** The first fiber after {@code last} in ring order (wrapping around), or null. */
    Fiber peek() {
        return nAhead > 0 ? ahead[0] : nBehind > 0 ? behind[0] : null;
    }

    /**
     * Removes and returns {@link #peek()} (non-empty set), which becomes {@code last}: the
     * fibers left in {@code ahead} are after it, those in {@code behind} still wrap around —
     * unless it came from {@code behind}, after which every fiber left is after it.
     */
    Fiber poll() {
        if (nAhead == 0) {
            Fiber[] t = ahead;
            ahead = behind;
            behind = t;
            nAhead = nBehind;
            nBehind = 0;
        }
        Fiber[] h = ahead;
        Fiber top = h[0];
        int n = --nAhead;
        Fiber x = h[n];
        h[n] = null;
        if (n > 0) {
            siftDown(h, n, x);
        } else if (h.length > 1024) {
            ahead = new Fiber[8]; // after a burst of wake-ups
        }
        return top;
    }

    /**
     * {@code last} moves from {@code oldLast} to {@code a}, a fiber not in the set that comes
     * before {@link #peek()} in ring order seen from {@code oldLast} (the scheduler picked it
     * instead). If {@code a} wraps around ({@code a <= oldLast}), nothing was ahead (else that
     * would have come first) and everything behind is after {@code a}: it all moves ahead.
     */
    void lastMovesTo(Fiber a, Fiber oldLast) {
        if (nAhead == 0 && nBehind > 0 && FiberLabel.compare(a, oldLast) < 0) {
            Fiber[] t = ahead;
            ahead = behind;
            behind = t;
            nAhead = nBehind;
            nBehind = 0;
        }
    }

    private static void siftUp(Fiber[] h, int i, Fiber f) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Fiber p = h[parent];
            if (FiberLabel.compare(f, p) >= 0) {
                break;
            }
            h[i] = p;
            i = parent;
        }
        h[i] = f;
    }

    /** Places {@code x} from the root down in {@code h[0..n)}. */
    private static void siftDown(Fiber[] h, int n, Fiber x) {
        int i = 0;
        int half = n >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            Fiber child = h[c];
            int r = c + 1;
            if (r < n && FiberLabel.compare(h[r], child) < 0) {
                c = r;
                child = h[r];
            }
            if (FiberLabel.compare(x, child) <= 0) {
                break;
            }
            h[i] = child;
            i = c;
        }
        h[i] = x;
    }
}
