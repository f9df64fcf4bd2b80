package dev.ngnc.check;

import dev.ngnc.types.RtApi;
import dev.ngnc.ast.BinaryOp;
import dev.ngnc.ast.Expr;
import dev.ngnc.ast.ObjectField;
import dev.ngnc.ast.Param;
import dev.ngnc.ast.StringPart;
import dev.ngnc.ast.UnaryOp;
import dev.ngnc.source.Span;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.OpKind;
import dev.ngnc.tast.Place;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;
import dev.ngnc.rt.value.Unit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks expressions: resolves names, picks operator kinds and produces typed nodes. */
final class ExprChecker {
    final BodyChecker body;
    final Checker checker;
    final Operators operators;
    final Calls calls;

    ExprChecker(BodyChecker body) {
        this.body = body;
        this.checker = body.checker;
        this.operators = new Operators(this);
        this.calls = new Calls(this);
    }

    /**
     * Expressions with a cheaper form for when their value is discarded (a {@code print(x)}, whose value form keeps
     * {@code x} in a hidden local): value form → statement form. See {@link #discarded}.
     */
    final Map<TExpr, TExpr> statementForms = new IdentityHashMap<>();

    /** {@code e} as an expression statement: its statement form if it has one (also under a pipe's hidden local). */
    TExpr discarded(TExpr e) {
        TExpr statement = statementForms.remove(e);
        if (statement != null) return statement;
        if (e instanceof TExpr.LetIn let) {
            TExpr body = discarded(let.body());
            return body == let.body() ? e : new TExpr.LetIn(let.var(), let.init(), body, let.span());
        }
        return e;
    }

    void error(Span span, String message) { checker.error(span, message); }

    void error(Span span, String message, String hint) { checker.error(span, message, hint); }

    TExpr check(Expr e) { return checkExpecting(e, null); }

    /** A condition: must be bool. */
    TExpr condition(Expr e) {
        TExpr t = check(e);
        if (t.type() != Prim.BOOL && !Types.isDynamic(t.type())) {
            error(e.span(), "Type Error: Condition must be bool, got " + Types.display(t.type()));
        }
        return t;
    }

    /** ngn's {@code /} on integers always gives f64 and nothing converts back: the likely surprise behind i64 ← f64. */
    static String integerDivisionHint(Type target, TExpr value) {
        if (!Types.isInt(target) || value.type() != Prim.F64) return null;
        if (!(value instanceof TExpr.Arith a) || a.op() != dev.ngnc.ast.BinaryOp.DIV) return null;
        return "`/` always gives f64 in ngn, even on integers (7 / 2 is 3.5), and there is no f64 → i64 conversion; "
                + "declare the value as f64";
    }

    /**
     * A regex literal, compiled now by the runtime's own engine (RE2/J, as the run-time would), so that an invalid
     * pattern — look-around, back-references, which Rust's regex rejects too — is a compile error, not a run-time one.
     */
    private TExpr regex(Expr.RegexLit r) {
        try {
            new dev.ngnc.rt.value.NgnRegex(r.pattern(), r.flags() == null ? "" : r.flags()).compiled();
        } catch (dev.ngnc.rt.base.NgnError e) {
            String why = e.getMessage() == null ? "invalid pattern" : e.getMessage().replaceFirst("^Internal error: ", "");
            error(r.span(), why, "regex literals use Rust regex syntax (the RE2 family): no look-around (`(?=…)`, "
                    + "`(?<!…)`) and no back-references (`\\1`), so every match takes linear time");
        } catch (RuntimeException | NoClassDefFoundError e) {
            // the engine is missing from this class path (a stripped runtime): the run-time reports it instead
        }
        return new TExpr.Regex(r.pattern(), r.flags(), r.span());
    }

    /** A parameter or field default, typed as {@code target} wants (in whatever scope this checker is in). */
    TExpr checkDefault(Expr value, Type target) {
        TExpr d = checkExpecting(value, target);
        requireAssignable(target, d, value.span(), "Default value mismatch");
        return d;
    }

    void requireAssignable(Type target, TExpr value, Span span, String what) {
        if (!Types.assignable(target, value.type())) {
            error(span, "Type Error: " + what + ". Expected " + Types.display(target) + ", got "
                    + Types.display(value.type()), integerDivisionHint(target, value));
        }
    }

