package dev.ngnc.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JDK (21+) that runs the compiler, in the order of the README: a Maven toolchain, {@code ngn.jvm} /
 * {@code NGN_JVM}, {@code JAVA_HOME}, the JVM running Maven, then the newest JDK in the search roots — the same
 * directories {@code bin/find-jdk.sh} scans ({@code /usr/lib/jvm}), plus macOS's and SDKMAN's. Maven-independent
 * (unit-tested); the toolchain's {@code java} is looked up by the mojo and passed in.
 */
final class JdkFinder {
    static final int MIN_FEATURE = 21;

    /** A {@code java} launcher and its feature version (17, 21, 25...). */
    record Jdk(Path java, int feature, String source) {}

    /** Thrown when no JDK 21+ is found; the message is the one line the build shows. */
    static final class NotFound extends Exception {
        NotFound(String message) { super(message); }
    }

    private final List<String> tried = new ArrayList<>();

    /**
     * @param toolchainJava the {@code java} of a matching {@code jdk} toolchain, or null
     * @param configured    {@code ngn.jvm} (a {@code java} launcher or a JDK home), else {@code NGN_JVM}; may be null
     * @param javaHome      {@code JAVA_HOME}; may be null
     * @param runningHome   {@code java.home} of the JVM running Maven
     * @param roots         directories holding JDKs; empty: no search
     */
    Jdk find(Path toolchainJava, String configured, String javaHome, Path runningHome, List<Path> roots) throws NotFound {
        if (toolchainJava != null) {
            Jdk j = check(toolchainJava, "the jdk toolchain");
            if (j != null) return j;
        }
        if (configured != null && !configured.isBlank()) {
            // an explicit choice is not second-guessed: too old is an error, not a reason to look elsewhere
            Path p = Path.of(configured.strip());
            Path java = Files.isDirectory(p) ? launcher(p) : p;
            int f = feature(java);
            if (f >= MIN_FEATURE) return new Jdk(java, f, "ngn.jvm");
            throw new NotFound("ngn.jvm/NGN_JVM=" + configured + " is " + describe(f) + "; the ngn compiler needs a JDK "
                    + MIN_FEATURE + "+: point -Dngn.jvm (or NGN_JVM) at the java of a JDK " + MIN_FEATURE + " or newer");
        }
        if (javaHome != null && !javaHome.isBlank()) {
            Jdk j = check(launcher(Path.of(javaHome)), "JAVA_HOME");
            if (j != null) return j;
        }
        if (runningHome != null) {
            Jdk j = check(launcher(runningHome), "the JVM running Maven");
            if (j != null) return j;
        }
        Jdk best = null;
        for (Path root : roots) {
            for (Path home : homesUnder(root)) {
                Path java = launcher(home);
                int f = feature(java);
                if (f >= MIN_FEATURE && (best == null || f > best.feature())) best = new Jdk(java, f, "found under " + root);
            }
        }
        if (best != null) return best;
        if (!roots.isEmpty()) tried.add("no JDK " + MIN_FEATURE + "+ under " + roots);
        throw new NotFound("no JDK " + MIN_FEATURE + " or newer found to run the ngn compiler (" + String.join("; ", tried)
                + "): install one, or set -Dngn.jvm=/path/to/jdk-21/bin/java (or NGN_JVM), or configure a jdk toolchain"
                + " (version [21,)) in ~/.m2/toolchains.xml");
    }

    private Jdk check(Path java, String source) {
        int f = feature(java);
        if (f >= MIN_FEATURE) return new Jdk(java, f, source);
        tried.add(source + " " + java + " is " + describe(f));
        return null;
    }

    private static String describe(int feature) {
        return feature < 0 ? "not a Java launcher" : "Java " + feature;
    }

    static Path launcher(Path home) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return home.resolve("bin").resolve(windows ? "java.exe" : "java");
    }

    /** JDK homes directly under {@code root}; macOS bundles ({@code X.jdk/Contents/Home}) count too. */
    static List<Path> homesUnder(Path root) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path d : ds) {
                Path mac = d.resolve("Contents/Home");
                if (Files.isDirectory(mac)) out.add(mac);
                else if (Files.isDirectory(d)) out.add(d);
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    /** The search roots when {@code ngn.jdkSearchRoots} is not set: find-jdk.sh's, macOS's and SDKMAN's. */
    static List<Path> defaultRoots(String userHome, String sdkmanDir) {
        List<Path> r = new ArrayList<>(List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines")));
        if (sdkmanDir != null && !sdkmanDir.isBlank()) r.add(Path.of(sdkmanDir, "candidates", "java"));
        else if (userHome != null) r.add(Path.of(userHome, ".sdkman", "candidates", "java"));
        return r;
    }

    /** {@code ngn.jdkSearchRoots}: paths separated by the path separator; "" or "none": no search. */
    static List<Path> roots(String property, String userHome, String sdkmanDir) {
        if (property == null) return defaultRoots(userHome, sdkmanDir);
        List<Path> r = new ArrayList<>();
        for (String s : property.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
            if (!s.isBlank() && !s.strip().equals("none")) r.add(Path.of(s.strip()));
        }
        return r;
    }

    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"?([0-9][^\"]*)\"?\\s*$");
    private static final Pattern VERSION_OUTPUT = Pattern.compile("version \"([^\"]+)\"");

    /**
     * The feature version of the JDK a launcher belongs to, from its {@code release} file (no JVM started), else
     * from {@code java -version}; -1 when it is not a Java launcher.
     */
    static int feature(Path java) {
        if (java == null || !Files.isRegularFile(java)) return -1;
        Path home = java.toAbsolutePath().normalize().getParent();
        home = home == null ? null : home.getParent();
        if (home != null) {
            Path release = home.resolve("release");
            try {
                if (Files.isRegularFile(release)) {
                    for (String l : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                        Matcher m = RELEASE_VERSION.matcher(l);
                        if (m.matches()) return parseFeature(m.group(1));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // fall back to running it
            }
        }
        try {
            Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            Matcher m = VERSION_OUTPUT.matcher(out);
            return m.find() ? parseFeature(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code 17.0.15} → 17, {@code 1.8.0_392} → 8, {@code 25} → 25; -1 if unreadable. */
    static int parseFeature(String v) {
        String s = v.startsWith("1.") ? v.substring(2) : v;
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        try {
            return i == 0 ? -1 : Integer.parseInt(s.substring(0, i));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
