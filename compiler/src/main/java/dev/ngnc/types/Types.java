package dev.ngnc.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Queries and constructors over {@link Type}: display, numeric classes, substitution, assignability. */
public final class Types {
    private Types() {}

    public static Type maybe(Type inner) { return new Type.Enum(EnumInfo.MAYBE, List.of(inner)); }

    public static Type result(Type ok, Type err) { return new Type.Enum(EnumInfo.RESULT, List.of(ok, err)); }

    public static boolean isMaybe(Type t) { return t instanceof Type.Enum e && e.info() == EnumInfo.MAYBE; }

    public static boolean isResult(Type t) { return t instanceof Type.Enum e && e.info() == EnumInfo.RESULT; }

    /** The payload type of a Maybe ({@code T}) or Result ({@code T}); null otherwise. */
    public static Type presentPayload(Type t) {
        if (t instanceof Type.Enum e && (e.info() == EnumInfo.MAYBE || e.info() == EnumInfo.RESULT)) {
            return e.args().isEmpty() ? Type.ANY : e.args().get(0);
        }
        return null;
    }

    public static boolean isInt(Type t) { return t instanceof Prim p && p.isInteger(); }

    public static boolean isFloat(Type t) { return t instanceof Prim p && p.isFloat(); }

    /** Integer, float, or the generic {@code number}. */
    public static boolean isNumeric(Type t) { return t instanceof Prim p && p.isNumeric(); }

    public static boolean isDynamic(Type t) {
        return t instanceof Type.Any || t instanceof Type.Error || t instanceof Type.Union || t instanceof Type.Param
                || t == Prim.NUMBER;
    }

    public static boolean isVoid(Type t) { return t == Prim.VOID; }

    /** ngn spelling, used in our diagnostics: {@code i64}, {@code array<string>}, {@code Maybe<i64>}, {@code (i64, bool)}. */
    public static String display(Type t) {
        return switch (t) {
            case Prim p -> p.ngnName;
            case Type.Array a -> "array<" + display(a.element()) + ">";
            case Type.Tuple tu -> joined("(", tu.elements(), ")");
            case Type.MapT m -> "map<" + display(m.key()) + ", " + display(m.value()) + ">";
            case Type.SetT s -> "set<" + display(s.element()) + ">";
            case Type.Channel c -> "channel<" + display(c.element()) + ">";
            case Type.State s -> "state<" + display(s.value()) + ">";
            case Type.Fn f -> {
                List<Type> all = new ArrayList<>(f.params());
                all.add(f.result());
                yield f.params().isEmpty() && f.result() == Prim.VOID ? "fn" : joined("fn<", all, ">");
            }
            case Type.Model m -> m.args().isEmpty() ? m.info().name : joined(m.info().name + "<", m.args(), ">");
            case Type.Enum e -> e.args().isEmpty() ? e.info().name : joined(e.info().name + "<", e.args(), ">");
            case Type.Object o -> "object";
            case Type.Range r -> "range";
            case Type.Regex r -> "regex";
            case Type.Any a -> "any";
            case Type.Union u -> {
                StringJoiner j = new StringJoiner(" | ");
                for (Type m : u.members()) j.add(display(m));
                yield j.toString();
            }
            case Type.Param p -> p.name();
            case Type.Role r -> r.info().name;
            case Type.Error e -> "<error>";
        };
    }

    private static String joined(String open, List<Type> types, String close) {
        StringJoiner j = new StringJoiner(", ", open, close);
        for (Type t : types) j.add(display(t));
        return j.toString();
    }

    /** Replaces type parameters by their bindings (unbound ones stay as they are). */
    public static Type substitute(Type t, Map<String, Type> bindings) {
        if (bindings.isEmpty()) return t;
        return switch (t) {
            case Type.Param p -> bindings.getOrDefault(p.name(), p);
            case Type.Array a -> new Type.Array(substitute(a.element(), bindings));
            case Type.Tuple tu -> new Type.Tuple(substituteAll(tu.elements(), bindings));
            case Type.MapT m -> new Type.MapT(substitute(m.key(), bindings), substitute(m.value(), bindings));
            case Type.SetT s -> new Type.SetT(substitute(s.element(), bindings));
            case Type.Channel c -> new Type.Channel(substitute(c.element(), bindings));
            case Type.State s -> new Type.State(substitute(s.value(), bindings));
            case Type.Fn f -> new Type.Fn(substituteAll(f.params(), bindings), substitute(f.result(), bindings));
            case Type.Model m -> new Type.Model(m.info(), substituteAll(m.args(), bindings));
            case Type.Enum e -> new Type.Enum(e.info(), substituteAll(e.args(), bindings));
            case Type.Union u -> new Type.Union(substituteAll(u.members(), bindings));
            default -> t;
        };
    }

