package dev.ngnc.check;

import dev.ngnc.ast.DeclKind;
import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Expr;
import dev.ngnc.ast.Param;
import dev.ngnc.ast.Pattern;
import dev.ngnc.ast.Stmt;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.source.Span;
import dev.ngnc.tast.ClosureInfo;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the statements of one top-level function (including the closures and nested functions inside
 * it). An integer variable that is later assigned a float is widened to f64 and the whole function is
 * checked again, so every use sees the final type.
 */
final class BodyChecker {
    final Checker checker;
    BodyContext ctx;
    final ExprChecker exprs;
    /** Declaration offset → widened type, carried across re-checks of the same function. */
    private final Map<Integer, Type> widened = new HashMap<>();
    private final Map<LocalVar, Integer> declOffsets = new HashMap<>();
    private boolean needsRecheck;
    /** Checking only to learn the result type of a function declared without one ({@link #inferResult}). */
    private boolean inferring;

    BodyChecker(Checker checker) {
        this.checker = checker;
        this.exprs = new ExprChecker(this);
        this.ctx = new BodyContext(BodyContext.Kind.TOP_LEVEL, null, Prim.VOID);
    }

    void error(Span span, String message) { checker.error(span, message); }

    void error(Span span, String message, String hint) { checker.error(span, message, hint); }

    // ---- entry points ---------------------------------------------------------------------------

    void checkFunction(FnSymbol fn, Decl.Fn decl, List<Param> params) {
        Diagnostics scratch = checkToFixedPoint(fn, decl, params);
        for (var d : scratch.all()) checker.diagnostics.add(d);
    }

    /**
     * The result type of a function declared without one: an expression body ({@code fn add(a, b) a + b})
     * returns its expression's type; a block body is void unless it returns untyped values, which the
     * reference passes through (spec 2.7), so it returns {@code any}. Nothing is reported and no closure
     * is kept. Null when the body does not check on its own (e.g. it reads a global not declared yet).
     */
    Type inferResult(FnSymbol fn, Decl.Fn decl, List<Param> params) {
        int closuresBefore = checker.closures.size();
        inferring = true;
        try {
            Diagnostics scratch = checkToFixedPoint(fn, decl, params);
            if (scratch.errorCount() > 0) return null;
            Type t = ctx.inferredResult;
            if (decl.expressionBody()) return t == null ? Prim.VOID : t;
            fn.returnsValuesAsVoid = t != null && t != Prim.VOID && !(t instanceof Type.Any)
                    && !(t instanceof Type.Error);
            return t instanceof Type.Any ? Type.ANY : Prim.VOID;
        } finally {
            inferring = false;
            checker.closures.subList(closuresBefore, checker.closures.size()).clear();
            fn.body = null;
        }
    }

    /** Checks the body (re-checking while locals widen) into scratch diagnostics, which it returns. */
    private Diagnostics checkToFixedPoint(FnSymbol fn, Decl.Fn decl, List<Param> params) {
        Diagnostics real = checker.diagnostics;
        // Widening is monotone (a variable only ever goes from an int type to number), so re-checking until no
        // new variable widens is a fixed point reached in at most (locals + 1) passes: every use, including an
        // assignment from a variable that was widened later in the text, sees the final types.
        while (true) {
            needsRecheck = false;
            int closuresBefore = checker.closures.size();
            Diagnostics scratch = new Diagnostics();
            Checker.swapDiagnostics(checker, scratch);
            List<String> outerParams = checker.types.erasedParams;
            checker.types.erasedParams = checker.methodTypeParams.getOrDefault(fn, List.of());
            try {
                checkFunctionOnce(fn, decl, params);
            } finally {
                Checker.swapDiagnostics(checker, real);
                checker.types.erasedParams = outerParams;
            }
            if (!needsRecheck) return scratch;
            checker.closures.subList(closuresBefore, checker.closures.size()).clear();
        }
    }

