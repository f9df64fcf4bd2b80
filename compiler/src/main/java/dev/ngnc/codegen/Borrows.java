package dev.ngnc.codegen;

import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.TExpr;

import java.util.List;
import java.util.Map;

/**
 * Passing a copy-on-write value to a known function without {@code share()}. Sharing exists so that a
 * mutation through one alias copies instead of showing through the other; it can be skipped for an argument when
 * nobody can mutate the value in place while the callee's alias lives:
 * <ul>
 *   <li>the callee's parameter is <em>borrowed</em>: its body never mutates in place a place rooted at it
 *       ({@link Scan#mutatesInPlace}) and never calls a role method on it (the implementation is not known here
 *       and may change {@code this}, which mutates in place when the receiver is unshared). Everything else the
 *       callee does with it — store, return, capture, pass on — goes through the emitter's ordinary sharing, which
 *       flags the very object the caller holds, so later mutations copy as before;</li>
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
                b[i] = Cow.isCow(p.type) && !Scan.mutatesInPlace(fn.body, p)
                        && !Scan.anyExpr(fn.body, e -> e instanceof TExpr.RoleCall rc
                                && rc.receiver() instanceof TExpr.Local r && r.var() == p);
            }
        }
        cache.put(fn, b);
        return b;
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
