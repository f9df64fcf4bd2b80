package dev.ngnc.codegen;

import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.Type;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.function.IntConsumer;

import static dev.ngnc.codegen.RtNames.*;

/**
 * {@code for (item, index in iterable)}: arrays and tuples by index over a snapshot, ranges with a
 * long counter, sets over an {@code Object[]} snapshot, channels (also dynamically typed ones) through their
 * blocking iterator, other dynamically typed iterables over an {@code Object[]} snapshot.
 */
final class Loops implements Opcodes {
    private Loops() {}

    static void forEach(ExprEmitter ex, StmtEmitter st, TStmt.ForEach f) {
        Type t = f.iterable().type();
        if (t instanceof Type.Array) indexed(ex, st, f, ARRAY);
        else if (t instanceof Type.Tuple) indexed(ex, st, f, TUPLE);
        else if (t instanceof Type.Range) range(ex, st, f);
        else if (t instanceof Type.SetT) {
            ex.emitAs(f.iterable(), Rep.ref(SET));
            ex.g.line(f.span());
            ex.mv.visitMethodInsn(INVOKEVIRTUAL, SET, "toArray", "()[Ljava/lang/Object;", false);
            objectArrayLoop(ex, st, f);
        } else if (t instanceof Type.Channel) {
            channel(ex, st, f);
        } else {
            dynamic(ex, st, f);
        }
    }

    /**
     * A channel: blocks for each message until the channel is closed and drained
     * ({@code Iterator.hasNext} of {@code NgnChannel} suspends the fiber while the channel is empty).
     */
    private static void channel(ExprEmitter ex, StmtEmitter st, TStmt.ForEach f) {
        ex.emitAs(f.iterable(), Rep.ref(CHANNEL));
        ex.mv.visitMethodInsn(INVOKEVIRTUAL, CHANNEL, "iterator", "()Ljava/util/Iterator;", false);
        iteratorLoop(ex, st, f);
    }

