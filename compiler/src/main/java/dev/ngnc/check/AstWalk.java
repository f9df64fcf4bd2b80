package dev.ngnc.check;

import dev.ngnc.ast.Expr;
import dev.ngnc.ast.MatchArm;
import dev.ngnc.ast.MatchPattern;
import dev.ngnc.ast.ObjectField;
import dev.ngnc.ast.Stmt;
import dev.ngnc.ast.StringPart;

import java.util.function.Predicate;

/** Read-only searches over syntax trees (e.g. "does this method body assign to a field of this?"). */
final class AstWalk {
    private AstWalk() {}

    /** True when some expression inside {@code s} (closures included) satisfies {@code p}. */
    static boolean anyExpr(Stmt s, Predicate<Expr> p) {
        if (s == null) return false;
        return switch (s) {
            case Stmt.ExprStmt e -> any(e.expr(), p);
            case Stmt.Block b -> b.statements().stream().anyMatch(x -> anyExpr(x, p));
            case Stmt.VarDecl v -> any(v.init(), p);
            case Stmt.If i -> any(i.condition(), p) || anyExpr(i.then(), p) || anyExpr(i.otherwise(), p);
            case Stmt.While w -> any(w.condition(), p) || anyExpr(w.body(), p);
            case Stmt.Loop l -> anyExpr(l.body(), p);
            case Stmt.For f -> any(f.iterable(), p) || anyExpr(f.body(), p);
            case Stmt.Match m -> any(m.scrutinee(), p) || m.arms().stream().anyMatch(a -> arm(a, p));
            case Stmt.Return r -> any(r.value(), p);
            case Stmt.Check c -> anyExpr(c.orElse(), p);
            case Stmt.LocalFn lf -> anyExpr(lf.fn().body(), p);
            case Stmt.Break b -> false;
            case Stmt.Next n -> false;
        };
    }

    private static boolean arm(MatchArm a, Predicate<Expr> p) {
        for (MatchPattern mp : a.patterns()) {
            if (mp instanceof MatchPattern.Literal l && any(l.value(), p)) return true;
        }
        return anyExpr(a.body(), p);
    }

    static boolean any(Expr e, Predicate<Expr> p) {
        if (e == null) return false;
        if (p.test(e)) return true;
        return switch (e) {
            case Expr.StringLit s -> s.parts().stream()
                    .anyMatch(part -> part instanceof StringPart.Interp in && any(in.expr(), p));
            case Expr.ArrayLit a -> a.elements().stream().anyMatch(x -> any(x, p));
            case Expr.TupleLit t -> t.elements().stream().anyMatch(x -> any(x, p));
            case Expr.ObjectLit o -> o.fields().stream().map(ObjectField::value).anyMatch(x -> any(x, p));
            case Expr.ModelLit m -> m.fields().stream().map(ObjectField::value).anyMatch(x -> any(x, p));
            case Expr.Closure c -> anyExpr(c.body(), p);
            case Expr.Unary u -> any(u.operand(), p);
            case Expr.Binary b -> any(b.left(), p) || any(b.right(), p);
            case Expr.Range r -> any(r.from(), p) || any(r.to(), p);
            case Expr.Assign a -> any(a.target(), p) || any(a.value(), p);
            case Expr.Pipe pp -> any(pp.input(), p) || any(pp.stage(), p);
            case Expr.Call c -> any(c.callee(), p) || c.args().stream().anyMatch(x -> any(x, p));
            case Expr.MethodCall m -> any(m.receiver(), p) || m.args().stream().anyMatch(x -> any(x, p));
            case Expr.Field f -> any(f.receiver(), p);
            case Expr.Index i -> any(i.receiver(), p) || any(i.index(), p);
            case Expr.IsPresent ip -> any(ip.operand(), p);
            case Expr.Receive r -> any(r.channel(), p);
            case Expr.ReceiveCount r -> any(r.count(), p) || any(r.channel(), p);
            case Expr.TryReceive r -> any(r.channel(), p);
            case Expr.Send s -> any(s.channel(), p) || any(s.value(), p);
            default -> false;
        };
    }

    /** Is {@code e} {@code this} or a field path starting at {@code this} ({@code this.a.b})? */
    static boolean rootedAtThis(Expr e) {
        while (e instanceof Expr.Field f) e = f.receiver();
        return e instanceof Expr.This;
    }

    /**
     * Does a method body change its receiver: assign to {@code this.…}, call a mutating built-in on a
     * path from {@code this}, or call another method on {@code this} (which may mutate)?
     */
    static boolean mutatesThis(Stmt body) {
        return anyExpr(body, e -> (e instanceof Expr.Assign a && a.target() instanceof Expr.Field && rootedAtThis(a.target()))
                || (e instanceof Expr.MethodCall m && BuiltinMethods.isMutatingName(m.name())
                        && m.receiver() instanceof Expr.Field && rootedAtThis(m.receiver())));
    }

    /** Does a {@code return value} of this body itself (not of a closure or nested function in it) exist? */
    static boolean returnsValue(Stmt s) {
        if (s == null) return false;
        return switch (s) {
            case Stmt.Return r -> r.value() != null;
            case Stmt.Block b -> b.statements().stream().anyMatch(AstWalk::returnsValue);
            case Stmt.If i -> returnsValue(i.then()) || returnsValue(i.otherwise());
            case Stmt.While w -> returnsValue(w.body());
            case Stmt.Loop l -> returnsValue(l.body());
            case Stmt.For f -> returnsValue(f.body());
            case Stmt.Match m -> m.arms().stream().anyMatch(a -> returnsValue(a.body()));
            case Stmt.Check c -> returnsValue(c.orElse());
            default -> false;
        };
    }

    static boolean mentionsThis(Stmt body) {
        return anyExpr(body, e -> e instanceof Expr.This);
    }
}
