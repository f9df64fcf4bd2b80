package dev.ngnc.check;

import dev.ngnc.types.RtApi;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in methods of strings, arrays, tuples and state cells (spec 6): for a receiver type, a
 * method name and an argument count, the runtime method that implements it and its ngn signature.
 */
final class BuiltinMethods {
    private BuiltinMethods() {}

    static final String STR = "Ljava/lang/String;";
    static final String OBJ = "Ljava/lang/Object;";
    static final String ARR = RtApi.desc("NgnArray");
    static final String TUP = RtApi.desc("NgnTuple");
    static final String FN = RtApi.desc("NgnFn");

    /** How a method changes its receiver. */
    enum Effect { NONE, MUTATES, STRING_SLICE }

    /**
     * A resolved built-in method. {@code params} are the ngn types of the arguments (receiver excluded);
     * {@code rest} is the paired runtime method for {@link Effect#STRING_SLICE}.
     */
    record Spec(RtMethod method, RtMethod rest, List<Type> params, Type result, Effect effect) {}

    /** Names of all methods that mutate their receiver (for "immutable variable" messages). */
    static boolean isMutatingName(String name) {
        return switch (name) {
            case "push", "pop", "slice", "splice", "set", "remove", "add", "clear" -> true;
            default -> false;
        };
    }

    /** @return null when the type has no such built-in method; an empty-params Spec list means arity mismatch */
    static Spec lookup(Type receiver, String name, int argc) {
        if (receiver == Prim.STRING) return string(name, argc);
        if (receiver instanceof Type.Array a) return array(a, name, argc);
        if (receiver instanceof Type.Tuple t) return tuple(t, name, argc);
        if (receiver instanceof Type.State s) return state(s, name, argc);
        if (Types.isDynamic(receiver)) return dynamicState(name, argc);
        if (receiver instanceof Type.MapT m) return map(m, name, argc);
        if (receiver instanceof Type.SetT st) return set(st, name, argc);
        if (receiver == Prim.BYTES) return bytes(name, argc);
        if (receiver instanceof Type.Model m) return HttpModels.method(m, name, argc);
        if (receiver instanceof Type.Channel) {
            return switch (name) {
                case "close" -> argc == 0 ? virt("NgnChannel", "close", "()V", List.of(), Prim.VOID, Effect.NONE) : null;
                case "isClosed" -> argc == 0
                        ? virt("NgnChannel", "isClosed", "()Z", List.of(), Prim.BOOL, Effect.NONE) : null;
                default -> null;
            };
        }
        return null;
    }

    /** Known method names per receiver kind, so "wrong argument count" and "unknown method" differ. */
    static boolean exists(Type receiver, String name) {
        for (int argc = 0; argc <= 3; argc++) if (lookup(receiver, name, argc) != null) return true;
        return false;
    }