    /** Does {@code t} mention a type parameter anywhere (so it means something only once bound)? */
    public static boolean mentionsParam(Type t) {
        return switch (t) {
            case Type.Param p -> true;
            case Type.Array a -> mentionsParam(a.element());
            case Type.Tuple tu -> tu.elements().stream().anyMatch(Types::mentionsParam);
            case Type.MapT m -> mentionsParam(m.key()) || mentionsParam(m.value());
            case Type.SetT s -> mentionsParam(s.element());
            case Type.Channel c -> mentionsParam(c.element());
            case Type.State s -> mentionsParam(s.value());
            case Type.Fn f -> f.params().stream().anyMatch(Types::mentionsParam) || mentionsParam(f.result());
            case Type.Model m -> m.args().stream().anyMatch(Types::mentionsParam);
            case Type.Enum e -> e.args().stream().anyMatch(Types::mentionsParam);
            case Type.Union u -> u.members().stream().anyMatch(Types::mentionsParam);
            default -> false;
        };
    }

    public static List<Type> substituteAll(List<Type> types, Map<String, Type> bindings) {
        List<Type> out = new ArrayList<>(types.size());
        for (Type t : types) out.add(substitute(t, bindings));
        return out;
    }

    /** Same type, ignoring the distinction between numeric kinds of the same class (i32 vs i64). */
    public static boolean sameShape(Type a, Type b) {
        if (a.equals(b)) return true;
        if (isInt(a) && isInt(b)) return true;
        if (isFloat(a) && isFloat(b)) return true;
        return false;
    }

    /**
     * Can a value of type {@code source} be stored where {@code target} is expected?
     * Ints widen to floats; anything goes into {@code any}/unions containing it; {@code any} flows
     * anywhere (checked at run time); generic args must match by shape.
     */
    public static boolean assignable(Type target, Type source) {
        if (target.equals(source)) return true;
        if (target instanceof Type.Error || source instanceof Type.Error) return true;
        if (target instanceof Type.Any || source instanceof Type.Any) return true;
        if (target instanceof Type.Param || source instanceof Type.Param) return true;
        if (target == Prim.NUMBER) return isNumeric(source);
        if (isNumeric(target) && source == Prim.NUMBER) return true;
        if (isInt(target)) return isInt(source);
        if (isFloat(target)) return isNumeric(source);
        if (target instanceof Type.Union u) {
            for (Type m : u.members()) if (assignable(m, source)) return true;
            return source instanceof Type.Union su && su.members().stream().allMatch(m -> assignable(target, m));
        }
        if (source instanceof Type.Union su) {
            return su.members().stream().allMatch(m -> assignable(target, m));
        }
        return switch (target) {
            case Type.Array a -> source instanceof Type.Array s && elementAssignable(a.element(), s.element());
            case Type.SetT a -> source instanceof Type.SetT s && elementAssignable(a.element(), s.element());
            case Type.Channel a -> source instanceof Type.Channel s && elementAssignable(a.element(), s.element());
            case Type.State a -> source instanceof Type.State s && elementAssignable(a.value(), s.value());
            case Type.MapT a -> source instanceof Type.MapT s && elementAssignable(a.key(), s.key())
                    && elementAssignable(a.value(), s.value());
            case Type.Tuple a -> source instanceof Type.Tuple s && a.elements().size() == s.elements().size()
                    && allAssignable(a.elements(), s.elements());
            case Type.Fn a -> source instanceof Type.Fn s && a.params().size() == s.params().size()
                    && paramsAccept(a.params(), s.params())
                    && (a.result() == Prim.VOID || assignable(a.result(), s.result()));
            case Type.Model a -> source instanceof Type.Model s && a.info() == s.info()
                    && argsCompatible(a.args(), s.args());
            case Type.Enum a -> source instanceof Type.Enum s && a.info() == s.info()
                    && argsCompatible(a.args(), s.args());
            case Type.Role r -> source instanceof Type.Model s && s.info().roles.contains(r.info());
            case Type.Object o -> source instanceof Type.Object;
            default -> false;
        };
    }

    private static boolean elementAssignable(Type target, Type source) {
        return assignable(target, source) && (isDynamic(target) || isDynamic(source) || sameShapeDeep(target, source));
    }

    /** Element types must have the same representation: an array<i64> is not an array<f64>. */
    private static boolean sameShapeDeep(Type a, Type b) {
        if (isInt(a) || isInt(b) || isFloat(a) || isFloat(b)) return sameShape(a, b);
        return true;
    }

    /**
     * A function whose parameters are {@code sources} can stand in for one called with {@code callerArgs}: every
     * argument must fit its parameter with the same representation (an i64 argument is not an f64 parameter).
     */
    public static boolean paramsAccept(List<Type> callerArgs, List<Type> sources) {
        for (int i = 0; i < callerArgs.size() && i < sources.size(); i++) {
            if (!elementAssignable(sources.get(i), callerArgs.get(i))) return false;
        }
        return true;
    }

    private static boolean allAssignable(List<Type> targets, List<Type> sources) {
        for (int i = 0; i < targets.size(); i++) if (!assignable(targets.get(i), sources.get(i))) return false;
        return true;
    }

    private static boolean argsCompatible(List<Type> a, List<Type> b) {
        if (a.size() != b.size()) return true; // partially inferred generics: checked elsewhere
        for (int i = 0; i < a.size(); i++) {
            if (!elementAssignable(a.get(i), b.get(i))) return false;
        }
        return true;
    }
}
