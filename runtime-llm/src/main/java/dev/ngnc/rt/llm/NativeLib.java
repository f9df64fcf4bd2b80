package dev.ngnc.rt.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Makes llama.cpp's native library (shipped inside the de.kherud binding) loadable, once per process, and
 * quietly. The binding's own loader extracts the library into the temp directory on every start, prints
 * "Extracted …" on stdout and deletes other processes' copies; instead the library is extracted here once
 * per binding version and user (written to a temporary name and renamed, so concurrent first starts never
 * see half a file) and the binding is pointed at it ({@code de.kherud.llama.lib.path}). Anything the binding
 * still prints to {@code System.out} while loading goes to stderr only with {@code -Dngnc.llm.log=true}: a
 * program's stdout is its own (ngn's {@code print} writes to the stdout file descriptor, not System.out).
 */
final class NativeLib {
    private NativeLib() {}

    /** Version of the binding whose library is extracted (names the cache directory). */
    static final String BINDING = "4.1.0";

    private static String problem; // null when loaded
    private static boolean tried;

    /** Whether llama.cpp's log output (and the binding's) should reach stderr. */
    static boolean verbose() {
        return Boolean.getBoolean("ngnc.llm.log");
    }

    /** @return null when the library is loaded, else {@code llama.cpp is not available on <os>/<arch>: …} */
    static synchronized String ensureLoaded() {
        if (tried) return problem;
        tried = true;
        String os = System.getProperty("os.name", "?");
        String arch = System.getProperty("os.arch", "?");
        String prefix = "llama.cpp is not available on " + os.toLowerCase(Locale.ROOT).replace(' ', '-') + "/" + arch + ": ";
        String folder = folder(os, arch);
        String file = System.mapLibraryName("jllama");
        String resource = folder == null ? null : "de/kherud/llama/" + folder + "/" + file;
        ClassLoader loader = NativeLib.class.getClassLoader();
        if (resource == null || loader.getResource(resource) == null) {
            problem = prefix + "the llama.cpp binding has no native library for this platform";
            return problem;
        }
        PrintStream out = System.out;
        try {
            if (System.getProperty("de.kherud.llama.lib.path") == null) {
                Path dir = extract(loader, resource, file);
                System.setProperty("de.kherud.llama.lib.path", dir.toString());
                if (System.getProperty("de.kherud.llama.tmpdir") == null) {
                    System.setProperty("de.kherud.llama.tmpdir", dir.toString());
                }
            }
            System.setOut(verbose() ? System.err : new PrintStream(OutputStream.nullOutputStream()));
            Class.forName("de.kherud.llama.LlamaModel", true, loader);
            problem = null;
        } catch (IOException e) {
            problem = prefix + "cannot extract the native library: " + e.getMessage();
        } catch (LinkageError | ClassNotFoundException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problem = prefix + cause.getMessage();
        } finally {
            System.setOut(out);
        }
        return problem;
    }

    /** The binding's resource folder for this platform (its OSInfo naming), or null if it has none. */
    static String folder(String osName, String archName) {
        String os = osName.toLowerCase(Locale.ROOT);
        String o = os.startsWith("linux") ? "Linux" : os.startsWith("mac") || os.startsWith("darwin") ? "Mac"
                : os.startsWith("windows") ? "Windows" : null;
        String a = switch (archName.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            default -> null;
        };
        return o == null || a == null ? null : o + "/" + a;
    }

    private static Path extract(ClassLoader loader, String resource, String file) throws IOException {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ngnc-llama-" + BINDING + "-" + user);
        Files.createDirectories(dir);
        Path target = dir.resolve(file);
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing " + resource);
            bytes = in.readAllBytes();
        }
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length) return dir;
        Path tmp = Files.createTempFile(dir, file, ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return dir;
    }
}
