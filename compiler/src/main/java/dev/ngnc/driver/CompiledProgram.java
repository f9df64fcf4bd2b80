package dev.ngnc.driver;

import dev.ngnc.types.RtApi;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The result of compiling an ngn program: generated classes keyed by JVM internal name
 * (e.g. {@code ngn/main/Main}), the internal name of the class whose
 * {@code public static void main(String[])} starts the program, and whether the program needs the
 * HTTP server runtime (runtime-http, {@code dev.ngnc.rt.http}): then a compiled jar must bundle it.
 * Runtime classes are not included.
 */
public record CompiledProgram(String mainClass, Map<String, byte[]> classes, boolean usesHttpServer) {

    /** A program whose use of the HTTP server is detected from its classes ({@link #refersToHttpRuntime}). */
    public CompiledProgram(String mainClass, Map<String, byte[]> classes) {
        this(mainClass, classes, classes != null && refersToHttpRuntime(classes));
    }

    private static final byte[] HTTP_PACKAGE = RtApi.HTTP.getBytes(StandardCharsets.UTF_8);
    private static final byte[] LLM_PACKAGE = RtApi.LLM.getBytes(StandardCharsets.UTF_8);

    /**
     * True when some class refers to runtime-llm ({@code tbx::llm}, package {@code dev/ngnc/rt/llm/}): then a
     * compiled jar bundles it with llama.cpp's natives (~12 MB) and {@code ngnc run} loads it (driver.LlmRuntime).
     */
    public boolean usesLlm() {
        if (classes == null) return false;
        for (byte[] b : classes.values()) {
            if (indexOf(b, LLM_PACKAGE) >= 0) return true;
        }
        return false;
    }

    /**
     * True when some class refers to a class of runtime-http ({@code serve}, an
     * {@code export default} server, or a server model such as {@code Request} or
     * {@code StreamingResponse}): its constant pool then holds the internal name prefix
     * {@code dev/ngnc/rt/http/} (class names are stored as plain UTF-8 there). A string constant
     * spelling that prefix would only make the jar bundle the server needlessly.
     */
    public static boolean refersToHttpRuntime(Map<String, byte[]> classes) {
        for (byte[] b : classes.values()) {
            if (indexOf(b, HTTP_PACKAGE) >= 0) return true;
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (haystack[i] != needle[0]) continue;
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
