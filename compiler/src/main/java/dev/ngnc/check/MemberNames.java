package dev.ngnc.check;

import dev.ngnc.types.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Names a tool may offer for completion, decided by the checker's own tables: the built-in methods a receiver type has
 * ({@link BuiltinMethods#exists}, the lookup every method call goes through) and the toolbox modules and members
 * ({@link Natives}). The candidate list only has to be a superset: each name is kept only if the lookup accepts it.
 */
public final class MemberNames {
    private MemberNames() {}

    private static final List<String> CANDIDATES = List.of("add", "clear", "clone", "close", "copy", "each", "ends",
            "entries", "filter", "find", "formData", "get", "has", "includes", "index", "isClosed", "join", "json",
            "keys", "length", "lower", "map", "pop", "push", "read", "reduce", "remove", "repeat", "replace",
            "reverse", "set", "size", "slice", "sort", "splice", "split", "starts", "text", "toArray", "toBytes",
            "toString", "toStringStrict", "trim", "update", "upper", "values", "write");

    /** The built-in methods {@code receiver} has. */
    public static List<String> builtinMethods(Type receiver) {
        List<String> out = new ArrayList<>();
        for (String name : CANDIDATES) if (BuiltinMethods.exists(receiver, name)) out.add(name);
        return out;
    }

    public static List<String> toolboxModules() { return List.of("math", "test", "io", "encoding", "http", "process"); }

    /** The members of toolbox module {@code module} ({@code tbx::module}); empty for an unknown module. */
    public static List<String> toolboxMembers(String module) {
        return switch (module) {
            case "math" -> Natives.MATH_FUNCTIONS;
            case "test" -> Natives.TEST_FUNCTIONS;
            case "io" -> Natives.IO_FUNCTIONS;
            case "encoding" -> Natives.ENCODING_FUNCTIONS;
            case "http" -> NetNatives.HTTP_FUNCTIONS;
            case "process" -> NetNatives.PROCESS_FUNCTIONS;
            default -> List.of();
        };
    }
}
