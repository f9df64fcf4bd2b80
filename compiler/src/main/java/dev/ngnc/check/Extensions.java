package dev.ngnc.check;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.TypeExpr;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.TProgram;
import dev.ngnc.types.MethodInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.RoleInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code extend} blocks: methods become static functions taking the receiver as {@code this}. Lookup is by
 * receiver kind (all integer types share a table, all float types another, {@code number} is the numeric
 * fallback), as in the reference; a user method shadows a built-in one.
 */
final class Extensions {
    private final Checker checker;

    Extensions(Checker checker) { this.checker = checker; }

    /** The extension table key of a type, or null when the type cannot be extended. */
    static String key(Type t) {
        if (Types.isInt(t)) return "int";
        if (Types.isFloat(t)) return "float";
        if (t == Prim.NUMBER) return "number";
        if (t == Prim.STRING) return "string";
        if (t == Prim.BOOL) return "bool";
        if (t instanceof Type.Array) return "array";
        if (t instanceof Type.Tuple) return "tuple";
        if (t instanceof Type.MapT) return "map";
        if (t instanceof Type.SetT) return "set";
        if (t instanceof Type.Model m) return "model:" + m.info().name;
        return null;
    }

    /**
     * A method that calls a mutating method on {@code this} ({@code fn renameTwice(n) { this.rename(n) }}) mutates
     * too: a fixed point over the calls, resolved in the receiver's own method table, after every extend block is
     * declared (so the order of methods and blocks does not matter).
     */
    static void propagateMutation(Checker checker) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map<String, FnSymbol> table : checker.extensions.values()) {
                for (FnSymbol sym : table.values()) {
                    if (checker.mutatingMethods.contains(sym)) continue;
                    Decl.Fn f = checker.fnDecls.get(sym);
                    if (f == null || f.body() == null) continue;
                    if (AstWalk.anyExpr(f.body(), e -> e instanceof dev.ngnc.ast.Expr.MethodCall m
                            && m.receiver() instanceof dev.ngnc.ast.Expr.This
                            && table.get(m.name()) != null && checker.mutatingMethods.contains(table.get(m.name())))) {
                        checker.mutatingMethods.add(sym);
                        changed = true;
                    }
                }
            }
        }
    }

    void declare(Decl.Extend x) {
        List<String> typeParams = typeParams(x.target());
        Type target = checker.types.resolve(typeParams.isEmpty() ? x.target()
                : new TypeExpr.Named(((TypeExpr.Named) x.target()).name(), List.of(), x.target().span()));
        if (target instanceof Type.Model m && typeParams.isEmpty()) typeParams = m.info().typeParams;
        List<String> outer = checker.types.erasedParams;
        checker.types.erasedParams = typeParams;
        try {
            declare(x, target);
        } finally {
            checker.types.erasedParams = outer;
        }
    }

    /**
     * The type parameter names an {@code extend} of a generic model writes ({@code extend Stack<T>}: {@code T}), or
     * none when the target is written without arguments (then the model's own names apply).
     */
    private List<String> typeParams(TypeExpr target) {
        if (!(target instanceof TypeExpr.Named n) || n.args().isEmpty()) return List.of();
        ModelInfo info = checker.types.models.get(n.name());
        if (info == null || info.typeParams.size() != n.args().size()) return List.of();
        List<String> names = new ArrayList<>();
        for (TypeExpr a : n.args()) {
            if (!(a instanceof TypeExpr.Named p) || !p.args().isEmpty() || checker.types.isTypeName(p.name())
                    || Prim.byName(p.name()) != null) return List.of();
            names.add(p.name());
        }
        return names;
    }

    private void declare(Decl.Extend x, Type target) {
        String key = key(target);
        if (key == null) {
            if (!(target instanceof Type.Error)) {
                checker.error(x.target().span(), "Type Error: Cannot extend " + Types.display(target));
            }
            return;
        }
        Type receiver = target;
        if (target instanceof Type.Model m && !m.info().typeParams.isEmpty()) receiver = new Type.Model(m.info(),
                m.info().typeParams.stream().map(p -> (Type) Type.ANY).toList());
        Map<String, FnSymbol> table = checker.extensions.computeIfAbsent(key, k -> new HashMap<>());
        for (Decl.Fn f : x.methods()) {
            if (f.body() == null) continue;
            FnSymbol earlier = table.get(f.name());
            if (earlier != null) {
                checker.error(f.nameSpan(), "method '" + f.name() + "' is already defined for " + tableName(key, target)
                        + " (line " + lineOf(earlier) + ")", key.equals("int") || key.equals("float")
                        ? "all " + (key.equals("int") ? "integer" : "float") + " types share one method table"
                        : "rename one of them");
                continue;
            }
            declareMethod(f, key, receiver, table);
        }
        for (String roleName : x.roles()) bindRole(x, target, receiver, roleName, table, key);
    }

    /** {@code extend M with R}: every method of R must be defined (or have a default body in R). */
    private void bindRole(Decl.Extend x, Type target, Type receiver, String roleName, Map<String, FnSymbol> table,
                          String key) {
        RoleInfo role = checker.types.roles.get(roleName);
        checker.imports.use(roleName);
        if (role == null) {
            checker.error(x.span(), "Type Error: Unknown role '" + roleName + "'");
            return;
        }
        if (checker.index != null) { // the role names follow the target in `extend T with R, S {`
            checker.index.useNamed(checker.file, roleName, x.target().span().end(), x.span().end(), role);
        }
        if (!(target instanceof Type.Model model)) {
            checker.error(x.span(), "Type Error: only models can be extended with a role, not " + Types.display(target));
            return;
        }
        if (HttpModels.isBuiltin(model.info())) {
            checker.error(x.span(), "Type Error: built-in model " + model.info().name + " cannot take role '"
                    + role.name + "'", "its class belongs to the runtime; extend it with plain methods "
                    + "(`extend " + model.info().name + " { fn … }`), or wrap it in a model of your own that takes the role");
            return;
        }
        if (!model.info().roles.contains(role)) model.info().roles.add(role);
        Decl.Role decl = checker.roleDecls.get(role);
        for (MethodInfo m : role.methods.values()) {
            FnSymbol impl = table.get(m.name);
            if (impl == null) {
                Decl.Fn defaultBody = decl == null ? null : decl.methods().stream()
                        .filter(f -> f.name().equals(m.name) && f.body() != null).findFirst().orElse(null);
                if (defaultBody == null) {
                    checker.error(x.span(), "Type Error: Target '" + Types.display(target)
                            + "' does not implement method '" + m.name + "' required by role '" + role.name + "'");
                    continue;
                }
                impl = declareMethod(defaultBody, key, receiver, table);
            }
            int implParams = checker.fnParams.get(impl).size();
            if (implParams != m.params.size()) {
                checker.error(x.span(), "Type Error: method '" + m.name + "' of " + Types.display(target) + " takes "
                        + implParams + " parameters but role '" + role.name + "' declares " + m.params.size());
                continue;
            }
            if (!signatureFits(impl, m, x, target, role)) continue;
            checker.roleBindings.add(new TProgram.RoleBinding(model.info(), role, m.name, impl));
        }
    }

    /** The method's parameter and result types must be compatible with the role's (the bridge converts). */
    private boolean signatureFits(FnSymbol impl, MethodInfo m, Decl.Extend x, Type target, RoleInfo role) {
        int first = impl.params.size() - m.params.size();
        for (int i = 0; i < m.params.size(); i++) {
            Type implType = impl.params.get(first + i).type;
            Type roleType = m.params.get(i);
            if (!Types.assignable(implType, roleType)) {
                checker.error(x.span(), "Type Error: parameter " + (i + 1) + " of method '" + m.name + "' of "
                        + Types.display(target) + " is " + Types.display(implType) + " but role '" + role.name
                        + "' declares " + Types.display(roleType));
                return false;
            }
        }
        boolean resultFits = m.result == Prim.VOID ? impl.result == Prim.VOID : Types.assignable(m.result, impl.result);
        if (!resultFits) {
            checker.error(x.span(), "Type Error: method '" + m.name + "' of " + Types.display(target) + " returns "
                    + Types.display(impl.result) + " but role '" + role.name + "' declares "
                    + Types.display(m.result));
            return false;
        }
        return true;
    }

    private static String tableName(String key, Type target) {
        return switch (key) {
            case "int" -> "integers";
            case "float" -> "floats";
            default -> Types.display(target);
        };
    }

    private int lineOf(FnSymbol sym) {
        return sym.span == null ? 0 : sym.span.line();
    }

    private FnSymbol declareMethod(Decl.Fn f, String key, Type receiver, Map<String, FnSymbol> table) {
        String jvmName = "ext$" + key.replace(':', '$') + "$" + f.name();
        // A method that never mentions `this` is also callable statically: `User.new(…)`.
        FnSymbol sym = checker.signature(f, checker.mainClass, jvmName, mentionsThis(f) ? receiver : null);
        table.put(f.name(), sym);
        if (checker.index != null) {
            checker.index.declareMethod(checker.file, sym, Types.display(receiver),
                    receiver instanceof Type.Model m ? m.info() : key);
        }
        checker.fnDecls.put(sym, f);
        checker.fnParams.put(sym, f.params());
        checker.ownDefaults(sym, f.params(), sym.params.size() - f.params().size());
        checker.extensionSymbols.add(sym);
        if (!checker.types.erasedParams.isEmpty()) checker.methodTypeParams.put(sym, checker.types.erasedParams);
        if (AstWalk.mutatesThis(f.body())) checker.mutatingMethods.add(sym);
        return sym;
    }

    private static boolean mentionsThis(Decl.Fn f) { return AstWalk.mentionsThis(f.body()); }

    /** Does {@code sym} take the receiver as parameter 0? */
    boolean takesReceiver(FnSymbol sym) {
        var params = checker.fnParams.get(sym);
        return params != null && sym.params.size() > params.size();
    }

    /** The user method {@code name} for a receiver of type {@code t}, or null. */
    FnSymbol find(Type t, String name) {
        String key = key(t);
        if (key == null) return null;
        FnSymbol f = lookup(key, name);
        if (f == null && Types.isNumeric(t)) f = lookup("number", name);
        return f;
    }

    private FnSymbol lookup(String key, String name) {
        Map<String, FnSymbol> table = checker.extensions.get(key);
        return table == null ? null : table.get(name);
    }
}