    private void checkFunctionOnce(FnSymbol fn, Decl.Fn decl, List<Param> params) {
        ctx = new BodyContext(BodyContext.Kind.FUNCTION, null, fn.result);
        ctx.inferResult = inferring;
        int first = 0;
        if (!fn.params.isEmpty() && fn.params.get(0).name.equals("this") && params.size() < fn.params.size()) {
            ctx.thisVar = fn.params.get(0);
            first = 1;
        }
        for (int i = first; i < fn.params.size(); i++) {
            LocalVar p = fn.params.get(i);
            Param ast = params.get(i - first);
            Type w = widened.get(ast.span().start());
            if (w != null) p.type = w;
            declOffsets.put(p, ast.span().start());
            ctx.declare(p.name, p);
            if (checker.index != null) {
                checker.index.declareLocal(checker.file, true, p, ast.span(), decl.body().span().end());
            }
        }
        List<TStmt> body = new ArrayList<>();
        addDefaultParamInits(fn, params, first, body);
        boolean implicitReturn = decl.expressionBody() && (inferring || fn.result != Prim.VOID);
        body.addAll(statements(decl.body(), implicitReturn).statements());
        fn.body = new TStmt.Block(body, decl.body().span());
        if (!inferring && needsValue(fn.result) && !Termination.terminates(fn.body)
                && !checker.syntaxErrorWithin(decl.body().span())) {
            error(decl.nameSpan(), "Type Error: Function '" + fn.name + "' can reach the end of its body without "
                    + "returning a value of type " + Types.display(fn.result), missingReturnHint(decl.body(), fn.result));
        }
    }

    private static final String MISSING_RETURN_HINT =
            "every path must end in `return value` or panic(…); the end of the body returns nothing";

    /**
     * A body that never returns a value most likely only has effects (the docs' methods declared {@code : string}
     * that only print): say so, since the reference runs it and returns void where ngnc rejects it.
     */
    private static String missingReturnHint(dev.ngnc.ast.Stmt body, Type declared) {
        if (AstWalk.returnsValue(body)) return MISSING_RETURN_HINT;
        return "it never returns a value: if it only has effects (prints, updates), drop the `: "
                + Types.display(declared) + "` return type; ngnc rejects falling off the end where the reference "
                + "returned void";
    }

    /** Must a body with this result type end every path with a return? */
    private static boolean needsValue(Type result) {
        return result != null && result != Prim.VOID && !(result instanceof Type.Any) && !(result instanceof Type.Error)
                && !(result instanceof Type.Param);
    }

    /**
     * Parameters with defaults arrive as Maybe-free values: callers always pass them (the call site fills in the
     * default), so nothing to do here; kept as a hook for defaults that need the callee's context.
     */
    private void addDefaultParamInits(FnSymbol fn, List<Param> params, int first, List<TStmt> out) { }

    TExpr topLevelExpr(Expr e, Type expected) {
        ctx = new BodyContext(BodyContext.Kind.TOP_LEVEL, null, Prim.VOID);
        return exprs.checkExpecting(e, expected);
    }

    /** A default owned by a declaration: typed in this module's top-level scope (DeclaredDefaults, ModelDefaults). */
    TExpr topLevelDefault(Expr e, Type target) {
        ctx = new BodyContext(BodyContext.Kind.TOP_LEVEL, null, Prim.VOID);
        return exprs.checkDefault(e, target);
    }

    TStmt topLevelStmt(Stmt s) {
        ctx = new BodyContext(BodyContext.Kind.TOP_LEVEL, null, Prim.VOID);
        return stmt(s);
    }

    // ---- blocks and statements ------------------------------------------------------------------

    /** @param implicitReturn the block is an expression body whose value is returned */
    /** End offset of the innermost block being checked: how far a local declared now is visible (tools' index). */
    private int blockEnd = Integer.MAX_VALUE;

    TStmt.Block statements(Stmt.Block block, boolean implicitReturn) {
        List<TStmt> out = new ArrayList<>();
        ctx.push();
        int outerBlockEnd = blockEnd;
        blockEnd = block.span().end();
        openBlocks.push(block);
        try {
            List<Stmt> stmts = block.statements();
            for (int i = 0; i < stmts.size(); i++) {
                Stmt s = stmts.get(i);
                if (implicitReturn && i == stmts.size() - 1 && s instanceof Stmt.ExprStmt es) {
                    out.add(returnStmt(new Stmt.Return(es.expr(), es.span())));
                } else {
                    out.add(stmt(s));
                }
            }
        } finally {
            ctx.pop();
            blockEnd = outerBlockEnd;
            openBlocks.pop();
        }
        return new TStmt.Block(out, block.span());
    }

    /** The blocks being checked, innermost first (enclosing functions' blocks too, for nested functions). */
    private final java.util.ArrayDeque<Stmt.Block> openBlocks = new java.util.ArrayDeque<>();

    /**
     * A nested function {@code name} declared in an enclosing block after {@code offset}: nested functions see only
     * the siblings declared before them (spec 8), so a call to a later one is undefined there. Null when none.
     */
    Stmt.LocalFn nestedFnDeclaredAfter(String name, int offset) {
        for (Stmt.Block b : openBlocks) {
            for (Stmt s : b.statements()) {
                if (s instanceof Stmt.LocalFn lf && lf.fn().name().equals(name) && lf.span().start() > offset) return lf;
            }
        }
        return null;
    }

