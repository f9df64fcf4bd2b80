package dev.ngnc.codegen;

import dev.ngnc.ast.BinaryOp;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TPattern;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.Type;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.ngnc.codegen.RtNames.*;

/** Statement code: control flow, loops, match, returns. */
final class StmtEmitter implements Opcodes {
    private final ExprEmitter ex;
    private final MethodGen g;
    private final MethodVisitor mv;
    private final Set<Label> usedNext = new HashSet<>();

    StmtEmitter(ExprEmitter ex) {
        this.ex = ex;
        this.g = ex.g;
        this.mv = ex.mv;
    }

    void emit(TStmt s) {
        if (!(s instanceof TStmt.Block)) g.line(s.span());
        switch (s) {
            case TStmt.ExprStmt e -> ex.emitDiscard(e.expr());
            case TStmt.Let l -> {
                if (l.init() == null) Rep.slot(l.var().type).pushDefault(mv);
                else ex.emitValue(l.init(), Rep.slot(l.var().type));
                g.store(l.var());
                g.visible(l.var());
            }
            case TStmt.InitGlobal ig -> {
                Rep slot = Rep.slot(ig.global().type);
                ex.emitValue(ig.init(), slot);
                mv.visitFieldInsn(PUTSTATIC, ig.global().ownerInternalName, ig.global().fieldName, slot.descriptor());
            }
            case TStmt.Block b -> {
                if (b.scope()) g.openScope();
                for (TStmt st : b.statements()) emit(st);
                if (b.scope()) g.closeScope();
            }
            case TStmt.If i -> ifStmt(i);
            case TStmt.IfPresent i -> ifPresent(i);
            case TStmt.While w -> whileStmt(w);
            case TStmt.Loop l -> {
                Label start = new Label();
                Label end = new Label();
                g.label(start);
                loopBody(l.body(), end);
                mv.visitJumpInsn(GOTO, start);
                g.label(end);
            }
            case TStmt.ForRange f -> forRange(f);
            case TStmt.ForEach f -> Loops.forEach(ex, this, f);
            case TStmt.Match m -> match(m);
            case TStmt.Break b -> {
                if (g.breakTargets.isEmpty()) throw new IllegalStateException("break outside a loop at " + b.span());
                mv.visitJumpInsn(GOTO, g.breakTargets.peek());
            }
            case TStmt.Next n -> {
                if (g.nextTargets.isEmpty()) throw new IllegalStateException("next outside a match at " + n.span());
                usedNext.add(g.nextTargets.peek());
                mv.visitJumpInsn(GOTO, g.nextTargets.peek());
            }
            case TStmt.Return r -> returnStmt(r.value());
            case TStmt.Check c -> check(c);
        }
    }

    /** Emits a loop body with {@code end} as the target of {@code break}. */
    void loopBody(TStmt body, Label end) {
        g.breakTargets.push(end);
        scoped(body);
        g.breakTargets.pop();
    }

    /**
     * A statement in body position (if/else branch, loop body, arm): its own ngn scope even when it is
     * a single statement ({@code if (c) var x = 1}), as the checker scopes it.
     */
    void scoped(TStmt body) {
        if (body instanceof TStmt.Block b && b.scope()) {
            emit(body);
            return;
        }
        g.openScope();
        emit(body);
        g.closeScope();
    }

    private void ifStmt(TStmt.If i) {
        Label otherwise = new Label();
        ex.conds.jumpIfFalse(i.condition(), otherwise);
        scoped(i.then());
        if (i.otherwise() == null) {
            g.label(otherwise);
            return;
        }
        Label end = new Label();
        if (Scan.completes(i.then())) mv.visitJumpInsn(GOTO, end);
        g.label(otherwise);
        scoped(i.otherwise());
        g.label(end);
    }

    private void ifPresent(TStmt.IfPresent i) {
        Rep e = Rep.ref(ENUM);
        ex.emitAs(i.maybe(), e);
        int tmp = g.newTemp(e);
        g.store(tmp, e);
        Label otherwise = new Label();
        Label end = new Label();
        g.load(tmp, e);
        mv.visitMethodInsn(INVOKEVIRTUAL, ENUM, "isPresent", "()Z", false);
        mv.visitJumpInsn(IFEQ, otherwise);
        g.openScope(); // the bound name is visible in `then` only
        if (i.bound() != null) storePayload(tmp, i.bound());
        g.visible(i.bound());
        scoped(i.then());
        g.closeScope();
        if (Scan.completes(i.then())) mv.visitJumpInsn(GOTO, end);
        g.label(otherwise);
        if (i.otherwise() != null) scoped(i.otherwise());
        g.label(end);
    }

    /** {@code var = payload of the NgnEnum in slot tmp}, shared and converted to the variable's type. */
    void storePayload(int tmp, LocalVar var) {
        g.load(tmp, Rep.ref(ENUM));
        mv.visitMethodInsn(INVOKEVIRTUAL, ENUM, "payload", "()Ljava/lang/Object;", false);
        if (Cow.isCow(var.type)) mv.visitMethodInsn(INVOKESTATIC, VALUES, "share", OO, false);
        Coercions.coerce(mv, Rep.OBJECT, Rep.slot(var.type));
        g.store(var);
    }

