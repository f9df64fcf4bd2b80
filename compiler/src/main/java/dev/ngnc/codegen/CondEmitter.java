package dev.ngnc.codegen;

import dev.ngnc.ast.BinaryOp;
import dev.ngnc.ast.UnaryOp;
import dev.ngnc.tast.OpKind;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import static dev.ngnc.codegen.RtNames.*;

/**
 * Boolean expressions compiled as jumps: comparisons of longs use {@code LCMP} and a conditional
 * branch, doubles {@code DCMPG}/{@code DCMPL} chosen so that NaN makes every ordered comparison false,
 * and {@code && || !} short-circuit without materialising intermediate booleans.
 */
final class CondEmitter implements Opcodes {
    private final ExprEmitter ex;
    private final MethodVisitor mv;

    CondEmitter(ExprEmitter ex) {
        this.ex = ex;
        this.mv = ex.mv;
    }

    /** Pushes the boolean value of {@code e} (0/1). */
    void materialize(TExpr e) {
        Label f = new Label();
        Label end = new Label();
        jump(e, f, false);
        mv.visitInsn(ICONST_1);
        mv.visitJumpInsn(GOTO, end);
        ex.g.label(f);
        mv.visitInsn(ICONST_0);
        ex.g.label(end);
    }

    void jumpIfFalse(TExpr e, Label target) {
        jump(e, target, false);
    }

    void jumpIfTrue(TExpr e, Label target) {
        jump(e, target, true);
    }

    /** Jumps to {@code target} when {@code e} evaluates to {@code when}; falls through otherwise. */
    void jump(TExpr e, Label target, boolean when) {
        switch (e) {
            case TExpr.Logical l -> {
                if (l.isAnd() != when) {
                    // (a && b) jumping when false, or (a || b) jumping when true: either operand decides
                    jump(l.left(), target, when);
                    jump(l.right(), target, when);
                } else {
                    Label skip = new Label();
                    jump(l.left(), skip, !when);
                    jump(l.right(), target, when);
                    ex.g.label(skip);
                }
            }
            case TExpr.Unary u when u.op() == UnaryOp.NOT -> {
                Type t = u.operand().type();
                if (t instanceof Type.Enum) {
                    ex.emitAs(u.operand(), Rep.ref(ENUM));
                    mv.visitMethodInsn(INVOKEVIRTUAL, ENUM, "isPresent", "()Z", false);
                    mv.visitJumpInsn(when ? IFEQ : IFNE, target); // !x is "x is absent"
                } else if (Types.isDynamic(t)) {
                    ex.emitAs(u.operand(), Rep.OBJECT);
                    ex.g.line(u.span());
                    mv.visitMethodInsn(INVOKESTATIC, DYN, "not", "(Ljava/lang/Object;)Z", false);
                    mv.visitJumpInsn(when ? IFNE : IFEQ, target);
                } else {
                    jump(u.operand(), target, !when);
                }
            }
            case TExpr.Const c when c.value() instanceof Boolean b -> {
                if (b == when) mv.visitJumpInsn(GOTO, target);
            }
            case TExpr.Compare c -> compare(c.op(), c.kind(), c.left(), c.right(), c.span(), target, when);
            case TExpr.IsPresent p -> {
                ex.emitAs(p.operand(), Rep.ref(ENUM));
                mv.visitMethodInsn(INVOKEVIRTUAL, ENUM, "isPresent", "()Z", false);
                mv.visitJumpInsn(when ? IFNE : IFEQ, target);
            }
            default -> {
                ex.emitAs(e, Rep.BOOLEAN);
                mv.visitJumpInsn(when ? IFNE : IFEQ, target);
            }
        }
    }

    /** Jumps to {@code target} when {@code left op right} is {@code when}. */
    void compare(BinaryOp op, OpKind kind, TExpr left, TExpr right, dev.ngnc.source.Span span, Label target,
                 boolean when) {
        boolean ordered = op == BinaryOp.LT || op == BinaryOp.GT || op == BinaryOp.LE || op == BinaryOp.GE;
        if ((kind == OpKind.BOOL || kind == OpKind.STRING) && ordered) kind = OpKind.DYNAMIC;
        BinaryOp effective = when ? op : negate(op);
        switch (kind) {
            case LONG -> {
                ex.emitAs(left, Rep.LONG);
                ex.emitAs(right, Rep.LONG);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(ifOp(effective), target);
            }
            case DOUBLE -> {
                ex.emitAs(left, Rep.DOUBLE);
                ex.emitAs(right, Rep.DOUBLE);
                // NaN: DCMPG pushes 1, DCMPL pushes -1; pick the one that makes `op` false.
                mv.visitInsn(op == BinaryOp.LT || op == BinaryOp.LE ? DCMPG : DCMPL);
                mv.visitJumpInsn(ifOp(effective), target);
            }
            case BOOL -> {
                ex.emitAs(left, Rep.BOOLEAN);
                ex.emitAs(right, Rep.BOOLEAN);
                mv.visitJumpInsn(effective == BinaryOp.EQ ? IF_ICMPEQ : IF_ICMPNE, target);
            }
            case STRING -> {
                ex.emitAs(left, Rep.STRING);
                ex.emitAs(right, Rep.STRING);
                mv.visitMethodInsn(INVOKEVIRTUAL, STRING, "equals", "(Ljava/lang/Object;)Z", false);
                mv.visitJumpInsn(effective == BinaryOp.EQ ? IFNE : IFEQ, target);
            }
            case DYNAMIC -> {
                ex.emitAs(left, Rep.OBJECT);
                ex.emitAs(right, Rep.OBJECT);
                ex.g.line(span);
                String name = switch (op) {
                    case EQ, NE -> null;
                    case LT -> "lt";
                    case GT -> "gt";
                    case LE -> "le";
                    case GE -> "ge";
                    default -> throw new IllegalStateException("not a comparison: " + op);
                };
                if (name == null) {
                    mv.visitMethodInsn(INVOKESTATIC, VALUES, "equals", OOZ, false);
                    boolean jumpOnTrue = (op == BinaryOp.EQ) == when;
                    mv.visitJumpInsn(jumpOnTrue ? IFNE : IFEQ, target);
                } else {
                    mv.visitMethodInsn(INVOKESTATIC, DYN, name, OOZ, false);
                    mv.visitJumpInsn(when ? IFNE : IFEQ, target);
                }
            }
        }
    }

    private static BinaryOp negate(BinaryOp op) {
        return switch (op) {
            case EQ -> BinaryOp.NE;
            case NE -> BinaryOp.EQ;
            case LT -> BinaryOp.GE;
            case GE -> BinaryOp.LT;
            case GT -> BinaryOp.LE;
            case LE -> BinaryOp.GT;
            default -> throw new IllegalStateException("not a comparison: " + op);
        };
    }

    /** The IFxx opcode testing an LCMP/DCMPx result for {@code op}. */
    private static int ifOp(BinaryOp op) {
        return switch (op) {
            case EQ -> IFEQ;
            case NE -> IFNE;
            case LT -> IFLT;
            case GE -> IFGE;
            case GT -> IFGT;
            case LE -> IFLE;
            default -> throw new IllegalStateException("not a comparison: " + op);
        };
    }
}