    /** Loops over the {@code java.util.Iterator} on top of the stack, with a long index counter. */
    private static void iteratorLoop(ExprEmitter ex, StmtEmitter st, TStmt.ForEach f) {
        MethodGen g = ex.g;
        MethodVisitor mv = ex.mv;
        Rep itRep = Rep.ref("java/util/Iterator");
        int it = g.newTemp(itRep);
        g.store(it, itRep);
        int i = g.newTemp(Rep.LONG);
        mv.visitInsn(LCONST_0);
        g.store(i, Rep.LONG);
        Label test = new Label();
        Label body = new Label();
        Label end = new Label();
        mv.visitJumpInsn(GOTO, test);
        g.label(body);
        g.openScope();
        g.load(it, itRep);
        mv.visitMethodInsn(INVOKEINTERFACE, "java/util/Iterator", "next", "()Ljava/lang/Object;", true);
        storeItem(ex, f.item());
        if (f.index() != null) {
            g.load(i, Rep.LONG);
            Coercions.coerce(mv, Rep.LONG, Rep.slot(f.index().type));
            storeIndex(g, f.index());
        }
        st.loopBody(f.body(), end);
        g.closeScope();
        g.load(i, Rep.LONG);
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LADD);
        g.store(i, Rep.LONG);
        g.label(test);
        g.line(f.span());
        g.load(it, itRep);
        mv.visitMethodInsn(INVOKEINTERFACE, "java/util/Iterator", "hasNext", "()Z", true);
        mv.visitJumpInsn(IFNE, body);
        g.label(end);
    }

    /** Array/tuple: {@code rawGet(i)} for {@code 0 <= i < length()} of the value at loop start. */
    private static void indexed(ExprEmitter ex, StmtEmitter st, TStmt.ForEach f, String owner) {
        MethodGen g = ex.g;
        MethodVisitor mv = ex.mv;
        Rep rep = Rep.ref(owner);
        ex.emitAs(f.iterable(), rep);
        // The loop must see the value at its start: if the body may mutate the container in place
        // (it is not shared), share it first so that mutation copies.
        if (owner.equals(ARRAY) && ExprEmitter.needsShare(f.iterable())
                && !(f.iterable() instanceof TExpr.Local l && !Scan.mutatesInPlace(f.body(), l.var()))) {
            Coercions.share(mv, rep, f.iterable().type());
        }
        int arr = g.newTemp(rep);
        g.store(arr, rep);
        g.load(arr, rep);
        mv.visitMethodInsn(INVOKEVIRTUAL, owner, "length", "()I", false);
        int n = g.newTemp(Rep.INT);
        g.store(n, Rep.INT);
        indexLoop(ex, st, f, n, i -> {
            g.load(arr, rep);
            g.load(i, Rep.INT);
            mv.visitMethodInsn(INVOKEVIRTUAL, owner, "rawGet", "(I)Ljava/lang/Object;", false);
        });
    }

    /**
     * {@code for i in 0 until n (int slot)}: the item is the boxed element {@code loadElement(i)}
     * pushes. javac's shape (test at the top), which C2 compiles best (see StmtEmitter.forRange).
     */
    private static void indexLoop(ExprEmitter ex, StmtEmitter st, TStmt.ForEach f, int n, IntConsumer loadElement) {
        MethodGen g = ex.g;
        MethodVisitor mv = ex.mv;
        int i = g.newTemp(Rep.INT);
        mv.visitInsn(ICONST_0);
        g.store(i, Rep.INT);
        Label test = new Label();
        Label end = new Label();
        g.label(test);
        g.load(i, Rep.INT);
        g.load(n, Rep.INT);
        mv.visitJumpInsn(IF_ICMPGE, end);
        g.openScope();
        loadElement.accept(i);
        storeItem(ex, f.item());
        if (f.index() != null) {
            g.load(i, Rep.INT);
            Coercions.coerce(mv, Rep.INT, Rep.slot(f.index().type));
            storeIndex(g, f.index());
        }
        st.loopBody(f.body(), end);
        g.closeScope();
        mv.visitIincInsn(i, 1);
        mv.visitJumpInsn(GOTO, test);
        g.label(end);
    }

    /**
     * Stores the boxed element on the stack into {@code item} (shared, converted), visible to a debugger
     * from here to the end of the scope the caller opened around the body: the loop's test code lies
     * outside it, since on the first round the item is not assigned there.
     */
    private static void storeItem(ExprEmitter ex, LocalVar item) {
        if (Cow.isCow(item.type)) ex.mv.visitMethodInsn(INVOKESTATIC, VALUES, "share", OO, false);
        Coercions.coerce(ex.mv, Rep.OBJECT, Rep.slot(item.type));
        ex.g.store(item);
        ex.g.visible(item);
    }

    /** Stores the index value on the stack into {@code index}, visible like the item. */
    private static void storeIndex(MethodGen g, LocalVar index) {
        g.store(index);
        g.visible(index);
    }

    /** A range value: a long counter from {@code from} to {@code to} (inclusive or not, decided at run time). */
    private static void range(ExprEmitter ex, StmtEmitter st, TStmt.ForEach f) {
        MethodGen g = ex.g;
        MethodVisitor mv = ex.mv;
        Rep rr = Rep.ref(RANGE);
        ex.emitAs(f.iterable(), rr);
        int r = g.newTemp(rr);
        g.store(r, rr);
        int counter = g.newTemp(Rep.LONG);
        int limit = g.newTemp(Rep.LONG);
        int incl = g.newTemp(Rep.BOOLEAN);
        g.load(r, rr);
        mv.visitFieldInsn(GETFIELD, RANGE, "from", "J");
        g.store(counter, Rep.LONG);
        g.load(r, rr);
        mv.visitFieldInsn(GETFIELD, RANGE, "to", "J");
        g.store(limit, Rep.LONG);
        g.load(r, rr);
        mv.visitFieldInsn(GETFIELD, RANGE, "inclusive", "Z");
        g.store(incl, Rep.BOOLEAN);
        int idx = -1;
        if (f.index() != null) {
            idx = g.newTemp(Rep.LONG);
            mv.visitInsn(LCONST_0);
            g.store(idx, Rep.LONG);
        }
        Label test = new Label();
        Label body = new Label();
        Label exclusive = new Label();
        Label end = new Label();
        mv.visitJumpInsn(GOTO, test);
        g.label(body);
        g.openScope();
        g.load(counter, Rep.LONG);
        Coercions.coerce(mv, Rep.LONG, Rep.slot(f.item().type));
        g.store(f.item());
        g.visible(f.item());
        if (idx >= 0) {
            g.load(idx, Rep.LONG);
            Coercions.coerce(mv, Rep.LONG, Rep.slot(f.index().type));
            storeIndex(g, f.index());
        }
        st.loopBody(f.body(), end);
        g.closeScope();
        st.increment(counter);
        if (idx >= 0) st.increment(idx);
        g.label(test);
        g.load(incl, Rep.BOOLEAN);
        mv.visitJumpInsn(IFEQ, exclusive);
        g.load(counter, Rep.LONG);
        g.load(limit, Rep.LONG);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLE, body);
        mv.visitJumpInsn(GOTO, end);
        g.label(exclusive);
        g.load(counter, Rep.LONG);
        g.load(limit, Rep.LONG);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLT, body);
        g.label(end);
    }

    /**
     * A dynamically typed iterable, by run-time class: a channel through its blocking iterator (as a typed
     * channel), the others over an Object[] snapshot; one loop over an Iterator, so the body is emitted once.
     */
    private static void dynamic(ExprEmitter ex, StmtEmitter st, TStmt.ForEach f) {
        MethodGen g = ex.g;
        MethodVisitor mv = ex.mv;
        ex.emitAs(f.iterable(), Rep.OBJECT);
        int o = g.newTemp(Rep.OBJECT);
        g.store(o, Rep.OBJECT);
        Label have = new Label();
        Label notChannel = new Label();
        g.load(o, Rep.OBJECT);
        mv.visitTypeInsn(INSTANCEOF, CHANNEL);
        mv.visitJumpInsn(IFEQ, notChannel);
        g.load(o, Rep.OBJECT);
        mv.visitTypeInsn(CHECKCAST, CHANNEL);
        mv.visitMethodInsn(INVOKEVIRTUAL, CHANNEL, "iterator", "()Ljava/util/Iterator;", false);
        mv.visitJumpInsn(GOTO, have);
        g.label(notChannel);
        String[][] cases = {
                {ARRAY, "toObjectArray", "()[Ljava/lang/Object;", null},
                {TUPLE, "toArray", "()L" + ARRAY + ";", "toObjectArray"},
                {SET, "toArray", "()[Ljava/lang/Object;", null},
                {RANGE, "toArray", "()L" + ARRAY + ";", "toObjectArray"},
        };
        for (String[] c : cases) {
            Label no = new Label();
            g.load(o, Rep.OBJECT);
            mv.visitTypeInsn(INSTANCEOF, c[0]);
            mv.visitJumpInsn(IFEQ, no);
            g.load(o, Rep.OBJECT);
            mv.visitTypeInsn(CHECKCAST, c[0]);
            mv.visitMethodInsn(INVOKEVIRTUAL, c[0], c[1], c[2], false);
            if (c[3] != null) mv.visitMethodInsn(INVOKEVIRTUAL, ARRAY, c[3], "()[Ljava/lang/Object;", false);
            mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "asList", "([Ljava/lang/Object;)Ljava/util/List;", false);
            mv.visitMethodInsn(INVOKEINTERFACE, "java/util/List", "iterator", "()Ljava/util/Iterator;", true);
            mv.visitJumpInsn(GOTO, have);
            g.label(no);
        }
        g.line(f.span());
        mv.visitLdcInsn("Cannot iterate over ");
        g.load(o, Rep.OBJECT);
        mv.visitMethodInsn(INVOKESTATIC, VALUES, "kindName", "(Ljava/lang/Object;)Ljava/lang/String;", false);
        mv.visitMethodInsn(INVOKEVIRTUAL, STRING, "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
        mv.visitMethodInsn(INVOKESTATIC, ERROR, "runtime", "(Ljava/lang/String;)L" + ERROR + ";", false);
        mv.visitInsn(ATHROW);
        g.label(have);
        iteratorLoop(ex, st, f);
    }

    /** Loops over the Object[] on top of the stack. */
    private static void objectArrayLoop(ExprEmitter ex, StmtEmitter st, TStmt.ForEach f) {
        MethodGen g = ex.g;
        MethodVisitor mv = ex.mv;
        Rep ar = Rep.ref("[Ljava/lang/Object;");
        int arr = g.newTemp(ar);
        g.store(arr, ar);
        g.load(arr, ar);
        mv.visitInsn(ARRAYLENGTH);
        int n = g.newTemp(Rep.INT);
        g.store(n, Rep.INT);
        indexLoop(ex, st, f, n, i -> {
            g.load(arr, ar);
            g.load(i, Rep.INT);
            mv.visitInsn(AALOAD);
        });
    }
}
