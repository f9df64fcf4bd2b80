package dev.ngnc.check;

import dev.ngnc.ast.Expr;
import dev.ngnc.ast.Param;
import dev.ngnc.source.Span;
import dev.ngnc.tast.ArgumentDefaults;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.Place;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks calls: functions, function values, enum variant constructors, built-ins and methods. */
final class Calls {
    private final ExprChecker exprs;
    private final Checker checker;

    Calls(ExprChecker exprs) {
        this.exprs = exprs;
        this.checker = exprs.checker;
    }

    TExpr call(Expr.Call c, Type expected) {
        if (c.callee() instanceof Expr.Path p) return variantCall(p.owner(), p.member(), c, expected);
        if (!(c.callee() instanceof Expr.Name n)) {
            exprs.error(c.callee().span(), "only named functions and variants can be called",
                    "store the function in a const first, then call it by name");
            return new TExpr.Invalid(c.span());
        }
        String name = n.name();
        LocalVar local = exprs.resolveLocal(name, n.span());
        if (local != null) {
            exprs.reportIfMoved(local, n.span());
            List<Param> nested = exprs.nestedFnParams(name);
            if (nested != null && local.type instanceof Type.Fn f && f.params().size() == nested.size()) {
                List<TExpr> args = complete(f.params(), atCallSite(nested, f.params()), c.args(), c.span(), name);
                return new TExpr.CallValue(new TExpr.Local(local, n.span()), args, f.result(), c.span());
            }
            return callValue(new TExpr.Local(local, n.span()), c, name);
        }
        var global = checker.globals.get(name);
        if (global != null) checker.imports.use(name); // a default import of a value is a global
        if (global != null) return callValue(new TExpr.Global(global, n.span()), c, name);
        FnSymbol fn = checker.function(name);
        if (fn != null) {
            typeArgCount(c, name, 0);
            return new TExpr.Call(fn, arguments(fn, c.args(), c.span(), name), c.span());
        }
        ModuleExports namespace = checker.fileNamespaces.get(name);
        if (namespace != null) checker.imports.use(name);
        if (namespace != null && namespace.defaultFunction != null && namespace.functions.isEmpty()) {
            // `import * as M` of a module whose only value export is its default: M is that function
            FnSymbol target = namespace.defaultFunction;
            return new TExpr.Call(target, arguments(target, c.args(), c.span(), name), c.span());
        }
        int typeArgs = switch (name) {
            case "map" -> 2;
            case "set", "channel", "state" -> 1;
            default -> 0;
        };
        if (!typeArgCount(c, name, typeArgs)) {
            for (Expr a : c.args()) exprs.check(a);
            return new TExpr.Invalid(c.span());
        }
        TExpr builtin = new Natives(exprs).call(name, c, expected);
        if (builtin != null) return builtin;
        if (checker.variantOwners.containsKey(name)) return variantCall(null, name, c, expected);
        if (checker.unavailable.contains(name)) {
            for (Expr a : c.args()) exprs.check(a);
            return new TExpr.Invalid(c.span());
        }
        java.util.Set<String> callable = Suggestions.valueNames(exprs.body);
        callable.addAll(checker.types.models.keySet());
        ForeignHabits.Advice advice = ForeignHabits.forCall(name);
        if (advice != null) {
            // no checking of the arguments: after `function(x)` they are parameter names, not values
            exprs.error(n.span(), advice.message(), advice.hint());
            return new TExpr.Invalid(c.span());
        }
        dev.ngnc.ast.Stmt.LocalFn later = exprs.body.nestedFnDeclaredAfter(name, n.span().start());
        if (later != null) {
            exprs.error(n.span(), "nested function '" + name + "' is declared later (line " + later.span().line()
                    + ") and cannot be called before it", "a nested function sees itself and the nested functions"
                    + " declared above it; move '" + name + "' up, or make these functions top-level (those can call"
                    + " each other in any order)");
            return new TExpr.Invalid(c.span());
        }
        exprs.error(n.span(), "Undefined function '" + name + "'", Suggestions.didYouMean(name, callable));
        return new TExpr.Invalid(c.span());
    }

