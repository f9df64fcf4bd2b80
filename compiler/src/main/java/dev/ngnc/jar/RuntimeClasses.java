package dev.ngnc.jar;

import dev.ngnc.types.RtApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The runtime-lib files ({@code dev/ngnc/rt/**}) that every compiled jar bundles, read from wherever
 * the runtime classes were loaded from: a jar (the runtime-lib jar, or the shaded CLI jar that
 * contains it) or a {@code target/classes} directory — and, for programs that run an HTTP server,
 * runtime-http with its dependencies ({@link #httpEntries()}), which is not under that prefix
 * ({@code dev/ngnc/rt/http/**} is excluded from {@link #entries()}).
 */
public final class RuntimeClasses {
    /** Package prefix (as a jar entry name) of everything that belongs to runtime-lib. */
    public static final String PREFIX = RtApi.ROOT;
    /** Package prefix of runtime-http (the HTTP server), which is not part of runtime-lib. */
    public static final String HTTP_PREFIX = RtApi.HTTP;
    /**
     * Resource holding runtime-http's bundle jar (its classes plus Helidon and its dependencies,
     * services and metadata merged): copied into the compiler's jar by its build.
     */
    public static final String HTTP_BUNDLE = "META-INF/ngnc/runtime-http.jar";
    /** Package prefix of runtime-llm ({@code tbx::llm}), not part of runtime-lib either. */
    public static final String LLM_PREFIX = RtApi.LLM;
    /** Resource holding runtime-llm's bundle jar (its classes plus the llama.cpp binding and natives). */
    public static final String LLM_BUNDLE = "META-INF/ngnc/runtime-llm.jar";
    /** A class that runtime-lib always has; its code source tells where runtime-lib lives. */
    static final String ANCHOR_CLASS = RtApi.binaryName("Rt");

    private static volatile RuntimeClasses located;

    private final Path location;
    private final Map<String, byte[]> entries;

    private RuntimeClasses(Path location, Map<String, byte[]> entries) {
        this.location = location;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** Where the runtime files were read from (a jar file or a classes directory). */
    public Path location() { return location; }

    /** Jar entry name (e.g. {@code dev/ngnc/rt/Rt.class}) → bytes, sorted by name. */
    public Map<String, byte[]> entries() { return entries; }

    private static volatile Map<String, byte[]> httpEntries;

    /**
     * The files a compiled jar needs in addition to {@link #entries()} when the program runs an HTTP
     * server: every entry of the runtime-http bundle ({@value #HTTP_BUNDLE}) except its manifest —
     * runtime-http's classes, Helidon's classes, {@code META-INF/services/*}, Helidon's metadata and
     * the libraries' license files. Read once from the compiler's class path.
     *
     * @throws IllegalStateException if the bundle is missing (a broken ngnc build)
     */
    public Map<String, byte[]> httpEntries() {
        Map<String, byte[]> m = httpEntries;
        if (m == null) {
            synchronized (RuntimeClasses.class) {
                m = httpEntries;
                if (m == null) {
                    m = readHttpBundle(RuntimeClasses.class.getClassLoader());
                    httpEntries = m;
                }
            }
        }
        return m;
    }

    private static volatile Map<String, byte[]> llmEntries;

    /**
     * The files a compiled jar needs in addition to {@link #entries()} when the program imports {@code tbx::llm}:
     * every entry of the runtime-llm bundle ({@value #LLM_BUNDLE}) except its manifest. Read once.
     */
    public Map<String, byte[]> llmEntries() {
        Map<String, byte[]> m = llmEntries;
        if (m == null) {
            synchronized (RuntimeClasses.class) {
                m = llmEntries;
                if (m == null) {
                    m = readBundle(RuntimeClasses.class.getClassLoader(), LLM_BUNDLE, "the LLM runtime");
                    llmEntries = m;
                }
            }
        }
        return m;
    }

    static Map<String, byte[]> readHttpBundle(ClassLoader loader) {
        return readBundle(loader, HTTP_BUNDLE, "the HTTP server runtime");
    }

    private static Map<String, byte[]> readBundle(ClassLoader loader, String bundle, String what) {
        Map<String, byte[]> found = new TreeMap<>();
        InputStream raw = loader == null ? ClassLoader.getSystemResourceAsStream(bundle)
                : loader.getResourceAsStream(bundle);
        if (raw == null) {
            throw new IllegalStateException(what + " (" + bundle + ") is missing from ngnc's class path;"
                    + " rebuild ngnc (mvn install)");
        }
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (e.isDirectory() || name.equals("META-INF/MANIFEST.MF")) continue;
                found.put(name, zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + bundle, e);
        }
        if (found.isEmpty()) throw new IllegalStateException(what + " " + bundle + " is empty");
        return Collections.unmodifiableMap(found);
    }

    /**
     * Finds runtime-lib through the code source of {@code dev.ngnc.rt.Rt} (falling back to the
     * {@code dev/ngnc/rt/} resource) as seen by this class's loader. Cached after the first call.
     *
     * @throws IllegalStateException if runtime-lib is not on the class path or has no files
     */
    public static RuntimeClasses locate() {
        RuntimeClasses r = located;
        if (r == null) {
            Path where = findLocation(RuntimeClasses.class.getClassLoader());
            try {
                r = fromLocation(where);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read runtime-lib classes from " + where, e);
            }
            if (r.entries.isEmpty()) {
                throw new IllegalStateException("no runtime-lib classes (" + PREFIX + "**) found in " + where);
            }
            located = r;
        }
        return r;
    }

    /** Reads every {@code dev/ngnc/rt/**} file from a jar file or a classes directory. */
    public static RuntimeClasses fromLocation(Path location) throws IOException {
        Map<String, byte[]> found = new TreeMap<>();
        if (Files.isDirectory(location)) {
            Path root = location.resolve(PREFIX);
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                        String name = location.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                        if (name.startsWith(HTTP_PREFIX) || name.startsWith(LLM_PREFIX) || isPackageInfo(name)) continue;
                        found.put(name, Files.readAllBytes(f));
                    }
                }
            }
        } else {
            try (ZipFile zip = new ZipFile(location.toFile())) {
                Enumeration<? extends ZipEntry> all = zip.entries();
                while (all.hasMoreElements()) {
                    ZipEntry e = all.nextElement();
                    if (e.isDirectory() || !e.getName().startsWith(PREFIX) || e.getName().startsWith(HTTP_PREFIX)
                            || e.getName().startsWith(LLM_PREFIX) || isPackageInfo(e.getName())) continue;
                    try (InputStream in = zip.getInputStream(e)) {
                        found.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return new RuntimeClasses(location, found);
    }

    static Path findLocation(ClassLoader loader) {
        try {
            Class<?> anchor = Class.forName(ANCHOR_CLASS, false, loader);
            CodeSource cs = anchor.getProtectionDomain().getCodeSource();
            if (cs != null && cs.getLocation() != null) {
                return Path.of(cs.getLocation().toURI());
            }
        } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException | SecurityException ignored) {
            // fall back to the package resource below
        }
        URL dir = loader == null ? ClassLoader.getSystemResource(PREFIX) : loader.getResource(PREFIX);
        if (dir != null) {
            Path p = fromResourceUrl(dir);
            if (p != null) return p;
        }
        throw new IllegalStateException("runtime-lib (" + ANCHOR_CLASS + ") is not on the class path of ngnc");
    }

    /** {@code file:/x/classes/dev/ngnc/rt/} → {@code /x/classes}; {@code jar:file:/x.jar!/dev/ngnc/rt/} → {@code /x.jar}. */
    static Path fromResourceUrl(URL url) {
        try {
            String s = url.toString();
            if (s.startsWith("jar:")) {
                int bang = s.indexOf("!/");
                if (bang < 0) return null;
                return Path.of(new URI(s.substring(4, bang)));
            }
            if (s.startsWith("file:")) {
                Path p = Path.of(url.toURI());
                // strip dev/ngnc/rt
                for (int i = 0; i < 3 && p != null; i++) p = p.getParent();
                return p;
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** A package's documentation class: nothing loads it at run time, so a program's jar does without it. */
    static boolean isPackageInfo(String entryName) {
        return entryName.endsWith("/package-info.class");
    }
}