    /** A statement used as the body of if/loop/arm gets its own scope. */
    TStmt scoped(Stmt s) {
        if (s instanceof Stmt.Block b) return statements(b, false);
        ctx.push();
        try {
            return stmt(s);
        } finally {
            ctx.pop();
        }
    }

    TStmt stmt(Stmt s) {
        return switch (s) {
            case Stmt.ExprStmt es -> new TStmt.ExprStmt(exprs.discarded(exprs.check(es.expr())), es.span());
            case Stmt.Block b -> statements(b, false);
            case Stmt.VarDecl v -> varDecl(v);
            case Stmt.If i -> ifStmt(i);
            case Stmt.While w -> {
                TExpr cond = exprs.condition(w.condition());
                yield new TStmt.While(cond, loopBody(w.body()), w.once(), w.span());
            }
            case Stmt.Loop l -> new TStmt.Loop(loopBody(l.body()), l.span());
            case Stmt.For f -> new Loops(this).forStmt(f);
            case Stmt.Match m -> new Matches(this).match(m);
            case Stmt.Break b -> {
                if (ctx.loopDepth == 0) error(b.span(), "'break' outside of a loop");
                yield new TStmt.Break(b.span());
            }
            case Stmt.Next n -> {
                if (ctx.matchDepth == 0) error(n.span(), "'next' outside of a match arm");
                yield new TStmt.Next(n.span());
            }
            case Stmt.Return r -> returnStmt(r);
            case Stmt.Check c -> new Maybes(this).check(c);
            case Stmt.LocalFn lf -> localFn(lf);
        };
    }

    TStmt loopBody(Stmt body) {
        ctx.loopDepth++;
        try {
            return scoped(body);
        } finally {
            ctx.loopDepth--;
        }
    }

    private TStmt ifStmt(Stmt.If i) {
        if (i.condition() instanceof Expr.IsPresent ip && ip.operand() instanceof Expr.Name n) {
            return new Maybes(this).ifPresent(i, n);
        }
        TExpr cond = exprs.condition(i.condition());
        TStmt then = scoped(i.then());
        TStmt otherwise = i.otherwise() == null ? null : scoped(i.otherwise());
        return new TStmt.If(cond, then, otherwise, i.span());
    }

    TStmt returnStmt(Stmt.Return r) {
        Type expected = ctx.inferResult ? null : ctx.result;
        if (r.value() == null) {
            if (!ctx.inferResult && ctx.result != Prim.VOID && ctx.kind != BodyContext.Kind.TOP_LEVEL) {
                // The reference returns void here; a typed function returning nothing is almost surely a bug.
                error(r.span(), "Type Error: Return type mismatch. Expected " + Types.display(ctx.result)
                        + ", got void");
            }
            return new TStmt.Return(null, r.span());
        }
        if (ctx.kind == BodyContext.Kind.TOP_LEVEL) {
            error(r.span(), "'return' outside of a function");
            exprs.check(r.value());
            return new TStmt.Return(null, r.span());
        }
        TExpr value = exprs.checkExpecting(r.value(), expected == Prim.VOID ? null : expected);
        if (ctx.inferResult) {
            ctx.inferredResult = ctx.inferredResult == null ? value.type()
                    : Unify.join(ctx.inferredResult, value.type());
            return new TStmt.Return(value, r.span());
        }
        if (ctx.result == Prim.VOID) {
            if (value.type() == Prim.VOID || value.type() instanceof Type.Any || value.type() instanceof Type.Error) {
                return new TStmt.Return(null, r.span());
            }
            error(r.value().span(), "Type Error: Return type mismatch. Expected void, got "
                    + Types.display(value.type()), "declare the function's return type, e.g. `fn f(): "
                    + Types.display(value.type()) + "`");
            return new TStmt.Return(null, r.span());
        }
        exprs.requireAssignable(ctx.result, value, r.value().span(), "Return type mismatch");
        return new TStmt.Return(value, r.span());
    }

    // ---- declarations ---------------------------------------------------------------------------

    /** A call of a function whose value returns were already reported as a mismatch ({@link FnSymbol#returnsValuesAsVoid}). */
    static boolean returnsValuesAsVoid(TExpr init) {
        return init instanceof TExpr.Call c && c.fn().returnsValuesAsVoid;
    }

