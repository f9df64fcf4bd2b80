package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import java.util.Arrays;

/**
 * An immutable ngn {@code bytes} buffer. Prints as {@code <bytes len=N>}; {@code ==} compares
 * contents; valid as a map key. The "mutating" {@code slice} is two calls, like strings:
 * {@link #sliceTaken} (the call's value) and {@link #sliceRest} (the variable's new value).
 */
public final class NgnBytes {
    private static final NgnBytes EMPTY = new NgnBytes(new byte[0]);

    private final byte[] data;

    private NgnBytes(byte[] data) {
        this.data = data;
    }

    /** ngn {@code bytes()}: empty. */
    public static NgnBytes empty() {
        return EMPTY;
    }

    /** ngn {@code bytes(s)}: the UTF-8 encoding of {@code s}. */
    public static NgnBytes of(String s) {
        return new NgnBytes(Utf8.encode(s));
    }

    /**
     * ngn {@code bytes(a)} for {@code a: array<u8>}; an element that is not an integer in
     * 0..255 ⇒ RT {@code bytes(array) expects array<u8>}.
     */
    public static NgnBytes of(NgnArray a) {
        byte[] out = new byte[a.length()];
        for (int i = 0; i < out.length; i++) {
            Object e = a.rawGet(i);
            long v = Dyn.isInt(e) ? Dyn.intValue(e) : -1;
            if (v < 0 || v > 255) {
                throw NgnError.runtime("bytes(array) expects array<u8>");
            }
            out[i] = (byte) v;
        }
        return new NgnBytes(out);
    }

    /** Wraps {@code data} without copying (the caller must not modify it afterwards). */
    public static NgnBytes wrap(byte[] data) {
        return new NgnBytes(data);
    }

    /** A copy of the contents. */
    public byte[] toByteArray() {
        return data.clone();
    }

    /** ngn {@code b.length()}: number of bytes. */
    public long length() {
        return data.length;
    }

    /** ngn {@code b[i]}: the byte as an unsigned integer; out of range ⇒ RT {@code Bytes index out of bounds: i}. */
    public long get(long i) {
        if (i < 0 || i >= data.length) {
            throw NgnError.runtime("Bytes index out of bounds: " + i);
        }
        return data[(int) i] & 0xff;
    }

    /** ngn {@code b.copy()}. */
    public NgnBytes copy() {
        return this;
    }

    /** ngn {@code b.copy(start)}: bytes from {@code start} (negative ⇒ 0) to the end. */
    public NgnBytes copy(long start) {
        return copy(start, data.length);
    }

    /**
     * ngn {@code b.copy(start, stop)}: bytes {@code [start, stop)}; negative start ⇒ 0,
     * negative stop ⇒ length; {@code start > stop} or {@code stop > length} ⇒ Internal
     * {@code Range out of bounds}.
     */
    public NgnBytes copy(long start, long stop) {
        if (start < 0) {
            start = 0;
        }
        if (stop < 0) {
            stop = data.length;
        }
        if (start > stop || stop > data.length) {
            throw NgnError.internal("Range out of bounds");
        }
        return new NgnBytes(Arrays.copyOfRange(data, (int) start, (int) stop));
    }

    /** The value of ngn {@code b.slice(start)}: the bytes from {@code start} on. */
    public NgnBytes sliceTaken(long start) {
        return sliceTaken(start, data.length);
    }

    /**
     * The value of ngn {@code b.slice(start, stop)}: the removed bytes {@code [start, stop)}.
     * Negative start ⇒ Internal {@code slice() start must be integer}; {@code start > stop} or
     * {@code stop > length} ⇒ Internal {@code Range out of bounds}.
     */
    public NgnBytes sliceTaken(long start, long stop) {
        checkSlice(start, stop);
        return new NgnBytes(Arrays.copyOfRange(data, (int) start, (int) stop));
    }

    /** What stays in the variable after ngn {@code b.slice(start)}. */
    public NgnBytes sliceRest(long start) {
        return sliceRest(start, data.length);
    }

    /** What stays in the variable after ngn {@code b.slice(start, stop)}. */
    public NgnBytes sliceRest(long start, long stop) {
        checkSlice(start, stop);
        int from = (int) start;
        int to = (int) stop;
        byte[] out = new byte[data.length - (to - from)];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(data, to, out, from, data.length - to);
        return new NgnBytes(out);
    }

    private void checkSlice(long start, long stop) {
        if (start < 0) {
            throw NgnError.internal("slice() start must be integer");
        }
        if (stop < 0) {
            throw NgnError.internal("slice() stop must be integer");
        }
        if (start > stop || stop > data.length) {
            throw NgnError.internal("Range out of bounds");
        }
    }

    /** ngn {@code b.toString()}: UTF-8 decoding, each invalid sequence becomes U+FFFD. */
    @Override
    public String toString() {
        return Utf8.decodeLossy(data);
    }

    /** ngn {@code b.toStringStrict()}: invalid UTF-8 ⇒ RT {@code Invalid UTF-8 in bytes: …}. */
    public String toStringStrict() {
        return Utf8.decodeStrict(data);
    }

    /** Content equality (ngn {@code ==}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof NgnBytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }
}
