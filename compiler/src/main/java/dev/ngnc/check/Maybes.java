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
        LocalVar rebound = new LocalVar(c.name(), payloadOf(t), true);
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

    TExpr optionalField(Expr.Field f) {
        return body.exprs.unsupported(f.span(), "'?.'");
    }

    TExpr optionalMethod(Expr.MethodCall m) {
        return body.exprs.unsupported(m.span(), "'?.'");
    }

    static boolean isBool(Type t) { return t == Prim.BOOL; }
}
