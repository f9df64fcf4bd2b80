package dev.ngnc.check;

import dev.ngnc.ast.TypeExpr;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.source.SourceFile;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.RoleInfo;
import dev.ngnc.types.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns written types ({@link TypeExpr}) into checked {@link Type}s using the program's declared type names. */
final class TypeResolver {
    private final SourceFile file;
    private final Diagnostics diagnostics;
    final Map<String, ModelInfo> models = new HashMap<>();
    final Map<String, EnumInfo> enums = new HashMap<>();
    final Map<String, RoleInfo> roles = new HashMap<>();
    final Map<String, TypeExpr> aliasDecls = new HashMap<>();
    private final Map<String, Type> resolvedAliases = new HashMap<>();
    private final Set<String> resolvingAliases = new HashSet<>();
    /** Names of failed imports (shared with the checker): unknown-type errors for them are not repeated. */
    Set<String> unavailable = new HashSet<>();
    /** Type names resolved here (shared with the checker's ImportUses: an import used only in types is used). */
    Set<String> consulted = new HashSet<>();
    /** The tools' index (null when nobody asked): a written type name is a use of the model/enum/role/alias it names. */
    SymbolIndex index;
    /** Local type aliases → the object their declaration was indexed under (its written type). */
    final Map<String, Object> aliasTargets = new HashMap<>();

    TypeResolver(SourceFile file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
        enums.put("Maybe", EnumInfo.MAYBE);
        enums.put("Result", EnumInfo.RESULT);
    }

    boolean isTypeName(String name) {
        return models.containsKey(name) || enums.containsKey(name) || roles.containsKey(name)
                || aliasDecls.containsKey(name);
    }

    /** Makes an alias resolved in another module visible here under {@code name}. */
    void defineAlias(String name, Type type) {
        aliasDecls.put(name, null);
        resolvedAliases.put(name, type);
    }

    /** Forgets the alias {@code name} (a user declaration replaces a built-in alias). */
    void forgetAlias(String name) {
        aliasDecls.remove(name);
        resolvedAliases.remove(name);
    }

    /**
     * Type parameter names of the generic model whose {@code extend} block is being checked ({@code T} of
     * {@code model Stack<T>}): in its methods' signatures and bodies they stand for {@code any}, as the receiver
     * {@code this} is a {@code Stack<any>} there (generics have no run-time effect, spec 8).
     */
    List<String> erasedParams = List.of();

    Type resolve(TypeExpr t) {
        if (erasedParams.isEmpty()) return resolve(t, List.of());
        Map<String, Type> any = new HashMap<>();
        for (String p : erasedParams) any.put(p, Type.ANY);
        return dev.ngnc.types.Types.substitute(resolve(t, erasedParams), any);
    }

    /** @param typeParams names that stand for type parameters in this context (e.g. a generic model's T) */
    Type resolve(TypeExpr t, List<String> typeParams) {
        return switch (t) {
            case TypeExpr.Named n -> named(n, typeParams);
            case TypeExpr.Fn f -> {
                if (f.args().isEmpty()) yield new Type.Fn(List.of(), Prim.VOID);
                List<Type> all = resolveAll(f.args(), typeParams);
                yield new Type.Fn(all.subList(0, all.size() - 1), all.get(all.size() - 1));
            }
            case TypeExpr.Tuple tu -> new Type.Tuple(resolveAll(tu.elements(), typeParams));
            case TypeExpr.Union u -> new Type.Union(resolveAll(u.members(), typeParams));
            case TypeExpr.Optional o -> dev.ngnc.types.Types.maybe(resolve(o.inner(), typeParams));
            case TypeExpr.Count c -> {
                diagnostics.error(file, c.span(), "Type Error: a number is not a type");
                yield Type.ERROR;
            }
        };
    }

    private List<Type> resolveAll(List<TypeExpr> ts, List<String> typeParams) {
        List<Type> out = new ArrayList<>(ts.size());
        for (TypeExpr t : ts) out.add(resolve(t, typeParams));
        return out;
    }

