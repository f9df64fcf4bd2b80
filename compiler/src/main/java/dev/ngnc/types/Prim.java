package dev.ngnc.types;

/** Built-in scalar types. All integer kinds are JVM {@code long}s and both float kinds JVM {@code double}s (spec 3.1). */
public enum Prim implements Type {
    I64("i64", "I64"), I32("i32", "I32"), I16("i16", "I16"), I8("i8", "I8"),
    U64("u64", "U64"), U32("u32", "U32"), U16("u16", "U16"), U8("u8", "U8"),
    F64("f64", "F64"), F32("f32", "F32"),
    NUMBER("number", "Number"),
    BOOL("bool", "Bool"), STRING("string", "String"), VOID("void", "Void"), BYTES("bytes", "Bytes");

    public final String ngnName;
    /** The reference's debug spelling, used in diagnostics ("Expected I64, got String"). */
    public final String debugName;

    Prim(String ngnName, String debugName) {
        this.ngnName = ngnName;
        this.debugName = debugName;
    }

    public boolean isInteger() { return ordinal() <= U8.ordinal(); }
    public boolean isFloat() { return this == F64 || this == F32; }
    public boolean isNumeric() { return ordinal() <= NUMBER.ordinal(); }

    public static Prim byName(String name) {
        for (Prim p : values()) if (p.ngnName.equals(name)) return p;
        return null;
    }
}