    private TStmt varDecl(Stmt.VarDecl v) {
        Type declared = v.type() == null ? null : checker.types.resolve(v.type());
        if (!(v.target() instanceof Pattern.Bind bind)) {
            return new Destructuring(this).declare(v, declared);
        }
        if (declared == null && v.init() instanceof Expr.ArrayLit a && a.elements().isEmpty()) {
            error(v.init().span(), "Type Error: Cannot infer type for empty array variable '" + bind.name() + "'",
                    "annotate it, e.g. `var " + bind.name() + ": array<i64> = []` or `var " + bind.name()
                            + "<i64> = []`");
            declared = Type.ERROR;
        }
        TExpr init = exprs.checkExpecting(v.init(), declared);
        Type t = declared != null ? declared : init.type();
        // Declared numeric types have no run-time effect (spec 3.1): `const x: u8 = b[0]` holds the u8 it is given.
        if (declared != null && Types.isInt(declared) && init.type() == Prim.BYTE) t = Prim.BYTE;
        if (declared != null) {
            if (!dev.ngnc.types.Types.assignable(declared, init.type())) {
                error(v.init().span(), "Type Error: Cannot initialize '" + bind.name() + "' of type "
                        + Types.display(declared) + " with a value of type " + Types.display(init.type()),
                        ExprChecker.integerDivisionHint(declared, init));
            }
        } else if (t == Prim.VOID) {
            if (!returnsValuesAsVoid(init)) {
                error(v.init().span(), "Type Error: cannot store a void value in '" + bind.name() + "'");
            }
            t = Type.ERROR;
        }
        if (v.kind() == DeclKind.VAR && t instanceof Type.Channel) {
            error(v.span(), "Type Error: Channel '" + bind.name() + "' must be declared as 'const' or 'global', not 'var'.",
                    "channels are shared by reference; `const` keeps the name bound to one channel");
        }
        if (v.kind() == DeclKind.VAR && init.type() instanceof Type.Fn && v.init() instanceof Expr.Closure) {
            error(v.span(), "Type Error: Closure '" + bind.name() + "' must be declared as 'const' or 'global', not 'var'.");
        }
        LocalVar var = declareLocal(bind.name(), t, v.kind() == DeclKind.VAR, v.span(), bind.span());
        if (!var.name.startsWith("$")) checker.declaredLocals.put(var, bind.span());
        if (v.kind() == DeclKind.VAR && !var.name.startsWith("$")) {
            checker.declaredVars.put(var, new Span(v.span().start(), v.span().start() + 3, v.span().line(), v.span().col()));
        }
        return new TStmt.Let(var, init, v.span());
    }

    /**
     * Declares a local in the innermost scope. Redeclaring a name there is an error unless the type is the same
     * (spec 4.5: the reference allows it; the new binding is used from here on). Object literals count as the
     * same type whatever their fields, since the reference types them all {@code any}.
     */
    LocalVar declareLocal(String name, Type type, boolean mutable, Span declSpan, Span nameSpan) {
        // `_` discards: it can never be read (it is not a name token), so it never enters a scope and may repeat
        if (name.equals("_")) return new LocalVar("$discard", type, mutable);
        if (ctx.declaredInInnermost(name)) {
            BodyContext.Binding old = ctx.scopes.peek().get(name);
            Type was = old.var().type;
            boolean same = old.fnParams() == null && (was.equals(type)
                    || was instanceof Type.Object && type instanceof Type.Object);
            if (!same) error(nameSpan, "'" + name + "' already defined in this scope");
        }
        Type w = widened.get(declSpan.start());
        LocalVar var = new LocalVar(name, w != null ? w : type, mutable);
        declOffsets.put(var, declSpan.start());
        ctx.declare(name, var);
        if (checker.index != null) checker.index.declareLocal(checker.file, false, var, nameSpan, blockEnd);
        return var;
    }

    /**
     * An integer variable receives a float: from now on it holds either kind (spec 3.1), so it becomes a
     * dynamically typed {@code number} and the function is checked again. Its int values keep int semantics.
     */
    void widenToNumber(LocalVar var) {
        Integer offset = declOffsets.get(var);
        if (offset == null) return;
        // Only a new widening asks for another pass; this is what makes the re-check loop terminate.
        if (widened.put(offset, Prim.NUMBER) != Prim.NUMBER) needsRecheck = true;
    }