    /** {@code name<…>(…)}: the written type arguments must be none or exactly {@code count}; reports otherwise. */
    private boolean typeArgCount(Expr.Call c, String name, int count) {
        int given = c.typeArgs().size();
        if (given == 0 || given == count) return true;
        dev.ngnc.source.Span first = c.typeArgs().get(0).span();
        dev.ngnc.source.Span last = c.typeArgs().get(given - 1).span();
        dev.ngnc.source.Span span = new dev.ngnc.source.Span(first.start(), last.end(), first.line(), first.col());
        if (count == 0) {
            exprs.error(span, "Type Error: '" + name + "' takes no type arguments",
                    "ngn has no generic functions; only models and enums take type arguments");
        } else {
            exprs.error(span, "Type Error: '" + name + "' takes " + count + " type argument" + (count == 1 ? "" : "s")
                    + ", got " + given);
        }
        return false;
    }

    /** Calls a value of function type (closure, nested function, fn parameter). */
    private TExpr callValue(TExpr callee, Expr.Call c, String name) {
        Type t = callee.type();
        List<TExpr> args = new ArrayList<>();
        if (t instanceof Type.Fn f) {
            if (f.params().size() != c.args().size()) {
                arityError(c.span(), name, f.params().size(), f.params().size(), c.args().size());
            }
            for (int i = 0; i < c.args().size(); i++) {
                Type pt = i < f.params().size() ? f.params().get(i) : Type.ANY;
                TExpr a = exprs.checkExpecting(c.args().get(i), pt);
                exprs.requireAssignable(pt, a, c.args().get(i).span(), "Argument " + (i + 1) + " mismatch");
                args.add(a);
            }
            return new TExpr.CallValue(callee, args, f.result(), c.span());
        }
        if (Types.isDynamic(t)) {
            for (Expr a : c.args()) args.add(exprs.check(a));
            return new TExpr.CallValue(callee, args, Type.ANY, c.span());
        }
        exprs.error(c.callee().span(), "Type Error: '" + name + "' is not a function (it is "
                + Types.display(t) + ")");
        return new TExpr.Invalid(c.span());
    }

    /**
     * Checks arguments against a function's parameters and completes them: optional parameters get
     * {@code Value(arg)} or {@code Null}, omitted defaults are evaluated at the call site.
     */
    List<TExpr> arguments(FnSymbol fn, List<Expr> given, Span span, String name) {
        int declared = fn.defaults == null ? fn.params.size() : fn.defaults.declared();
        List<Type> types = fn.params.subList(fn.params.size() - declared, fn.params.size()).stream()
                .map(p -> p.type).toList();
        return complete(types, fn.defaults, given, span, name);
    }

    /** A nested named function's parameters: its defaults are checked where it is called (its own scope). */
    private ArgumentDefaults atCallSite(List<Param> params, List<Type> types) {
        return new ArgumentDefaults() {
            @Override public int declared() { return params.size(); }
            @Override public boolean optional(int i) { return params.get(i).optional(); }
            @Override public boolean owned(int i) { return params.get(i).owned(); }
            @Override public boolean hasDefault(int i) { return params.get(i).defaultValue() != null; }
            @Override public TExpr value(int i) {
                Type paramType = types.get(i);
                Type target = optional(i) ? Types.presentPayload(paramType) : paramType;
                return exprs.checkDefault(params.get(i).defaultValue(), target);
            }
        };
    }

