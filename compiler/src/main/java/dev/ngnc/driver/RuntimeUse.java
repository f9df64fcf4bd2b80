package dev.ngnc.driver;

import dev.ngnc.types.RtApi;
import org.objectweb.asm.ClassReader;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which optional parts of the runtime a program needs, read in one pass over its classes' UTF-8 constants (an
 * over-approximation — a string literal "json" counts — never an omission):
 * <ul>
 *   <li>{@code http}: runtime-http (Helidon & co.), when some class names {@code dev/ngnc/rt/http/…} ({@code serve},
 *   an {@code export default} server, or a server model such as {@code Request} or {@code StreamingResponse}); a
 *   string constant spelling that prefix would only make the jar bundle the server needlessly;</li>
 *   <li>{@code llm}: runtime-llm ({@code tbx::llm}, {@code dev/ngnc/rt/llm/…}): a compiled jar bundles it with
 *   llama.cpp's natives (~12 MB) and {@code ngnc run} loads it ({@link LlmRuntime});</li>
 *   <li>{@code json}: the JSON parser (165 KB of a 370 KB hello jar): only {@code Json} uses it, and only
 *   {@code json.parse}/{@code json.stringify} and the {@code .json()} methods of responses and requests reach
 *   {@code Json}; so a program needs it when one of its classes names {@code dev/ngnc/rt/Json…} or a method
 *   {@code json} (typed or untyped calls alike), or when it serves HTTP (the jar builder adds that case);</li>
 *   <li>{@code regex}: the regex engine: only {@code NgnRegex} compiles patterns, and only a regex literal creates one;</li>
 *   <li>{@code fibers}: the program starts or waits on fibers, so its main runs under a scheduler.</li>
 * </ul>
 */
public record RuntimeUse(boolean http, boolean llm, boolean json, boolean regex, boolean fibers) {
    private static final int UTF8 = 1;
    private static final String JSON_CLASS = RtApi.cls("Json");
    private static final String REGEX_CLASS = RtApi.cls("NgnRegex");

    /**
     * Runtime classes through which a program starts or waits on fibers (threads, channels, sleep, spawn, fetch,
     * processes, the scheduler): a program naming none of them runs its main without a scheduler. A {@code state}
     * is not among them: its lock works for plain threads too, and without a second fiber it is never contended
     * (a program with state and no threads saved ~25 ms of scheduler start-up: bench/small.sh closures).
     */
    private static final List<String> FIBER_USERS = List.of(RtApi.cls("Fibers"), RtApi.ROOT + "fiber/",
            RtApi.cls("NgnChannel"), RtApi.cls("Spawn"), RtApi.cls("Fetch"),
            RtApi.cls("ProcessLib"), RtApi.cls("ProcessStream"), RtApi.HTTP);

    /**
     * What {@code programClasses} need. A class file that cannot be parsed names nothing (it fails when loaded,
     * with the JVM's ClassFormatError).
     */
    public static RuntimeUse of(Iterable<byte[]> programClasses) {
        boolean[] found = new boolean[5];
        eachConstant(programClasses, s -> {
            if (!found[0] && s.contains(RtApi.HTTP)) found[0] = true;
            if (!found[1] && s.contains(RtApi.LLM)) found[1] = true;
            if (!found[2] && (s.equals("json") || s.contains(JSON_CLASS))) found[2] = true;
            if (!found[3] && s.contains(REGEX_CLASS)) found[3] = true;
            if (!found[4] && FIBER_USERS.stream().anyMatch(s::contains)) found[4] = true;
            return found[0] && found[1] && found[2] && found[3] && found[4];
        });
        return new RuntimeUse(found[0], found[1], found[2], found[3], found[4]);
    }

    /** Feeds every UTF-8 constant to {@code visit} until it returns true (nothing more to learn). */
    private static void eachConstant(Iterable<byte[]> programClasses, Predicate<String> visit) {
        for (byte[] classFile : programClasses) {
            try {
                if (eachConstant(classFile, visit)) return;
            } catch (RuntimeException notAClassFile) { // from ASM or past the end of the bytes: names nothing
            }
        }
    }

    private static boolean eachConstant(byte[] classFile, Predicate<String> visit) {
        ClassReader r = new ClassReader(classFile);
        for (int i = 1; i < r.getItemCount(); i++) {
            int offset = r.getItem(i);
            if (offset == 0 || classFile[offset - 1] != UTF8) continue;
            int length = r.readUnsignedShort(offset);
            if (visit.test(new String(classFile, offset + 2, length, StandardCharsets.UTF_8))) return true;
        }
        return false;
    }
}