    private static Spec string(String name, int argc) {
        return switch (name) {
            case "length" -> argc == 0 ? str("length", "(" + STR + ")J", List.of(), Prim.I64) : null;
            case "index" -> switch (argc) {
                case 1 -> str("index", "(" + STR + STR + ")J", List.of(Prim.STRING), Prim.I64);
                case 2 -> str("index", "(" + STR + STR + "J)J", List.of(Prim.STRING, Prim.I64), Prim.I64);
                default -> null;
            };
            case "includes", "starts", "ends" -> argc == 1
                    ? str(name, "(" + STR + STR + ")Z", List.of(Prim.STRING), Prim.BOOL) : null;
            case "split" -> switch (argc) {
                case 0 -> str("split", "(" + STR + ")" + ARR, List.of(), new Type.Array(Prim.STRING));
                case 1 -> str("split", "(" + STR + STR + ")" + ARR, List.of(Prim.STRING), new Type.Array(Prim.STRING));
                default -> null;
            };
            case "replace" -> argc == 2
                    ? str("replace", "(" + STR + STR + STR + ")" + STR, List.of(Prim.STRING, Prim.STRING), Prim.STRING)
                    : null;
            case "copy" -> switch (argc) {
                case 0 -> str("copy", "(" + STR + ")" + STR, List.of(), Prim.STRING);
                case 1 -> str("copy", "(" + STR + "J)" + STR, List.of(Prim.I64), Prim.STRING);
                case 2 -> str("copy", "(" + STR + "JJ)" + STR, List.of(Prim.I64, Prim.I64), Prim.STRING);
                default -> null;
            };
            case "slice" -> switch (argc) {
                case 1 -> new Spec(RtMethod.stat("Str", "sliceTaken", "(" + STR + "J)" + STR),
                        RtMethod.stat("Str", "sliceRest", "(" + STR + "J)" + STR), List.of(Prim.I64), Prim.STRING,
                        Effect.STRING_SLICE);
                case 2 -> new Spec(RtMethod.stat("Str", "sliceTaken", "(" + STR + "JJ)" + STR),
                        RtMethod.stat("Str", "sliceRest", "(" + STR + "JJ)" + STR), List.of(Prim.I64, Prim.I64),
                        Prim.STRING, Effect.STRING_SLICE);
                default -> null;
            };
            case "upper", "lower", "trim" -> argc == 0
                    ? str(name, "(" + STR + ")" + STR, List.of(), Prim.STRING) : null;
            case "repeat" -> argc == 1 ? str("repeat", "(" + STR + "J)" + STR, List.of(Prim.I64), Prim.STRING) : null;
            // documented (toolbox guide); the reference lacks it: same as bytes(s), see docs/decisions.md
            case "toBytes" -> argc == 0 ? new Spec(RtMethod.stat("NgnBytes", "of", "(" + STR + ")" + RtApi.desc("NgnBytes")),
                    null, List.of(), Prim.BYTES, Effect.NONE) : null;
            default -> null;
        };
    }

    private static Spec str(String name, String desc, List<Type> params, Type result) {
        return new Spec(RtMethod.stat("Str", name, desc), null, params, result, Effect.NONE);
    }

    /** The regex overload of {@code replace}. */
    static Spec stringReplaceRegex() {
        return str("replace", "(" + STR + RtApi.desc("NgnRegex") + STR + ")" + STR,
                List.of(Type.REGEX, Prim.STRING), Prim.STRING);
    }

    private static Spec array(Type.Array a, String name, int argc) {
        Type e = a.element();
        return switch (name) {
            case "size" -> argc == 0 ? virt("NgnArray", "size", "()J", List.of(), Prim.I64, Effect.NONE) : null;
            case "push" -> switch (argc) {
                case 1 -> virt("NgnArray", "push", "(" + OBJ + ")J", List.of(e), Prim.I64, Effect.MUTATES);
                case 2 -> virt("NgnArray", "push", "(" + OBJ + "J)J", List.of(e, Prim.I64), Prim.I64, Effect.MUTATES);
                default -> null;
            };
            case "pop" -> switch (argc) {
                case 0 -> virt("NgnArray", "pop", "()" + OBJ, List.of(), e, Effect.MUTATES);
                case 1 -> virt("NgnArray", "pop", "(J)" + OBJ, List.of(Prim.I64), e, Effect.MUTATES);
                default -> null;
            };
            case "copy" -> switch (argc) {
                case 0 -> virt("NgnArray", "copy", "()" + ARR, List.of(), a, Effect.NONE);
                case 1 -> virt("NgnArray", "copy", "(J)" + ARR, List.of(Prim.I64), a, Effect.NONE);
                case 2 -> virt("NgnArray", "copy", "(JJ)" + ARR, List.of(Prim.I64, Prim.I64), a, Effect.NONE);
                default -> null;
            };
            case "slice" -> switch (argc) {
                case 1 -> virt("NgnArray", "slice", "(J)" + ARR, List.of(Prim.I64), a, Effect.MUTATES);
                case 2 -> virt("NgnArray", "slice", "(JJ)" + ARR, List.of(Prim.I64, Prim.I64), a, Effect.MUTATES);
                default -> null;
            };
            case "splice" -> switch (argc) {
                case 1 -> virt("NgnArray", "splice", "(" + ARR + ")J", List.of(a), Prim.I64, Effect.MUTATES);
                case 2 -> virt("NgnArray", "splice", "(" + ARR + "J)J", List.of(a, Prim.I64), Prim.I64, Effect.MUTATES);
                default -> null;
            };
            case "each" -> argc == 1
                    ? virt("NgnArray", "each", "(" + FN + ")V", List.of(new Type.Fn(List.of(e, Prim.I64), Prim.VOID)),
                    Prim.VOID, Effect.NONE)
                    : null;
            default -> null;
        };
    }

