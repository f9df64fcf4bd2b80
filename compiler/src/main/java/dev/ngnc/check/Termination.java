package dev.ngnc.check;

import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TPattern;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.Type;

import java.util.HashSet;
import java.util.Set;

/**
 * Can a checked body reach its end? A function with a return type must not (docs/decisions.md "Falling off the
 * end"): every path ends in {@code return}, {@code panic(…)} or a loop that never ends. Conservative: a loop other
 * than {@code loop}/{@code while (true)} may run zero times, a {@code match} ends its paths only with a {@code _}
 * arm or arms naming every variant of the scrutinee's enum (or both bools), and {@code next} may fall out of it.
 */
final class Termination {
    private Termination() { }

    /** True when no path through {@code s} completes normally or breaks out of it. */
    static boolean terminates(TStmt s) {
        return switch (s) {
            case TStmt.Return r -> true;
            case TStmt.ExprStmt e -> isPanic(e.expr());
            case TStmt.Block b -> b.statements().stream().anyMatch(Termination::terminates);
            case TStmt.If i -> i.otherwise() != null && terminates(i.then()) && terminates(i.otherwise());
            case TStmt.IfPresent i -> i.otherwise() != null && terminates(i.then()) && terminates(i.otherwise());
            case TStmt.Loop l -> !breaks(l.body());
            case TStmt.While w -> !breaks(w.body()) && (isTrue(w.condition()) || w.once() && terminates(w.body()));
            case TStmt.Match m -> matchTerminates(m);
            default -> false;
        };
    }

    private static boolean matchTerminates(TStmt.Match m) {
        if (!covers(m)) return false;
        for (TStmt.Arm arm : m.arms()) {
            if (!terminates(arm.body()) || nexts(arm.body()) || breaks(arm.body())) return false;
        }
        return true;
    }

    /** Does some arm match every value? ({@code _}, every variant of the enum, or both booleans.) */
    private static boolean covers(TStmt.Match m) {
        Set<String> variants = new HashSet<>();
        Set<Object> bools = new HashSet<>();
        Set<EnumInfo> named = new HashSet<>(); // the enums the variant patterns name, for an untyped scrutinee
        for (TStmt.Arm arm : m.arms()) {
            for (TPattern p : arm.patterns()) {
                switch (p) {
                    case TPattern.Wildcard w -> { return true; }
                    case TPattern.Variant v -> {
                        variants.add(v.variant());
                        named.add(v.info());
                    }
                    case TPattern.Equals e when e.value() instanceof TExpr.Const c && c.value() instanceof Boolean b
                            -> bools.add(b);
                    default -> { }
                }
            }
        }
        if (bools.size() == 2) return true;
        // An untyped scrutinee matched against every variant of one enum covers as the typed one does (the erasure
        // property: removing a parameter's enum annotation must not make its function "fall off the end").
        EnumInfo info = m.scrutinee().type() instanceof Type.Enum en ? en.info()
                : m.scrutinee().type() == Type.ANY && named.size() == 1 ? named.iterator().next() : null;
        if (info != null) {
            return !info.variants.isEmpty()
                    && info.variants.stream().allMatch(v -> variants.contains(v.name()));
        }
        return false;
    }

    private static boolean isTrue(TExpr e) {
        return e instanceof TExpr.Const c && Boolean.TRUE.equals(c.value());
    }

    private static boolean isPanic(TExpr e) {
        return e instanceof TExpr.Builtin b && b.method().owner().endsWith("/Rt") && b.method().name().equals("panic");
    }

    /** Is there a {@code break} in {@code s} that leaves the loop whose body {@code s} is? */
    private static boolean breaks(TStmt s) {
        return switch (s) {
            case TStmt.Break b -> true;
            case TStmt.Block b -> b.statements().stream().anyMatch(Termination::breaks);
            case TStmt.If i -> breaks(i.then()) || i.otherwise() != null && breaks(i.otherwise());
            case TStmt.IfPresent i -> breaks(i.then()) || i.otherwise() != null && breaks(i.otherwise());
            case TStmt.Match m -> m.arms().stream().anyMatch(a -> breaks(a.body()));
            case TStmt.Check c -> c.orElse() != null && breaks(c.orElse());
            default -> false; // nested loops own their breaks
        };
    }

    /** Is there a {@code next} in {@code s} that leaves the match arm whose body {@code s} is? */
    private static boolean nexts(TStmt s) {
        return switch (s) {
            case TStmt.Next n -> true;
            case TStmt.Block b -> b.statements().stream().anyMatch(Termination::nexts);
            case TStmt.If i -> nexts(i.then()) || i.otherwise() != null && nexts(i.otherwise());
            case TStmt.IfPresent i -> nexts(i.then()) || i.otherwise() != null && nexts(i.otherwise());
            case TStmt.Loop l -> nexts(l.body());
            case TStmt.While w -> nexts(w.body());
            case TStmt.ForRange f -> nexts(f.body());
            case TStmt.ForEach f -> nexts(f.body());
            case TStmt.Check c -> c.orElse() != null && nexts(c.orElse());
            default -> false; // a nested match owns its nexts
        };
    }
}
