package dev.ngnc.check;

import dev.ngnc.ast.Expr;
import dev.ngnc.ast.Stmt;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

/** Maybe/Result forms (spec 7.3): {@code if (x?)}, {@code check x?}, {@code ??}, {@code ?.}. */
final class Maybes {
    private final BodyChecker body;

    Maybes(BodyChecker body) { this.body = body; }

    private static Type payloadOf(Type t) {
        Type p = Types.presentPayload(t);
        return p == null || p instanceof Type.Param ? Type.ANY : p;
    }

    TStmt ifPresent(Stmt.If i, Expr.Name name) {
        TExpr maybe = body.exprs.name(name);
        Type t = maybe.type();
        if (!Types.isMaybe(t) && !Types.isResult(t) && !Types.isDynamic(t)) {
            body.error(i.condition().span(), "Type Error: if-binding requires Maybe<T> or Result<T, E>, got "
                    + Types.display(t));
        }
        body.ctx.push();
        TStmt then;
        LocalVar bound;
        try {
            bound = body.declareLocal(name.name(), payloadOf(t), false, i.condition().span(), name.span());
            then = body.scoped(i.then());
        } finally {
            body.ctx.pop();
        }
        TStmt otherwise = i.otherwise() == null ? null : body.scoped(i.otherwise());
        return new TStmt.IfPresent(maybe, bound, then, otherwise, i.span());
    }

    TStmt check(Stmt.Check c) {
        TExpr source = body.exprs.name(new Expr.Name(c.name(), c.span()));
        Type t = source.type();
        if (!Types.isMaybe(t) && !Types.isResult(t) && !Types.isDynamic(t)) {
            body.error(c.span(), "Type Error: check requires Maybe<T> or Result<T, E>, got " + Types.display(t));
        }
        LocalVar error = null;
        TStmt orElse;
        body.ctx.push();
        try {
            if (c.errorName() != null) {
                if (Types.isMaybe(t)) {
                    body.error(c.span(), "Type Error: check with an error binding requires Result<T, E>, got "
                            + Types.display(t));
                }
                Type errType = t instanceof Type.Enum e && Types.isResult(t) && e.args().size() == 2
                        ? e.args().get(1) : Type.ANY;
                if (errType instanceof Type.Param) errType = Type.ANY;
                error = body.declareLocal(c.errorName(), errType, false, c.orElse().span(), c.span());
            }
            orElse = body.statements(c.orElse(), false);
        } finally {
            body.ctx.pop();
        }
        // After the check, `x` names the payload for the rest of the scope.
        // The payload keeps the binding's mutability: `check` on a const gives a const payload.
        boolean mutable = !(source instanceof TExpr.Local l) || l.var().mutable;
        LocalVar rebound = new LocalVar(c.name(), payloadOf(t), mutable);
        if (source instanceof TExpr.Local l) body.checker.reboundSources.put(rebound, l.var());
        body.ctx.declare(c.name(), rebound);
        return new TStmt.Check(source, rebound, error, orElse, c.span());
    }

    TExpr coalesce(Expr.Binary b, Type expected) {
        TExpr left = body.exprs.check(b.left());
        Type lt = left.type();
        if (!Types.isMaybe(lt) && !(lt instanceof Type.Error)) {
            body.error(b.left().span(), "Type Error: Left side of ?? must be Maybe<T>, got " + Types.display(lt));
            return new TExpr.Invalid(b.span());
        }
        Type payload = payloadOf(lt);
        TExpr right = body.exprs.checkExpecting(b.right(), payload instanceof Type.Any ? expected : payload);
        Type result = Unify.joinOrNull(payload, right.type());
        if (result == null) {
            body.error(b.right().span(), "Type Error: Right side of ?? must be " + Types.display(payload) + ", got "
                    + Types.display(right.type()));
            result = Type.ERROR;
        }
        return new TExpr.Coalesce(left, right, result, b.span());
    }

    /** {@code a?.f}: Null (or Error) stays Null, otherwise {@code Value(a.f)}; a Maybe field is not wrapped twice. */
    TExpr optionalField(Expr.Field f) {
        TExpr receiver = body.exprs.check(f.receiver());
        return chain(receiver, f.span(), payload -> optionalStep(payload, f.name(), f.span()));
    }

    /**
     * The field read of {@code ?.}: on a dynamic value (which may itself hold a Maybe) or an object without that field
     * at compile time, a run-time lookup where a missing field gives {@code Null} (spec 7.3); otherwise the plain read.
     */
    private TExpr optionalStep(TExpr payload, String name, dev.ngnc.source.Span span) {
        Type t = payload.type();
        if (Types.isDynamic(t) || t instanceof Type.Object o && !o.fields().containsKey(name)) {
            return new TExpr.OptionalField(payload, name, Types.maybe(Type.ANY), span);
        }
        return body.exprs.fieldOf(payload, name, span);
    }

    /** {@code a?.m(args)}: Null (args not evaluated) or {@code Value(a.m(args))}. */
    TExpr optionalMethod(Expr.MethodCall m) {
        TExpr receiver = body.exprs.check(m.receiver());
        Expr.MethodCall plain = new Expr.MethodCall(m.receiver(), m.name(), m.args(), false, m.span());
        return chain(receiver, m.span(), payload -> body.exprs.calls.methodOn(payload, plain, null));
    }

    private TExpr chain(TExpr receiver, dev.ngnc.source.Span span, java.util.function.Function<TExpr, TExpr> step) {
        Type t = receiver.type();
        if (t instanceof Type.Error) return new TExpr.Invalid(span);
        boolean wrapped = Types.isMaybe(t) || Types.isResult(t);
        if (!wrapped) {
            TExpr value = step.apply(receiver);
            if (value instanceof TExpr.Invalid) return value;
            return wrapValue(value, span);
        }
        LocalVar temp = new LocalVar("$chain", t, false);
        TExpr tempRef = new TExpr.Local(temp, span);
        TExpr value = step.apply(new TExpr.Payload(tempRef, payloadOf(t), span));
        if (value instanceof TExpr.Invalid) return value;
        TExpr present = wrapValue(value, span);
        TExpr absent = new TExpr.NullConst(present.type(), span);
        return new TExpr.LetIn(temp, receiver, new TExpr.Cond(new TExpr.IsPresent(tempRef, span), present, absent,
                present.type(), span), span);
    }

    private static TExpr wrapValue(TExpr value, dev.ngnc.source.Span span) {
        if (Types.isMaybe(value.type())) return value;
        if (value.type() == Prim.VOID) return value;
        return new TExpr.EnumLit(dev.ngnc.types.EnumInfo.MAYBE, "Value", value, Types.maybe(value.type()), span);
    }

    static boolean isBool(Type t) { return t == Prim.BOOL; }
}