    private static Spec tuple(Type.Tuple t, String name, int argc) {
        Type joined = null;
        for (Type e : t.elements()) joined = joined == null ? e : Unify.join(joined, e);
        if (joined == null) joined = Type.ANY;
        return switch (name) {
            case "size" -> argc == 0 ? virt("NgnTuple", "size", "()J", List.of(), Prim.I64, Effect.NONE) : null;
            case "includes" -> argc == 1
                    ? virt("NgnTuple", "includes", "(" + OBJ + ")Z", List.of(Type.ANY), Prim.BOOL, Effect.NONE) : null;
            case "index" -> argc == 1
                    ? virt("NgnTuple", "index", "(" + OBJ + ")J", List.of(Type.ANY), Prim.I64, Effect.NONE) : null;
            case "toArray" -> argc == 0
                    ? virt("NgnTuple", "toArray", "()" + ARR, List.of(), new Type.Array(joined), Effect.NONE) : null;
            case "join" -> argc == 1
                    ? virt("NgnTuple", "join", "(" + STR + ")" + STR, List.of(Prim.STRING), Prim.STRING, Effect.NONE)
                    : null;
            case "copy" -> switch (argc) {
                case 0 -> virt("NgnTuple", "copy", "()" + TUP, List.of(), t, Effect.NONE);
                case 1 -> virt("NgnTuple", "copy", "(J)" + TUP, List.of(Prim.I64), anyTuple(), Effect.NONE);
                case 2 -> virt("NgnTuple", "copy", "(JJ)" + TUP, List.of(Prim.I64, Prim.I64), anyTuple(), Effect.NONE);
                default -> null;
            };
            default -> null;
        };
    }

    /** A tuple whose shape is only known at run time: indexing it yields dynamic values. */
    private static Type anyTuple() { return new Type.Tuple(new ArrayList<>()); }

    /**
     * {@code read}/{@code write}/{@code update} on an untyped value (e.g. a state passed through an untyped
     * parameter): dispatched at run time by {@code Dyn.stateRead}/{@code stateWrite}/{@code stateUpdate}, which fail
     * with RT {@code Cannot call method 'm' on <kind>} when the value is not a state (spec 6.8 "Recommend runtime
     * dispatch"). No other method may be called on an untyped value.
     */
    private static Spec dynamicState(String name, int argc) {
        return switch (name) {
            case "read" -> argc == 0 ? dyn("stateRead", "(" + OBJ + ")" + OBJ, List.of(), Type.ANY) : null;
            case "write" -> argc == 1 ? dyn("stateWrite", "(" + OBJ + OBJ + ")V", List.of(Type.ANY), Prim.VOID) : null;
            case "update" -> argc == 1
                    ? dyn("stateUpdate", "(" + OBJ + FN + ")V", List.of(new Type.Fn(List.of(Type.ANY), Type.ANY)),
                    Prim.VOID)
                    : null;
            default -> null;
        };
    }

    private static Spec dyn(String name, String desc, List<Type> params, Type result) {
        return new Spec(RtMethod.stat("Dyn", name, desc), null, params, result, Effect.NONE);
    }

    private static Spec state(Type.State s, String name, int argc) {
        Type v = s.value();
        return switch (name) {
            case "read" -> argc == 0 ? virt("NgnState", "read", "()" + OBJ, List.of(), v, Effect.NONE) : null;
            case "write" -> argc == 1
                    ? virt("NgnState", "write", "(" + OBJ + ")V", List.of(v), Prim.VOID, Effect.NONE) : null;
            case "update" -> argc == 1
                    ? virt("NgnState", "update", "(" + FN + ")V", List.of(new Type.Fn(List.of(v), v)), Prim.VOID,
                    Effect.NONE)
                    : null;
            default -> null;
        };
    }

    static final String MAP = RtApi.desc("NgnMap");
    static final String SET = RtApi.desc("NgnSet");
    static final String BYTES = RtApi.desc("NgnBytes");