    /** @param expected the type the context wants, or null; used to type empty literals and closure params */
    TExpr checkExpecting(Expr e, Type expected) {
        TExpr t = checkShape(e, expected);
        if (checker.index != null && t != null) IndexUses.record(checker.index, checker.file, e, t);
        return t;
    }

    private TExpr checkShape(Expr e, Type expected) {
        return switch (e) {
            case Expr.IntLit i -> new TExpr.Const(i.value(), Prim.I64, i.span());
            case Expr.FloatLit f -> new TExpr.Const(f.value(), Prim.F64, f.span());
            case Expr.BoolLit b -> new TExpr.Const(b.value(), Prim.BOOL, b.span());
            case Expr.NullLit n -> new TExpr.NullConst(Types.isMaybe(expected) ? expected : Types.maybe(Type.ANY),
                    n.span());
            case Expr.StringLit s -> string(s);
            case Expr.RegexLit r -> regex(r);
            case Expr.Name n -> name(n);
            case Expr.This t -> {
                LocalVar self = thisVar(t.span());
                if (self == null) {
                    if (insideMethod()) {
                        error(t.span(), "a nested function cannot read 'this' of the enclosing method",
                                "pass it as a parameter, or use a closure (`|...| ...`), which captures it");
                    } else {
                        error(t.span(), "'this' is only available inside extend methods");
                    }
                    yield new TExpr.Invalid(t.span());
                }
                yield new TExpr.Local(self, t.span());
            }
            case Expr.Placeholder p -> {
                error(p.span(), "'$' placeholders can only be used in a pipe stage");
                yield new TExpr.Invalid(p.span());
            }
            case Expr.Path p -> calls.variantValue(p.owner(), p.member(), p.span(), expected);
            case Expr.ArrayLit a -> arrayLit(a, expected);
            case Expr.TupleLit t -> tupleLit(t, expected);
            case Expr.ObjectLit o -> objectLit(o);
            case Expr.ModelLit m -> new Models(this).literal(m, expected);
            case Expr.Closure c -> closure(c, expected);
            case Expr.Unary u -> operators.unary(u);
            case Expr.Binary b -> operators.binary(b, expected);
            case Expr.Range r -> range(r);
            case Expr.Assign a -> new Assignments(this).assign(a);
            case Expr.Pipe p -> new Pipes(this).pipe(p, expected);
            case Expr.Call c -> calls.call(c, expected);
            case Expr.MethodCall m -> calls.methodCall(m, expected);
            case Expr.Field f -> field(f);
            case Expr.Index i -> index(i);
            case Expr.IsPresent ip -> {
                TExpr operand = check(ip.operand());
                if (!Types.isMaybe(operand.type()) && !Types.isResult(operand.type())
                        && !Types.isDynamic(operand.type())) {
                    error(ip.span(), "Type Error: '?' requires Maybe<T> or Result<T, E>, got "
                            + Types.display(operand.type()));
                }
                yield new TExpr.IsPresent(operand, ip.span());
            }
            case Expr.Receive r -> new Concurrency(this).receive(r);
            case Expr.ReceiveCount r -> new Concurrency(this).receiveCount(r);
            case Expr.TryReceive r -> new Concurrency(this).tryReceive(r);
            case Expr.Send s -> new Concurrency(this).send(s);
            case Expr.Error err -> new TExpr.Invalid(err.span());
        };
    }

    TExpr unsupported(Span span, String what) {
        error(span, what + " is not supported by this version of ngnc yet");
        return new TExpr.Invalid(span);
    }

    // ---- literals -------------------------------------------------------------------------------

    private TExpr string(Expr.StringLit s) {
        List<TExpr> parts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        boolean anyInterp = false;
        for (StringPart part : s.parts()) {
            switch (part) {
                case StringPart.Text t -> pending.append(t.text());
                case StringPart.Interp i -> {
                    anyInterp = true;
                    if (!pending.isEmpty()) {
                        parts.add(new TExpr.Const(pending.toString(), Prim.STRING, s.span()));
                        pending.setLength(0);
                    }
                    // parts keep their own types: the emitter formats each (ExprEmitter.concat hands i64/bool to the
                    // concat factory as they are, everything else through Fmt.str)
                    parts.add(check(i.expr()));
                }
            }
        }
        if (!anyInterp) return new TExpr.Const(pending.toString(), Prim.STRING, s.span());
        if (!pending.isEmpty()) parts.add(new TExpr.Const(pending.toString(), Prim.STRING, s.span()));
        return new TExpr.Concat(parts, s.span());
    }

