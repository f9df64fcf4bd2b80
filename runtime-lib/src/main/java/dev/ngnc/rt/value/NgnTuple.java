package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import java.util.Arrays;

/** An immutable ngn tuple {@code (a, b, …)} of boxed values. Prints as {@code (1, two)}. */
public final class NgnTuple {
    private static final NgnTuple EMPTY = new NgnTuple(new Object[0]);

    private final Object[] elems;

    private NgnTuple(Object[] elems) {
        this.elems = elems;
    }

    /** A tuple of {@code elems}; takes ownership of the Java array (no copy). */
    public static NgnTuple of(Object... elems) {
        return elems.length == 0 ? EMPTY : new NgnTuple(elems);
    }

    /** ngn {@code t.size()}. */
    public long size() {
        return elems.length;
    }

    /** Number of elements as an int (for generated loops and destructuring). */
    public int length() {
        return elems.length;
    }

    /** ngn {@code t[i]}; out of range ⇒ RT {@code Tuple index out of bounds: i}. */
    public Object get(long i) {
        if (i < 0 || i >= elems.length) {
            throw NgnError.runtime("Tuple index out of bounds: " + i);
        }
        return elems[(int) i];
    }

    /** Unchecked element read ({@code 0 <= i < length()}). */
    public Object rawGet(int i) {
        return elems[i];
    }

    public Object[] rawElements() {
        return elems;
    }

    /** ngn {@code t.includes(v)}: true iff some element {@code == v}. */
    public boolean includes(Object v) {
        return index(v) >= 0;
    }

    /** ngn {@code t.index(v)}: position of the first element {@code == v}, or -1. */
    public long index(Object v) {
        for (int i = 0; i < elems.length; i++) {
            if (Values.equals(elems[i], v)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * ngn {@code t.toArray()}: an array of the elements, which must all be of one kind (int and
     * float differ), else RT {@code Cannot convert mixed-type tuple to array: …}.
     */
    public NgnArray toArray() {
        for (int i = 1; i < elems.length; i++) {
            String k0 = Values.kindName(elems[0]);
            String ki = Values.kindName(elems[i]);
            if (!k0.equals(ki)) {
                throw NgnError.runtime("Cannot convert mixed-type tuple to array: element 0 is "
                        + k0 + " but element " + i + " is " + ki);
            }
        }
        Object[] out = elems.clone();
        Values.shareAll(out, out.length);
        return NgnArray.of(out);
    }

    /** ngn {@code t.copy()}: the same elements as a new tuple. */
    public NgnTuple copy() {
        return this;
    }

    /** ngn {@code t.copy(start)}: elements from {@code start} to the end. */
    public NgnTuple copy(long start) {
        return copy(start, elems.length);
    }

    /**
     * ngn {@code t.copy(start, stop)}: elements {@code [start, stop)} as a new tuple. Negative
     * start ⇒ Internal {@code copy() start must be integer} (stop likewise);
     * {@code start > stop} or {@code stop > size} ⇒ Internal {@code Range out of bounds}.
     */
    public NgnTuple copy(long start, long stop) {
        if (start < 0) {
            throw NgnError.internal("copy() start must be integer");
        }
        if (stop < 0) {
            throw NgnError.internal("copy() stop must be integer");
        }
        if (start > stop || stop > elems.length) {
            throw NgnError.internal("Range out of bounds");
        }
        Object[] out = Arrays.copyOfRange(elems, (int) start, (int) stop);
        Values.shareAll(out, out.length);
        return of(out);
    }

    /** ngn {@code t.join(sep)}: the elements' {@code fmt} texts separated by {@code sep}. */
    public String join(String sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < elems.length; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            Fmt.append(sb, elems[i]);
        }
        return sb.toString();
    }

    boolean sameElements(NgnTuple o) {
        return Values.equalAll(elems, elems.length, o.elems, o.elems.length);
    }

    int elementsHash() {
        return Values.hashAll(elems, elems.length) ^ 0x7475706c;
    }

    /** {@code fmt} of this tuple, e.g. {@code (1, two)}. */
    @Override
    public String toString() {
        return Fmt.str(this);
    }
}