    private Type named(TypeExpr.Named n, List<String> typeParams) {
        String name = n.name();
        List<TypeExpr> args = n.args();
        if (typeParams.contains(name) && args.isEmpty()) return new Type.Param(name);
        Prim prim = Prim.byName(name);
        if (prim != null) return args.isEmpty() ? prim : notGeneric(n, "'" + name + "'");
        switch (name) {
            case "any": return args.isEmpty() ? Type.ANY : notGeneric(n, "'any'");
            case "array":
                if (!arity(n, 1)) return Type.ERROR;
                return new Type.Array(args.isEmpty() ? Prim.I64 : arg(args, 0, typeParams));
            case "set": return arity(n, 1) ? new Type.SetT(arg(args, 0, typeParams)) : Type.ERROR;
            case "channel": return arity(n, 1) ? new Type.Channel(arg(args, 0, typeParams)) : Type.ERROR;
            case "state": return arity(n, 1) ? new Type.State(arg(args, 0, typeParams)) : Type.ERROR;
            case "map":
                if (!arity(n, 2)) return Type.ERROR;
                return new Type.MapT(arg(args, 0, typeParams), arg(args, 1, typeParams));
            case "tuple": {
                if (args.size() == 2 && args.get(1) instanceof TypeExpr.Count count) {
                    Type element = resolve(args.get(0), typeParams);
                    List<Type> elements = new ArrayList<>();
                    for (long i = 0; i < count.value() && i < 1024; i++) elements.add(element);
                    return new Type.Tuple(elements);
                }
                return new Type.Tuple(resolveAll(args, typeParams));
            }
            case "object": return new Type.Object(Map.of());
            default: break;
        }
        consulted.add(name);
        if (index != null) indexUse(n);
        if (models.containsKey(name)) {
            ModelInfo info = models.get(name);
            if (!arity(n, info.typeParams.size())) return Type.ERROR;
            return new Type.Model(info, typeArgs(info.typeParams, args, typeParams));
        }
        if (enums.containsKey(name)) {
            EnumInfo info = enums.get(name);
            if (!arity(n, info.typeParams.size())) return Type.ERROR;
            return new Type.Enum(info, typeArgs(info.typeParams, args, typeParams));
        }
        if (roles.containsKey(name)) return args.isEmpty() ? new Type.Role(roles.get(name)) : notGeneric(n, "role '" + name + "'");
        if (aliasDecls.containsKey(name)) return args.isEmpty() ? alias(name, n) : notGeneric(n, "type alias '" + name + "'");
        if (unavailable.contains(name)) return Type.ERROR;
        diagnostics.error(file, n.span(), "Type Error: Unknown type '" + name + "'");
        return Type.ERROR;
    }

    /** Records {@code n}'s name as a use of the declaration it resolves to (type arguments are resolved on their own). */
    private void indexUse(TypeExpr.Named n) {
        String name = n.name();
        Object target = models.get(name);
        if (target == null) target = enums.get(name);
        if (target == null) target = roles.get(name);
        if (target == null) target = aliasTargets.get(name);
        if (target != null) index.useNamed(file, name, n.span().start(), n.span().end(), target);
    }

    /**
     * Written type arguments may all be left out (a bare {@code array} is {@code array<i64>}, a bare generic model
     * is inferred) but otherwise must be exactly as many as the type takes.
     */
    private boolean arity(TypeExpr.Named n, int max) {
        int given = n.args().size();
        if (given == 0 || given == max) return true;
        if (max == 0) {
            notGeneric(n, "'" + n.name() + "'");
        } else {
            diagnostics.error(file, n.span(), "Type Error: '" + n.name() + "' takes " + max + " type argument"
                    + (max == 1 ? "" : "s") + ", got " + given);
        }
        return false;
    }

    private Type notGeneric(TypeExpr.Named n, String what) {
        diagnostics.error(file, n.span(), "Type Error: " + what + " takes no type arguments");
        return Type.ERROR;
    }

    private List<Type> typeArgs(List<String> params, List<TypeExpr> args, List<String> typeParams) {
        List<Type> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            out.add(i < args.size() ? resolve(args.get(i), typeParams) : Type.ANY);
        }
        return out;
    }

    private Type arg(List<TypeExpr> args, int i, List<String> typeParams) {
        return i < args.size() ? resolve(args.get(i), typeParams) : Type.ANY;
    }

    private Type alias(String name, TypeExpr.Named use) {
        Type done = resolvedAliases.get(name);
        if (done != null) return done;
        if (!resolvingAliases.add(name)) {
            diagnostics.error(file, use.span(), "Type Error: type alias '" + name + "' refers to itself");
            return Type.ERROR;
        }
        Type t = resolve(aliasDecls.get(name));
        resolvingAliases.remove(name);
        resolvedAliases.put(name, t);
        return t;
    }
}
