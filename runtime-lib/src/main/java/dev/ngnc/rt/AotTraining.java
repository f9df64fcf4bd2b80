package dev.ngnc.rt;

import dev.ngnc.rt.value.Fmt;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The two hooks behind {@code ngnc compile --aot}, called by the jar's launcher.
 *
 * <p>{@link #train}: the training run that records the JVM's AOT cache (JDK 25 {@code -XX:AOTCacheOutput}; AppCDS
 * {@code -XX:ArchiveClassesAtExit} on 21–24). It must not run the user's program — compiling never has side effects,
 * and a server would never exit — so it loads every class of the jar (the program's and the runtime's) and drives
 * the runtime's start path once with an empty body: the thread with the large stack, the scheduler when the program
 * uses fibers, stdout. That is what a short program spends its start-up on.
 *
 * <p>{@link #warnIfCacheUnused}: the launcher script passes {@code -Xlog:aot=off -Xlog:cds=off} so that a corrupt or
 * stale cache does not print the JVM's five lines of errors; the JVM then silently runs without sharing, which
 * {@code java.vm.info} shows. One warning line names the cache instead.
 */
public final class AotTraining {
    /** Set by the launcher script to the cache it passed to the JVM. */
    public static final String CACHE_PROPERTY = "ngnc.aot.cache";
    /** Set by {@code ngnc compile --aot} for the training run. */
    public static final String TRAIN_PROPERTY = "ngnc.aot.train";

    private AotTraining() { }

    /** The training run: load the jar's classes and start the runtime once, running no ngn code. */
    public static void train(Class<?> launcher) {
        loadEveryClassOf(launcher);
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        Rt.run(() -> {
            Out.print(Fmt.str(0L) + Fmt.str(0.5) + Fmt.str(true));
            Out.println("");
        }, discard);
    }

    /** Prints one warning when the launcher passed an AOT cache and the JVM could not use it. */
    public static void warnIfCacheUnused() {
        String cache = System.getProperty(CACHE_PROPERTY);
        if (cache == null || cache.isEmpty()) return;
        String info = System.getProperty("java.vm.info", "");
        if (!info.contains("sharing")) {
            System.err.println("warning: ignoring the AOT cache " + cache
                    + " (damaged, or recorded by another JDK or for another jar); rebuild it with 'ngnc compile --aot'");
        }
    }

    private static void loadEveryClassOf(Class<?> anchor) {
        ClassLoader loader = anchor.getClassLoader();
        Path jar;
        try {
            jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return; // not run from a jar: nothing to preload
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/")) continue;
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                try {
                    Class.forName(className, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // an optional library class whose dependencies the jar leaves out: not needed at run time either
                }
            }
        } catch (IOException e) {
            // the training run is best effort: a cache of fewer classes is still valid
        }
    }
}
