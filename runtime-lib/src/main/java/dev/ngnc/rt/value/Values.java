package dev.ngnc.rt.value;

import java.util.Arrays;

/**
 * Generic operations on ngn values held as {@code Object}: equality ({@code ==}), hashing,
 * copy-on-write helpers and kind names for error texts.
 */
public final class Values {
    private Values() {
    }

    /**
     * ngn {@code ==}. Numbers compare by exact numeric value across {@code Long}/{@code Double}
     * ({@code 1 == 1.0}; NaN equals nothing); strings, bools by content; arrays, tuples,
     * anonymous objects (order-insensitive), models (same model, equal fields), enums and bytes
     * structurally; a Maybe is unwrapped when compared with a non-Maybe ({@code Value(42) == 42},
     * {@code Null == Null}); maps and sets are never equal, not even to themselves; functions,
     * states and other reference kinds by identity. A u8 equals the int (or float) of the same value.
     */
    public static boolean equals(Object a, Object b) {
        if (a instanceof U8 u) {
            a = u.asLong();
        }
        if (b instanceof U8 u) {
            b = u.asLong();
        }
        if (a instanceof NgnEnum ea && ea.isMaybe() && !(b instanceof NgnEnum eb && eb.isMaybe())) {
            return ea.hasPayload() && equals(ea.payload(), b);
        }
        if (b instanceof NgnEnum eb && eb.isMaybe() && !(a instanceof NgnEnum ea && ea.isMaybe())) {
            return eb.hasPayload() && equals(a, eb.payload());
        }
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                return x.longValue() == y.longValue();
            }
            return b instanceof Double d && longEqualsDouble(x, d);
        }
        if (a instanceof Double x) {
            if (b instanceof Double y) {
                return x.doubleValue() == y.doubleValue();
            }
            return b instanceof Long l && longEqualsDouble(l, x);
        }
        if (a instanceof String s) {
            return s.equals(b);
        }
        if (a instanceof Boolean) {
            return a.equals(b);
        }
        if (a instanceof NgnArray x) {
            return b instanceof NgnArray y && x.sameElements(y);
        }
        if (a instanceof NgnTuple x) {
            return b instanceof NgnTuple y && x.sameElements(y);
        }
        if (a instanceof NgnEnum x) {
            return b instanceof NgnEnum y && x.sameValue(y);
        }
        if (a instanceof NgnObject x) {
            return b instanceof NgnObject y && x.sameFields(y);
        }
        if (a instanceof NgnModel x) {
            return b instanceof NgnModel y && x.sameFields(y);
        }
        if (a instanceof NgnMap || a instanceof NgnSet) {
            return false;
        }
        if (a == b) {
            return true;
        }
        return a != null && !(a instanceof Shareable) && a.equals(b);
    }

    /** Exact numeric equality of a long and a double. */
    static boolean longEqualsDouble(long l, double d) {
        if (!(d >= -0x1p63 && d < 0x1p63)) {
            return false;
        }
        return (long) d == l && (double) (long) d == d;
    }

    /** A hash code consistent with {@link #equals(Object, Object)}. */
    public static int hash(Object o) {
        if (o instanceof Long l) {
            return Long.hashCode(l);
        }
        if (o instanceof U8 u) {
            return Long.hashCode(u.value());
        }
        if (o instanceof Double d) {
            return hashDouble(d);
        }
        if (o instanceof String || o instanceof Boolean) {
            return o.hashCode();
        }
        if (o instanceof NgnEnum e) {
            return e.valueHash();
        }
        if (o instanceof NgnArray a) {
            return a.elementsHash();
        }
        if (o instanceof NgnTuple t) {
            return t.elementsHash();
        }
        if (o instanceof NgnObject obj) {
            return obj.fieldsHash();
        }
        if (o instanceof NgnModel m) {
            return m.fieldsHash();
        }
        if (o instanceof NgnBytes b) {
            return b.hashCode();
        }
        if (o instanceof NgnRange r) {
            return r.hashCode();
        }
        if (o == null || o instanceof Shareable) {
            return System.identityHashCode(o);
        }
        return o.hashCode();
    }

    static int hashDouble(double d) {
        if (d >= -0x1p63 && d < 0x1p63 && (double) (long) d == d) {
            return Long.hashCode((long) d);
        }
        return Double.hashCode(d);
    }

    /** Hash of a sequence of values, consistent with element-wise {@link #equals}. */
    static int hashAll(Object[] elems, int n) {
        int h = 1;
        for (int i = 0; i < n; i++) {
            h = 31 * h + hash(elems[i]);
        }
        return h;
    }

    /** Element-wise {@link #equals} of two sequences. */
    static boolean equalAll(Object[] a, int na, Object[] b, int nb) {
        if (na != nb) {
            return false;
        }
        for (int i = 0; i < na; i++) {
            if (!equals(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Marks {@code o} shared if it is a copy-on-write container ({@link Shareable}); no-op for
     * immutable values. Returns {@code o}. Call whenever a reference is duplicated.
     */
    public static Object share(Object o) {
        if (o instanceof Shareable s) {
            s.share();
        }
        return o;
    }

    /**
     * {@link Shareable#writable()} for a value of unknown class; immutable values are
     * returned unchanged.
     */
    public static Object writable(Object o) {
        return o instanceof Shareable s ? s.writable() : o;
    }

    /** Shares every element of {@code elems[0..n)} (used when a container is copied). */
    static void shareAll(Object[] elems, int n) {
        for (int i = 0; i < n; i++) {
            if (elems[i] instanceof Shareable s) {
                s.share();
            }
        }
    }

    /**
     * The kind of a value as ngn error texts name it, in the reference's Rust-debug style:
     * {@code I64 U8 F64 Bool String Void Array Tuple Object Map Set Bytes Range Function State
     * Regex}, {@code Model("User")}, {@code Enum("Color")}.
     */
    public static String kindName(Object o) {
        if (o instanceof Long) {
            return "I64";
        }
        if (o instanceof U8) {
            return "U8";
        }
        if (o instanceof Double) {
            return "F64";
        }
        if (o instanceof Boolean) {
            return "Bool";
        }
        if (o instanceof String) {
            return "String";
        }
        if (o == null || o instanceof Unit) {
            return "Void";
        }
        if (o instanceof NgnArray) {
            return "Array";
        }
        if (o instanceof NgnTuple) {
            return "Tuple";
        }
        if (o instanceof NgnObject) {
            return "Object";
        }
        if (o instanceof NgnModel m) {
            return "Model(\"" + m.modelName() + "\")";
        }
        if (o instanceof NgnEnum e) {
            return "Enum(\"" + e.enumName() + "\")";
        }
        if (o instanceof NgnMap) {
            return "Map";
        }
        if (o instanceof NgnSet) {
            return "Set";
        }
        if (o instanceof NgnBytes) {
            return "Bytes";
        }
        if (o instanceof NgnRange) {
            return "Range";
        }
        if (o instanceof NgnFn) {
            return "Function";
        }
        if (o instanceof NgnState) {
            return "State";
        }
        if (o instanceof NgnRegex) {
            return "Regex";
        }
        String name = o.getClass().getSimpleName(); // NgnChannel, NgnModule (packages this one cannot name)
        return name.startsWith("Ngn") ? name.substring(3) : name;
    }

    /** Copies a range of an array (helper for the containers). */
    static Object[] slice(Object[] src, int from, int to) {
        return Arrays.copyOfRange(src, from, to);
    }
}
