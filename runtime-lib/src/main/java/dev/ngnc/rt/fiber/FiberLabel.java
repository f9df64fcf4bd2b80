package dev.ngnc.rt.fiber;

import java.util.Arrays;

/**
 * Immutable position labels for the scheduler's ring of fibers ("fractional indexing"): a label
 * is a non-empty {@code long[]} of components {@code >= 1}, compared lexicographically (a proper
 * prefix is smaller). {@link #between} always finds a label strictly between two others, so a
 * fiber's label never changes and can key sorted sets that other threads read. Labels never end
 * in the component 1, which keeps {@code between(a, b)} possible for every {@code a < b}.
 */
final class FiberLabel {
    /** Label of the first fiber of a scheduler. */
    static final long[] FIRST = {1L << 62};
    /** Smaller than every label (probe for sorted sets). */
    static final long[] MIN = new long[0];

    private static final long STEP = 1L << 32;
    private static final long MAX = Long.MAX_VALUE; // exclusive upper bound of a component

    private FiberLabel() {
    }

    /** Comparison of two waiters' labels, fast for the usual one-component labels. */
    static int compare(FiberWaiter a, FiberWaiter b) {
        long x = a.key;
        long y = b.key;
        if (x != Long.MIN_VALUE && y != Long.MIN_VALUE) {
            return Long.compare(x, y);
        }
        return compare(a.label, b.label);
    }

    /** Lexicographic comparison; a proper prefix is smaller. */
    static int compare(long[] a, long[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i] ? -1 : 1;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /**
     * A label strictly between {@code a} and {@code b}; {@code b == null} means "after
     * everything". Requires {@code compare(a, b) < 0}. Prefers small steps after {@code a}, so
     * long runs of appends stay one component long.
     */
    static long[] between(long[] a, long[] b) {
        if (a.length == 1 && (b == null || b.length == 1)) { // the usual case, without the scratch array
            long lo = a[0];
            long hi = b == null ? MAX : b[0];
            if (hi - lo >= 2) {
                return new long[] {hi - lo > 2 * STEP ? lo + STEP : lo + (hi - lo) / 2};
            }
        }
        long[] out = new long[Math.max(a.length, b == null ? 0 : b.length) + 2];
        int n = 0;
        boolean bFree = b == null; // the prefix built so far is already below b
        for (int i = 0; ; i++) {
            long lo = i < a.length ? a[i] : 0; // 0: a has ended, any component is larger
            long hi;
            if (bFree) {
                hi = MAX;
            } else if (i < b.length) {
                hi = b[i];
            } else {
                throw new IllegalArgumentException("labels out of order: " + Arrays.toString(a)
                        + " / " + Arrays.toString(b));
            }
            if (hi - lo >= 2) {
                long x = hi - lo > 2 * STEP ? lo + STEP : lo + (hi - lo) / 2;
                if (x >= 2) {
                    out[n++] = x;
                    return Arrays.copyOf(out, n);
                }
                // x == 1 (lo == 0, hi in {2, 3}): take 1 and go deeper, now free of b
                out = grow(out, n);
                out[n++] = 1;
                bFree = true;
                continue;
            }
            // no room at this level: keep a's component (or 1 if a ended) and go deeper
            long keep = lo == 0 ? 1 : lo;
            out = grow(out, n);
            out[n++] = keep;
            if (!bFree && keep < hi) {
                bFree = true;
            }
        }
    }

    private static long[] grow(long[] out, int n) {
        return n < out.length ? out : Arrays.copyOf(out, out.length * 2 + 2);
    }
}
