package dev.ngnc.check;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Severity;
import dev.ngnc.source.Span;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Warnings (docs/warnings.md): run over a module's final typed tree once it checked without errors, so no
 * warning is ever caused by error recovery. Each concern is one method here over {@link StmtWalk}; warnings
 * never stop compilation (the CLI's {@code --deny-warnings} makes them fail it).
 */
final class Lints {
    private final Checker checker;
    /** A role's default body is checked once per model using it: report each source position once. */
    private final Set<String> reported = new HashSet<>();

    Lints(Checker checker) { this.checker = checker; }

    void run(List<TStmt> bodies) {
        for (TStmt body : bodies) StmtWalk.statements(body, this::statement);
    }

    private void statement(TStmt s) {
        switch (s) {
            case TStmt.Block b -> unreachable(b);
            case TStmt.ExprStmt e when Types.isResult(e.expr().type()) -> warn(e.span(),
                    "the Result of this expression is ignored",
                    "handle the error (`match`, `check r?, e? { … }`), or discard it explicitly: `const _ = …`");
            case TStmt.Match m -> missingVariants(m);
            default -> { }
        }
    }

    /** The first statement of a block after one that never completes (return, break, next, panic …). */
    private void unreachable(TStmt.Block b) {
        List<TStmt> stmts = b.statements();
        for (int i = 0; i + 1 < stmts.size(); i++) {
            if (!Reachability.completes(stmts.get(i))) {
                warn(stmts.get(i + 1).span(), "unreachable code",
                        "nothing after " + Reachability.describe(stmts.get(i)) + " in this block runs; remove it");
                return;
            }
        }
    }

    /** A match on an enum value without a `_` arm that leaves some variants out. */
    private void missingVariants(TStmt.Match m) {
        if (!(m.scrutinee().type() instanceof Type.Enum en)) return;
        EnumInfo info = en.info();
        Set<String> named = new HashSet<>();
        for (TStmt.Arm arm : m.arms()) {
            for (var p : arm.patterns()) {
                if (p instanceof dev.ngnc.tast.TPattern.Wildcard) return;
                if (p instanceof dev.ngnc.tast.TPattern.Variant v) named.add(v.variant());
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (EnumInfo.VariantInfo v : info.variants) if (!named.contains(v.name())) missing.add(v.name());
        if (missing.isEmpty()) return;
        warn(m.span(), "match on " + Types.display(en) + " does not handle " + String.join(", ", missing),
                "add an arm for " + (missing.size() == 1 ? "it" : "each") + ", or a `_ => …` arm for the rest");
    }

    private void warn(Span span, String message, String hint) {
        if (span == null || !reported.add(span.start() + ":" + message)) return;
        checker.diagnostics.add(new Diagnostic(Severity.WARNING, checker.file, span, message, hint));
    }
}