    private static Spec map(Type.MapT m, String name, int argc) {
        return switch (name) {
            case "size" -> argc == 0 ? virt("NgnMap", "size", "()J", List.of(), Prim.I64, Effect.NONE) : null;
            case "has" -> argc == 1
                    ? virt("NgnMap", "has", "(" + OBJ + ")Z", List.of(m.key()), Prim.BOOL, Effect.NONE) : null;
            case "get" -> argc == 1 ? virt("NgnMap", "get", "(" + OBJ + ")" + RtApi.desc("NgnEnum"), List.of(m.key()),
                    Types.maybe(m.value()), Effect.NONE) : null;
            case "set" -> argc == 2 ? virt("NgnMap", "set", "(" + OBJ + OBJ + ")" + MAP, List.of(m.key(), m.value()),
                    m, Effect.MUTATES) : null;
            case "remove" -> argc == 1
                    ? virt("NgnMap", "remove", "(" + OBJ + ")" + OBJ, List.of(m.key()), Type.ANY, Effect.MUTATES) : null;
            default -> null;
        };
    }

    private static Spec set(Type.SetT st, String name, int argc) {
        Type e = st.element();
        return switch (name) {
            case "size" -> argc == 0 ? virt("NgnSet", "size", "()J", List.of(), Prim.I64, Effect.NONE) : null;
            case "has" -> argc == 1 ? virt("NgnSet", "has", "(" + OBJ + ")Z", List.of(e), Prim.BOOL, Effect.NONE) : null;
            case "add" -> argc == 1 ? virt("NgnSet", "add", "(" + OBJ + ")" + SET, List.of(e), st, Effect.MUTATES) : null;
            case "remove" -> argc == 1
                    ? virt("NgnSet", "remove", "(" + OBJ + ")Z", List.of(e), Prim.BOOL, Effect.MUTATES) : null;
            case "clear" -> argc == 0 ? virt("NgnSet", "clear", "()V", List.of(), Prim.VOID, Effect.MUTATES) : null;
            default -> null;
        };
    }

    private static Spec bytes(String name, int argc) {
        return switch (name) {
            case "length" -> argc == 0 ? virt("NgnBytes", "length", "()J", List.of(), Prim.I64, Effect.NONE) : null;
            case "toString" -> argc == 0
                    ? virt("NgnBytes", "toString", "()" + STR, List.of(), Prim.STRING, Effect.NONE) : null;
            case "toStringStrict" -> argc == 0
                    ? virt("NgnBytes", "toStringStrict", "()" + STR, List.of(), Prim.STRING, Effect.NONE) : null;
            case "copy" -> switch (argc) {
                case 0 -> virt("NgnBytes", "copy", "()" + BYTES, List.of(), Prim.BYTES, Effect.NONE);
                case 1 -> virt("NgnBytes", "copy", "(J)" + BYTES, List.of(Prim.I64), Prim.BYTES, Effect.NONE);
                case 2 -> virt("NgnBytes", "copy", "(JJ)" + BYTES, List.of(Prim.I64, Prim.I64), Prim.BYTES, Effect.NONE);
                default -> null;
            };
            case "slice" -> switch (argc) {
                case 1 -> new Spec(RtMethod.virt("NgnBytes", "sliceTaken", "(J)" + BYTES),
                        RtMethod.virt("NgnBytes", "sliceRest", "(J)" + BYTES), List.of(Prim.I64), Prim.BYTES,
                        Effect.STRING_SLICE);
                case 2 -> new Spec(RtMethod.virt("NgnBytes", "sliceTaken", "(JJ)" + BYTES),
                        RtMethod.virt("NgnBytes", "sliceRest", "(JJ)" + BYTES), List.of(Prim.I64, Prim.I64),
                        Prim.BYTES, Effect.STRING_SLICE);
                default -> null;
            };
            default -> null;
        };
    }

    private static Spec virt(String cls, String name, String desc, List<Type> params, Type result, Effect effect) {
        return new Spec(RtMethod.virt(cls, name, desc), null, params, result, effect);
    }

    static boolean isTupleOfUnknownShape(Type t) { return t instanceof Type.Tuple tu && tu.elements().isEmpty(); }

    static boolean acceptsAnyArity(Type t) { return Types.isDynamic(t); }
}
