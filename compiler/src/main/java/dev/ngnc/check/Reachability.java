package dev.ngnc.check;

import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TStmt;

/**
 * Can control go on after a statement? For the unreachable-code warning: false only when sure (a jump —
 * {@code return}, {@code break}, {@code next}, {@code panic(…)} — on every path, or a body that never ends as
 * {@link Termination} decides).
 */
final class Reachability {
    private Reachability() { }

    static boolean completes(TStmt s) {
        return switch (s) {
            case TStmt.Return r -> false;
            case TStmt.Break b -> false;
            case TStmt.Next n -> false;
            case TStmt.ExprStmt e -> !isPanic(e.expr());
            case TStmt.Block b -> b.statements().stream().allMatch(Reachability::completes);
            case TStmt.If i -> i.otherwise() == null || completes(i.then()) || completes(i.otherwise());
            case TStmt.IfPresent i -> i.otherwise() == null || completes(i.then()) || completes(i.otherwise());
            default -> !Termination.terminates(s);
        };
    }

    static String describe(TStmt s) {
        return switch (s) {
            case TStmt.Return r -> "`return`";
            case TStmt.Break b -> "`break`";
            case TStmt.Next n -> "`next`";
            case TStmt.ExprStmt e -> "panic(…)";
            default -> "a statement that never completes";
        };
    }

    static boolean isPanic(TExpr e) {
        return e instanceof TExpr.Builtin b && b.method().owner().endsWith("/Rt") && b.method().name().equals("panic");
    }
}
