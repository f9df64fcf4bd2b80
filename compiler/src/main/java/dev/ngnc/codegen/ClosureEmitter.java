package dev.ngnc.codegen;

import dev.ngnc.tast.ClosureInfo;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.types.Prim;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.List;

import static dev.ngnc.codegen.RtNames.*;

/**
 * Function values. A closure becomes {@code final class X extends NgnFn} with one field per capture
 * (filled by the constructor at creation: a snapshot), and a {@code callK} (or {@code callN} above
 * four parameters) that unboxes the arguments into the typed parameter locals, copies the capture
 * fields into the body's locals and runs the body. A top-level function used as a value gets an
 * adapter class with a singleton {@code INSTANCE} whose {@code callK} invokes the static method.
 */
final class ClosureEmitter implements Opcodes {
    private ClosureEmitter() {}

    private static final String OBJ_ARRAY = "[Ljava/lang/Object;";

    static String callName(int arity) {
        return arity <= 4 ? "call" + arity : "callN";
    }

    static String callDescriptor(int arity) {
        return arity <= 4 ? "(" + D_OBJECT.repeat(arity) + ")" + D_OBJECT : "(" + OBJ_ARRAY + ")" + D_OBJECT;
    }

    static void closure(ProgramEmitter prog, ClosureInfo info) {
        String self = info.internalName;
        ClassWriter cw = prog.registry().begin(self, FN, ACC_FINAL);
        List<ClosureInfo.Capture> caps = info.captures;
        if (caps.isEmpty()) {
            singleton(cw, self);
        }

        StringBuilder ctorDesc = new StringBuilder("(");
        for (int i = 0; i < caps.size(); i++) {
            String d = Rep.slot(caps.get(i).inner().type).descriptor();
            cw.visitField(ACC_PRIVATE | ACC_FINAL, "c" + i, d, null, null).visitEnd();
            ctorDesc.append(d);
        }
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", ctorDesc.append(")V").toString(), null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, FN, "<init>", "()V", false);
        int slot = 1;
        for (int i = 0; i < caps.size(); i++) {
            Rep r = Rep.slot(caps.get(i).inner().type);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(r.loadOp(), slot);
            mv.visitFieldInsn(PUTFIELD, self, "c" + i, r.descriptor());
            slot += r.size();
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        commonMembers(cw, info.params.size(), info.displayName == null ? "<closure>" : info.displayName);

        int k = info.params.size();
        boolean jj = isLongToLong(info);
        MethodGen g = jj ? new MethodGen(cw, self, ACC_PUBLIC, JJ, JJ_DESC, info.result, Rep.LONG, prog.debugInfo)
                : new MethodGen(cw, self, ACC_PUBLIC, callName(k), callDescriptor(k), info.result, Rep.OBJECT,
                prog.debugInfo);
        int[] args = jj ? new int[] {g.reserveParam(Rep.LONG)} : reserveArgs(g, k);
        ExprEmitter ex = new ExprEmitter(prog, g);
        mv = g.mv();
        if (info.body != null) g.line(info.body.span());
        checkArgCount(mv, k, args);
        for (int i = 0; i < k; i++) {
            LocalVar p = info.params.get(i);
            if (jj) {
                mv.visitVarInsn(LLOAD, args[0]);
            } else {
                loadArg(mv, k, args, i);
                Coercions.coerce(mv, Rep.OBJECT, Rep.slot(p.type));
            }
            g.store(p);
            g.visible(p); // the typed copy is the ngn parameter; the boxed argument slot is not described
        }
        for (int i = 0; i < caps.size(); i++) {
            LocalVar inner = caps.get(i).inner();
            Rep r = Rep.slot(inner.type);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, self, "c" + i, r.descriptor());
            Coercions.share(mv, r, inner.type);
            g.store(inner);
            g.visible(inner); // a captured variable, under its ngn name
        }
        if (info.self != null) {
            mv.visitVarInsn(ALOAD, 0);
            Coercions.coerce(mv, Rep.ref(FN), Rep.slot(info.self.type));
            g.store(info.self);
            g.visible(info.self);
        }
        if (info.body != null) ex.stmts.emit(info.body);
        ex.stmts.fallOffEnd(info.body);
        g.finish();
        if (jj) longToLongEntries(cw, self);
    }

    /** The unboxed entry of a {@code (i64) -> i64} closure: {@code NgnFn.callJJ}. */
    static final String JJ = "callJJ";
    static final String JJ_DESC = "(J)J";

    /** A closure whose one parameter and result are i64 gets its body in {@code callJJ} (no boxing either way). */
    static boolean isLongToLong(ClosureInfo info) {
        return info.params.size() == 1 && info.params.get(0).type == Prim.I64 && info.result == Prim.I64;
    }

    /**
     * {@code call1} unboxes into {@code callJJ} (as the body's own entry used to) and boxes its result; no line
     * numbers, so backtraces show the body's frame only. {@code longToLong} tells {@code NgnState.update}.
     */
    private static void longToLongEntries(ClassWriter cw, String self) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "call1", callDescriptor(1), null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        Coercions.coerce(mv, Rep.OBJECT, Rep.LONG);
        mv.visitMethodInsn(INVOKEVIRTUAL, self, JJ, JJ_DESC, false);
        Coercions.coerce(mv, Rep.LONG, Rep.OBJECT);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        mv = cw.visitMethod(ACC_PUBLIC, "longToLong", "()Z", null, null);
        mv.visitCode();
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * The class's one shared value, {@code INSTANCE}: for function adapters, and for a closure that
     * captures nothing (closures hold no state, and ngn has no function identity to observe), so
     * evaluating {@code |t| t + 1} in a loop allocates nothing. See {@link #isSingleton}.
     */
    private static void singleton(ClassWriter cw, String self) {
        cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "INSTANCE", "L" + self + ";", null, null).visitEnd();
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitTypeInsn(NEW, self);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, self, "<init>", "()V", false);
        mv.visitFieldInsn(PUTSTATIC, self, "INSTANCE", "L" + self + ";");
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Whether the closure's value is its class's shared {@code INSTANCE} rather than a new object. */
    static boolean isSingleton(ClosureInfo info) {
        return info.captures.isEmpty();
    }

    /** Adapter making top-level function {@code fn} a value: {@code <fn name>}. */
    static void fnAdapter(ProgramEmitter prog, FnSymbol fn, String self) {
        ClassWriter cw = prog.registry().begin(self, FN, ACC_FINAL);
        singleton(cw, self);

        ClassRegistry.noArgConstructor(cw, ACC_PRIVATE, FN);

        int k = fn.params.size();
        commonMembers(cw, k, "<fn " + fn.name + ">");

        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, callName(k), callDescriptor(k), null, null);
        mv.visitCode();
        int[] args = new int[k];
        for (int i = 0; i < k; i++) args[i] = k <= 4 ? i + 1 : 1;
        checkArgCount(mv, k, args);
        for (int i = 0; i < k; i++) {
            loadArg(mv, k, args, i);
            Coercions.coerce(mv, Rep.OBJECT, Rep.slot(fn.params.get(i).type));
        }
        mv.visitMethodInsn(INVOKESTATIC, fn.ownerInternalName, fn.jvmName, fn.descriptor(), false);
        Coercions.coerce(mv, Rep.of(fn.result), Rep.OBJECT);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void commonMembers(ClassWriter cw, int arity, String displayName) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "arity", "()I", null, null);
        mv.visitCode();
        Coercions.pushInt(mv, arity);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC, "displayName", "()Ljava/lang/String;", null, null);
        mv.visitCode();
        mv.visitLdcInsn(displayName);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static int[] reserveArgs(MethodGen g, int k) {
        int[] args = new int[k];
        if (k <= 4) {
            for (int i = 0; i < k; i++) args[i] = g.reserveParam(Rep.OBJECT);
        } else {
            int arr = g.reserveParam(Rep.ref(OBJ_ARRAY));
            java.util.Arrays.fill(args, arr);
        }
        return args;
    }

    /** callN with more than four parameters: a wrong argument count goes to NgnFn.callN's error. */
    private static void checkArgCount(MethodVisitor mv, int k, int[] args) {
        if (k <= 4) return;
        Label ok = new Label();
        mv.visitVarInsn(ALOAD, args[0]);
        mv.visitInsn(ARRAYLENGTH);
        Coercions.pushInt(mv, k);
        mv.visitJumpInsn(IF_ICMPEQ, ok);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, args[0]);
        mv.visitMethodInsn(INVOKESPECIAL, FN, "callN", callDescriptor(5), false);
        mv.visitInsn(ARETURN);
        mv.visitLabel(ok);
    }

    private static void loadArg(MethodVisitor mv, int k, int[] args, int i) {
        mv.visitVarInsn(ALOAD, args[i]);
        if (k > 4) {
            Coercions.pushInt(mv, i);
            mv.visitInsn(AALOAD);
        }
    }
}
