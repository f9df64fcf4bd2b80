package dev.ngnc.driver;

import dev.ngnc.jar.RuntimeClasses;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;

/**
 * Gives programs run inside ngnc's own JVM ({@code ngnc run}, {@code ngnc test}) the tbx::llm runtime. The CLI
 * jar carries runtime-llm once, as the nested bundle {@value RuntimeClasses#LLM_BUNDLE} that compiled jars copy
 * from; its classes are not also shaded into the CLI (that would add a second 12 MB copy of llama.cpp's
 * natives). A program that uses tbx::llm gets a class loader over that bundle — the resource itself when it
 * is a plain file (a build's target/classes), else a copy extracted once into the temp directory, named by
 * the entry's size and CRC so a new ngnc build never reuses an old copy.
 */
public final class LlmRuntime {
    private LlmRuntime() {}

    private static ClassLoader cached;
    private static ClassLoader cachedFor;

    /** {@code base} itself, or for a tbx::llm program a loader over runtime-llm whose parent is {@code base}. */
    public static synchronized ClassLoader parentFor(CompiledProgram program, ClassLoader base) throws IOException {
        if (!program.usesLlm()) return base;
        if (cached != null && cachedFor == base) return cached;
        URL bundle = base.getResource(RuntimeClasses.LLM_BUNDLE);
        if (bundle == null) throw new IOException(RuntimeClasses.LLM_BUNDLE + " is missing from ngnc; rebuild ngnc");
        Path jar = "file".equals(bundle.getProtocol()) ? Path.of(java.net.URI.create(bundle.toString())) : extract(bundle);
        cached = new URLClassLoader("ngnc-runtime-llm", new URL[] {jar.toUri().toURL()}, base);
        cachedFor = base;
        return cached;
    }

    private static Path extract(URL bundle) throws IOException {
        String key;
        if (bundle.openConnection() instanceof JarURLConnection c) {
            c.setUseCaches(false);
            JarEntry e = c.getJarEntry();
            key = e.getSize() + "-" + Long.toHexString(e.getCrc());
        } else {
            key = "unknown";
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ngnc-" + user);
        Files.createDirectories(dir);
        Path target = dir.resolve("runtime-llm-" + key + ".jar");
        if (Files.isRegularFile(target) && !key.equals("unknown")) return target;
        Path tmp = Files.createTempFile(dir, "runtime-llm", ".tmp");
        try {
            try (InputStream in = bundle.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
