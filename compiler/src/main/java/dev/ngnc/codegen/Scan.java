package dev.ngnc.codegen;

import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.Place;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TPattern;
import dev.ngnc.tast.TStmt;

import java.util.List;
import java.util.function.Predicate;

/** Read-only queries over checked trees. */
final class Scan {
    private Scan() {}

    /**
     * Could {@code body} mutate, in place, the container held by local {@code v}: a mutating built-in
     * or a field write whose place is rooted at {@code v}? (Plain reassignment of {@code v} does not
     * touch the old container; closures have their own locals.)
     */
    static boolean mutatesInPlace(TStmt body, LocalVar v) {
        return anyExpr(body, e -> switch (e) {
            case TExpr.Mutate m -> root(m.place()) == v;
            case TExpr.StringSlice s -> root(s.place()) == v;
            case TExpr.DynCall d -> d.place() != null && root(d.place()) == v;
            case TExpr.Assign a -> !(a.place() instanceof Place.Local) && root(a.place()) == v;
            default -> false;
        });
    }

    /**
     * Can control reach the end of {@code s}? Conservative (true when unsure); used only to avoid
     * emitting unreachable jumps and returns.
     */
    static boolean completes(TStmt s) {
        if (s == null) return true;
        return switch (s) {
            case TStmt.Return r -> false;
            case TStmt.Break b -> false;
            case TStmt.Next n -> false;
            case TStmt.Block b -> b.statements().stream().allMatch(Scan::completes);
            case TStmt.If i -> i.otherwise() == null || completes(i.then()) || completes(i.otherwise());
            case TStmt.IfPresent i -> i.otherwise() == null || completes(i.then()) || completes(i.otherwise());
            case TStmt.Loop l -> containsBreak(l.body());
            default -> true;
        };
    }

    /** Is there a {@code break} anywhere in {@code s} (also in nested loops: conservative)? */
    private static boolean containsBreak(TStmt s) {
        if (s == null) return false;
        return switch (s) {
            case TStmt.Break b -> true;
            case TStmt.Block b -> b.statements().stream().anyMatch(Scan::containsBreak);
            case TStmt.If i -> containsBreak(i.then()) || containsBreak(i.otherwise());
            case TStmt.IfPresent i -> containsBreak(i.then()) || containsBreak(i.otherwise());
            case TStmt.While w -> containsBreak(w.body());
            case TStmt.Loop l -> containsBreak(l.body());
            case TStmt.ForRange f -> containsBreak(f.body());
            case TStmt.ForEach f -> containsBreak(f.body());
            case TStmt.Match m -> m.arms().stream().anyMatch(a -> containsBreak(a.body()));
            case TStmt.Check c -> containsBreak(c.orElse());
            default -> false;
        };
    }

    static LocalVar root(Place p) {
        return switch (p) {
            case Place.Local l -> l.var();
            case Place.ModelField f -> root(f.parent());
            case Place.DynField d -> root(d.parent());
        };
    }

    /** Does any expression in {@code s} (not looking into closure bodies) satisfy {@code test}? */
    static boolean anyExpr(TStmt s, Predicate<TExpr> test) {
        if (s == null) return false;
        return switch (s) {
            case TStmt.ExprStmt e -> any(e.expr(), test);
            case TStmt.Let l -> any(l.init(), test);
            case TStmt.InitGlobal i -> any(i.init(), test);
            case TStmt.Block b -> b.statements().stream().anyMatch(x -> anyExpr(x, test));
            case TStmt.If i -> any(i.condition(), test) || anyExpr(i.then(), test) || anyExpr(i.otherwise(), test);
            case TStmt.IfPresent i -> any(i.maybe(), test) || anyExpr(i.then(), test) || anyExpr(i.otherwise(), test);
            case TStmt.While w -> any(w.condition(), test) || anyExpr(w.body(), test);
            case TStmt.Loop l -> anyExpr(l.body(), test);
            case TStmt.ForRange f -> any(f.from(), test) || any(f.to(), test) || anyExpr(f.body(), test);
            case TStmt.ForEach f -> any(f.iterable(), test) || anyExpr(f.body(), test);
            case TStmt.Match m -> any(m.scrutinee(), test) || m.arms().stream().anyMatch(a ->
                    anyExpr(a.body(), test) || a.patterns().stream().anyMatch(p -> anyPattern(p, test)));
            case TStmt.Break b -> false;
            case TStmt.Next n -> false;
            case TStmt.Return r -> any(r.value(), test);
            case TStmt.Check c -> any(c.source(), test) || anyExpr(c.orElse(), test);
        };
    }

    private static boolean anyPattern(TPattern p, Predicate<TExpr> test) {
        return switch (p) {
            case TPattern.Equals e -> any(e.value(), test);
            case TPattern.InRange r -> any(r.from(), test) || any(r.to(), test);
            default -> false;
        };
    }

    private static boolean all(List<TExpr> es, Predicate<TExpr> test) {
        for (TExpr e : es) if (any(e, test)) return true;
        return false;
    }

