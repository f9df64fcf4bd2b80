package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

/**
 * An immutable integer range {@code from..to} (inclusive) or {@code from..<to} (exclusive).
 * Prints as {@code 1..5} / {@code 1..<5}.
 */
public final class NgnRange {
    /** First value. */
    public final long from;
    /** Bound: last value if {@link #inclusive}, else one past the last. */
    public final long to;
    /** True for {@code ..}, false for {@code ..<}. */
    public final boolean inclusive;

    /** The range {@code from..to} or {@code from..<to}. */
    public NgnRange(long from, long to, boolean inclusive) {
        this.from = from;
        this.to = to;
        this.inclusive = inclusive;
    }

    /**
     * A range from dynamically typed bounds; both must be integers, else RT
     * {@code Range bounds must be integers}.
     */
    public static NgnRange of(Object from, Object to, boolean inclusive) {
        if (Dyn.isInt(from) && Dyn.isInt(to)) {
            return new NgnRange(Dyn.intValue(from), Dyn.intValue(to), inclusive);
        }
        throw NgnError.runtime("Range bounds must be integers");
    }

    /** Number of values in the range (0 if empty); saturates at {@code Integer.MAX_VALUE}. */
    public long count() {
        long last = inclusive ? to : to - 1;
        if (!inclusive && to == Long.MIN_VALUE) {
            return 0;
        }
        if (last < from) {
            return 0;
        }
        long n = last - from + 1;
        return n <= 0 ? Long.MAX_VALUE : n; // overflow ⇒ huge
    }

    /** The values of the range as an array ({@code [1..3]} ⇒ {@code [1, 2, 3]}). */
    public NgnArray toArray() {
        long n = count();
        if (n > Integer.MAX_VALUE - 8) {
            throw NgnError.internal("capacity overflow");
        }
        Object[] out = new Object[(int) n];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return NgnArray.of(out);
    }

    /** Whether integer {@code v} lies in the range (match patterns). */
    public boolean contains(long v) {
        return v >= from && (inclusive ? v <= to : v < to);
    }

    /** Whether number {@code v} lies in the range (match patterns on floats). */
    public boolean contains(double v) {
        return v >= from && (inclusive ? v <= to : v < to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NgnRange r && r.from == from && r.to == to && r.inclusive == inclusive;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(from) * 31 + Long.hashCode(to) * 7 + (inclusive ? 1 : 0);
    }

    /** {@code fmt}: {@code 1..5} or {@code 1..<5}. */
    @Override
    public String toString() {
        return from + (inclusive ? ".." : "..<") + to;
    }
}
