package dev.ngnc.check;

import java.util.Collection;
import java.util.Map;

/**
 * Words a programmer brings from other languages where ngn has its own: {@code else}, {@code continue}, {@code None},
 * {@code function}, {@code toLowerCase}. Edit distance cannot connect {@code toLowerCase} to {@code lower}, so an
 * unknown name that is one of these gets ngn's way in its message instead of a bare "undefined". Consulted only once
 * a name has failed to resolve, so a program that declares a variable {@code continue} (not reserved in ngn) is
 * unaffected.
 */
final class ForeignHabits {
    private ForeignHabits() { }

    /** What to say about an unknown name: the message and a hint. */
    record Advice(String message, String hint) { }

    private static final String IF_CHAIN = "ngn chains the alternatives of an if with ':': "
            + "if (a) { … } : (b) { … } : { … }";
    private static final String CLOSURES = "a closure is written |x| x + 1 (or |x: i64| { … }), a named function "
            + "fn name(x: i64): i64 { … }";
    private static final String ABSENT = "ngn writes the absent value as null (a Maybe: Value(x) or Null)";
    private static final String BOOLS = "ngn writes booleans as true and false";

    /** Unknown variables (a bare word used as a value or statement). */
    private static final Map<String, Advice> VALUES = Map.ofEntries(
            Map.entry("else", new Advice("ngn has no 'else'", IF_CHAIN)),
            Map.entry("elif", new Advice("ngn has no 'elif'", IF_CHAIN)),
            Map.entry("elsif", new Advice("ngn has no 'elsif'", IF_CHAIN)),
            Map.entry("elseif", new Advice("ngn has no 'elseif'", IF_CHAIN)),
            Map.entry("continue", new Advice("ngn has no 'continue'",
                    "put the rest of the loop body under an if (`break` leaves the loop)")),
            Map.entry("None", new Advice("'None' is not ngn", ABSENT)),
            Map.entry("nil", new Advice("'nil' is not ngn", ABSENT)),
            Map.entry("undefined", new Advice("'undefined' is not ngn", ABSENT)),
            Map.entry("NULL", new Advice("'NULL' is not ngn", ABSENT)),
            Map.entry("True", new Advice("'True' is not ngn", BOOLS)),
            Map.entry("False", new Advice("'False' is not ngn", BOOLS)),
            Map.entry("self", new Advice("'self' is not ngn", "inside an extend method the receiver is `this`")));

    /** Unknown functions (a bare word called). */
    private static final Map<String, Advice> CALLS = Map.ofEntries(
            Map.entry("elif", new Advice("ngn has no 'elif'", IF_CHAIN)),
            Map.entry("function", new Advice("'function' is not ngn", CLOSURES)),
            Map.entry("func", new Advice("'func' is not ngn", CLOSURES)),
            Map.entry("def", new Advice("'def' is not ngn", CLOSURES)),
            Map.entry("lambda", new Advice("'lambda' is not ngn", CLOSURES)),
            Map.entry("len", new Advice("ngn has no 'len'", "arrays, maps and sets have .size(), strings .length()")),
            Map.entry("println", new Advice("ngn has no 'println'", "print(x) prints x and a newline; echo(x) without")),
            Map.entry("printf", new Advice("ngn has no 'printf'", "print(\"total: ${n}\") interpolates")),
            Map.entry("puts", new Advice("ngn has no 'puts'", "print(x) prints x and a newline")));

    /** ngn's name for a method other languages call {@code key}; used only when the receiver has it. */
    private static final Map<String, String> METHODS = Map.ofEntries(
            Map.entry("toLowerCase", "lower"), Map.entry("toLower", "lower"), Map.entry("lowercase", "lower"),
            Map.entry("toUpperCase", "upper"), Map.entry("toUpper", "upper"), Map.entry("uppercase", "upper"),
            Map.entry("contains", "includes"), Map.entry("startsWith", "starts"), Map.entry("endsWith", "ends"),
            Map.entry("startswith", "starts"), Map.entry("endswith", "ends"), Map.entry("indexOf", "index"),
            Map.entry("strip", "trim"), Map.entry("substring", "slice"), Map.entry("substr", "slice"),
            Map.entry("append", "push"), Map.entry("add", "push"), Map.entry("forEach", "each"),
            Map.entry("len", "size"), Map.entry("count", "size"), Map.entry("length", "size"), Map.entry("size", "length"),
            Map.entry("delete", "remove"), Map.entry("containsKey", "has"), Map.entry("put", "set"),
            Map.entry("insert", "add"), Map.entry("clone", "copy"), Map.entry("toStr", "toString"));

    static Advice forValue(String name) { return VALUES.get(name); }

    static Advice forCall(String name) { return CALLS.get(name); }

    /** "ngn calls it 'lower'" when {@code name} is another language's word for one of {@code methods}, else null. */
    static String methodHint(String name, Collection<String> methods) {
        String ours = METHODS.get(name);
        return ours != null && methods.contains(ours) ? "ngn calls it '" + ours + "'" : null;
    }
}
