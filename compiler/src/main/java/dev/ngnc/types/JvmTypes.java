package dev.ngnc.types;

/**
 * The single place that decides how an ngn type is represented on the JVM. Static scalar types
 * are primitives; value containers are runtime-lib classes; dynamic types are {@code Object}.
 */
public final class JvmTypes {
    private JvmTypes() {}

    public static final String OBJECT = "java/lang/Object";
    public static final String STRING = "java/lang/String";

    /** What kind of JVM value holds a type: decides load/store/return opcodes and boxing. */
    public enum Kind { LONG, DOUBLE, BOOLEAN, REF, VOID }

    public static Kind kind(Type t) {
        if (t instanceof Prim p) {
            if (p.isInteger()) return Kind.LONG;
            if (p.isFloat()) return Kind.DOUBLE;
            if (p == Prim.BOOL) return Kind.BOOLEAN;
            if (p == Prim.VOID) return Kind.VOID;
        }
        return Kind.REF;
    }

    /** Internal class name for reference types (never called for primitives). */
    public static String internalName(Type t) {
        return switch (t) {
            case Prim p -> switch (p) {
                case STRING -> STRING;
                case BYTES -> RtApi.cls("NgnBytes");
                default -> OBJECT; // number, and void when boxed
            };
            case Type.Array a -> RtApi.cls("NgnArray");
            case Type.Tuple tu -> RtApi.cls("NgnTuple");
            case Type.MapT m -> RtApi.cls("NgnMap");
            case Type.SetT s -> RtApi.cls("NgnSet");
            case Type.Channel c -> RtApi.cls("NgnChannel");
            case Type.State s -> RtApi.cls("NgnState");
            case Type.Fn f -> RtApi.cls("NgnFn");
            case Type.Model m -> m.info().internalName;
            case Type.Enum e -> RtApi.cls("NgnEnum");
            case Type.Object o -> RtApi.cls("NgnObject");
            case Type.Range r -> RtApi.cls("NgnRange");
            case Type.Regex r -> RtApi.cls("NgnRegex");
            case Type.Role r -> r.info().internalName;
            default -> OBJECT;
        };
    }

    public static String descriptor(Type t) {
        return switch (kind(t)) {
            case LONG -> "J";
            case DOUBLE -> "D";
            case BOOLEAN -> "Z";
            case VOID -> "V";
            case REF -> "L" + internalName(t) + ";";
        };
    }

    /** Descriptor for a value slot (locals, fields): void values are stored as the Unit object. */
    public static String slotDescriptor(Type t) {
        return kind(t) == Kind.VOID ? "L" + OBJECT + ";" : descriptor(t);
    }

    /** Does this type use copy-on-write value semantics (so duplicating a reference must share() it)? */
    public static boolean isShareable(Type t) {
        return t instanceof Type.Array || t instanceof Type.Object || t instanceof Type.Model
                || t instanceof Type.MapT || t instanceof Type.SetT || Types.isDynamic(t);
    }

    public static int slotSize(Type t) {
        Kind k = kind(t);
        return k == Kind.LONG || k == Kind.DOUBLE ? 2 : 1;
    }
}
