package dev.ngnc.codegen;

import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.List;

import static dev.ngnc.codegen.RtNames.*;

/**
 * The dispatcher behind {@link TExpr.DynCall}: one synthetic {@code static Object dyn$<name>$<argc>(Object recv,
 * Object…)} per (method, argc) in the program class — a chain of {@code instanceof} tests over the candidate
 * receiver classes; each branch checks/unboxes the arguments to the chosen method's parameter types (same run-time
 * errors as other dynamic coercions), calls it and boxes the result; no match ⇒ {@code Dyn.noMethod}. Plain JVM
 * type tests, so the JIT profiles and inlines them per call site; no reflection.
 */
final class DynDispatch implements Opcodes {
    private DynDispatch() {}

    static String name(String method, int argc) { return "dyn$" + method + "$" + argc; }

    static String descriptor(int argc) { return "(" + D_OBJECT.repeat(argc + 1) + ")" + D_OBJECT; }

    static void emit(ClassVisitor cv, String method, int argc, List<TExpr.DynBranch> branches) {
        MethodVisitor mv = cv.visitMethod(ACC_PUBLIC | ACC_STATIC | ACC_SYNTHETIC, name(method, argc),
                descriptor(argc), null, null);
        mv.visitCode();
        for (TExpr.DynBranch b : branches) {
            Label next = new Label();
            mv.visitVarInsn(ALOAD, 0);
            mv.visitTypeInsn(INSTANCEOF, b.receiverClass());
            mv.visitJumpInsn(IFEQ, next);
            RtMethod m = b.method();
            List<Rep> params = RtDescriptors.params(m.descriptor());
            boolean virtual = m.invoke() == RtMethod.Invoke.VIRTUAL;
            if (!b.receiverless()) {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitTypeInsn(CHECKCAST, b.receiverClass());
            }
            List<Rep> rest = virtual || b.receiverless() ? params : params.subList(1, params.size());
            for (int i = 0; i < rest.size(); i++) {
                mv.visitVarInsn(ALOAD, i + 1);
                argument(mv, rest.get(i));
            }
            mv.visitMethodInsn(virtual ? INVOKEVIRTUAL : INVOKESTATIC, m.owner(), m.name(), m.descriptor(), false);
            Coercions.coerce(mv, RtDescriptors.result(m.descriptor()), Rep.OBJECT);
            mv.visitInsn(ARETURN);
            mv.visitLabel(next);
        }
        mv.visitVarInsn(ALOAD, 0);
        mv.visitLdcInsn(method);
        mv.visitMethodInsn(INVOKESTATIC, DYN, "noMethod", "(" + D_OBJECT + "Ljava/lang/String;)L" + ERROR + ";", false);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Converts an Object argument to parameter {@code to}: checked unboxing, or a class check with an ngn error. */
    static void argument(MethodVisitor mv, Rep to) {
        if (to.kind() == dev.ngnc.types.JvmTypes.Kind.REF && !to.equals(Rep.OBJECT)) {
            mv.visitLdcInsn(org.objectweb.asm.Type.getObjectType(to.internal()));
            mv.visitMethodInsn(INVOKESTATIC, DYN, "argAs", "(" + D_OBJECT + "Ljava/lang/Class;)" + D_OBJECT, false);
        }
        Coercions.coerce(mv, Rep.OBJECT, to);
    }
}
