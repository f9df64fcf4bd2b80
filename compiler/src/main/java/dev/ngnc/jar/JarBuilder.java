package dev.ngnc.jar;

import dev.ngnc.cli.Version;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.RuntimeUse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a self-contained runnable jar: the program's generated classes, every runtime-lib file
 * ({@code dev/ngnc/rt/**}), for a program that runs an HTTP server also runtime-http and its libraries
 * ({@link RuntimeClasses#httpEntries()}), and a Java-8-loadable launcher ({@link LauncherGenerator})
 * as Main-Class.
 *
 * <p>The jar is deterministic: the manifest first, then all entries sorted by name, every entry
 * stamped {@value #FIXED_TIME}. It is written to a temporary file beside the target and moved into
 * place atomically, so a failed build never leaves a partial (or any) jar behind.
 */
public final class JarBuilder {
    private JarBuilder() {}

    /** Timestamp of every jar entry (local DOS time, so the bytes do not depend on the time zone). */
    public static final String FIXED_TIME = "2000-01-01T00:00:00";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.parse(FIXED_TIME);

    /** Builds the jar for {@code program} with the runtime found by {@link RuntimeClasses#locate()} and writes it to {@code out}. */
    public static void write(CompiledProgram program, Path out) throws IOException {
        write(program, RuntimeClasses.locate(), out);
    }

    public static void write(CompiledProgram program, RuntimeClasses runtime, Path out) throws IOException {
        writeAtomically(out, build(program, runtime));
    }

    /** The jar's bytes. */
    public static byte[] build(CompiledProgram program, RuntimeClasses runtime) {
        if (program == null || program.mainClass() == null || program.classes() == null) {
            throw new IllegalArgumentException("incomplete CompiledProgram: " + program);
        }
        String main = program.mainClass();
        if (!program.classes().containsKey(main)) {
            throw new IllegalArgumentException("main class " + main + " is not among the generated classes " + program.classes().keySet());
        }
        RuntimeUse needs = program.uses();
        Map<String, byte[]> entries = new TreeMap<>(runtime.entries());
        if (program.usesHttpServer()) entries.putAll(runtime.httpEntries()); // Helidon & co., only when serving
        boolean llm = program.usesLlm();
        if (llm) entries.putAll(runtime.llmEntries()); // llama.cpp binding + natives, only for tbx::llm
        if (!program.usesHttpServer() && !needs.json()) {
            entries.keySet().removeIf(n -> n.startsWith(SHADED_PREFIX + "jackson/"));
        }
        if (!needs.regex()) {
            entries.keySet().removeIf(n -> n.startsWith(SHADED_PREFIX + "re2j/"));
        }
        for (Map.Entry<String, byte[]> c : program.classes().entrySet()) {
            String name = c.getKey() + ".class";
            if (name.startsWith(RuntimeClasses.PREFIX) || c.getKey().equals(LauncherGenerator.LAUNCHER_CLASS)) {
                throw new IllegalArgumentException("generated class " + c.getKey() + " clashes with a runtime or launcher class");
            }
            entries.put(name, c.getValue());
        }
        boolean fiberless = !program.usesHttpServer() && !needs.fibers();
        entries.put(LauncherGenerator.LAUNCHER_CLASS + ".class", LauncherGenerator.generate(main, fiberless));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "META-INF/MANIFEST.MF", manifest(main, !fiberless, llm));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** Package of the JSON library shaded into runtime-lib (see its pom). */
    static final String SHADED_PREFIX = RuntimeClasses.PREFIX + "shaded/";

    static byte[] manifest(String mainClass) {
        return manifest(mainClass, true);
    }

    /**
     * @param continuations the program may start fibers, which run on the JDK's continuations; the
     *        {@code Add-Exports} attribute that opens them costs the JDK launcher ~210 classes and ~12 ms, so a
     *        program that starts none goes without it
     */
    static byte[] manifest(String mainClass, boolean continuations) {
        return manifest(mainClass, continuations, false);
    }

    /**
     * @param nativeAccess the program loads llama.cpp through JNI ({@code tbx::llm}): without
     *        {@code Enable-Native-Access} JDK 24+ prints restricted-method warnings on the program's stderr
     */
    /** What a jar on the fiber scheduler exports to itself: the JDK's continuations (runtime-lib Fibers). */
    public static final String CONTINUATIONS_EXPORT = "java.base/jdk.internal.vm";

    static byte[] manifest(String mainClass, boolean continuations, boolean nativeAccess) {
        String m = "Manifest-Version: 1.0\r\n"
                + "Created-By: ngnc " + Version.get() + "\r\n"
                + "Main-Class: " + LauncherGenerator.LAUNCHER_CLASS.replace('/', '.') + "\r\n"
                + "Ngn-Main-Class: " + mainClass.replace('/', '.') + "\r\n"
                // fibers use the JDK's continuations (runtime-lib Fibers); java -jar honours this attribute
                + (continuations ? "Add-Exports: " + CONTINUATIONS_EXPORT + "\r\n" : "")
                + (nativeAccess ? "Enable-Native-Access: ALL-UNNAMED\r\n" : "")
                + "\r\n";
        return m.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /**
     * Writes {@code data} to a temporary file in {@code out}'s directory (which must exist), then
     * renames it to {@code out} (atomically where the file system can). On any failure the temporary
     * file is removed and {@code out} is left as it was.
     */
    public static void writeAtomically(Path out, byte[] data) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path dir = target.getParent();
        String tmpName = "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp";
        Path tmp = dir == null ? Path.of(tmpName) : dir.resolve(tmpName);
        boolean moved = false;
        try {
            try (OutputStream o = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                o.write(data);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(tmp);
        }
    }
}
