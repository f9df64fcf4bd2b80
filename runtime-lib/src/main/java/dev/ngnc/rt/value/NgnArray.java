package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import java.util.Arrays;

/**
 * An ngn array: a growable, value-semantic sequence (copy-on-write, see {@link Shareable}).
 * Elements are boxed ngn values. Index arguments are i64; negative indices are never valid.
 *
 * <p>Mutating methods ({@code push pop slice splice}) must only be called on a
 * {@link #writable()} result; on a shared array they throw an internal error.
 * Element reads ({@link #get}, {@link #rawGet}) return the stored reference without sharing
 * it: generated code must {@code share()} it if it keeps it.
 */
public final class NgnArray implements Shareable {
    private static final Object[] NONE = {};

    private Object[] data;
    private int size;
    private boolean shared;

    private NgnArray(Object[] data, int size) {
        this.data = data;
        this.size = size;
    }

    /** An array holding {@code elems}; takes ownership of the Java array (no copy). */
    public static NgnArray of(Object... elems) {
        return new NgnArray(elems, elems.length);
    }

    /** A new empty array. */
    public static NgnArray empty() {
        return new NgnArray(NONE, 0);
    }

    /** A new empty array with room for {@code capacity} elements. */
    public static NgnArray withCapacity(int capacity) {
        return new NgnArray(capacity == 0 ? NONE : new Object[capacity], 0);
    }

    // ---- copy-on-write ----

    /** Marks this array shared; O(1). Returns this. */
    @Override
    public NgnArray share() {
        shared = true;
        return this;
    }

    /** This array if unshared, else an unshared copy whose copy-on-write elements are shared. */
    @Override
    public NgnArray writable() {
        if (!shared) {
            return this;
        }
        Object[] copy = Arrays.copyOf(data, size + (size >> 2) + 1);
        Values.shareAll(copy, size);
        return new NgnArray(copy, size);
    }

    @Override
    public boolean isShared() {
        return shared;
    }

    private void checkWritable() {
        if (shared) {
            throw NgnError.internal("mutation of a shared array (missing writable())");
        }
    }

    // ---- reading ----

    /** ngn {@code a.size()}. */
    public long size() {
        return size;
    }

    /** Number of elements as an int (for generated for-loops). */
    public int length() {
        return size;
    }

    /** ngn {@code a[i]}; out of range ⇒ RT {@code Array index out of bounds: i}. */
    public Object get(long i) {
        if (i < 0 || i >= size) {
            throw NgnError.runtime("Array index out of bounds: " + i);
        }
        return data[(int) i];
    }

    /** Unchecked element read for generated for-loops ({@code 0 <= i < length()}). */
    public Object rawGet(int i) {
        return data[i];
    }

    /** Backing storage (valid up to {@link #length()}); read-only for callers. */
    public Object[] rawElements() {
        return data;
    }

    /** A fresh Java array of the elements (references not shared). */
    public Object[] toObjectArray() {
        return Arrays.copyOf(data, size);
    }

    // ---- mutation ----

    /** ngn {@code a.push(x)}: appends {@code x}; returns the new size. */
    public long push(Object x) {
        checkWritable();
        if (size == data.length) {
            data = Arrays.copyOf(data, Math.max(8, size + (size >> 1)));
        }
        data[size++] = x;
        return size;
    }

    /**
     * ngn {@code a.push(x, i)}: inserts {@code x} before index {@code i} ({@code i <= size});
     * returns the new size. {@code i > size} ⇒ Internal {@code push() index out of bounds}.
     */
    public long push(Object x, long index) {
        checkWritable();
        if (index < 0 || index > size) {
            throw NgnError.internal("push() index out of bounds");
        }
        int i = (int) index;
        if (size == data.length) {
            data = Arrays.copyOf(data, Math.max(8, size + (size >> 1)));
        }
        System.arraycopy(data, i, data, i + 1, size - i);
        data[i] = x;
        size++;
        return size;
    }

    /** ngn {@code a.pop()}: removes and returns the last element; empty ⇒ Internal {@code pop() from empty array}. */
    public Object pop() {
        checkWritable();
        if (size == 0) {
            throw NgnError.internal("pop() from empty array");
        }
        Object x = data[--size];
        data[size] = null;
        return x;
    }