    /** {@code fn name(…) { … }} inside a body: a const local holding a closure that may call itself. */
    private TStmt localFn(Stmt.LocalFn lf) {
        Decl.Fn f = lf.fn();
        FnSymbol sig = checker.signature(f, checker.mainClass, "local$" + f.name(), null);
        Type result = sig.result;
        if (f.returnType() == null && (f.expressionBody() || AstWalk.returnsValue(f.body()))) {
            result = inferNestedResult(sig, f);
        }
        Type fnType = new Type.Fn(sig.params.stream().map(p -> p.type).toList(), result);
        LocalVar holder = declareLocal(f.name(), fnType, false, lf.span(), f.nameSpan());
        ctx.declareNestedFn(f.name(), holder, f.params());
        checker.nestedFns.put(holder, f);
        TExpr.Closure closure = closureBody(sig.params, f.params(), result, false, f.body(), f.expressionBody(),
                BodyContext.Kind.NESTED_FN, f.name(), fnType, f.span());
        return new TStmt.Let(holder, closure, lf.span());
    }

    /**
     * The result of a nested function declared without one, by the rule of {@link #inferResult}: its body is
     * checked once with the result inferred (calls to itself are {@code any}), reporting nothing and keeping
     * no closure.
     */
    private Type inferNestedResult(FnSymbol sig, Decl.Fn f) {
        Diagnostics real = checker.diagnostics;
        int closuresBefore = checker.closures.size();
        Diagnostics scratch = new Diagnostics();
        Checker.swapDiagnostics(checker, scratch);
        Type inferred;
        try {
            Type selfType = new Type.Fn(sig.params.stream().map(p -> p.type).toList(), Type.ANY);
            inferred = closureBody(sig.params, f.params(), Type.ANY, true, f.body(), f.expressionBody(),
                    BodyContext.Kind.NESTED_FN, f.name(), selfType, f.span()).info().result;
        } finally {
            Checker.swapDiagnostics(checker, real);
            checker.closures.subList(closuresBefore, checker.closures.size()).clear();
        }
        if (f.expressionBody()) return scratch.errorCount() > 0 || inferred == null ? Type.ANY : inferred;
        return inferred instanceof Type.Any ? Type.ANY : Prim.VOID;
    }

    /**
     * Checks a closure or nested-function body in a fresh context whose outer-variable reads become
     * snapshot captures.
     */
    TExpr.Closure closureBody(List<LocalVar> params, List<Param> astParams, Type result, boolean inferResult,
                              Stmt.Block body, boolean expressionBody, BodyContext.Kind kind, String selfName,
                              Type fnType, Span span) {
        BodyContext outer = ctx;
        BodyContext inner = new BodyContext(kind, outer, result);
        inner.inferResult = inferResult;
        inner.thisVar = null;
        if (selfName != null) {
            inner.selfName = selfName;
            inner.self = new LocalVar(selfName, fnType, false);
            inner.declareNestedFn(selfName, inner.self, astParams);
        }
        ctx = inner;
        TStmt.Block checked;
        try {
            for (int i = 0; i < params.size(); i++) {
                LocalVar p = params.get(i);
                Type w = widened.get(astParams.get(i).span().start());
                if (w != null) p.type = w;
                declOffsets.put(p, astParams.get(i).span().start());
                ctx.declare(p.name, p);
                if (checker.index != null) {
                    checker.index.declareLocal(checker.file, true, p, astParams.get(i).span(), body.span().end());
                }
            }
            boolean implicit = expressionBody && (inferResult || result != Prim.VOID);
            checked = statements(body, implicit);
        } finally {
            ctx = outer;
        }
        if (!inferResult && needsValue(result) && !Termination.terminates(checked) && !checker.syntaxErrorWithin(body.span())) {
            error(kind == BodyContext.Kind.NESTED_FN ? span : body.span(), kind == BodyContext.Kind.NESTED_FN
                    ? "Type Error: Function '" + selfName + "' can reach the end of its body without returning a value "
                    + "of type " + Types.display(result)
                    : "Type Error: Closure can reach the end of its body without returning a value of type "
                    + Types.display(result), kind == BodyContext.Kind.NESTED_FN ? missingReturnHint(body, result)
                    : MISSING_RETURN_HINT);
        }
        Type finalResult = result;
        if (inferResult) {
            finalResult = inner.inferredResult == null ? Prim.VOID : inner.inferredResult;
        }
        Type type = new Type.Fn(params.stream().map(p -> p.type).toList(), finalResult);
        // spec 5: a nested named function prints as <fn name> unless it captures (here: a sibling function);
        // calling itself is not a capture. Closures always print <closure>.
        String display = kind == BodyContext.Kind.NESTED_FN && inner.captures.isEmpty()
                ? "<fn " + selfName + ">" : "<closure>";
        ClosureInfo info = new ClosureInfo(params, finalResult, List.copyOf(inner.captures), inner.self, display);
        info.body = checked;
        checker.closures.add(info);
        return new TExpr.Closure(info, type, span);
    }
}