    private void whileStmt(TStmt.While w) {
        Label start = new Label();
        Label end = new Label();
        if (w.once()) {
            g.label(start);
            loopBody(w.body(), end);
            g.line(w.condition().span());
            ex.conds.jumpIfTrue(w.condition(), start);
        } else {
            // javac's shape, as in forRange
            g.label(start);
            g.line(w.condition().span());
            ex.conds.jumpIfFalse(w.condition(), end);
            loopBody(w.body(), end);
            mv.visitJumpInsn(GOTO, start);
        }
        g.label(end);
    }

    /** Counting loop: bounds evaluated once into long temps; {@code index} counts 0, 1, 2, … */
    private void forRange(TStmt.ForRange f) {
        int counter = g.newTemp(Rep.LONG);
        int limit = g.newTemp(Rep.LONG);
        if (Rep.of(f.from().type()).isLong() && Rep.of(f.to().type()).isLong()) {
            ex.emitAs(f.from(), Rep.LONG);
            g.store(counter, Rep.LONG);
            ex.emitAs(f.to(), Rep.LONG);
            g.store(limit, Rep.LONG);
        } else {
            // non-integer bounds: NgnRange.of reports "Range bounds must be integers"
            ex.emitAs(f.from(), Rep.OBJECT);
            ex.emitAs(f.to(), Rep.OBJECT);
            mv.visitInsn(f.inclusive() ? ICONST_1 : ICONST_0);
            g.line(f.span());
            mv.visitMethodInsn(INVOKESTATIC, RANGE, "of", "(Ljava/lang/Object;Ljava/lang/Object;Z)L" + RANGE + ";",
                    false);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, RANGE, "from", "J");
            g.store(counter, Rep.LONG);
            mv.visitFieldInsn(GETFIELD, RANGE, "to", "J");
            g.store(limit, Rep.LONG);
        }
        int idx = -1;
        if (f.index() != null) {
            idx = g.newTemp(Rep.LONG);
            mv.visitInsn(LCONST_0);
            g.store(idx, Rep.LONG);
        }
        // javac's shape (test at the top, jump back at the bottom): C2 turns it into the same
        // machine loop as the hand-written Java one
        Label test = new Label();
        Label end = new Label();
        g.label(test);
        g.load(counter, Rep.LONG);
        g.load(limit, Rep.LONG);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(f.inclusive() ? IFGT : IFGE, end);
        // item and index are visible in the body only (not in the test, where the first round has none)
        g.openScope();
        g.load(counter, Rep.LONG);
        Coercions.coerce(mv, Rep.LONG, Rep.slot(f.item().type));
        g.store(f.item());
        g.visible(f.item());
        if (idx >= 0) {
            g.load(idx, Rep.LONG);
            Coercions.coerce(mv, Rep.LONG, Rep.slot(f.index().type));
            g.store(f.index());
            g.visible(f.index());
        }
        loopBody(f.body(), end);
        g.closeScope();
        increment(counter);
        if (idx >= 0) increment(idx);
        mv.visitJumpInsn(GOTO, test);
        g.label(end);
    }

    void increment(int longSlot) {
        g.load(longSlot, Rep.LONG);
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LADD);
        g.store(longSlot, Rep.LONG);
    }

    // ------------------------------------------------------------------ match

    private void match(TStmt.Match m) {
        ex.emitValue(m.scrutinee(), Rep.slot(m.temp().type));
        g.store(m.temp());
        List<TStmt.Arm> arms = m.arms();
        int n = arms.size();
        Label end = new Label();
        Label[] test = new Label[n + 1];
        Label[] body = new Label[n];
        Label[] nextEntry = new Label[n + 1];
        for (int i = 0; i < n; i++) {
            test[i] = new Label();
            body[i] = new Label();
            nextEntry[i] = new Label();
        }
        test[n] = end;
        nextEntry[n] = end;
        for (int i = 0; i < n; i++) {
            g.label(test[i]);
            armTest(m.temp(), arms.get(i), body[i], test[i + 1]);
            g.label(body[i]);
            // the bindings are stored by the pattern tests (also by a `next` re-test below): visible in the body
            g.openScope();
            for (TPattern p : arms.get(i).patterns()) {
                if (p instanceof TPattern.Variant v) g.visible(v.binding());
            }
            g.nextTargets.push(nextEntry[i + 1]);
            scoped(arms.get(i).body());
            g.nextTargets.pop();
            g.closeScope();
            if (Scan.completes(arms.get(i).body())) mv.visitJumpInsn(GOTO, end);
        }
        // `next` in arm i-1 tests only arm i; if that fails the match ends
        for (int i = 1; i < n; i++) {
            if (!usedNext.contains(nextEntry[i])) continue;
            g.label(nextEntry[i]);
            armTest(m.temp(), arms.get(i), body[i], end);
        }
        g.label(end);
    }

    /** Jumps to {@code onMatch} if any pattern of {@code arm} matches (binding payloads), else to {@code fail}. */
    private void armTest(LocalVar temp, TStmt.Arm arm, Label onMatch, Label fail) {
        g.line(arm.span());
        for (TPattern p : arm.patterns()) {
            Label nextPattern = new Label();
            pattern(temp, p, onMatch, nextPattern);
            g.label(nextPattern);
        }
        mv.visitJumpInsn(GOTO, fail);
    }

    private void pattern(LocalVar temp, TPattern p, Label onMatch, Label fail) {
        switch (p) {
            case TPattern.Wildcard w -> mv.visitJumpInsn(GOTO, onMatch);
            case TPattern.Equals e -> {
                TExpr scrutinee = new TExpr.Local(temp, e.span());
                ex.conds.compare(BinaryOp.EQ, e.kind(), scrutinee, e.value(), e.span(), onMatch, true);
            }
            case TPattern.InRange r -> {
                TExpr scrutinee = new TExpr.Local(temp, r.span());
                ex.conds.compare(BinaryOp.GE, r.kind(), scrutinee, r.from(), r.span(), fail, false);
                ex.conds.compare(r.inclusive() ? BinaryOp.LE : BinaryOp.LT, r.kind(), scrutinee, r.to(), r.span(),
                        onMatch, true);
            }
            case TPattern.Variant v -> {
                Rep e = Rep.ref(ENUM);
                Rep tr = Rep.slot(temp.type);
                g.load(temp);
                if (!tr.equals(e)) {
                    mv.visitTypeInsn(INSTANCEOF, ENUM);
                    mv.visitJumpInsn(IFEQ, fail);
                    g.load(temp);
                    Coercions.coerce(mv, tr, e);
                }
                int tmp = g.newTemp(e);
                g.store(tmp, e);
                g.load(tmp, e);
                if (v.info() == null) {
                    mv.visitLdcInsn(v.variant());
                    mv.visitMethodInsn(INVOKEVIRTUAL, ENUM, "is", "(Ljava/lang/String;)Z", false);
                } else {
                    mv.visitLdcInsn(v.info().name);
                    mv.visitLdcInsn(v.variant());
                    mv.visitMethodInsn(INVOKEVIRTUAL, ENUM, "is", "(Ljava/lang/String;Ljava/lang/String;)Z", false);
                }
                mv.visitJumpInsn(IFEQ, fail);
                if (v.binding() != null) storePayload(tmp, v.binding());
                mv.visitJumpInsn(GOTO, onMatch);
            }
        }
    }

    // ------------------------------------------------------------------ return / check

    /** {@code return value} (null: bare return), converted to the function's result type. */
    void returnStmt(TExpr value) {
        Type result = g.resultType;
        if (g.frame != null) {
            partReturn(value);
            return;
        }
        if (Rep.of(result).isVoid()) {
            if (value != null) ex.emitDiscard(value);
            if (g.returnRep.isVoid()) {
                mv.visitInsn(RETURN);
            } else {
                Coercions.coerce(mv, Rep.VOID, g.returnRep);
                mv.visitInsn(g.returnRep.returnOp());
            }
            return;
        }
        Rep r = Rep.of(result);
        if (value == null) r.pushDefault(mv);
        else if (value instanceof TExpr.Local) ex.emitAs(value, r); // the local dies here: no new alias
        else ex.emitValue(value, r);
        Coercions.coerce(mv, r, g.returnRep);
        mv.visitInsn(g.returnRep.returnOp());
    }

    /** {@code return} inside a part of a split function: the value goes to the frame, the part returns 1. */
    private void partReturn(TExpr value) {
        Rep r = g.frame.result;
        if (r.isVoid()) {
            if (value != null) ex.emitDiscard(value);
        } else {
            if (value == null) r.pushDefault(mv);
            else if (value instanceof TExpr.Local) ex.emitAs(value, r);
            else ex.emitValue(value, r);
            SplitFrame.putField(mv, g.frameSlot(), g.frame.internalName, SplitFrame.RETURN_FIELD, r);
        }
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IRETURN);
    }

    /**
     * The implicit return at the end of {@code body} (if control can get there): void, or the result
     * type's default (0, 0.0, false, void, null).
     */
    void fallOffEnd(TStmt body) {
        if (!Scan.completes(body)) return;
        g.resetLine();
        returnStmt(null);
    }

    private void check(TStmt.Check c) {
        Rep e = Rep.ref(ENUM);
        ex.emitAs(c.source(), e);
        int tmp = g.newTemp(e);
        g.store(tmp, e);
        Label fail = new Label();
        Label end = new Label();
        g.load(tmp, e);
        mv.visitMethodInsn(INVOKEVIRTUAL, ENUM, "isPresent", "()Z", false);
        mv.visitJumpInsn(IFEQ, fail);
        if (c.rebound() != null) storePayload(tmp, c.rebound());
        mv.visitJumpInsn(GOTO, end);
        g.label(fail);
        g.openScope(); // the error name is visible in orElse only
        if (c.error() != null) storePayload(tmp, c.error());
        g.visible(c.error());
        if (c.orElse() != null) scoped(c.orElse());
        g.closeScope();
        g.label(end);
        g.visible(c.rebound()); // `x` names the payload for the rest of the enclosing scope
    }
}