    /** The direct operands of {@code e}, the ones {@link #any} descends into (a closure's: its capture sources). */
    static List<TExpr> children(TExpr e) {
        List<TExpr> out = new java.util.ArrayList<>();
        switch (e) {
            case TExpr.Concat c -> { out.addAll(c.parts()); }
            case TExpr.ArrayLit a -> { out.addAll(a.elements()); }
            case TExpr.TupleLit t -> { out.addAll(t.elements()); }
            case TExpr.ObjectLit o -> { out.addAll(o.values()); }
            case TExpr.ModuleObject o -> { out.addAll(o.members()); }
            case TExpr.ModelLit m -> { out.addAll(m.values()); }
            case TExpr.EnumLit en -> { add(out, en.payload()); }
            case TExpr.RangeLit r -> { add(out, r.from()); add(out, r.to()); }
            case TExpr.Closure c -> { c.info().captures.forEach(cap -> add(out, cap.source())); }
            case TExpr.Unary u -> { add(out, u.operand()); }
            case TExpr.Arith a -> { add(out, a.left()); add(out, a.right()); }
            case TExpr.Compare c -> { add(out, c.left()); add(out, c.right()); }
            case TExpr.Logical l -> { add(out, l.left()); add(out, l.right()); }
            case TExpr.Coalesce c -> { add(out, c.maybe()); add(out, c.fallback()); }
            case TExpr.IsPresent p -> { add(out, p.operand()); }
            case TExpr.Payload p -> { add(out, p.operand()); }
            case TExpr.Call c -> { out.addAll(c.args()); }
            case TExpr.CallValue c -> { add(out, c.callee()); out.addAll(c.args()); }
            case TExpr.Builtin b -> { out.addAll(b.operands()); }
            case TExpr.DynCall d -> { add(out, d.receiver()); out.addAll(d.args()); }
            case TExpr.Mutate m -> { out.addAll(m.args()); }
            case TExpr.StringSlice s -> { out.addAll(s.args()); }
            case TExpr.Assign a -> { add(out, a.value()); }
            case TExpr.ModelField f -> { add(out, f.receiver()); }
            case TExpr.DynField f -> { add(out, f.receiver()); }
            case TExpr.OptionalField f -> { add(out, f.receiver()); }
            case TExpr.Index i -> { add(out, i.receiver()); add(out, i.index()); }
            case TExpr.Seq sq -> { out.addAll(sq.effects()); add(out, sq.value()); }
            case TExpr.LetIn l -> { add(out, l.init()); add(out, l.body()); }
            case TExpr.Cond c -> { add(out, c.condition()); add(out, c.then()); add(out, c.otherwise()); }
            case TExpr.RoleCall rc -> { add(out, rc.receiver()); out.addAll(rc.args()); }
            default -> { }
        }
        return out;
    }

    private static void add(List<TExpr> out, TExpr e) {
        if (e != null) out.add(e);
    }

    static boolean any(TExpr e, Predicate<TExpr> test) {
        if (e == null) return false;
        if (test.test(e)) return true;
        return switch (e) {
            case TExpr.Concat c -> all(c.parts(), test);
            case TExpr.ArrayLit a -> all(a.elements(), test);
            case TExpr.TupleLit t -> all(t.elements(), test);
            case TExpr.ObjectLit o -> all(o.values(), test);
            case TExpr.ModuleObject o -> all(o.members(), test);
            case TExpr.ModelLit m -> all(m.values(), test);
            case TExpr.EnumLit en -> any(en.payload(), test);
            case TExpr.RangeLit r -> any(r.from(), test) || any(r.to(), test);
            case TExpr.Closure c -> c.info().captures.stream().anyMatch(cap -> any(cap.source(), test));
            case TExpr.Unary u -> any(u.operand(), test);
            case TExpr.Arith a -> any(a.left(), test) || any(a.right(), test);
            case TExpr.Compare c -> any(c.left(), test) || any(c.right(), test);
            case TExpr.Logical l -> any(l.left(), test) || any(l.right(), test);
            case TExpr.Coalesce c -> any(c.maybe(), test) || any(c.fallback(), test);
            case TExpr.IsPresent p -> any(p.operand(), test);
            case TExpr.Payload p -> any(p.operand(), test);
            case TExpr.Call c -> all(c.args(), test);
            case TExpr.CallValue c -> any(c.callee(), test) || all(c.args(), test);
            case TExpr.Builtin b -> all(b.operands(), test);
            case TExpr.DynCall d -> any(d.receiver(), test) || all(d.args(), test);
            case TExpr.Mutate m -> all(m.args(), test);
            case TExpr.StringSlice s -> all(s.args(), test);
            case TExpr.Assign a -> any(a.value(), test);
            case TExpr.ModelField f -> any(f.receiver(), test);
            case TExpr.DynField f -> any(f.receiver(), test);
            case TExpr.OptionalField f -> any(f.receiver(), test);
            case TExpr.Index i -> any(i.receiver(), test) || any(i.index(), test);
            case TExpr.Seq sq -> all(sq.effects(), test) || any(sq.value(), test);
            case TExpr.LetIn l -> any(l.init(), test) || any(l.body(), test);
            case TExpr.Cond c -> any(c.condition(), test) || any(c.then(), test) || any(c.otherwise(), test);
            case TExpr.RoleCall rc -> any(rc.receiver(), test) || all(rc.args(), test);
            default -> false;
        };
    }
}
