package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

/**
 * Key handling shared by {@link NgnMap} and {@link NgnSet}: only numbers, strings, bools and
 * bytes may be keys; keys are compared by ngn {@code ==} (so {@code 1}, {@code 1.0} and a u8
 * 1 are the same key).
 */
final class MapKeys {
    private MapKeys() {
    }

    /**
     * The Java-equality lookup key for ngn key {@code k}: integral doubles become the equal
     * {@code Long}, as does a u8; other valid keys are returned as they are (NgnBytes has content
     * equality).
     * Invalid kinds ⇒ RT {@code <Kind>s cannot be used as map keys or set values}.
     */
    static Object normalize(Object k) {
        if (k instanceof Long || k instanceof String || k instanceof Boolean || k instanceof NgnBytes) {
            return k;
        }
        if (k instanceof U8 u) {
            return u.asLong();
        }
        if (k instanceof Double d) {
            double v = d;
            if (v >= -0x1p63 && v < 0x1p63 && (double) (long) v == v) {
                return (long) v;
            }
            return d;
        }
        throw NgnError.runtime(plural(k) + " cannot be used as map keys or set values");
    }

    static String plural(Object k) {
        if (k instanceof NgnEnum) {
            return "Enums";
        }
        if (k instanceof NgnArray) {
            return "Arrays";
        }
        if (k instanceof NgnTuple) {
            return "Tuples";
        }
        if (k instanceof NgnObject) {
            return "Objects";
        }
        if (k instanceof NgnModel) {
            return "Models";
        }
        if (k instanceof NgnMap) {
            return "Maps";
        }
        if (k instanceof NgnSet) {
            return "Sets";
        }
        if (k instanceof NgnFn) {
            return "Closures";
        }
        if (k instanceof NgnState) {
            return "States";
        }
        if (k instanceof NgnRange) {
            return "Ranges";
        }
        if (k == null || k instanceof Unit) {
            return "Void values";
        }
        return k.getClass().getSimpleName().replaceFirst("^Ngn", "") + "s";
    }
}
