package dev.ngnc.cli;

import dev.ngnc.jar.JarBuilder;
import dev.ngnc.jar.LauncherGenerator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * {@code ngnc compile --aot}: records a JVM class cache for a jar just written, and a launcher script beside it that
 * runs the jar with the cache (POSIX shells; not on Windows yet). JDK 25+ records an AOT cache ({@code app.aot}, JEP 483/514); JDK 21–24 a dynamic
 * AppCDS archive ({@code app.jsa}). Either only works on the JDK build that recorded it, so the script runs that
 * JDK's {@code java} (the one running ngnc); {@code NGN_JAVA} overrides it. The training run loads the jar's classes
 * and starts the runtime without running the program (runtime-lib {@code AotTraining}).
 *
 * <p>A failed recording is a warning, not an error: the jar is complete and runs without the cache.
 */
final class AotCache {
    private AotCache() { }

    /** The training JVM gets this long; it loads a few thousand classes at most. */
    private static final long TRAINING_TIMEOUT_SECONDS = 120;

    /** What {@link #record} made: the cache and the launcher script. */
    record Recorded(Path cache, Path script) { }

    /** Records the cache for {@code jar} with the running JDK; returns null after printing a warning to {@code err}. */
    static Recorded record(Path jar, PrintStream err) {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path java = javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        int feature = Runtime.version().feature();
        boolean aotCache = feature >= 25;
        Path dir = jar.toAbsolutePath().getParent();
        String base = baseName(jar.getFileName().toString());
        Path cache = dir.resolve(base + (aotCache ? ".aot" : ".jsa"));
        Path script = dir.resolve(base);
        if (isWindows()) {
            // the launcher is a POSIX script: it must also refuse a cache older than the jar, which cmd cannot test
            err.println("ngnc: warning: no AOT cache: --aot writes a POSIX shell launcher; not supported on Windows yet");
            return null;
        }
        String refused = problem(cache, script, jar);
        if (refused != null) {
            err.println("ngnc: warning: no AOT cache: " + refused);
            return null;
        }
        Path tmp = dir.resolve("." + cache.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Path log = null;
        try {
            log = Files.createTempFile("ngnc-aot", ".log");
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.add(aotCache ? "-XX:AOTCacheOutput=" + tmp : "-XX:ArchiveClassesAtExit=" + tmp);
            // With AOT class linking (the default once a cache is recorded) the JVM loads and links every cached
            // class at start: 964 for hello, of which it uses 550. Without it they come from the cache on demand.
            // bench/startup.sh, 40 interleaved runs: plain Java 74.6 ms, linked cache 76.7 ms, unlinked 72.5 ms.
            // A program on the fiber scheduler is the other way round: starting the first continuation initialises
            // the JDK's virtual-thread scheduler and spins its lambdas, which only a linked cache holds ready
            // (a thread hello, 30 interleaved runs: no cache 98.9 ms, unlinked 91.0 ms, linked 57.5 ms).
            if (aotCache && !runsOnTheScheduler(jar)) command.add("-XX:-AOTClassLinking");
            command.add("-D" + LauncherGenerator.AOT_TRAIN_PROPERTY + "=true");
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            Process p = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                err.println("ngnc: warning: no AOT cache: the training run took over " + TRAINING_TIMEOUT_SECONDS + " s");
                return null;
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(tmp)) {
                err.println("ngnc: warning: no AOT cache: the training run on " + java + " failed (exit " + p.exitValue()
                        + ")" + lastLine(log));
                return null;
            }
            Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            JarBuilder.writeAtomically(script, launcherScript(java, jar.getFileName().toString(),
                    cache.getFileName().toString(), aotCache).getBytes(StandardCharsets.UTF_8));
            makeExecutable(script);
            return new Recorded(cache, script);
        } catch (IOException e) {
            err.println("ngnc: warning: no AOT cache: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            deleteQuietly(tmp);
            deleteQuietly(tmp.resolveSibling(tmp.getFileName() + ".config"));
            if (log != null) deleteQuietly(log);
        }
    }

    /** Does the jar start fibers? Only those jars export {@code jdk.internal.vm} (continuations) to themselves. */
    static boolean runsOnTheScheduler(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String exports = manifest == null ? null : manifest.getMainAttributes().getValue("Add-Exports");
            return exports != null && exports.contains(JarBuilder.CONTINUATIONS_EXPORT);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The launcher script. It finds the jar and cache beside itself, so the three files can move together. The JVM's
     * own cache messages are switched off: a damaged or foreign cache is reported by the jar's launcher in one line
     * (runtime-lib {@code AotTraining.warnIfCacheUnused}) and the program runs without it.
     */
    static String launcherScript(Path java, String jarName, String cacheName, boolean aotCache) {
        String useCache = aotCache
                ? "-XX:AOTCache=\"$dir/" + cacheName + "\" -Xlog:aot=off -Xlog:cds=off"
                : "-XX:SharedArchiveFile=\"$dir/" + cacheName + "\" -Xlog:cds=off";
        return "#!/bin/sh\n"
                + "# Written by 'ngnc compile --aot': runs " + jarName + " with the class cache " + cacheName + ",\n"
                + "# which only the JDK that recorded it can use. NGN_JAVA=path/to/java picks another JVM.\n"
                + "case $0 in */*) dir=${0%/*} ;; *) dir=$(dirname \"$(command -v \"$0\")\") ;; esac\n"
                + "java=${NGN_JAVA:-" + shellQuote(java.toString()) + "}\n"
                + "[ -x \"$java\" ] || java=java\n"
                // the JVM encodes file names and process arguments by the locale: with none set (env -i, cron,
                // some containers) every non-ASCII name would fail; LC_CTYPE leaves collation and messages alone
                + "[ -n \"${LC_ALL:-}${LC_CTYPE:-}${LANG:-}\" ] || export LC_CTYPE=C.UTF-8\n"
                + "if [ -f \"$dir/" + cacheName + "\" ]; then\n"
                // the JVM would map a cache of an older build of the jar and run its stale classes
                + "  if [ \"$dir/" + jarName + "\" -nt \"$dir/" + cacheName + "\" ]; then\n"
                + "    echo \"warning: ignoring the AOT cache $dir/" + cacheName + " (older than " + jarName
                + "); rebuild it with 'ngnc compile --aot'\" >&2\n"
                + "  else\n"
                + "    exec \"$java\" " + useCache + " -D" + LauncherGenerator.AOT_CACHE_PROPERTY + "=\"$dir/" + cacheName
                + "\" -jar \"$dir/" + jarName + "\" \"$@\"\n"
                + "  fi\n"
                + "fi\n"
                + "exec \"$java\" -jar \"$dir/" + jarName + "\" \"$@\"\n";
    }

    /** {@code app.jar} → {@code app}; a name without {@code .jar} gets {@code -run}, so the script never replaces the jar. */
    static String baseName(String jarFileName) {
        return jarFileName.endsWith(".jar") && jarFileName.length() > 4
                ? jarFileName.substring(0, jarFileName.length() - 4)
                : jarFileName + "-run";
    }

    /**
     * Stricter than {@link OutputTarget#problem} for {@code -o}: the cache and the script are derived files the
     * launcher finds beside the jar, so a symlink there is refused rather than written through (the user named the
     * jar, not these), and the folder exists because the jar was just written into it.
     */
    private static String problem(Path cache, Path script, Path jar) {
        for (Path p : List.of(cache, script)) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return "'" + p + "' exists and is not a regular file";
            }
        }
        if (script.toAbsolutePath().normalize().equals(jar.toAbsolutePath().normalize())) {
            return "the launcher script would replace the jar";
        }
        return null;
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void makeExecutable(Path script) throws IOException {
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) return ": " + lines.get(i).strip();
            }
        } catch (IOException | RuntimeException e) {
            // no log: the exit status says enough
        }
        return "";
    }

    private static java.io.File nullFile() {
        return new java.io.File(isWindows() ? "NUL" : "/dev/null");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }
}
