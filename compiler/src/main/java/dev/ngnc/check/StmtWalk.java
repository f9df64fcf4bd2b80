package dev.ngnc.check;

import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TStmt;

import java.util.function.Consumer;

/**
 * Visits every statement of a checked body, closures' bodies included (they sit in expressions), for the
 * warning passes ({@link Lints}). Only the statement-level shape is needed by those passes.
 */
final class StmtWalk {
    private StmtWalk() { }

    static void statements(TStmt s, Consumer<TStmt> visit) {
        if (s == null) return;
        visit.accept(s);
        switch (s) {
            case TStmt.Block b -> b.statements().forEach(x -> statements(x, visit));
            case TStmt.If i -> { exprs(i.condition(), visit); statements(i.then(), visit); statements(i.otherwise(), visit); }
            case TStmt.IfPresent i -> { statements(i.then(), visit); statements(i.otherwise(), visit); }
            case TStmt.While w -> { exprs(w.condition(), visit); statements(w.body(), visit); }
            case TStmt.Loop l -> statements(l.body(), visit);
            case TStmt.ForRange f -> statements(f.body(), visit);
            case TStmt.ForEach f -> { exprs(f.iterable(), visit); statements(f.body(), visit); }
            case TStmt.Match m -> { exprs(m.scrutinee(), visit); m.arms().forEach(a -> statements(a.body(), visit)); }
            case TStmt.Check c -> statements(c.orElse(), visit);
            case TStmt.ExprStmt e -> exprs(e.expr(), visit);
            case TStmt.Let l -> exprs(l.init(), visit);
            case TStmt.InitGlobal g -> exprs(g.init(), visit);
            case TStmt.Return r -> exprs(r.value(), visit);
            default -> { }
        }
    }

    /** Finds the closures inside an expression and walks their bodies. */
    private static void exprs(TExpr e, Consumer<TStmt> visit) {
        if (e == null) return;
        switch (e) {
            case TExpr.Closure c -> statements(c.info().body, visit);
            case TExpr.Concat c -> c.parts().forEach(x -> exprs(x, visit));
            case TExpr.ArrayLit a -> a.elements().forEach(x -> exprs(x, visit));
            case TExpr.TupleLit t -> t.elements().forEach(x -> exprs(x, visit));
            case TExpr.ObjectLit o -> o.values().forEach(x -> exprs(x, visit));
            case TExpr.ModelLit m -> m.values().forEach(x -> exprs(x, visit));
            case TExpr.EnumLit en -> exprs(en.payload(), visit);
            case TExpr.Call c -> c.args().forEach(x -> exprs(x, visit));
            case TExpr.CallValue c -> { exprs(c.callee(), visit); c.args().forEach(x -> exprs(x, visit)); }
            case TExpr.Builtin b -> b.operands().forEach(x -> exprs(x, visit));
            case TExpr.Mutate m -> m.args().forEach(x -> exprs(x, visit));
            case TExpr.StringSlice s -> s.args().forEach(x -> exprs(x, visit));
            case TExpr.Assign a -> exprs(a.value(), visit);
            case TExpr.DynCall d -> { exprs(d.receiver(), visit); d.args().forEach(x -> exprs(x, visit)); }
            case TExpr.RoleCall r -> { exprs(r.receiver(), visit); r.args().forEach(x -> exprs(x, visit)); }
            case TExpr.Seq s -> { s.effects().forEach(x -> exprs(x, visit)); exprs(s.value(), visit); }
            case TExpr.LetIn l -> { exprs(l.init(), visit); exprs(l.body(), visit); }
            case TExpr.Cond c -> { exprs(c.condition(), visit); exprs(c.then(), visit); exprs(c.otherwise(), visit); }
            case TExpr.Arith a -> { exprs(a.left(), visit); exprs(a.right(), visit); }
            case TExpr.Compare c -> { exprs(c.left(), visit); exprs(c.right(), visit); }
            case TExpr.Logical l -> { exprs(l.left(), visit); exprs(l.right(), visit); }
            case TExpr.Coalesce c -> { exprs(c.maybe(), visit); exprs(c.fallback(), visit); }
            case TExpr.Unary u -> exprs(u.operand(), visit);
            case TExpr.Index i -> { exprs(i.receiver(), visit); exprs(i.index(), visit); }
            case TExpr.ModelField f -> exprs(f.receiver(), visit);
            case TExpr.DynField f -> exprs(f.receiver(), visit);
            default -> { }
        }
    }
}
