package dev.ngnc.check;

import dev.ngnc.ast.Expr;
import dev.ngnc.source.Span;
import dev.ngnc.tast.ArgumentDefaults;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.Place;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.JvmTypes;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Method calls on a value whose static type is dynamic (an untyped parameter, a {@code json.parse} result): the
 * call becomes a {@link TExpr.DynCall} whose candidates come from the same tables as typed calls — user methods
 * ({@code extend}, model methods) and {@link BuiltinMethods#lookup} for each run-time kind — so the two paths
 * cannot disagree about which methods exist or what they do. Typed calls never come here.
 */
final class DynamicCalls {
    /** One representative type per run-time kind that has built-in methods (element types unknown: any). */
    private static final List<Type> KINDS = List.of(Prim.STRING, new Type.Array(Type.ANY),
            new Type.Tuple(new ArrayList<>()), new Type.MapT(Type.ANY, Type.ANY), new Type.SetT(Type.ANY),
            Prim.BYTES, new Type.Channel(Type.ANY));

    private final ExprChecker exprs;
    private final Checker checker;

    DynamicCalls(ExprChecker exprs) {
        this.exprs = exprs;
        this.checker = exprs.checker;
    }

    TExpr call(TExpr receiver, Expr.MethodCall m) {
        String name = m.name();
        int argc = m.args().size();
        Extensions extensions = new Extensions(checker);
        List<TExpr.DynBranch> branches = new ArrayList<>();
        List<TExpr.DynBranch> replacing = new ArrayList<>();
        boolean mutating = false;
        for (Type kind : KINDS) {
            FnSymbol ext = extensions.find(kind, name);
            if (ext != null) {
                mutating |= addUser(branches, extensions, ext, kind, argc);
                continue;
            }
            BuiltinMethods.Spec spec = BuiltinMethods.lookup(kind, name, argc);
            if (spec == null) continue;
            RtMethod rt = spec.method();
            String recv = receiverClass(rt);
            if (recv == null) continue;
            switch (spec.effect()) {
                case NONE -> branches.add(new TExpr.DynBranch(recv, rt));
                case MUTATES -> {
                    mutating = true;
                    branches.add(new TExpr.DynBranch(recv, rt));
                }
                case STRING_SLICE -> {
                    mutating = true;
                    replacing.add(new TExpr.DynBranch(recv, rt, spec.rest()));
                }
            }
        }
        List<ModelInfo> models = new ArrayList<>(checker.types.models.values());
        models.sort(Comparator.comparing(mi -> mi.internalName));
        for (ModelInfo info : models) {
            FnSymbol ext = extensions.find(new Type.Model(info, List.of()), name);
            if (ext != null) mutating |= addUser(branches, extensions, ext, new Type.Model(info, List.of()), argc);
        }
        Place place = null;
        if (mutating) {
            // value semantics: the changed receiver must land back in its place (and in no alias of it)
            place = m.receiver() instanceof Expr.This && exprs.body.ctx.thisVar != null
                    && !exprs.isCaptured(exprs.body.ctx.thisVar)
                    ? new Place.Local(exprs.body.ctx.thisVar)
                    : exprs.place(m.receiver(), "call mutating method '" + name + "' on", true, name);
            if (place == null) return new TExpr.Invalid(m.span());
        }
        List<TExpr> args = new ArrayList<>();
        for (Expr a : m.args()) args.add(exprs.checkExpecting(a, Type.ANY));
        return new TExpr.DynCall(name, receiver, args, branches, place, replacing, m.span());
    }

    /** Adds a user method taking the receiver and {@code argc} arguments; true when it mutates its receiver. */
    private boolean addUser(List<TExpr.DynBranch> branches, Extensions extensions, FnSymbol ext, Type kind,
                            int argc) {
        boolean receiver = extensions.takesReceiver(ext);
        FnSymbol target = withArgc(ext, receiver ? 1 : 0, argc);
        if (target == null) return false;
        if (!receiver) {
            // a method that never reads `this` compiles to a static over its arguments alone
            branches.add(new TExpr.DynBranch(JvmTypes.internalName(kind),
                    new RtMethod(RtMethod.Invoke.STATIC, target.ownerInternalName, target.jvmName, target.descriptor()),
                    null, true));
            return false;
        }
        String desc = target.descriptor();
        String recv = firstParamClass(desc);
        if (recv != null) {
            branches.add(new TExpr.DynBranch(recv,
                    new RtMethod(RtMethod.Invoke.STATIC, target.ownerInternalName, target.jvmName, desc)));
        }
        return checker.mutatingMethods.contains(ext);
    }

    /**
     * {@code ext} callable with {@code argc} arguments: itself when it declares that many and none is optional, else
     * (when every parameter past them is optional or has a default) a wrapper taking only the first {@code argc}, which
     * wraps the optional ones given in {@code Value(…)} and completes the others as a typed call does ({@code Null},
     * the declared default) — so {@code s.shout()} on an untyped {@code s} finds {@code fn shout(times: i64 = 1)}.
     * Null when {@code argc} does not fit.
     */
    private FnSymbol withArgc(FnSymbol ext, int receivers, int argc) {
        int declared = ext.params.size() - receivers;
        ArgumentDefaults d = ext.defaults;
        if (argc > declared) return null;
        if (d == null || d.declared() != declared) return argc == declared ? ext : null;
        boolean optionalGiven = false;
        for (int i = 0; i < argc; i++) optionalGiven |= d.optional(i);
        if (argc == declared && !optionalGiven) return ext;
        for (int i = argc; i < declared; i++) if (!d.optional(i) && !d.hasDefault(i)) return null;
        FnSymbol w = checker.dynWrappers.computeIfAbsent(ext, k -> new HashMap<>()).computeIfAbsent(argc, n -> {
            List<LocalVar> params = new ArrayList<>();
            for (int i = 0; i < receivers + n; i++) {
                LocalVar orig = ext.params.get(i);
                // an optional parameter takes the plain value here and wraps it, as a typed call does
                Type t = i >= receivers && d.optional(i - receivers) ? Type.ANY : orig.type;
                params.add(new LocalVar(orig.name, t, i < receivers));
            }
            // named so that backtraces skip it (rt.Backtrace.ngnName: no ngn frame)
            return new FnSymbol(ext.name, checker.mainClass, "args$" + ext.jvmName + "$" + n, params, ext.result,
                    ext.span);
        });
        w.result = ext.result; // a result inferred after an earlier (discarded) pass made the wrapper
        return w;
    }

    /** The bodies of the wrappers made by {@link #withArgc}: call the method with the completed arguments. */
    static List<FnSymbol> finishWrappers(Checker checker) {
        List<FnSymbol> out = new ArrayList<>();
        for (Map.Entry<FnSymbol, Map<Integer, FnSymbol>> e : checker.dynWrappers.entrySet()) {
            FnSymbol ext = e.getKey();
            ArgumentDefaults d = ext.defaults;
            int receivers = ext.params.size() - d.declared();
            for (Map.Entry<Integer, FnSymbol> byArgc : e.getValue().entrySet()) {
                FnSymbol w = byArgc.getValue();
                int argc = byArgc.getKey();
                Span span = ext.span == null ? Span.NONE : ext.span;
                List<TExpr> args = new ArrayList<>();
                for (int i = 0; i < w.params.size(); i++) {
                    TExpr arg = new TExpr.Local(w.params.get(i), span);
                    if (i >= receivers && d.optional(i - receivers)) {
                        arg = new TExpr.EnumLit(dev.ngnc.types.EnumInfo.MAYBE, "Value", arg, ext.params.get(i).type,
                                span);
                    }
                    args.add(arg);
                }
                for (int i = argc; i < d.declared(); i++) {
                    args.add(d.optional(i) ? new TExpr.NullConst(ext.params.get(receivers + i).type, span) : d.value(i));
                }
                w.result = ext.result;
                // a method changing its receiver gets it as a place (no share(), which would make it copy)
                TExpr call = receivers == 1 && checker.mutatingMethods.contains(ext)
                        ? new TExpr.Mutate(new Place.Local(w.params.get(0)), new RtMethod(RtMethod.Invoke.STATIC,
                                ext.ownerInternalName, ext.jvmName, ext.descriptor()), args.subList(1, args.size()),
                                ext.result, span)
                        : new TExpr.Call(ext, args, span);
                w.body = new TStmt.Block(ext.result == Prim.VOID
                        ? List.of(new TStmt.ExprStmt(call, span), new TStmt.Return(null, span))
                        : List.of(new TStmt.Return(call, span)), span);
                out.add(w);
            }
        }
        return out;
    }

    private static String receiverClass(RtMethod rt) {
        return rt.invoke() == RtMethod.Invoke.VIRTUAL ? rt.owner() : firstParamClass(rt.descriptor());
    }

    /** The class of a static method's first (receiver) parameter, or null when it is a primitive. */
    private static String firstParamClass(String descriptor) {
        if (descriptor.length() < 2 || descriptor.charAt(1) != 'L') return null;
        return descriptor.substring(2, descriptor.indexOf(';'));
    }
}
