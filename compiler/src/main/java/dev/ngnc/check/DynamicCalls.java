package dev.ngnc.check;

import dev.ngnc.ast.Expr;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.Place;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.JvmTypes;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        if (!extensions.takesReceiver(ext)) {
            // a method that never reads `this` compiles to a static over its arguments alone
            if (ext.params.size() == argc) {
                branches.add(new TExpr.DynBranch(JvmTypes.internalName(kind),
                        new RtMethod(RtMethod.Invoke.STATIC, ext.ownerInternalName, ext.jvmName, ext.descriptor()),
                        null, true));
            }
            return false;
        }
        if (ext.params.size() != argc + 1) return false;
        String desc = ext.descriptor();
        String recv = firstParamClass(desc);
        if (recv != null) {
            branches.add(new TExpr.DynBranch(recv,
                    new RtMethod(RtMethod.Invoke.STATIC, ext.ownerInternalName, ext.jvmName, desc)));
        }
        return checker.mutatingMethods.contains(ext);
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
