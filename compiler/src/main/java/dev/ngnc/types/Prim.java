package dev.ngnc.types;

/**
 * Built-in scalar types. All integer kinds are JVM {@code long}s and both float kinds JVM {@code double}s (spec 3.1).
 *
 * <p>Declared narrow types ({@code i32}, {@code u8}…) have no run-time effect: they behave as i64. The one narrow
 * run-time kind is {@link #BYTE}, the u8 value that indexing {@code bytes} yields (8-bit arithmetic, spec 3.2); it
 * has no spelling of its own and shows as {@code u8}.
 */
public enum Prim implements Type {
    I64("i64"), I32("i32"), I16("i16"), I8("i8"),
    U64("u64"), U32("u32"), U16("u16"), U8("u8"),
    /** A u8 value read from bytes ({@code b[i]}); a JVM long in 0..255, boxed as {@code rt.U8}. */
    BYTE("u8"),
    F64("f64"), F32("f32"),
    NUMBER("number"),
    BOOL("bool"), STRING("string"), VOID("void"), BYTES("bytes");

    public final String ngnName;

    Prim(String ngnName) {
        this.ngnName = ngnName;
    }

    public boolean isInteger() { return ordinal() <= BYTE.ordinal(); }
    public boolean isFloat() { return this == F64 || this == F32; }
    public boolean isNumeric() { return ordinal() <= NUMBER.ordinal(); }

    public static Prim byName(String name) {
        for (Prim p : values()) if (p != BYTE && p.ngnName.equals(name)) return p; // `u8` in source is U8
        return null;
    }
}
