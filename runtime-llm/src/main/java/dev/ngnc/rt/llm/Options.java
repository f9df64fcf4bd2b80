package dev.ngnc.rt.llm;

import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.base.NgnError;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.value.NgnObject;

/**
 * The option objects of {@code load} and {@code generate}/{@code stream}, with the documented defaults. The
 * checker rejects unknown names and wrong types in typed code; an untyped ({@code any}) options value is
 * checked here with the same messages, as a run-time error.
 */
final class Options {
    private Options() {}

    /** {@code load(path, opts?)}: 0 means "llama.cpp's default". */
    record Load(long context, long threads, boolean mmap) {
        static final Load DEFAULT = new Load(0, 0, true);
    }

    /** {@code generate}/{@code stream} options. */
    record Gen(long maxTokens, double temperature, double topP, long topK, long seed) {
        static final Gen DEFAULT = new Gen(128, 0.8, 0.95, 40, 0);
    }

    static final String[] LOAD_NAMES = {"context", "threads", "mmap"};
    static final String[] GEN_NAMES = {"max_tokens", "temperature", "top_p", "top_k", "seed"};

    static Load load(Object opts) {
        if (absent(opts)) return Load.DEFAULT;
        check(opts, LOAD_NAMES, "load");
        return new Load(integer(opts, "context", 0, "load"), integer(opts, "threads", 0, "load"),
                bool(opts, "mmap", true, "load"));
    }

    static Gen gen(Object opts, String fn) {
        if (absent(opts)) return Gen.DEFAULT;
        check(opts, GEN_NAMES, fn);
        Gen d = Gen.DEFAULT;
        return new Gen(integer(opts, "max_tokens", d.maxTokens(), fn), number(opts, "temperature", d.temperature(), fn),
                number(opts, "top_p", d.topP(), fn), integer(opts, "top_k", d.topK(), fn),
                integer(opts, "seed", d.seed(), fn));
    }

    private static boolean absent(Object opts) {
        return opts == null || opts == NgnEnum.NULL;
    }

    private static Object unwrap(Object opts) {
        if (opts instanceof NgnEnum e && "Value".equals(e.variant())) return e.payload();
        return opts;
    }

    private static void check(Object opts, String[] names, String fn) {
        Object o = unwrap(opts);
        Object[] keys;
        if (o instanceof NgnObject obj) {
            keys = obj.keys();
        } else if (o instanceof NgnMap m) {
            keys = m.keys();
        } else {
            throw NgnError.runtime("Type error: the options of " + fn + "() must be an object, got " + o);
        }
        outer:
        for (Object k : keys) {
            for (String n : names) {
                if (n.equals(k)) continue outer;
            }
            throw NgnError.runtime("Type error: unknown option '" + k + "' of " + fn + "() (known: "
                    + String.join(", ", names) + ")");
        }
    }

    private static Object get(Object opts, String key) {
        Object o = unwrap(opts);
        if (o instanceof NgnObject obj) return obj.has(key) ? obj.get(key) : null;
        if (o instanceof NgnMap m && m.has(key)) {
            NgnEnum v = m.get(key);
            return v == NgnEnum.NULL ? null : v.payload();
        }
        return null;
    }

    private static long integer(Object opts, String key, long fallback, String fn) {
        Object v = get(opts, key);
        if (v == null) return fallback;
        if (v instanceof Long l) return l;
        if (v instanceof Number n && !(v instanceof Double)) return n.longValue();
        throw wrongType(fn, key, "i64", v);
    }

    private static double number(Object opts, String key, double fallback, String fn) {
        Object v = get(opts, key);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.doubleValue(); // numeric types are mutually assignable (spec 3.1)
        throw wrongType(fn, key, "f64", v);
    }

    private static boolean bool(Object opts, String key, boolean fallback, String fn) {
        Object v = get(opts, key);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        throw wrongType(fn, key, "bool", v);
    }

    private static NgnError wrongType(String fn, String key, String want, Object got) {
        return NgnError.runtime("Type error: option '" + key + "' of " + fn + "() must be " + want + ", got " + got);
    }
}
