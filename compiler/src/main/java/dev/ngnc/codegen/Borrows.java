package dev.ngnc.codegen;

import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TStmt;

import java.util.List;
import java.util.Map;

/**
 * Passing a copy-on-write value to a known function without {@code share()}. Sharing exists so that a
 * mutation through one alias copies instead of showing through the other; it can be skipped for an argument when
 * nobody can mutate the value in place while the callee's alias lives:
 * <ul>
 *   <li>the callee's parameter is <em>borrowed</em>: its body never mutates in place a place rooted at it
 *       ({@link Scan#mutatesInPlace}), never returns it as is (a returned local is not shared: it dies), and uses
 *       it directly only where the emitter reads it or shares it itself ({@code readsOrShares}: field and index
 *       reads, comparisons, interpolation, call arguments, captures). Sharing done by the callee flags the very
 *       object the caller holds, so the caller's later mutations copy as before. A role call on it is excluded:
 *       the implementation is not known here and may change {@code this}, in place when it is unshared;</li>
 *   <li>the argument is a local variable of the caller (a global could be mutated by the callee, by way of
 *       another name), and no other argument of the same call writes to a place rooted at that local (it would
 *       be evaluated after the reference is on the stack).</li>
 * </ul>
 * A caller's local is only reachable from the caller's frame (closures capture shared snapshots), and the caller
 * does not run during the call, so the callee's alias is the only one in use until it returns.
 */
final class Borrows {
    private Borrows() {}

    /** May argument {@code i} of {@code call} be passed without sharing? */
    static boolean lends(Map<FnSymbol, boolean[]> cache, TExpr.Call call, int i) {
        TExpr a = call.args().get(i);
        if (!(a instanceof TExpr.Local l) || !Cow.isCow(a.type())) return false;
        if (!borrowed(cache, call.fn())[i]) return false;
        List<TExpr> args = call.args();
        for (int k = 0; k < args.size(); k++) {
            if (k != i && Scan.any(args.get(k), e -> writes(e, l.var()))) return false;
        }
        return true;
    }

    /** Per parameter of {@code fn}: is it borrowed (see the class comment)? All false for a function without a body. */
    static boolean[] borrowed(Map<FnSymbol, boolean[]> cache, FnSymbol fn) {
        boolean[] b = cache.get(fn);
        if (b != null) return b;
        b = new boolean[fn.params.size()];
        if (fn.body != null) {
            for (int i = 0; i < b.length; i++) {
                LocalVar p = fn.params.get(i);
                b[i] = Cow.isCow(p.type) && !Scan.mutatesInPlace(fn.body, p) && !returned(fn.body, p)
                        && !Scan.anyExpr(fn.body, e -> !readsOrShares(e) && childIs(e, p));
            }
        }
        cache.put(fn, b);
        return b;
    }

    /**
     * May {@code e} have the parameter as a direct operand? Only where the emitter reads it or shares it itself:
     * field and index reads, comparisons, interpolation, arguments (a call shares them or lends them on), captures
     * (shared at creation). Elsewhere the value can pass through unshared ({@code c ? p : q}, {@code return p},
     * a role call's receiver whose implementation may change {@code this}), which only the caller's share covered.
     */
    private static boolean readsOrShares(TExpr e) {
        return switch (e) {
            case TExpr.ModelField x -> true;
            case TExpr.DynField x -> true;
            case TExpr.OptionalField x -> true;
            case TExpr.Index x -> true;
            case TExpr.Compare x -> true;
            case TExpr.Concat x -> true;
            case TExpr.Call x -> true;
            case TExpr.CallValue x -> true;
            case TExpr.Builtin x -> true;
            case TExpr.Closure x -> true;
            default -> false;
        };
    }

    /** Is a direct operand of {@code e} the local {@code v}? */
    private static boolean childIs(TExpr e, LocalVar v) {
        for (TExpr c : Scan.children(e)) {
            if (c instanceof TExpr.Local l && l.var() == v) return true;
        }
        return false;
    }

    /** Is {@code v} returned as is ({@code return p}: the emitter does not share a returned local, it dies)? */
    private static boolean returned(TStmt s, LocalVar v) {
        if (s == null) return false;
        return switch (s) {
            case TStmt.Return r -> r.value() instanceof TExpr.Local l && l.var() == v;
            case TStmt.Block b -> b.statements().stream().anyMatch(x -> returned(x, v));
            case TStmt.If i -> returned(i.then(), v) || returned(i.otherwise(), v);
            case TStmt.IfPresent i -> returned(i.then(), v) || returned(i.otherwise(), v);
            case TStmt.While w -> returned(w.body(), v);
            case TStmt.Loop l -> returned(l.body(), v);
            case TStmt.ForRange f -> returned(f.body(), v);
            case TStmt.ForEach f -> returned(f.body(), v);
            case TStmt.Match m -> m.arms().stream().anyMatch(a -> returned(a.body(), v));
            case TStmt.Check c -> returned(c.orElse(), v);
            default -> false;
        };
    }

    /** Does {@code e} itself write to a place rooted at {@code v} (including plain reassignment)? */
    private static boolean writes(TExpr e, LocalVar v) {
        return switch (e) {
            case TExpr.Mutate m -> Scan.root(m.place()) == v;
            case TExpr.StringSlice s -> Scan.root(s.place()) == v;
            case TExpr.DynCall d -> d.place() != null && Scan.root(d.place()) == v;
            case TExpr.Assign a -> Scan.root(a.place()) == v;
            default -> false;
        };
    }
}
