package dev.ngnc.check;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Param;
import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Severity;
import dev.ngnc.source.Span;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TProgram;
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

    /** Locals copied into a new `var` (`var b = a`): value-semantics code keeps both `var` (see neverChanged). */
    private final Set<dev.ngnc.tast.LocalVar> copiedIntoVar =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** `var` lets seen in the walk, judged once the whole module is walked (a copy may come later). */
    private final java.util.List<TStmt.Let> vars = new java.util.ArrayList<>();

    /**
     * The unused/never-changed lints read the checker's lookups, which miss what the parser dropped
     * ({@code a[0] = 5} is a parse error): they run only when nothing at all (parse errors included) failed.
     */
    private final boolean noErrorsAtAll;

    Lints(Checker checker) {
        this.checker = checker;
        this.noErrorsAtAll = checker.diagnostics.errorCount() == 0;
    }

    void run(List<TStmt> bodies) {
        for (TStmt body : bodies) StmtWalk.statements(body, this::statement);
        for (TStmt.Let l : vars) neverChanged(l);
        if (!noErrorsAtAll) return;
        unusedParameters();
        for (var alias : checker.types.aliasDecls.values()) if (alias != null) checker.imports.useTypeNames(alias);
        for (ImportUses.Unused u : checker.imports.unused()) warn(u.span(), u.message(), u.hint(), Diagnostic.Tag.UNNECESSARY);
    }

    /**
     * Parameters of this module's functions and methods that no lookup resolved to (docs/warnings.md lists the
     * exemptions and why): a parameter whose name is {@code _}; every parameter of a function whose shape is fixed
     * from outside — a role implementation or a role's default body, an exported or default-exported function
     * (importers, possibly outside this build, call it), one named as a value ({@code spawn.all([f])}, {@code
     * thread(f)}: the caller decides the arguments). Closure literals are never reported (their callee fixes the
     * positions: {@code each(|x, i| …)}).
     */
    private void unusedParameters() {
        Set<FnSymbol> roleImpls = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (TProgram.RoleBinding b : checker.roleBindings) roleImpls.add(b.impl());
        for (var e : checker.fnDecls.entrySet()) {
            FnSymbol fn = e.getKey();
            if (fn.body == null || e.getValue().exported() || roleImpls.contains(fn)
                    || checker.functionValues.contains(fn) || fn == checker.exports.defaultFunction) continue;
            List<Param> declared = checker.fnParams.get(fn);
            unusedParameters(declared, fn.params.subList(fn.params.size() - declared.size(), fn.params.size()));
        }
    }

    /** A nested named function is reported like a top-level one unless it is read as a value. */
    private void nestedFunction(TStmt.Let l) {
        Decl.Fn decl = checker.nestedFns.get(l.var());
        if (decl == null || checker.nestedFnValues.contains(l.var()) || !noErrorsAtAll) return;
        if (l.init() instanceof TExpr.Closure c) unusedParameters(decl.params(), c.info().params);
    }

    private void unusedParameters(List<Param> declared, List<LocalVar> params) {
        for (int i = 0; i < declared.size() && i < params.size(); i++) {
            Param p = declared.get(i);
            if (p.name().equals("_") || checker.usedLocals.contains(params.get(i))) continue;
            Span s = p.span();
            warn(new Span(s.start(), s.start() + p.name().length(), s.line(), s.col()),
                    "unused parameter '" + p.name() + "'",
                    "remove it, or rename it to `_` to keep the signature (`_x` is not an ngn name)",
                    Diagnostic.Tag.UNNECESSARY);
        }
    }

    private void statement(TStmt s) {
        switch (s) {
            case TStmt.Block b -> unreachable(b);
            case TStmt.ExprStmt e when Types.isResult(e.expr().type()) -> warn(e.span(),
                    "the Result of this expression is ignored",
                    "handle the error (`match`, `check r?, e? { … }`), or discard it explicitly: `const _ = …`");
            case TStmt.Match m -> missingVariants(m);
            case TStmt.Let l -> {
                if (l.init() instanceof dev.ngnc.tast.TExpr.Local src && checker.declaredVars.containsKey(l.var())) {
                    copiedIntoVar.add(src.var());
                }
                unusedLocal(l);
                nestedFunction(l);
            }
            default -> { }
        }
    }

    /** The first statement of a block after one that never completes (return, break, next, panic …). */
    private void unreachable(TStmt.Block b) {
        List<TStmt> stmts = b.statements();
        for (int i = 0; i + 1 < stmts.size(); i++) {
            if (!Reachability.completes(stmts.get(i))) {
                warn(stmts.get(i + 1).span(), "unreachable code",
                        "nothing after " + Reachability.describe(stmts.get(i)) + " in this block runs; remove it",
                        Diagnostic.Tag.UNNECESSARY);
                return;
            }
        }
    }

    /**
     * A `const`/`var` the source declares that no name lookup ever resolved to (reads, assignments, captures
     * all count, so a variable only ever assigned is not reported: no false positives).
     */
    private void unusedLocal(TStmt.Let l) {
        Span name = checker.declaredLocals.get(l.var());
        if (name == null || !noErrorsAtAll) return;
        if (checker.usedLocals.contains(l.var())) {
            vars.add(l);
            return;
        }
        warn(name, "unused variable '" + l.var().name + "'",
                "remove it, or rename it to `_` (`const _ = …` still evaluates the value)", Diagnostic.Tag.UNNECESSARY);
    }

    /**
     * A plain `var x = …` that is never the root of an assignment (compound included), a mutating method call
     * (push, set, a user method that changes `this` …) or a field write — every way ngnc lets a variable change
     * goes through {@code ExprChecker.place}, which is also the only place that rejects a `const`. A `check x?`
     * rebinding counts for the variable it stands for, and passing it to an owned ({@code <T}) parameter counts
     * too. Not reported, when in doubt: destructuring `var (a, b)` (the names share one keyword); a `state`
     * cell (it changes through update); a variable copied into another `var` ({@code var b = a; b.push(…)}:
     * code showing value semantics declares both `var`).
     */
    private void neverChanged(TStmt.Let l) {
        Span keyword = checker.declaredVars.get(l.var());
        if (keyword == null || checker.mutatedLocals.contains(l.var())) return;
        if (l.var().type instanceof Type.State || copiedIntoVar.contains(l.var())) return;
        warn(keyword, "'" + l.var().name + "' is declared `var` but never changed",
                "declare it with `const`");
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

    private void warn(Span span, String message, String hint) { warn(span, message, hint, null); }

    private void warn(Span span, String message, String hint, Diagnostic.Tag tag) {
        if (span == null || !reported.add(span.start() + ":" + message)) return;
        checker.diagnostics.add(new Diagnostic(Severity.WARNING, checker.file, span, message, hint, tag));
    }
}