    /**
     * ngn {@code a.pop(i)}: removes and returns element {@code i}. Empty ⇒ Internal
     * {@code pop() from empty array}; {@code i >= size} ⇒ Internal {@code pop() index out of bounds}.
     */
    public Object pop(long index) {
        checkWritable();
        if (size == 0) {
            throw NgnError.internal("pop() from empty array");
        }
        if (index < 0 || index >= size) {
            throw NgnError.internal("pop() index out of bounds");
        }
        int i = (int) index;
        Object x = data[i];
        System.arraycopy(data, i + 1, data, i, size - i - 1);
        data[--size] = null;
        return x;
    }

    /** ngn {@code a.copy()}: a new array with all elements. */
    public NgnArray copy() {
        return copyRange(0, size);
    }

    /** ngn {@code a.copy(start)}: elements from {@code start} (negative ⇒ 0) to the end. */
    public NgnArray copy(long start) {
        return copy(start, size);
    }

    /**
     * ngn {@code a.copy(start, stop)}: elements {@code [start, stop)}; negative start ⇒ 0,
     * negative stop ⇒ size; {@code start > stop} or {@code stop > size} ⇒ Internal
     * {@code Range out of bounds}.
     */
    public NgnArray copy(long start, long stop) {
        if (start < 0) {
            start = 0;
        }
        if (stop < 0) {
            stop = size;
        }
        if (start > stop || stop > size) {
            throw NgnError.internal("Range out of bounds");
        }
        return copyRange((int) start, (int) stop);
    }

    private NgnArray copyRange(int from, int to) {
        Object[] out = Arrays.copyOfRange(data, from, to);
        Values.shareAll(out, out.length);
        return new NgnArray(out, out.length);
    }

    /** ngn {@code a.slice(start)}: removes elements from {@code start} to the end and returns them. */
    public NgnArray slice(long start) {
        return slice(start, size);
    }

    /**
     * ngn {@code a.slice(start, stop)}: removes {@code [start, stop)} and returns the removed
     * elements as a new array. Negative start ⇒ Internal {@code slice() start must be integer};
     * {@code start > stop} or {@code stop > size} ⇒ Internal {@code Range out of bounds}.
     */
    public NgnArray slice(long start, long stop) {
        checkWritable();
        if (start < 0) {
            throw NgnError.internal("slice() start must be integer");
        }
        if (stop < 0) {
            throw NgnError.internal("slice() stop must be integer");
        }
        if (start > stop || stop > size) {
            throw NgnError.internal("Range out of bounds");
        }
        int from = (int) start;
        int to = (int) stop;
        Object[] removed = Arrays.copyOfRange(data, from, to);
        System.arraycopy(data, to, data, from, size - to);
        int newSize = size - (to - from);
        Arrays.fill(data, newSize, size, null);
        size = newSize;
        return new NgnArray(removed, removed.length);
    }

    /** ngn {@code a.splice(items)}: appends all of {@code items}; returns the new size. */
    public long splice(NgnArray items) {
        return splice(items, size);
    }

    /**
     * ngn {@code a.splice(items, start)}: inserts all of {@code items} before {@code start};
     * returns the new size. {@code start > size} ⇒ Internal {@code Index out of bounds}.
     */
    public long splice(NgnArray items, long start) {
        checkWritable();
        if (start < 0 || start > size) {
            throw NgnError.internal("Index out of bounds");
        }
        int at = (int) start;
        int n = items.size;
        if (size + n > data.length) {
            data = Arrays.copyOf(data, Math.max(size + n, size + (size >> 1)));
        }
        System.arraycopy(data, at, data, at + n, size - at);
        System.arraycopy(items.data, 0, data, at, n);
        Values.shareAll(items.data, n);
        size += n;
        return size;
    }

    /**
     * ngn {@code a.each(f)}: calls {@code f(item)} — or {@code f(item, index)} when {@code f}
     * takes two parameters — for each element in order. Elements are passed shared.
     */
    public void each(NgnFn f) {
        Object[] d = data; // the closure cannot mutate this array: its captures are snapshots
        int n = size;
        boolean withIndex = f.arity() >= 2;
        for (int i = 0; i < n; i++) {
            Object x = Values.share(d[i]);
            if (withIndex) {
                f.call2(x, (long) i);
            } else {
                f.call1(x);
            }
        }
    }

    // ---- equality / printing ----

    boolean sameElements(NgnArray o) {
        return Values.equalAll(data, size, o.data, o.size);
    }

    int elementsHash() {
        return Values.hashAll(data, size);
    }

    /** {@code fmt} of this array, e.g. {@code [1, 2, 3]}. */
    @Override
    public String toString() {
        return Fmt.str(this);
    }
}
