package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

/**
 * ngn operators on dynamically typed operands ({@code any}, generics, unions): the same
 * rules as statically typed code (spec 3.2). Integers are {@code Long}, floats {@code Double},
 * u8 values read from bytes {@link U8}: u8 op u8 stays a u8 (8-bit wrapping, truncating
 * {@code /}), u8 op int is an int, u8 op float a float.
 */
public final class Dyn {
    private Dyn() {
    }

    private static NgnError binaryError(Object a, Object b) {
        return NgnError.runtime("Cannot perform binary operation on " + Values.kindName(a)
                + " and " + Values.kindName(b));
    }

    /** ngn {@code a + b}: int+int wraps; mixed ⇒ float; string+string concatenates. */
    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x + y;
        }
        if (a instanceof U8 x && b instanceof U8 y) {
            return U8.of(x.value() + y.value());
        }
        if (isInt(a) && isInt(b)) {
            return intValue(a) + intValue(b);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.concat(y);
        }
        if (isNumber(a) && isNumber(b)) {
            return num(a) + num(b);
        }
        throw binaryError(a, b);
    }

    /** ngn {@code a - b}: int-int wraps; mixed ⇒ float. */
    public static Object sub(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x - y;
        }
        if (a instanceof U8 x && b instanceof U8 y) {
            return U8.of(x.value() - y.value());
        }
        if (isInt(a) && isInt(b)) {
            return intValue(a) - intValue(b);
        }
        if (isNumber(a) && isNumber(b)) {
            return num(a) - num(b);
        }
        throw binaryError(a, b);
    }

    /** ngn {@code a * b}: int*int wraps; mixed ⇒ float. */
    public static Object mul(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x * y;
        }
        if (a instanceof U8 x && b instanceof U8 y) {
            return U8.of(x.value() * y.value());
        }
        if (isInt(a) && isInt(b)) {
            return intValue(a) * intValue(b);
        }
        if (isNumber(a) && isNumber(b)) {
            return num(a) * num(b);
        }
        throw binaryError(a, b);
    }

    /**
     * ngn {@code a / b}: a float (zero divisor ⇒ RT {@code Division failed}), except u8 / u8:
     * truncated u8 ({@link Num#divU8}).
     */
    public static Object div(Object a, Object b) {
        if (a instanceof U8 x && b instanceof U8 y) {
            return U8.of(Num.divU8(x.value(), y.value()));
        }
        if (isNumber(a) && isNumber(b)) {
            return Num.div(num(a), num(b));
        }
        throw binaryError(a, b);
    }

    /** ngn {@code a % b}: int%int ⇒ {@link Num#mod(long, long)}; otherwise float fmod. */
    public static Object mod(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Num.mod(x, y);
        }
        if (a instanceof U8 x && b instanceof U8 y) {
            return U8.of(Num.modU8(x.value(), y.value()));
        }
        if (isInt(a) && isInt(b)) {
            return Num.mod(intValue(a), intValue(b));
        }
        if (isNumber(a) && isNumber(b)) {
            return Num.mod(num(a), num(b));
        }
        throw binaryError(a, b);
    }

    /** ngn {@code a ** b}: always a float. */
    public static Object pow(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return Num.pow(num(a), num(b));
        }
        throw binaryError(a, b);
    }

    /** ngn unary {@code -a}: ints wrap ({@code -MIN == MIN}); a u8 negates to an int, as statically. */
    public static Object neg(Object a) {
        if (a instanceof Long x) {
            return -x;
        }
        if (a instanceof U8 x) {
            return -x.value();
        }
        if (a instanceof Double x) {
            return -x;
        }
        throw NgnError.runtime("Cannot negate " + Values.kindName(a));
    }

    /** ngn {@code !a}: bool negation; on a Maybe, true iff it is {@code Null}. */
    public static boolean not(Object a) {
        if (a instanceof Boolean b) {
            return !b;
        }
        if (a instanceof NgnEnum e && e.isMaybe()) {
            return e.isNull();
        }
        throw NgnError.runtime("Cannot apply '!' to " + Values.kindName(a));
    }

    /** ngn {@code a < b} (numbers only, else RT {@code LessThan expects numeric types, got …}). */
    public static boolean lt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x < y;
        }
        checkNumeric(a, b, "LessThan");
        return num(a) < num(b);
    }

    /** ngn {@code a > b} (numbers only, else RT {@code GreaterThan expects numeric types, got …}). */
    public static boolean gt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x > y;
        }
        checkNumeric(a, b, "GreaterThan");
        return num(a) > num(b);
    }

    /** ngn {@code a <= b} (numbers only, else RT {@code LessThanEqual expects numeric types, got …}). */
    public static boolean le(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x <= y;
        }
        checkNumeric(a, b, "LessThanEqual");
        return num(a) <= num(b);
    }

    /** ngn {@code a >= b} (numbers only, else RT {@code GreaterThanEqual expects numeric types, got …}). */
    public static boolean ge(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x >= y;
        }
        checkNumeric(a, b, "GreaterThanEqual");
        return num(a) >= num(b);
    }

    /** ngn {@code a == b} ({@link Values#equals}). */
    public static boolean eq(Object a, Object b) {
        return Values.equals(a, b);
    }

    private static void checkNumeric(Object a, Object b, String op) {
        if (!isNumber(a) || !isNumber(b)) {
            Object bad = isNumber(a) ? b : a;
            throw NgnError.runtime(op + " expects numeric types, got " + Values.kindName(bad));
        }
    }

    private static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof U8;
    }

    private static double num(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        return o instanceof U8 u ? u.value() : (Double) o;
    }

    /** Is {@code o} an integer of either run-time kind (i64 or u8)? */
    public static boolean isInt(Object o) {
        return o instanceof Long || o instanceof U8;
    }

    /** The value of an integer {@code o} ({@link #isInt}). */
    public static long intValue(Object o) {
        return o instanceof Long l ? l : ((U8) o).value();
    }

    /** An integer operand (a u8 gives its value); other kinds ⇒ RT {@code Type error: expected I64, got <kind>}. */
    public static long asLong(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof U8 u) {
            return u.value();
        }
        throw NgnError.runtime("Type error: expected I64, got " + Values.kindName(o));
    }

    /** A numeric operand as a float (ints convert); others ⇒ RT {@code Type error: expected number, got <kind>}. */
    public static double asDouble(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof U8 u) {
            return u.value();
        }
        throw NgnError.runtime("Type error: expected number, got " + Values.kindName(o));
    }

    /** A bool operand; others ⇒ RT {@code Type error: expected Bool, got <kind>}. */
    public static boolean asBool(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        throw NgnError.runtime("Type error: expected Bool, got " + Values.kindName(o));
    }

    /**
     * ngn {@code receiver[index]} on a dynamic value: arrays, tuples, strings (code point) and
     * bytes (a {@link U8}); a non-integer index or another receiver kind ⇒ RT
     * {@code Invalid indexing operation}. A u8 index works like the equal int, as it does
     * statically. The result is not shared.
     */
    public static Object index(Object receiver, Object index) {
        if (!isInt(index)) {
            throw NgnError.runtime("Invalid indexing operation");
        }
        long i = intValue(index);
        if (receiver instanceof NgnArray a) {
            return a.get(i);
        }
        if (receiver instanceof NgnTuple t) {
            return t.get(i);
        }
        if (receiver instanceof String s) {
            return Str.charAt(s, i);
        }
        if (receiver instanceof NgnBytes b) {
            return U8.of(b.get(i));
        }
        throw NgnError.runtime("Invalid indexing operation");
    }

    /**
     * ngn {@code receiver.name} on a dynamic value: an anonymous object's or a model's field;
     * missing ⇒ RT {@code Field 'name' not found in object}. The result is not shared.
     */
    public static Object field(Object receiver, String name) {
        if (receiver instanceof NgnObject o) {
            return o.get(name);
        }
        if (receiver instanceof NgnModel m) {
            return m.field(name);
        }
        throw NgnError.runtime("Field '" + name + "' not found in object");
    }

    /** {@code target.name = value} on an untyped (already writable) object or model. */
    public static void setField(Object target, String name, Object value) {
        if (target instanceof NgnObject o) {
            o.set(name, value);
        } else if (target instanceof NgnModel m) {
            m.setField(name, value);
        } else {
            throw NgnError.runtime("Cannot assign field '" + name + "' on " + Values.kindName(target));
        }
    }

    /**
     * The value of field {@code name} of a writable object or model, itself made writable and stored back, so a
     * mutating method changes this copy only (value semantics through untyped places).
     */
    public static Object writableField(Object target, String name) {
        Object v = Values.writable(field(target, name));
        setField(target, name, v);
        return v;
    }

    /** ngn {@code s.read()} on an untyped value (spec 6.8: run-time dispatch); not a state ⇒ RT error. */
    public static Object stateRead(Object receiver) {
        return asState(receiver, "read").read();
    }

    /** ngn {@code s.write(v)} on an untyped value. */
    public static void stateWrite(Object receiver, Object v) {
        asState(receiver, "write").write(v);
    }

    /** ngn {@code s.update(f)} on an untyped value. */
    public static void stateUpdate(Object receiver, NgnFn f) {
        asState(receiver, "update").update(f);
    }

    /**
     * The error of a method call on an untyped value whose run-time kind has no such method (thrown by the
     * program's generated dispatchers; same text as {@link #asState}).
     */
    public static NgnError noMethod(Object receiver, String method) {
        return NgnError.runtime("Cannot call method '" + method + "' on " + Values.kindName(receiver));
    }

    /** An argument of a dynamically dispatched call, checked against the parameter class of the chosen method. */
    public static Object argAs(Object value, Class<?> expected) {
        if (expected.isInstance(value)) {
            return value;
        }
        String want = expected == String.class ? "String" : expected.getSimpleName().replaceFirst("^Ngn", "");
        throw NgnError.runtime("Type error: expected " + want + ", got " + Values.kindName(value));
    }

    private static NgnState asState(Object receiver, String method) {
        if (receiver instanceof NgnState s) {
            return s;
        }
        throw NgnError.runtime("Cannot call method '" + method + "' on " + Values.kindName(receiver));
    }

    /**
     * ngn {@code receiver?.name} on a dynamic value (spec 7.3): {@code Null} or {@code Error} ⇒
     * {@code Null}; a {@code Value}/{@code Ok} is looked into; then the object's or model's field
     * as {@code Value(field)} (shared), a missing field ⇒ {@code Null}. A field that holds a
     * Maybe is returned as it is (not wrapped twice, like the static {@code ?.}). Any other
     * receiver ⇒ RT {@code Field 'name' not found in object}, as {@link #field}.
     */
    public static NgnEnum optionalField(Object receiver, String name) {
        Object r = receiver;
        if (r instanceof NgnEnum e && (e.isMaybe() || e.isResult())) {
            if (!e.isPresent()) {
                return NgnEnum.NULL;
            }
            r = e.payload();
        }
        Object v;
        if (r instanceof NgnObject o) {
            if (!o.has(name)) {
                return NgnEnum.NULL;
            }
            v = o.get(name);
        } else if (r instanceof NgnModel m) {
            int i = m.fieldIndex(name);
            if (i < 0) {
                return NgnEnum.NULL;
            }
            v = m.fieldValue(i);
        } else {
            throw NgnError.runtime("Field '" + name + "' not found in object");
        }
        if (v instanceof NgnEnum e && e.isMaybe()) {
            return (NgnEnum) Values.share(e);
        }
        return NgnEnum.value(Values.share(v));
    }
}
