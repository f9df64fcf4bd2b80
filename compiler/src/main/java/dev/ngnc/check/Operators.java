package dev.ngnc.check;

import dev.ngnc.ast.BinaryOp;
import dev.ngnc.ast.Expr;
import dev.ngnc.ast.UnaryOp;
import dev.ngnc.source.Span;
import dev.ngnc.tast.OpKind;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

/** Typing of unary and binary operators (spec 3.2, 7.3): picks the JVM operation kind and result type. */
final class Operators {
    private final ExprChecker exprs;

    Operators(ExprChecker exprs) { this.exprs = exprs; }

    TExpr unary(Expr.Unary u) {
        TExpr operand = exprs.check(u.operand());
        Type t = operand.type();
        if (u.op() == UnaryOp.NEG) {
            if (Types.isInt(t)) return new TExpr.Unary(UnaryOp.NEG, operand, OpKind.LONG, Prim.I64, u.span());
            if (Types.isFloat(t)) return new TExpr.Unary(UnaryOp.NEG, operand, OpKind.DOUBLE, Prim.F64, u.span());
            if (Types.isDynamic(t)) return new TExpr.Unary(UnaryOp.NEG, operand, OpKind.DYNAMIC, Type.ANY, u.span());
            exprs.error(u.span(), "Type Error: Cannot negate " + Types.display(t));
            return new TExpr.Invalid(u.span());
        }
        if (t == Prim.BOOL) return new TExpr.Unary(UnaryOp.NOT, operand, OpKind.BOOL, Prim.BOOL, u.span());
        if (Types.isMaybe(t) || Types.isResult(t) || Types.isDynamic(t)) {
            return new TExpr.Unary(UnaryOp.NOT, operand, OpKind.DYNAMIC, Prim.BOOL, u.span());
        }
        exprs.error(u.span(), "Type Error: '!' requires bool, got " + Types.display(t));
        return new TExpr.Invalid(u.span());
    }

    TExpr binary(Expr.Binary b, Type expected) {
        BinaryOp op = b.op();
        if (op == BinaryOp.COALESCE) return new Maybes(exprs.body).coalesce(b, expected);
        TExpr left = exprs.check(b.left());
        TExpr right = exprs.check(b.right());
        return combine(op, left, right, b.span());
    }

    /** Types {@code left op right} for already-checked operands (also used by compound assignment). */
    TExpr combine(BinaryOp op, TExpr left, TExpr right, Span span) {
        Type l = left.type();
        Type r = right.type();
        if (l instanceof Type.Error || r instanceof Type.Error) return new TExpr.Invalid(span);
        switch (op) {
            case AND, OR -> {
                if ((l == Prim.BOOL || Types.isDynamic(l)) && (r == Prim.BOOL || Types.isDynamic(r))) {
                    return new TExpr.Logical(op == BinaryOp.AND, left, right, span);
                }
                exprs.error(span, "Type Error: Logical operators require bool operands, got " + Types.display(l)
                        + " and " + Types.display(r));
                return new TExpr.Invalid(span);
            }
            case EQ, NE -> {
                return new TExpr.Compare(op, left, right, equalityKind(l, r), span);
            }
            case LT, GT, LE, GE -> {
                OpKind k = numericKind(l, r);
                if (k == null) {
                    exprs.error(span, "Type Error: Comparison requires numeric types, got " + Types.display(l)
                            + " and " + Types.display(r));
                    return new TExpr.Invalid(span);
                }
                return new TExpr.Compare(op, left, right, k, span);
            }
            default -> {
                return arithmetic(op, left, right, span);
            }
        }
    }

    private TExpr arithmetic(BinaryOp op, TExpr left, TExpr right, Span span) {
        Type l = left.type();
        Type r = right.type();
        if (op == BinaryOp.ADD && l == Prim.STRING && r == Prim.STRING) {
            return new TExpr.Arith(op, left, right, OpKind.STRING, Prim.STRING, span);
        }
        if (op == BinaryOp.ADD && (isUntyped(l) && r == Prim.STRING || l == Prim.STRING && isUntyped(r))) {
            // an untyped string joins a string; any other kind fails at run time naming both kinds
            return new TExpr.Arith(op, left, right, OpKind.DYNAMIC, Type.ANY, span);
        }
        OpKind k = numericKind(l, r);
        if (k == null) {
            exprs.error(span, "Type Error: Cannot perform binary operation on " + Types.display(l) + " and " + Types.display(r),
                    l == Prim.STRING || r == Prim.STRING ? "use interpolation to build strings: \"${value}\"" : null);
            return new TExpr.Invalid(span);
        }
        if (k == OpKind.DYNAMIC) return new TExpr.Arith(op, left, right, k, Type.ANY, span);
        if (l == Prim.BYTE && r == Prim.BYTE && op != BinaryOp.POW) {
            // u8 op u8 stays a u8 (spec 3.2); u8 op int is plain int arithmetic below
            return new TExpr.Arith(op, left, right, OpKind.U8, Prim.BYTE, span);
        }
        return switch (op) {
            case DIV -> new TExpr.Arith(op, left, right, k, Prim.F64, span);
            case POW -> new TExpr.Arith(op, left, right, OpKind.DOUBLE, Prim.F64, span);
            default -> new TExpr.Arith(op, left, right, k, k == OpKind.LONG ? Prim.I64 : Prim.F64, span);
        };
    }

    private static boolean isUntyped(Type t) { return Types.isDynamic(t) && t != Prim.NUMBER; }

    /** LONG for int/int, DOUBLE for numeric mixes, DYNAMIC when either side is dynamic, null otherwise. */
    static OpKind numericKind(Type l, Type r) {
        boolean ld = Types.isDynamic(l) && l != Prim.NUMBER;
        boolean rd = Types.isDynamic(r) && r != Prim.NUMBER;
        if (l == Prim.NUMBER || r == Prim.NUMBER) {
            if ((Types.isNumeric(l) || ld) && (Types.isNumeric(r) || rd)) return OpKind.DYNAMIC;
            return null;
        }
        if (Types.isInt(l) && Types.isInt(r)) return OpKind.LONG;
        if (Types.isNumeric(l) && Types.isNumeric(r)) return OpKind.DOUBLE;
        if ((ld || Types.isNumeric(l)) && (rd || Types.isNumeric(r))) return OpKind.DYNAMIC;
        if (ld && rd) return OpKind.DYNAMIC;
        return null;
    }

    static OpKind equalityKind(Type l, Type r) {
        if (Types.isInt(l) && Types.isInt(r)) return OpKind.LONG;
        if (Types.isFloat(l) && Types.isFloat(r)) return OpKind.DOUBLE;
        // int == float compares exact values (as the dynamic path does), not the int rounded to a double
        if (l == Prim.BOOL && r == Prim.BOOL) return OpKind.BOOL;
        if (l == Prim.STRING && r == Prim.STRING) return OpKind.STRING;
        return OpKind.DYNAMIC;
    }
}
