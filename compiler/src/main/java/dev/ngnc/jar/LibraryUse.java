package dev.ngnc.jar;

import dev.ngnc.types.RtApi;
import org.objectweb.asm.ClassReader;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Which libraries shaded into runtime-lib a program needs, read from its classes' constant pools (an
 * over-approximation — a string literal "json" counts — never an omission):
 * <ul>
 *   <li>the JSON parser (165 KB of a 370 KB hello jar): only {@code Json} uses it, and only {@code json.parse}/
 *   {@code json.stringify} and the {@code .json()} methods of responses and requests reach {@code Json}; so a
 *   program needs it when one of its classes names {@code dev/ngnc/rt/Json…} or a method {@code json} (typed or
 *   untyped calls alike), or when it serves HTTP;</li>
 *   <li>the regex engine: only {@code NgnRegex} compiles patterns, and only a regex literal creates one.</li>
 * </ul>
 */
final class LibraryUse {
    private static final int UTF8 = 1;
    private static final String JSON_CLASS = RtApi.cls("Json");
    private static final String REGEX_CLASS = RtApi.cls("NgnRegex");

    private LibraryUse() { }

    /**
     * Runtime classes through which a program starts or waits on fibers (threads, channels, state, sleep, spawn,
     * fetch, processes, the scheduler): a program naming none of them runs its main without a scheduler.
     */
    private static final List<String> FIBER_USERS = List.of(RtApi.cls("Fibers"), RtApi.ROOT + "fiber/",
            RtApi.cls("NgnChannel"), RtApi.cls("NgnState"), RtApi.cls("Spawn"), RtApi.cls("Fetch"),
            RtApi.cls("ProcessLib"), RtApi.cls("ProcessStream"), RtApi.HTTP);

    /** What the program's classes need, from one pass over their constant pools. */
    record Needs(boolean json, boolean regex, boolean fibers) { }

    static Needs of(Iterable<byte[]> programClasses) {
        boolean[] found = new boolean[3];
        eachConstant(programClasses, s -> {
            if (!found[0] && (s.equals("json") || s.contains(JSON_CLASS))) found[0] = true;
            if (!found[1] && s.contains(REGEX_CLASS)) found[1] = true;
            if (!found[2] && FIBER_USERS.stream().anyMatch(s::contains)) found[2] = true;
            return found[0] && found[1] && found[2];
        });
        return new Needs(found[0], found[1], found[2]);
    }

    /** Feeds every UTF-8 constant to {@code visit} until it returns true (nothing more to learn). */
    private static void eachConstant(Iterable<byte[]> programClasses, java.util.function.Predicate<String> visit) {
        for (byte[] classFile : programClasses) {
            ClassReader r = new ClassReader(classFile);
            for (int i = 1; i < r.getItemCount(); i++) {
                int offset = r.getItem(i);
                if (offset == 0 || classFile[offset - 1] != UTF8) continue;
                int length = r.readUnsignedShort(offset);
                String s = new String(classFile, offset + 2, length, StandardCharsets.UTF_8);
                if (visit.test(s)) return;
            }
        }
    }
}
