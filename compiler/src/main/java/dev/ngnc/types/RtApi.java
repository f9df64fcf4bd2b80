package dev.ngnc.types;

import java.util.Map;

/**
 * The one place the compiler names runtime classes (runtime-lib and runtime-http): generated code, the checker's
 * built-ins ({@code tast.RtMethod}), the jar builder and the launcher find a runtime class by its simple name here,
 * so moving a class between runtime packages changes this table and nothing else. The entries are the runtime's
 * entry classes — the ones generated code may call; everything else in the runtime is an internal of its package.
 * {@code RtApiTest} loads every entry, so a stale name fails a unit test rather than a compiled program.
 */
public final class RtApi {
    private RtApi() {}

    /** Internal-name prefix of everything bundled as "the runtime" (subpackages included). */
    public static final String ROOT = "dev/ngnc/rt/";
    /** The HTTP server (module runtime-http): bundled only into programs that name it. */
    public static final String HTTP = ROOT + "http/";
    /** tbx::llm on llama.cpp (module runtime-llm): bundled only into programs that name it. */
    public static final String LLM = ROOT + "llm/";

    /** Simple name → internal name of every runtime class the compiler names. */
    private static final Map<String, String> ENTRIES = Map.ofEntries(
            // rt (entry: start-up, errors, output, the fiber API, spawn, test asserts)
            entry("Rt", ""), entry("Out", ""), entry("Fibers", ""), entry("Spawn", ""), entry("TestAssert", ""),
            entry("AotTraining", ""),
            // rt.base
            entry("NgnError", "base/"),
            // rt.value: values and the operations on them
            entry("NgnArray", "value/"), entry("NgnMap", "value/"), entry("NgnModel", "value/"),
            entry("NgnObject", "value/"), entry("NgnSet", "value/"), entry("NgnTuple", "value/"),
            entry("NgnEnum", "value/"), entry("NgnRange", "value/"), entry("NgnBytes", "value/"),
            entry("NgnFn", "value/"), entry("NgnState", "value/"), entry("NgnRegex", "value/"),
            entry("NgnModule", "value/"), entry("Shareable", "value/"), entry("Unit", "value/"),
            entry("U8", "value/"), entry("Values", "value/"), entry("Num", "value/"), entry("Dyn", "value/"),
            entry("Fmt", "value/"), entry("Str", "value/"),
            // rt.channel
            entry("NgnChannel", "channel/"),
            // rt.tbx: the toolbox modules and fetch
            entry("Json", "tbx/"), entry("TimeLib", "tbx/"), entry("DateTime", "tbx/"), entry("MathLib", "tbx/"),
            entry("IoLib", "tbx/"), entry("EnvLib", "tbx/"), entry("ProcessLib", "tbx/"),
            entry("ProcessOutput", "tbx/"), entry("ProcessStream", "tbx/"), entry("Fetch", "tbx/"),
            entry("Response", "tbx/"), entry("EncodingLib", "tbx/"),
            // rt.http (runtime-http)
            entry("HttpServer", "http/"), entry("Request", "http/"), entry("StreamingResponse", "http/"),
            entry("SseResponse", "http/"), entry("SseEvent", "http/"), entry("WebSocketResponse", "http/"),
            // rt.llm (runtime-llm)
            entry("Llm", "llm/"), entry("LlmModel", "llm/"));

    private static Map.Entry<String, String> entry(String simpleName, String pkg) {
        return Map.entry(simpleName, ROOT + pkg + simpleName);
    }

    /** The internal name ({@code dev/ngnc/rt/…/Name}) of the runtime entry class {@code simpleName}. */
    public static String cls(String simpleName) {
        String internal = ENTRIES.get(simpleName);
        if (internal == null) {
            throw new IllegalArgumentException("not a runtime entry class (add it to RtApi): " + simpleName);
        }
        return internal;
    }

    /** The field descriptor ({@code Ldev/ngnc/rt/…/Name;}) of the runtime entry class {@code simpleName}. */
    public static String desc(String simpleName) {
        return "L" + cls(simpleName) + ";";
    }

    /** The binary name ({@code dev.ngnc.rt.….Name}), for reflection. */
    public static String binaryName(String simpleName) {
        return cls(simpleName).replace('/', '.');
    }

    /** Every entry (simple name → internal name), for tests and the bundling rules. */
    public static Map<String, String> entries() {
        return ENTRIES;
    }
}
