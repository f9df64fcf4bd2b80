package dev.ngnc.check;

import dev.ngnc.ast.Expr;
import dev.ngnc.tast.Place;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.List;

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
        } else if (place instanceof Place.ModelField mf && optionalField(mf) && Types.isMaybe(target)) {
            value = optionalFieldValue(a.value(), target);
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

    private static boolean optionalField(Place.ModelField mf) {
        ModelInfo.FieldInfo fi = mf.model().field(mf.field());
        return fi != null && fi.optional();
    }

    /**
     * The value stored by {@code m.f = v} into an optional field {@code f?: T} (type {@code Maybe<T>}): a Maybe as it
     * is ({@code Value(x)}, {@code null}), a {@code T} wrapped in {@code Value(…)} as a model literal does (before: a
     * type error), an untyped value sorted at run time ({@code NgnEnum.optionalField}; the untyped path's
     * {@code setFieldValue} does the same).
     */
    private TExpr optionalFieldValue(Expr v, Type target) {
        Type payload = Types.presentPayload(target);
        TExpr value = exprs.checkExpecting(v, payload);
        if (value.type() instanceof Type.Any) {
            String desc = "(Ljava/lang/Object;)L" + dev.ngnc.types.RtApi.cls("NgnEnum") + ";";
            return new TExpr.Builtin(RtMethod.stat("NgnEnum", "optionalField", desc), List.of(value), target, v.span());
        }
        if (!Types.isMaybe(value.type()) && !(value.type() instanceof Type.Error) && Types.assignable(payload, value.type())) {
            return new TExpr.EnumLit(EnumInfo.MAYBE, "Value", value, target, v.span());
        }
        return value; // a Maybe as it is; anything else is reported by the caller's assignability check
    }

    /** An int of the other run-time kind: a u8 (from bytes) into an i64 variable, or an i64 into a u8 one. */
    private static boolean otherIntKind(Type target, Type value) {
        return Types.isInt(value) && (target == Prim.BYTE) != (value == Prim.BYTE);
    }
}