    private TExpr arrayLit(Expr.ArrayLit a, Type expected) {
        if (a.elements().size() == 1 && a.elements().get(0) instanceof Expr.Range r) {
            // `[1..5]` spells out the range as an array (spec 3; corpus arrays/range_literal).
            TExpr range = range(r);
            return new TExpr.Builtin(dev.ngnc.tast.RtMethod.virt("NgnRange", "toArray", "()" + RtApi.desc("NgnArray")),
                    List.of(range), new Type.Array(Prim.I64), a.span());
        }
        Type expectedElement = expected instanceof Type.Array arr ? arr.element() : null;
        if (expectedElement == null) expectedElement = siblingElementType(a);
        List<TExpr> elements = new ArrayList<>();
        Type element = expectedElement;
        boolean reported = false;
        for (Expr e : a.elements()) {
            TExpr t = checkExpecting(e, expectedElement);
            elements.add(t);
            if (expectedElement != null) {
                requireAssignable(expectedElement, t, e.span(), "Array element mismatch");
                continue;
            }
            if (element == null) {
                element = t.type();
            } else {
                Type joined = Unify.joinOrNull(element, t.type());
                if (joined == null && !reported) {
                    error(e.span(), "Type Error: Array contains mixed types. Expected " + Types.display(element)
                            + ", got " + Types.display(t.type()));
                    reported = true;
                }
                element = joined == null ? element : joined;
            }
        }
        if (element == null) {
            // no context says what it holds (`state([])`, `for (x in [])`): it may hold anything, as in the
            // reference; an unannotated `var xs = []` is rejected where it is declared (BodyChecker.varDecl)
            element = Type.ANY;
        }
        if (element == Prim.VOID) {
            error(a.span(), "Type Error: an array cannot hold void values");
        }
        return new TExpr.ArrayLit(elements, new Type.Array(element), a.span());
    }

    /**
     * For {@code [[1, 2], []]}: the element type that the non-empty array elements agree on, so empty
     * siblings can be typed; null when there are no empty array elements.
     */
    private Type siblingElementType(Expr.ArrayLit a) {
        boolean hasEmpty = a.elements().stream().anyMatch(e -> e instanceof Expr.ArrayLit l && l.elements().isEmpty());
        if (!hasEmpty) return null;
        for (Expr e : a.elements()) {
            if (e instanceof Expr.ArrayLit l && !l.elements().isEmpty()) {
                Type t = check(l).type();
                if (t instanceof Type.Array) return t;
            }
        }
        return null;
    }