    /**
     * {@link #arguments} against parameter types {@code types} and their declarations {@code params} (null: all
     * required) — shared by top-level functions, methods and nested named functions.
     */
    private List<TExpr> complete(List<Type> types, ArgumentDefaults params, List<Expr> given, Span span, String name) {
        int total = types.size();
        int required = 0;
        if (params != null) {
            for (int i = 0; i < params.declared(); i++) if (!params.optional(i) && !params.hasDefault(i)) required++;
        } else {
            required = total;
        }
        if (given.size() < required || given.size() > total) {
            arityError(span, name, required, total, given.size());
        }
        List<TExpr> out = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Type paramType = types.get(i);
            boolean optional = params != null && params.optional(i);
            Type target = optional ? Types.presentPayload(paramType) : paramType;
            if (i < given.size()) {
                Expr argExpr = given.get(i);
                TExpr arg = exprs.checkExpecting(argExpr, target);
                exprs.requireAssignable(target, arg, argExpr.span(), "Argument " + (i + 1) + " mismatch");
                if (optional) {
                    arg = new TExpr.EnumLit(EnumInfo.MAYBE, "Value", arg, paramType, argExpr.span());
                }
                if (params != null && params.owned(i) && argExpr instanceof Expr.Name n) {
                    LocalVar moved = exprs.resolveLocal(n.name(), n.span());
                    if (moved != null) exprs.body.ctx.moved.putIfAbsent(moved, argExpr.span());
                    // the callee owns (and may change) the value: never suggest `const` for it (Lints)
                    if (moved != null) checker.mutatedLocals.add(moved);
                }
                out.add(arg);
            } else if (optional) {
                out.add(new TExpr.NullConst(paramType, span));
            } else if (params != null && params.hasDefault(i)) {
                out.add(params.value(i));
            } else {
                out.add(new TExpr.Invalid(span));
            }
        }
        return out;
    }

    void arityError(Span span, String name, int min, int max, int got) {
        String expects = min == max ? min + " argument" + (min == 1 ? "" : "s") : min + "-" + max + " arguments";
        exprs.error(span, "'" + name + "' expects " + expects + ", got " + got);
    }

    // ---- enum variants --------------------------------------------------------------------------

    private EnumInfo resolveVariantOwner(String owner, String variant, Span span, Type expected) {
        if (owner != null) {
            EnumInfo info = checker.types.enums.get(owner);
            checker.imports.use(owner);
            if (info == null) {
                exprs.error(span, "Type Error: Unknown enum '" + owner + "'",
                        Suggestions.didYouMean(owner, checker.types.enums.keySet()));
                return null;
            }
            if (info.variant(variant) == null) {
                exprs.error(span, "Type Error: Unknown variant '" + variant + "' of enum '" + owner + "'",
                        Suggestions.didYouMean(variant, info.variants.stream().map(EnumInfo.VariantInfo::name).toList()));
                return null;
            }
            return info;
        }
        if (expected instanceof Type.Enum e && e.info().variant(variant) != null) return e.info();
        List<EnumInfo> owners = checker.variantOwners.get(variant);
        if (owners == null || owners.isEmpty()) {
            exprs.error(span, "Type Error: Unknown enum variant '" + variant + "'",
                    Suggestions.didYouMean(variant, checker.variantOwners.keySet()));
            return null;
        }
        if (owners.size() > 1) {
            exprs.error(span, "Type Error: Variant '" + variant + "' is ambiguous (defined by "
                    + owners.stream().map(o -> o.name).toList() + ")", "qualify it, e.g. `" + owners.get(0).name
                    + "::" + variant + "`");
            return null;
        }
        return owners.get(0);
    }

    /** A variant used as a value: a unit variant, or (without arguments) an error for payload variants. */
    TExpr variantValue(String owner, String variant, Span span, Type expected) {
        EnumInfo info = resolveVariantOwner(owner, variant, span, expected);
        checker.imports.use(info); // a bare variant uses the import of its enum
        if (info == null) return new TExpr.Invalid(span);
        EnumInfo.VariantInfo v = info.variant(variant);
        if (v.payload() != null) {
            exprs.error(span, "Type Error: Variant '" + variant + "' needs a payload: " + variant + "(…)");
            return new TExpr.Invalid(span);
        }
        Type t = enumType(info, Map.of(), expected);
        if (info == EnumInfo.MAYBE) return new TExpr.NullConst(t, span);
        return new TExpr.EnumLit(info, variant, null, t, span);
    }

    TExpr variantCall(String owner, String variant, Expr.Call c, Type expected) {
        EnumInfo info = resolveVariantOwner(owner, variant, c.span(), expected);
        checker.imports.use(info);
        if (info == null) return new TExpr.Invalid(c.span());
        EnumInfo.VariantInfo v = info.variant(variant);
        if (v.payload() == null) {
            if (!c.args().isEmpty()) exprs.error(c.span(), "Type Error: Variant '" + variant + "' takes no payload");
            return variantValue(owner, variant, c.span(), expected);
        }
        if (c.args().size() != 1) {
            exprs.error(c.span(), "Type Error: Variant '" + variant + "' takes exactly one payload");
            return new TExpr.Invalid(c.span());
        }
        Map<String, Type> expectedBindings = bindingsOf(info, expected);
        Type payloadExpected = Types.substitute(v.payload(), expectedBindings);
        if (payloadExpected instanceof Type.Param) payloadExpected = null;
        TExpr payload = exprs.checkExpecting(c.args().get(0), payloadExpected);
        Map<String, Type> bindings = new HashMap<>(expectedBindings);
        if (v.payload() instanceof Type.Param p && !bindings.containsKey(p.name())) {
            bindings.put(p.name(), payload.type());
        } else if (payloadExpected != null) {
            exprs.requireAssignable(payloadExpected, payload, c.args().get(0).span(), "Variant payload mismatch");
        }
        return new TExpr.EnumLit(info, variant, payload, enumType(info, bindings, expected), c.span());
    }

    private static Map<String, Type> bindingsOf(EnumInfo info, Type expected) {
        Map<String, Type> m = new HashMap<>();
        if (expected instanceof Type.Enum e && e.info() == info) {
            for (int i = 0; i < info.typeParams.size() && i < e.args().size(); i++) {
                Type a = e.args().get(i);
                if (!(a instanceof Type.Any)) m.put(info.typeParams.get(i), a);
            }
        }
        return m;
    }

    private static Type enumType(EnumInfo info, Map<String, Type> bindings, Type expected) {
        List<Type> args = new ArrayList<>();
        for (String p : info.typeParams) args.add(bindings.getOrDefault(p, Type.ANY));
        return new Type.Enum(info, args);
    }

    // ---- methods --------------------------------------------------------------------------------

    TExpr methodCall(Expr.MethodCall m, Type expected) {
        if (m.optionalChain()) return new Maybes(exprs.body).optionalMethod(m);
        TExpr special = new Natives(exprs).namespaceCall(m, expected);
        if (special != null) return special;
        TExpr staticCall = staticMethodCall(m);
        if (staticCall != null) return staticCall;
        TExpr moduleCall = moduleFunctionCall(m);
        if (moduleCall != null) return moduleCall;
        TExpr globalCall = new Globals(exprs).methodCall(m);
        if (globalCall != null) return globalCall;
        TExpr receiver = exprs.check(m.receiver());
        return methodOn(receiver, m, expected);
    }

    /** {@code M.f(…)} where {@code M} is {@code import * as M from "file.ngn"}. */
    private TExpr moduleFunctionCall(Expr.MethodCall m) {
        if (!(m.receiver() instanceof Expr.Name n)) return null;
        ModuleExports module = checker.fileNamespaces.get(n.name());
        if (module == null || exprs.probeLocal(n.name(), n.span()) != null) return null;
        checker.imports.use(n.name());
        FnSymbol fn = m.name().equals("default") ? module.defaultFunction : module.functions.get(m.name());
        if (fn == null) {
            if (module.incomplete) return new TExpr.Invalid(m.span()); // reported as the module's syntax error
            exprs.error(m.span(), "'" + m.name() + "' is not exported from '" + module.path + "'");
            return new TExpr.Invalid(m.span());
        }
        return new TExpr.Call(fn, arguments(fn, m.args(), m.span(), m.name()), m.span());
    }

    /** {@code Model.method(…)} for an extend method that does not use {@code this}; null if not that shape. */
    private TExpr staticMethodCall(Expr.MethodCall m) {
        if (!(m.receiver() instanceof Expr.Name n) || !checker.types.models.containsKey(n.name())) return null;
        if (exprs.probeLocal(n.name(), n.span()) != null || checker.globals.containsKey(n.name())) return null;
        var info = checker.types.models.get(n.name());
        checker.imports.use(n.name());
        Extensions extensions = new Extensions(checker);
        FnSymbol ext = extensions.find(new Type.Model(info, List.of()), m.name());
        if (ext == null) {
            exprs.error(m.span(), "Type Error: Unknown " + n.name() + " method '" + m.name() + "'",
                    "a static method is an extend method that does not use `this`: extend " + n.name()
                            + " { fn " + m.name() + "(…): " + n.name() + " { … } }");
            return new TExpr.Invalid(m.span());
        }
        if (extensions.takesReceiver(ext)) {
            exprs.error(m.span(), "'" + m.name() + "' uses `this`; call it on an instance of " + n.name());
            return new TExpr.Invalid(m.span());
        }
        return new TExpr.Call(ext, arguments(ext, m.args(), m.span(), m.name()), m.span());
    }

    TExpr methodOn(TExpr receiver, Expr.MethodCall m, Type expected) {
        Type t = receiver.type();
        if (t instanceof Type.Error) return new TExpr.Invalid(m.span());
        Extensions extensions = new Extensions(checker);
        FnSymbol ext = extensions.find(t, m.name());
        if (ext != null) {
            List<TExpr> args = new ArrayList<>();
            if (extensions.takesReceiver(ext) && checker.mutatingMethods.contains(ext)) {
                return mutatingMethodCall(ext, m);
            }
            if (extensions.takesReceiver(ext)) args.add(receiver);
            args.addAll(arguments(ext, m.args(), m.span(), m.name()));
            return new TExpr.Call(ext, args, m.span());
        }
        int argc = m.args().size();
        if (t instanceof Type.Role role) return roleCall(role, receiver, m);
        if (t == Prim.STRING && m.name().equals("replace") && argc == 2
                && m.args().get(0) instanceof Expr.RegexLit) {
            return builtin(BuiltinMethods.stringReplaceRegex(), receiver, m, expected);
        }
        BuiltinMethods.Spec spec = BuiltinMethods.lookup(t, m.name(), argc);
        if (spec == null && Types.isDynamic(t)) return new DynamicCalls(exprs).call(receiver, m);
        if (spec == null) {
            if (BuiltinMethods.exists(t, m.name())) {
                exprs.error(m.span(), "wrong number of arguments for '" + m.name() + "' on "
                        + Types.display(t) + " (got " + argc + ")");
            } else {
                java.util.Set<String> methods = Suggestions.methodNames(checker, t);
                String habit = ForeignHabits.methodHint(m.name(), methods);
                exprs.error(m.span(), "Type Error: Unknown " + kindWord(t) + " method '" + m.name() + "'",
                        habit != null ? habit : Suggestions.didYouMean(m.name(), methods));
            }
            return new TExpr.Invalid(m.span());
        }
        return builtin(spec, receiver, m, expected);
    }

    /**
     * {@code x.m(…)} where method m changes {@code this}: the receiver place is made writable, passed in, and
     * the method mutates it in place (docs: {@code user.changeName("…")} changes user).
     */
    private TExpr mutatingMethodCall(FnSymbol ext, Expr.MethodCall m) {
        Place place = mutationPlace(m);
        if (place == null) return new TExpr.Invalid(m.span());
        RtMethod target = new RtMethod(RtMethod.Invoke.STATIC, ext.ownerInternalName, ext.jvmName, ext.descriptor());
        return new TExpr.Mutate(place, target, arguments(ext, m.args(), m.span(), m.name()), ext.result, m.span());
    }

    /** A method call on a role-typed value: dynamic dispatch through the role's interface. */
    private TExpr roleCall(Type.Role role, TExpr receiver, Expr.MethodCall m) {
        var method = role.info().methods.get(m.name());
        if (method == null) {
            exprs.error(m.span(), "Type Error: role '" + role.info().name + "' has no method '" + m.name() + "'");
            return new TExpr.Invalid(m.span());
        }
        if (method.params.size() != m.args().size()) {
            arityError(m.span(), m.name(), method.params.size(), method.params.size(), m.args().size());
            return new TExpr.Invalid(m.span());
        }
        List<TExpr> args = new ArrayList<>();
        for (int i = 0; i < m.args().size(); i++) {
            TExpr a = exprs.checkExpecting(m.args().get(i), method.params.get(i));
            exprs.requireAssignable(method.params.get(i), a, m.args().get(i).span(), "Argument " + (i + 1) + " mismatch");
            args.add(a);
        }
        return new TExpr.RoleCall(role.info(), dev.ngnc.types.MethodInfo.roleMethodName(method.name),
                method.roleDescriptor(), receiver, args, method.result, m.span());
    }

    /**
     * A function passed to a built-in method: {@code each} takes {@code |item|} or {@code |item, index|}, the others
     * exactly the declared parameters; parameter types must accept what the method passes.
     */
    private static boolean fnArgFits(Type.Fn want, Type.Fn given, String method) {
        int n = given.params().size();
        int max = want.params().size();
        int min = method.equals("each") ? Math.min(1, max) : max;
        return n >= min && n <= max && Types.paramsAccept(want.params().subList(0, n), given.params());
    }

    private static String fnArgDescription(Type.Fn want, String method) {
        if (method.equals("each") && want.params().size() == 2) {
            String item = Types.display(want.params().get(0));
            return "|item: " + item + "| or |item: " + item + ", index: i64|";
        }
        return Types.display(want);
    }

    private static String kindWord(Type t) {
        if (t == Prim.STRING) return "string";
        if (t instanceof Type.Array) return "array";
        if (t instanceof Type.Tuple) return "tuple";
        if (t instanceof Type.Model mt) return mt.info().name;
        return Types.display(t);
    }

    private TExpr builtin(BuiltinMethods.Spec spec, TExpr receiver, Expr.MethodCall m, Type expected) {
        List<TExpr> args = new ArrayList<>();
        for (int i = 0; i < m.args().size(); i++) {
            Type pt = spec.params().get(i);
            Expr argExpr = m.args().get(i);
            // spec 4.3: the parameter of a state.update closure is mutable (`|n| { n = n + 1  return n }`)
            TExpr a = m.name().equals("update")
                    && (receiver.type() instanceof Type.State || Types.isDynamic(receiver.type()))
                    && argExpr instanceof Expr.Closure cl ? exprs.closure(cl, pt, true) : exprs.checkExpecting(argExpr, pt);
            if (!(pt instanceof Type.Fn) || !(a.type() instanceof Type.Fn)) {
                exprs.requireAssignable(pt, a, argExpr.span(), "Argument " + (i + 1) + " mismatch");
            } else if (!fnArgFits((Type.Fn) pt, (Type.Fn) a.type(), m.name())) {
                exprs.error(argExpr.span(), "Type Error: Argument " + (i + 1) + " mismatch. Expected "
                        + fnArgDescription((Type.Fn) pt, m.name()) + ", got " + Types.display(a.type()));
            } else if (m.name().equals("update")) {
                Type.Fn given = (Type.Fn) a.type();
                Type want = ((Type.Fn) pt).result();
                if (!Types.assignable(want, given.result()) || given.result() == Prim.VOID) {
                    exprs.error(argExpr.span(), "Type Error: .update() closure must return " + Types.display(want)
                            + ", got " + Types.display(given.result()));
                }
            }
            args.add(a);
        }
        switch (spec.effect()) {
            case NONE -> {
                List<TExpr> operands = new ArrayList<>();
                operands.add(receiver);
                operands.addAll(args);
                return new TExpr.Builtin(spec.method(), operands, spec.result(), m.span());
            }
            case MUTATES -> {
                if (receiver instanceof TExpr.Mutate inner && returnsReceiver(inner)) {
                    // m.set(a, 1).set(b, 2): every call of the chain applies to m (docs; spec 4.2 notes the ref bug)
                    return new TExpr.Seq(List.of(inner),
                            new TExpr.Mutate(inner.place(), spec.method(), args, spec.result(), m.span()), m.span());
                }
                if (receiver instanceof TExpr.Seq seq && seq.value() instanceof TExpr.Mutate inner
                        && returnsReceiver(inner)) {
                    List<TExpr> effects = new ArrayList<>(seq.effects());
                    effects.add(inner);
                    return new TExpr.Seq(effects,
                            new TExpr.Mutate(inner.place(), spec.method(), args, spec.result(), m.span()), m.span());
                }
                Place place = mutationPlace(m);
                if (place == null) return new TExpr.Invalid(m.span());
                return new TExpr.Mutate(place, spec.method(), args, spec.result(), m.span());
            }
            case STRING_SLICE -> {
                Place place = mutationPlace(m);
                if (place == null) return new TExpr.Invalid(m.span());
                return new TExpr.StringSlice(place, spec.method(), spec.rest(), args, m.span());
            }
        }
        throw new IllegalStateException();
    }

    /** Map {@code set} and set {@code add} return their receiver, so calls on them chain. */
    private static boolean returnsReceiver(TExpr.Mutate m) {
        String owner = m.method().owner();
        return (owner.endsWith("/NgnMap") && m.method().name().equals("set"))
                || (owner.endsWith("/NgnSet") && m.method().name().equals("add"));
    }

    private Place mutationPlace(Expr.MethodCall m) {
        if (m.receiver() instanceof Expr.This && exprs.body.ctx.thisVar != null
                && !exprs.isCaptured(exprs.body.ctx.thisVar)) {
            return new Place.Local(exprs.body.ctx.thisVar);
        }
        return exprs.place(m.receiver(), "call mutating method '" + m.name() + "' on", true, m.name());
    }

    /** Converts a value to its printed text ({@code fmt} of spec 5) for print and interpolation. */
    TExpr format(TExpr value, Span span) {
        Type t = value.type();
        if (t == Prim.STRING) return value;
        String desc;
        if (Types.isInt(t)) desc = "(J)";
        else if (Types.isFloat(t)) desc = "(D)";
        else if (t == Prim.BOOL) desc = "(Z)";
        else desc = "(Ljava/lang/Object;)";
        return new TExpr.Builtin(RtMethod.stat("Fmt", "str", desc + "Ljava/lang/String;"), List.of(value),
                Prim.STRING, span);
    }
}
