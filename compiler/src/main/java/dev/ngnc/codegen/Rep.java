package dev.ngnc.codegen;

import dev.ngnc.types.JvmTypes;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The JVM representation of a value on the operand stack: a primitive kind, a reference of a
 * known class, or nothing ({@link JvmTypes.Kind#VOID}). Derived from ngn types only through
 * {@link JvmTypes}, and from runtime-lib method descriptors.
 *
 * <p>{@code internal} is the class of a reference; for primitives it is null, except {@link #U8}.
 */
record Rep(JvmTypes.Kind kind, String internal) implements Opcodes {
    static final Rep LONG = new Rep(JvmTypes.Kind.LONG, null);
    /**
     * A u8 value read from bytes ({@code Prim.BYTE}): a long like {@link #LONG}, but boxed as {@code rt.U8}
     * (its {@code internal}) so the kind survives in dynamically typed slots.
     */
    static final Rep U8 = new Rep(JvmTypes.Kind.LONG, RtNames.U8);
    static final Rep DOUBLE = new Rep(JvmTypes.Kind.DOUBLE, null);
    static final Rep BOOLEAN = new Rep(JvmTypes.Kind.BOOLEAN, null);
    static final Rep VOID = new Rep(JvmTypes.Kind.VOID, null);
    static final Rep OBJECT = ref(JvmTypes.OBJECT);
    static final Rep STRING = ref(JvmTypes.STRING);
    static final Rep INT = new Rep(null, "I"); // only for runtime descriptors (int)

    static Rep ref(String internal) {
        return new Rep(JvmTypes.Kind.REF, internal);
    }

    /** How a value of ngn type {@code t} sits on the stack ({@code VOID}: nothing). */
    static Rep of(Type t) {
        return switch (JvmTypes.kind(t)) {
            case LONG -> t == Prim.BYTE ? U8 : LONG;
            case DOUBLE -> DOUBLE;
            case BOOLEAN -> BOOLEAN;
            case VOID -> VOID;
            case REF -> ref(JvmTypes.internalName(t));
        };
    }

    /** How a value of ngn type {@code t} is stored in a local, field or parameter (void ⇒ the Unit object). */
    static Rep slot(Type t) {
        Rep r = of(t);
        return r.kind == JvmTypes.Kind.VOID ? OBJECT : r;
    }

    /** Parses one field descriptor ({@code J}, {@code Lx;}, {@code [Lx;}, {@code V}, {@code I}). */
    static Rep fromDescriptor(String d) {
        return switch (d.charAt(0)) {
            case 'J' -> LONG;
            case 'D' -> DOUBLE;
            case 'Z' -> BOOLEAN;
            case 'V' -> VOID;
            case 'I' -> INT;
            case 'L' -> ref(d.substring(1, d.length() - 1));
            case '[' -> ref(d);
            default -> throw new IllegalArgumentException("unsupported descriptor " + d);
        };
    }

    boolean isInt() { return this == INT || "I".equals(internal) && kind == null; }

    String internalOrEmpty() { return internal == null || !isRef() ? "" : internal; }

    boolean isRef() { return kind == JvmTypes.Kind.REF; }

    /** A JVM long: an i64 or a u8 ({@link #U8}). */
    boolean isLong() { return kind == JvmTypes.Kind.LONG; }

    boolean isVoid() { return kind == JvmTypes.Kind.VOID; }

    boolean isObject() { return isRef() && JvmTypes.OBJECT.equals(internal); }

    boolean isWide() { return kind == JvmTypes.Kind.LONG || kind == JvmTypes.Kind.DOUBLE; }

    int size() {
        if (isVoid()) return 0;
        return isWide() ? 2 : 1;
    }

    String descriptor() {
        if (isInt()) return "I";
        return switch (kind) {
            case LONG -> "J";
            case DOUBLE -> "D";
            case BOOLEAN -> "Z";
            case VOID -> "V";
            case REF -> internal.startsWith("[") ? internal : "L" + internal + ";";
        };
    }

    int loadOp() {
        if (isInt()) return ILOAD;
        return switch (kind) {
            case LONG -> LLOAD;
            case DOUBLE -> DLOAD;
            case BOOLEAN -> ILOAD;
            default -> ALOAD;
        };
    }

    int storeOp() {
        if (isInt()) return ISTORE;
        return switch (kind) {
            case LONG -> LSTORE;
            case DOUBLE -> DSTORE;
            case BOOLEAN -> ISTORE;
            default -> ASTORE;
        };
    }

    int returnOp() {
        if (isInt()) return IRETURN;
        return switch (kind) {
            case LONG -> LRETURN;
            case DOUBLE -> DRETURN;
            case BOOLEAN -> IRETURN;
            case VOID -> RETURN;
            case REF -> ARETURN;
        };
    }

    /** Pops a value of this representation. */
    void pop(MethodVisitor mv) {
        int s = size();
        if (s == 2) mv.visitInsn(POP2);
        else if (s == 1) mv.visitInsn(POP);
    }

    /** Pushes this representation's zero value: 0, 0.0, false, {@code Unit.VOID} for Object, else null. */
    void pushDefault(MethodVisitor mv) {
        if (isInt()) {
            mv.visitInsn(ICONST_0);
            return;
        }
        switch (kind) {
            case LONG -> mv.visitInsn(LCONST_0);
            case DOUBLE -> mv.visitInsn(DCONST_0);
            case BOOLEAN -> mv.visitInsn(ICONST_0);
            case VOID -> { }
            case REF -> {
                if (isObject()) mv.visitFieldInsn(GETSTATIC, RtNames.UNIT, "VOID", "L" + RtNames.UNIT + ";");
                else mv.visitInsn(ACONST_NULL);
            }
        }
    }

    @Override public String toString() { return descriptor(); }
}