    private TExpr tupleLit(Expr.TupleLit t, Type expected) {
        List<Type> expectedTypes = expected instanceof Type.Tuple tu && tu.elements().size() == t.elements().size()
                ? tu.elements() : null;
        List<TExpr> elements = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < t.elements().size(); i++) {
            TExpr e = checkExpecting(t.elements().get(i), expectedTypes == null ? null : expectedTypes.get(i));
            elements.add(e);
            // an element that does not fit the expected type keeps its own, so the enclosing check reports it
            types.add(expectedTypes == null || !Types.assignable(expectedTypes.get(i), e.type()) ? e.type()
                    : expectedTypes.get(i));
        }
        return new TExpr.TupleLit(elements, new Type.Tuple(types), t.span());
    }

    private TExpr objectLit(Expr.ObjectLit o) {
        List<String> keys = new ArrayList<>();
        List<TExpr> values = new ArrayList<>();
        Map<String, Type> fieldTypes = new LinkedHashMap<>();
        for (ObjectField f : o.fields()) {
            TExpr v = check(f.value());
            int existing = keys.indexOf(f.key());
            if (existing >= 0) {
                error(f.span(), "Type Error: Duplicate key '" + f.key() + "' in object literal");
                values.set(existing, v);
            } else {
                keys.add(f.key());
                values.add(v);
            }
            fieldTypes.put(f.key(), v.type());
        }
        return new TExpr.ObjectLit(keys, values, new Type.Object(fieldTypes), o.span());
    }

    private TExpr range(Expr.Range r) {
        TExpr from = check(r.from());
        TExpr to = check(r.to());
        for (TExpr bound : List.of(from, to)) {
            if (!Types.isInt(bound.type()) && !Types.isDynamic(bound.type())) {
                error(bound.span(), "Type Error: Range bounds must be integers, got " + Types.display(bound.type()));
            }
        }
        return new TExpr.RangeLit(from, to, r.inclusive(), r.span());
    }

    private TExpr closure(Expr.Closure c, Type expected) { return closure(c, expected, false); }

    /** @param mutableParams the closure's parameters may be reassigned (the closure given to {@code state.update}) */
    TExpr closure(Expr.Closure c, Type expected, boolean mutableParams) {
        Type.Fn expectedFn = expected instanceof Type.Fn f ? f : null;
        List<LocalVar> params = new ArrayList<>();
        for (int i = 0; i < c.params().size(); i++) {
            Param p = c.params().get(i);
            Type t;
            if (p.type() != null) {
                t = checker.types.resolve(p.type());
            } else if (expectedFn != null && i < expectedFn.params().size()) {
                t = expectedFn.params().get(i);
            } else {
                t = Type.ANY;
            }
            params.add(new LocalVar(p.name(), t, mutableParams));
        }
        Type result;
        boolean infer = false;
        if (c.returnType() != null) {
            result = checker.types.resolve(c.returnType());
        } else if (expectedFn != null && !(expectedFn.result() instanceof Type.Any)
                && !(expectedFn.result() instanceof Type.Param)) {
            result = expectedFn.result();
        } else {
            result = null;
            infer = true;
        }
        return body.closureBody(params, c.params(), result, infer, c.body(), c.expressionBody(),
                BodyContext.Kind.CLOSURE, null, null, c.span());
    }

    // ---- names ----------------------------------------------------------------------------------

    TExpr name(Expr.Name n) {
        int errorsBefore = checker.diagnostics.errorCount();
        LocalVar local = resolveLocal(n.name(), n.span());
        if (local != null) {
            BodyContext.Binding nested = checker.nestedFns.isEmpty() ? null : findBinding(body.ctx, n.name());
            if (nested != null && nested.fnParams() != null) checker.nestedFnValues.add(nested.var()); // not a call
            reportIfMoved(local, n.span());
            return new TExpr.Local(local, n.span());
        }
        if (checker.diagnostics.errorCount() > errorsBefore) return new TExpr.Invalid(n.span());
        var global = checker.globals.get(n.name());
        if (global != null) {
            checker.imports.use(n.name()); // a default import of a value is a global
            return new TExpr.Global(global, n.span());
        }
        var fn = checker.function(n.name());
        if (fn != null) {
            checker.functionValues.add(fn);
            return new TExpr.FnValue(fn, new Type.Fn(fn.params.stream().map(p -> p.type).toList(), fn.result),
                    n.span());
        }
        ModuleExports module = checker.fileNamespaces.get(n.name());
        if (module != null) {
            checker.imports.use(n.name());
            return moduleValue(module, n.span());
        }
        if (checker.variantOwners.containsKey(n.name())) {
            return calls.variantValue(null, n.name(), n.span(), null);
        }
        if (isEmojiName(n.name())) return new TExpr.Const(n.name(), Prim.STRING, n.span());
        if (checker.unavailable.contains(n.name())) return new TExpr.Invalid(n.span());
        ForeignHabits.Advice advice = ForeignHabits.forValue(n.name());
        if (checker.types.models.containsKey(n.name())) {
            error(n.span(), "'" + n.name() + "' is a model, not a value",
                    "create an instance with `" + n.name() + " { … }`");
        } else if (advice != null) {
            error(n.span(), advice.message(), advice.hint());
        } else {
            error(n.span(), "Undefined variable '" + n.name() + "'",
                    Suggestions.didYouMean(n.name(), Suggestions.valueNames(body)));
        }
        return new TExpr.Invalid(n.span());
    }

    /**
     * {@code M} of {@code import * as M from "file"} as a value (spec 13): the default export when it is the module's
     * only value export, otherwise a module object of the exported functions and {@code default} in declaration order
     * (prints {@code Module {f: <fn f>}}, spec 5), typed {@code any}.
     */
    private TExpr moduleValue(ModuleExports module, Span span) {
        if (module.functions.isEmpty() && module.defaultFunction != null) return fnValue(module.defaultFunction, span);
        if (module.functions.isEmpty() && module.defaultValue != null) {
            return new TExpr.Global(module.defaultValue, span);
        }
        List<String> names = new ArrayList<>();
        List<TExpr> members = new ArrayList<>();
        for (String name : module.valueOrder) {
            TExpr member;
            if (name.equals("default")) {
                if (module.defaultFunction != null) member = fnValue(module.defaultFunction, span);
                else if (module.defaultValue != null) member = new TExpr.Global(module.defaultValue, span);
                else continue;
            } else {
                FnSymbol fn = module.functions.get(name);
                if (fn == null) continue;
                member = fnValue(fn, span);
            }
            names.add(name);
            members.add(member);
        }
        return new TExpr.ModuleObject(names, members, Type.ANY, span);
    }

    private static TExpr fnValue(FnSymbol fn, Span span) {
        return new TExpr.FnValue(fn, new Type.Fn(fn.params.stream().map(p -> p.type).toList(), fn.result), span);
    }

    /** A read of a variable after it was passed to an owned parameter ({@code <T}) is an error. */
    void reportIfMoved(LocalVar var, Span span) {
        Span moved = body.ctx.moved.get(var);
        if (moved != null) {
            error(span, "Use of moved variable '" + var.name + "'",
                    "it was passed to an owned parameter (`<T`) on line " + moved.line());
        }
    }

    /**
     * Finds a local by name in the current body, capturing it from enclosing bodies when needed. Closures
     * capture any enclosing local by value where they are created. Nested named functions are isolated from
     * enclosing `var`/`const` data (the docs and the corpus case errors/compile_fn_outer_local), but reach
     * sibling functions and enclosing `state` cells, which they share (docs: state is how a function mutates
     * outer data; see docs/decisions.md).
     */
    LocalVar resolveLocal(String name, Span span) {
        return resolveIn(body.ctx, name, span);
    }

    /**
     * {@link #resolveLocal} without reporting: asks whether a local shadows a global, a model or a namespace before
     * the receiver of {@code x.m(…)} is checked, which reports a name the body may not read (once, not per probe).
     */
    LocalVar probeLocal(String name, Span span) {
        dev.ngnc.diag.Diagnostics real = checker.diagnostics;
        Checker.swapDiagnostics(checker, new dev.ngnc.diag.Diagnostics());
        try {
            return resolveIn(body.ctx, name, span);
        } finally {
            Checker.swapDiagnostics(checker, real);
        }
    }

    private LocalVar resolveIn(BodyContext c, String name, Span span) {
        BodyContext.Binding b = c.lookupHere(name);
        if (b != null) {
            checker.usedLocals.add(b.var());
            return b.var();
        }
        if (c.parent == null || c.kind == BodyContext.Kind.FUNCTION || c.kind == BodyContext.Kind.TOP_LEVEL) {
            return null;
        }
        BodyContext.Binding outerBinding = findBinding(c.parent, name);
        if (outerBinding == null) return null;
        if (c.kind == BodyContext.Kind.NESTED_FN && outerBinding.fnParams() == null
                && !(outerBinding.var().type instanceof Type.State)) {
            error(span, "nested function cannot read '" + name + "' of the enclosing function",
                    "a function sees only globals, top-level and sibling functions, and enclosing `state` cells;"
                            + " pass '" + name + "' as a parameter, or use a closure (`|...| ...`)");
            return null;
        }
        LocalVar outer = resolveIn(c.parent, name, span);
        if (outer == null) return null;
        return c.capture(outer, new TExpr.Local(outer, span));
    }

    /** The declared parameters of the nested named function {@code name} resolves to, or null if it is not one. */
    List<dev.ngnc.ast.Param> nestedFnParams(String name) {
        BodyContext.Binding b = findBinding(body.ctx, name);
        return b == null ? null : b.fnParams();
    }

    private static BodyContext.Binding findBinding(BodyContext c, String name) {
        for (BodyContext cur = c; cur != null; cur = cur.parent) {
            BodyContext.Binding b = cur.lookupHere(name);
            if (b != null) return b;
            if (cur.kind == BodyContext.Kind.FUNCTION || cur.kind == BodyContext.Kind.TOP_LEVEL) return null;
        }
        return null;
    }

    /**
     * {@code this} of the enclosing extend method: the method's receiver parameter, or in a closure inside the
     * method a capture of it, taken when the closure is created like any other capture (spec 4.1). Nested named
     * functions stay isolated from the method's locals, {@code this} included. Null outside methods.
     */
    LocalVar thisVar(Span span) { return thisIn(body.ctx, span); }

    private boolean insideMethod() {
        for (BodyContext c = body.ctx; c != null; c = c.parent) if (c.thisVar != null) return true;
        return false;
    }

    private static LocalVar thisIn(BodyContext c, Span span) {
        if (c.thisVar != null) return c.thisVar;
        if (c.kind != BodyContext.Kind.CLOSURE || c.parent == null) return null;
        LocalVar outer = thisIn(c.parent, span);
        if (outer == null) return null;
        c.thisVar = c.capture(outer, new TExpr.Local(outer, span));
        return c.thisVar;
    }

    /** Is the variable reached by {@code name} a capture (a snapshot inside a closure)? */
    boolean isCaptured(LocalVar var) { return body.ctx.captured.containsValue(var); }

    private static boolean isEmojiName(String name) {
        return !name.isEmpty() && name.codePoints().allMatch(cp -> cp >= 0x2300 && !Character.isLetterOrDigit(cp)
                || cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || cp == 0x20E3);
    }

    // ---- fields and indexing --------------------------------------------------------------------

    TExpr field(Expr.Field f) {
        if (f.optionalChain()) return new Maybes(body).optionalField(f);
        TExpr global = new Globals(this).field(f);
        if (global != null) return global;
        TExpr receiver = check(f.receiver());
        return fieldOf(receiver, f.name(), f.span());
    }

    TExpr fieldOf(TExpr receiver, String name, Span span) {
        Type t = receiver.type();
        if (t instanceof Type.Error) return new TExpr.Invalid(span); // the receiver's error was reported
        if (t instanceof Type.Model m) {
            ModelInfo.FieldInfo fi = m.info().field(name);
            if (fi == null) {
                error(span, "Type Error: Unknown field '" + name + "' on model '" + m.info().name + "'",
                        Suggestions.didYouMean(name, m.info().fields.stream().map(ModelInfo.FieldInfo::name).toList()));
                return new TExpr.Invalid(span);
            }
            return new TExpr.ModelField(receiver, m.info(), name, Models.fieldType(m, fi), span);
        }
        if (t instanceof Type.Object o) {
            Type ft = o.fields().get(name);
            return new TExpr.DynField(receiver, name, ft == null ? Type.ANY : ft, span);
        }
        if (Types.isDynamic(t)) return new TExpr.DynField(receiver, name, Type.ANY, span);
        error(span, "Type Error: Type " + Types.display(t) + " has no field '" + name + "'");
        return new TExpr.Invalid(span);
    }

    private TExpr index(Expr.Index i) {
        TExpr receiver = check(i.receiver());
        TExpr index = check(i.index());
        Type t = receiver.type();
        if (!Types.isInt(index.type()) && !Types.isDynamic(index.type())) {
            error(i.index().span(), "Type Error: Index must be an integer, got " + Types.display(index.type()));
        }
        Type result;
        if (t instanceof Type.Array a) {
            result = a.element();
        } else if (t instanceof Type.Tuple tu) {
            if (index instanceof TExpr.Const c && c.value() instanceof Long k) {
                if (k < 0 || k >= tu.elements().size()) {
                    error(i.index().span(), "Type Error: Tuple index out of bounds: " + k);
                    return new TExpr.Invalid(i.span());
                }
                result = tu.elements().get(k.intValue());
            } else {
                Type joined = null;
                for (Type e : tu.elements()) joined = joined == null ? e : Unify.join(joined, e);
                result = joined == null ? Type.ANY : joined;
            }
        } else if (t == Prim.STRING) {
            result = Prim.STRING;
        } else if (t == Prim.BYTES) {
            result = Prim.BYTE; // the u8 run-time kind, not a declared u8 (spec 3.1)
        } else if (t instanceof Type.MapT) {
            error(i.span(), "Type Error: maps are read with .get(key)");
            return new TExpr.Invalid(i.span());
        } else if (Types.isDynamic(t)) {
            result = Type.ANY;
        } else {
            error(i.span(), "Type Error: Cannot index into " + Types.display(t));
            return new TExpr.Invalid(i.span());
        }
        return new TExpr.Index(receiver, index, result, i.span());
    }

    // ---- places ---------------------------------------------------------------------------------

    /**
     * Resolves an assignment target or mutating-method receiver to a place rooted at a local variable.
     * Reports and returns null when the target is not assignable.
     * @param action words for messages, e.g. "assign to" or "call mutating method 'push' on"
     */
    Place place(Expr target, String action, boolean forMethod, String methodName) {
        if (target instanceof Expr.Name n) {
            int errorsBefore = checker.diagnostics.errorCount();
            LocalVar var = resolveLocal(n.name(), n.span());
            if (var == null) {
                if (checker.diagnostics.errorCount() > errorsBefore) return null; // e.g. an enclosing fn's local
                if (checker.globals.containsKey(n.name())) {
                    immutableError(n, forMethod, methodName, true);
                } else {
                    error(n.span(), "Undefined variable '" + n.name() + "'",
                            Suggestions.didYouMean(n.name(), Suggestions.valueNames(body)));
                }
                return null;
            }
            if (checker.index != null) checker.index.use(checker.file, n.span(), var);
            if (isCaptured(var)) {
                error(n.span(), "Cannot " + action + " captured variable '" + n.name() + "' inside a closure",
                        "closures capture a snapshot; use state() for shared mutable values");
                return null;
            }
            if (!var.mutable) {
                immutableError(n, forMethod, methodName, false);
                return null;
            }
            for (LocalVar v = var; v != null && checker.mutatedLocals.add(v); v = checker.reboundSources.get(v)) { }
            return new Place.Local(var);
        }
        if (target instanceof Expr.This t) {
            LocalVar self = thisVar(t.span());
            if (self != null && isCaptured(self)) {
                error(t.span(), "Cannot " + action + " 'this' inside a closure",
                        "a closure captures a snapshot of `this`; change the receiver in the method itself");
                return null;
            }
            if (self != null) return new Place.Local(self);
            error(t.span(), "'this' is only available inside extend methods");
            return null;
        }
        if (target instanceof Expr.Field f && !f.optionalChain()) {
            Place parent = fieldParent(f.receiver(), f.name(), methodName);
            if (parent == null) return null;
            Type pt = parent.type();
            if (pt instanceof Type.Model m) {
                ModelInfo.FieldInfo fi = m.info().field(f.name());
                if (fi == null) {
                    error(f.span(), "Type Error: Unknown field '" + f.name() + "' on model '" + m.info().name + "'",
                            Suggestions.didYouMean(f.name(), m.info().fields.stream().map(ModelInfo.FieldInfo::name).toList()));
                    return null;
                }
                return new Place.ModelField(parent, m.info(), f.name(), Models.fieldType(m, fi));
            }
            if (pt instanceof Type.Object o) {
                Type ft = o.fields().get(f.name());
                return new Place.DynField(parent, f.name(), ft == null ? Type.ANY : ft);
            }
            if (Types.isDynamic(pt)) return new Place.DynField(parent, f.name(), Type.ANY);
            error(f.span(), "Type Error: Type " + Types.display(pt) + " has no field '" + f.name() + "'");
            return null;
        }
        if (forMethod) {
            // an assignment to this shape was already reported by the parser (ExprParser.checkAssignTarget)
            error(target.span(), "Invalid assignment target");
        }
        return null;
    }

    private Place fieldParent(Expr receiver, String field, String methodName) {
        if (receiver instanceof Expr.Name n) {
            int errorsBefore = checker.diagnostics.errorCount();
            LocalVar var = resolveLocal(n.name(), n.span());
            if (checker.diagnostics.errorCount() > errorsBefore) return null;
            if (var != null && !var.mutable && !isCaptured(var)) {
                error(n.span(), "Cannot assign to field '" + field + "' of immutable variable '" + n.name() + "'");
                return null;
            }
            if (var == null && checker.globals.containsKey(n.name())) {
                error(n.span(), "Cannot assign to field '" + field + "' of immutable variable '" + n.name() + "'",
                        GLOBAL_HINT);
                return null;
            }
        }
        return place(receiver, "assign to a field of", false, methodName);
    }

    private static final String GLOBAL_HINT = "globals are immutable; keep changing state in a state() global "
            + "or in a local `var`";

    private void immutableError(Expr.Name n, boolean forMethod, String methodName, boolean global) {
        if (forMethod) {
            error(n.span(), "Type Error: Cannot call mutating method '" + methodName + "' on immutable variable '"
                    + n.name() + "'", global ? GLOBAL_HINT : "declare it with `var` to mutate it");
        } else {
            error(n.span(), "Cannot reassign immutable variable '" + n.name() + "'",
                    global ? GLOBAL_HINT : "declare it with `var` to reassign it");
        }
    }

    static TExpr voidConst(Span span) { return new TExpr.Const(Unit.VOID, Prim.VOID, span); }
}
