package dev.ngnc.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lookup order of the compiler's JDK, on fake JDK homes (a {@code release} file and a {@code bin/java}). */
class JdkFinderTest {
    @TempDir Path dir;

    Path jdk(String name, String version) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nexit 1\n");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void toolchainComesFirstThenNgnJvmThenJavaHomeThenTheRunningJvm() throws Exception {
        Path j25 = jdk("jdks/j25", "25.0.1"), j21 = jdk("jdks/j21", "21.0.4"), j17 = jdk("j17", "17.0.15");
        JdkFinder.Jdk t = new JdkFinder().find(JdkFinder.launcher(j21), j25.toString(), j25.toString(), j25, List.of());
        assertEquals(JdkFinder.launcher(j21), t.java());
        assertEquals("the jdk toolchain", t.source());
        JdkFinder.Jdk n = new JdkFinder().find(null, JdkFinder.launcher(j21).toString(), j25.toString(), j25, List.of());
        assertEquals(21, n.feature());
        assertEquals("ngn.jvm", n.source());
        JdkFinder.Jdk h = new JdkFinder().find(null, null, j21.toString(), j25, List.of());
        assertEquals("JAVA_HOME", h.source());
        JdkFinder.Jdk r = new JdkFinder().find(null, null, j17.toString(), j25, List.of());
        assertEquals("the JVM running Maven", r.source());
        assertEquals(25, r.feature());
    }

    @Test
    void withJava17EverywhereTheNewestJdkUnderTheSearchRootsIsUsed() throws Exception {
        Path j17 = jdk("j17", "17.0.15");
        jdk("jdks/a-21", "21.0.4");
        Path newest = jdk("jdks/b-25", "25");
        jdk("jdks/c-11", "11.0.2");
        JdkFinder.Jdk j = new JdkFinder().find(null, null, j17.toString(), j17, List.of(dir.resolve("jdks"), dir.resolve("absent")));
        assertEquals(JdkFinder.launcher(newest), j.java());
        assertEquals(25, j.feature());
    }

    @Test
    void macOsBundlesCountAsJdkHomes() throws Exception {
        Path home = jdk("mac/temurin-21.jdk/Contents/Home", "21.0.1");
        assertEquals(List.of(home), JdkFinder.homesUnder(dir.resolve("mac")));
    }

    @Test
    void noJdk21IsOneMessageSayingWhatIsNeededAndHowToPointAtOne() throws Exception {
        Path j17 = jdk("j17", "17.0.15");
        JdkFinder.NotFound e = assertThrows(JdkFinder.NotFound.class,
                () -> new JdkFinder().find(null, null, j17.toString(), j17, List.of(dir.resolve("none"))));
        assertTrue(e.getMessage().startsWith("no JDK 21 or newer found to run the ngn compiler"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dngn.jvm=") && e.getMessage().contains("toolchain"), e.getMessage());
        assertTrue(e.getMessage().contains("JAVA_HOME " + JdkFinder.launcher(j17) + " is Java 17"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anExplicitNgnJvmThatIsTooOldIsAnErrorNotSkipped() throws Exception {
        Path j17 = jdk("j17", "17.0.15"), j25 = jdk("j25", "25");
        JdkFinder.NotFound e = assertThrows(JdkFinder.NotFound.class,
                () -> new JdkFinder().find(null, j17.toString(), j25.toString(), j25, List.of()));
        assertTrue(e.getMessage().contains("is Java 17; the ngn compiler needs a JDK 21+"), e.getMessage());
    }

    @Test
    void searchRootsProperty() {
        String sep = java.io.File.pathSeparator;
        assertEquals(List.of(), JdkFinder.roots("none", "/home/u", null));
        assertEquals(List.of(), JdkFinder.roots("", "/home/u", null));
        assertEquals(List.of(Path.of("/a"), Path.of("/b")), JdkFinder.roots("/a" + sep + "/b", "/home/u", null));
        assertEquals(List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"),
                Path.of("/home/u/.sdkman/candidates/java")), JdkFinder.roots(null, "/home/u", null));
        assertEquals(Path.of("/opt/sdk/candidates/java"), JdkFinder.roots(null, "/home/u", "/opt/sdk").get(2));
    }

    @Test
    void versionStrings() {
        assertEquals(17, JdkFinder.parseFeature("17.0.15"));
        assertEquals(8, JdkFinder.parseFeature("1.8.0_392"));
        assertEquals(25, JdkFinder.parseFeature("25"));
        assertEquals(-1, JdkFinder.parseFeature("x"));
        assertEquals(-1, JdkFinder.feature(dir.resolve("missing/bin/java")));
    }

    @Test
    void theRunningJdkIsReadFromItsReleaseFile() {
        Path java = JdkFinder.launcher(Path.of(System.getProperty("java.home")));
        assertEquals(Runtime.version().feature(), JdkFinder.feature(java));
    }
}
