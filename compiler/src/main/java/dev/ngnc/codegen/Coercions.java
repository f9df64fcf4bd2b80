package dev.ngnc.codegen;

import dev.ngnc.types.JvmTypes;
import dev.ngnc.types.Type;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import static dev.ngnc.codegen.RtNames.*;

/**
 * Conversions between JVM representations of ngn values: numeric widening (L2D), boxing,
 * run-time checked unboxing through {@code Dyn.asLong/asDouble/asBool}, {@code checkcast}s between
 * reference types, and void ⇄ {@code Unit.VOID}. The checker guarantees that each conversion the
 * emitter asks for is legal; a conversion that cannot succeed fails at run time with an ngn error.
 */
public final class Coercions implements Opcodes {
    private Coercions() {}

    /** Converts the value on top of the stack from ngn type {@code from} to ngn type {@code to}. */
    public static void coerce(MethodVisitor mv, Type from, Type to) {
        coerce(mv, Rep.of(from), Rep.of(to));
    }

    /**
     * Converts a value of ngn type {@code from} to the JVM type of field descriptor {@code descriptor}
     * (a runtime-lib method parameter: {@code J D Z I}, a class, an array, or {@code V}).
     */
    public static void coerceToDescriptor(MethodVisitor mv, Type from, String descriptor) {
        coerce(mv, Rep.of(from), Rep.fromDescriptor(descriptor));
    }

    /** Converts a value of JVM field descriptor {@code descriptor} (a method result) to ngn type {@code to}. */
    public static void coerceFromDescriptor(MethodVisitor mv, String descriptor, Type to) {
        coerce(mv, Rep.fromDescriptor(descriptor), Rep.of(to));
    }

    /** Converts the value on top of the stack from {@code from} to {@code to} (VOID target: pop it). */
    static void coerce(MethodVisitor mv, Rep from, Rep to) {
        if (from.equals(to)) return;
        if (from.isInt()) {
            mv.visitInsn(I2L);
            coerce(mv, Rep.LONG, to);
            return;
        }
        if (to.isInt()) {
            coerce(mv, from, Rep.LONG);
            mv.visitInsn(L2I);
            return;
        }
        if (to.isVoid()) {
            from.pop(mv);
            return;
        }
        if (from.isLong() && to.isLong()) return; // u8 ⇄ i64: same long; a u8 stored as an int is an int
        switch (from.kind()) {
            case VOID -> {
                mv.visitFieldInsn(GETSTATIC, UNIT, "VOID", D_UNIT);
                coerce(mv, Rep.ref(UNIT), to);
            }
            case LONG -> {
                switch (to.kind()) {
                    case DOUBLE -> mv.visitInsn(L2D);
                    case REF -> {
                        if (from.equals(Rep.U8)) {
                            mv.visitMethodInsn(INVOKESTATIC, U8, "of", "(J)L" + U8 + ";", false);
                            castIfNeeded(mv, U8, to.internal());
                        } else {
                            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
                            castIfNeeded(mv, "java/lang/Long", to.internal());
                        }
                    }
                    default -> {
                        box(mv, from);
                        coerce(mv, Rep.OBJECT, to);
                    }
                }
            }
            case DOUBLE -> {
                if (to.kind() == JvmTypes.Kind.REF) {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
                    castIfNeeded(mv, "java/lang/Double", to.internal());
                } else {
                    box(mv, from);
                    coerce(mv, Rep.OBJECT, to);
                }
            }
            case BOOLEAN -> {
                if (to.kind() == JvmTypes.Kind.REF) {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false);
                    castIfNeeded(mv, "java/lang/Boolean", to.internal());
                } else {
                    box(mv, from);
                    coerce(mv, Rep.OBJECT, to);
                }
            }
            case REF -> {
                switch (to.kind()) {
                    case LONG -> unboxChecked(mv, from, "java/lang/Long", "longValue", "J", "asLong");
                    case DOUBLE -> unboxChecked(mv, from, "java/lang/Double", "doubleValue", "D", "asDouble");
                    case BOOLEAN -> unboxChecked(mv, from, "java/lang/Boolean", "booleanValue", "Z", "asBool");
                    case REF -> castIfNeeded(mv, from.internal(), to.internal());
                    default -> throw new IllegalStateException("cannot coerce " + from + " to " + to);
                }
            }
        }
    }

    private static void unboxChecked(MethodVisitor mv, Rep from, String box, String getter, String desc,
                                     String dynName) {
        if (box.equals(from.internal())) {
            mv.visitMethodInsn(INVOKEVIRTUAL, box, getter, "()" + desc, false);
        } else {
            mv.visitMethodInsn(INVOKESTATIC, DYN, dynName, "(Ljava/lang/Object;)" + desc, false);
        }
    }

    /** Boxes a primitive (or pushes Unit.VOID for VOID) so the top of stack is an Object. */
    static void box(MethodVisitor mv, Rep from) {
        coerce(mv, from, Rep.OBJECT);
    }

    private static void castIfNeeded(MethodVisitor mv, String from, String to) {
        if (to.equals(from) || to.equals(OBJECT)) return;
        if (from.startsWith("java/lang/") && to.startsWith("java/lang/") && !to.equals(STRING)
                && !from.equals(OBJECT) && isJavaSuper(to)) return;
        mv.visitTypeInsn(CHECKCAST, to);
    }

    private static boolean isJavaSuper(String to) {
        return to.equals("java/lang/Number") || to.equals("java/lang/Comparable");
    }

    // ---------------------------------------------------------------- copy-on-write

    /**
     * Marks the reference on top of the stack shared (it stays on the stack, same static type).
     * For dynamically typed values this is {@code Values.share(Object)}; primitives are left alone.
     */
    static void share(MethodVisitor mv, Rep rep, Type type) {
        if (!rep.isRef() || !Cow.isCow(type)) return;
        if (rep.isObject()) {
            mv.visitMethodInsn(INVOKESTATIC, VALUES, "share", OO, false);
        } else {
            mv.visitInsn(DUP);
            mv.visitMethodInsn(INVOKEINTERFACE, SHAREABLE, "share", "()L" + SHAREABLE + ";", true);
            mv.visitInsn(POP);
        }
    }

    /** Replaces the copy-on-write reference on top of the stack by its {@code writable()} version. */
    static void writable(MethodVisitor mv, Rep rep, Type type) {
        if (!rep.isRef() || !Cow.isCow(type)) return;
        if (rep.isObject()) {
            mv.visitMethodInsn(INVOKESTATIC, VALUES, "writable", OO, false);
        } else {
            mv.visitMethodInsn(INVOKEINTERFACE, SHAREABLE, "writable", "()L" + SHAREABLE + ";", true);
            mv.visitTypeInsn(CHECKCAST, rep.internal());
        }
    }

    // ---------------------------------------------------------------- constants

    static void pushLong(MethodVisitor mv, long v) {
        if (v == 0L) mv.visitInsn(LCONST_0);
        else if (v == 1L) mv.visitInsn(LCONST_1);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            pushInt(mv, (int) v);
            mv.visitInsn(I2L);
        } else mv.visitLdcInsn(v);
    }

    static void pushDouble(MethodVisitor mv, double v) {
        if (Double.doubleToRawLongBits(v) == 0L) mv.visitInsn(DCONST_0);
        else if (v == 1.0) mv.visitInsn(DCONST_1);
        else mv.visitLdcInsn(v);
    }

    static void pushInt(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }
}
