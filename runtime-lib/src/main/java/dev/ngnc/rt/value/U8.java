package dev.ngnc.rt.value;

/**
 * A boxed ngn {@code u8}, the one narrow run-time kind: what indexing {@code bytes} yields
 * (spec 3.1, 3.2). Where the compiler knows a value is a u8 it keeps it as a JVM {@code long} in
 * 0..255 and emits the 8-bit arithmetic itself; this box exists so the kind survives when such a
 * value becomes dynamically typed ({@code any}, unions, generics, {@code number}), letting
 * {@link Dyn} apply the same rules: u8 op u8 is a u8 (wrapping), u8 op int is an int.
 *
 * <p>Everything else treats a u8 as the integer it holds: {@code ==} and map keys by value,
 * {@code fmt} and JSON in decimal. There is one cached instance per value, so boxing never
 * allocates and two boxes of the same value are the same object.
 */
public final class U8 {
    private static final U8[] CACHE = new U8[256];

    static {
        for (int i = 0; i < CACHE.length; i++) {
            CACHE[i] = new U8(i);
        }
    }

    private final int value;
    /** The equal i64, boxed once: equality, hashing and map keys use it. */
    private final Long asLong;

    private U8(int value) {
        this.value = value;
        this.asLong = (long) value;
    }

    /** Boxes {@code v}, which is in 0..255 (only its low 8 bits are used). */
    public static U8 of(long v) {
        return CACHE[(int) v & 0xff];
    }

    /** The value, 0..255. */
    public long value() {
        return value;
    }

    /** The same value as an i64 box. */
    Long asLong() {
        return asLong;
    }

    /** {@code fmt}: decimal. */
    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
