package dev.ngnc.codegen;

import dev.ngnc.source.Span;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.Type;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;

/**
 * A function body over the JVM's 64 KB method limit (generated code: a 100,000-line {@code main}) becomes several
 * methods. Its statements are cut into consecutive parts, halving a range until each part's code fits; each part
 * is a {@code private static boolean NAME$$partK(Frame)} and the function itself only allocates the
 * {@link SplitFrame} (where every local the parts touch lives), copies its parameters in, and calls the parts in
 * order — a part returning true executed a {@code return}, whose value is in the frame. Loops, matches and blocks
 * are never cut, so {@code break}/{@code next} stay inside one method; a single statement over the limit is a
 * {@link CodeTooLargeException} (a positioned diagnostic).
 */
final class MethodSplitter implements Opcodes {
    /** What to emit: one function (or the top level) whose body was too large. */
    record Body(ClassVisitor cv, String owner, int access, String jvmName, String descriptor, List<LocalVar> params,
                Type result, TStmt body, Span span, String ngnName) {}

    private final ProgramEmitter pe;
    private final Body b;
    private final SplitFrame frame;
    private final List<TStmt> statements = new ArrayList<>();
    private final List<String> parts = new ArrayList<>();

    private MethodSplitter(ProgramEmitter pe, Body b) {
        this.pe = pe;
        this.b = b;
        this.frame = new SplitFrame(pe.uniqueClassName(b.owner() + "$Frame"), b.result());
        flatten(b.body());
    }

    static void emit(ProgramEmitter pe, Body b) {
        new MethodSplitter(pe, b).emit();
    }

    /** Every local is a frame field, so even scoped blocks can be cut: a shadowing variable is its own field. */
    private void flatten(TStmt s) {
        if (s instanceof TStmt.Block block) {
            for (TStmt st : block.statements()) flatten(st);
        } else {
            statements.add(s);
        }
    }

    private void emit() {
        emitParts(0, statements.size());
        frame.emitClass(pe.registry());
        MethodGen g = new MethodGen(b.cv(), b.owner(), b.access(), b.jvmName(), b.descriptor(), b.result(),
                Rep.of(b.result()), pe.debugInfo);
        for (LocalVar p : b.params()) g.bindParam(p);
        if (b.span() != null) g.line(b.span());
        MethodVisitor mv = g.mv();
        Rep frameRep = Rep.ref(frame.internalName);
        mv.visitTypeInsn(NEW, frame.internalName);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, frame.internalName, "<init>", "()V", false);
        int f = g.newTemp(frameRep);
        g.store(f, frameRep);
        for (LocalVar p : b.params()) {
            if (!frame.holds(p)) continue;
            g.load(p);
            SplitFrame.putField(mv, f, frame.internalName, frame.field(p), Rep.slot(p.type));
        }
        Rep result = frame.result;
        for (String part : parts) {
            Label next = new Label();
            mv.visitVarInsn(ALOAD, f);
            mv.visitMethodInsn(INVOKESTATIC, b.owner(), part, partDescriptor(), false);
            mv.visitJumpInsn(IFEQ, next);
            if (result.isVoid()) {
                mv.visitInsn(RETURN);
            } else {
                mv.visitVarInsn(ALOAD, f);
                mv.visitFieldInsn(GETFIELD, frame.internalName, SplitFrame.RETURN_FIELD, result.descriptor());
                mv.visitInsn(result.returnOp());
            }
            g.label(next);
        }
        new ExprEmitter(pe, g).stmts.returnStmt(null); // fell off the end of the last part
        g.finish();
    }

    private String partDescriptor() {
        return "(" + frame.descriptor() + ")Z";
    }

    /** Emits statements {@code [from, to)} as one part, or as two halves when that is too large. */
    private void emitParts(int from, int to) {
        if (from >= to) return;
        String name = b.jvmName() + "$$part" + (parts.size() + 1);
        MethodGen g = new MethodGen(b.cv(), b.owner(), ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, name,
                partDescriptor(), b.result(), Rep.BOOLEAN, pe.debugInfo);
        g.usesFrame(frame);
        ExprEmitter ex = new ExprEmitter(pe, g);
        for (int i = from; i < to; i++) ex.stmts.emit(statements.get(i));
        g.mv().visitInsn(ICONST_0);
        g.mv().visitInsn(IRETURN);
        try {
            g.finish();
            parts.add(name);
        } catch (MethodGen.TooLarge e) {
            if (to - from == 1) {
                throw new CodeTooLargeException(statements.get(from).span(),
                        b.ngnName() + " is too large for the JVM: one of its statements compiles to more than the"
                                + " 64 KB a JVM method may hold",
                        "split this statement (a very long literal, condition or block) into smaller functions");
            }
            int mid = (from + to) >>> 1;
            emitParts(from, mid);
            emitParts(mid, to);
        }
    }
}
