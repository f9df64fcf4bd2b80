package dev.ngnc.check;

import dev.ngnc.ast.Expr;
import dev.ngnc.tast.Place;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

/** {@code x = v}, {@code x op= v}, {@code a.b.c = v}. */
final class Assignments {
    private final ExprChecker exprs;

    Assignments(ExprChecker exprs) { this.exprs = exprs; }

    TExpr assign(Expr.Assign a) {
        if (a.op() != null && !(a.target() instanceof Expr.Name)) {
            // `a.b += 1`: the parser reported the invalid compound target
            exprs.check(a.value());
            return new TExpr.Invalid(a.span());
        }
        Place place = exprs.place(a.target(), "assign to", false, null);
        if (place == null) {
            exprs.check(a.value());
            return new TExpr.Invalid(a.span());
        }
        if (a.op() != null && !(place instanceof Place.Local)) {
            exprs.error(a.span(), "Invalid assignment target",
                    "compound assignment works on variables; write `a.b = a.b + 1`");
            return new TExpr.Invalid(a.span());
        }
        Type target = place.type();
        TExpr value;
        boolean mayBeFloat = false;
        if (a.op() != null) {
            Place.Local local = (Place.Local) place;
            TExpr current = new TExpr.Local(local.var(), a.target().span());
            TExpr rhs = exprs.check(a.value());
            value = exprs.operators.combine(a.op(), current, rhs, a.span());
            // `i += n` with n a number (a widened variable) may make i a float whatever type the operator reports.
            mayBeFloat = rhs.type() == Prim.NUMBER;
        } else {
            value = exprs.checkExpecting(a.value(), target);
        }
        if (place instanceof Place.Local local && Types.isInt(target)
                && (mayBeFloat || Types.isFloat(value.type()) || value.type() == Prim.NUMBER || otherIntKind(target, value.type()))) {
            // Numeric types are mutually assignable (spec 3.1): the variable becomes a dynamic number, which keeps
            // each value's kind (float, int, or the u8 of bytes indexing). A number-typed value (another widened
            // variable) may hold a float too, so it widens the target as well.
            exprs.body.widenToNumber(local.var());
        } else if (!Types.assignable(target, value.type())) {
            String what = place instanceof Place.ModelField mf
                    ? "Cannot assign " + Types.display(value.type()) + " to field '" + mf.field() + "' of type "
                    + Types.display(target)
                    : "Cannot assign " + Types.display(value.type()) + " to a variable of type " + Types.display(target);
            exprs.error(a.value().span(), "Type Error: " + what, ExprChecker.integerDivisionHint(target, value));
        }
        return new TExpr.Assign(place, value, a.span());
    }

    /** An int of the other run-time kind: a u8 (from bytes) into an i64 variable, or an i64 into a u8 one. */
    private static boolean otherIntKind(Type target, Type value) {
        return Types.isInt(value) && (target == Prim.BYTE) != (value == Prim.BYTE);
    }
}
