package dev.ngnc.jar;

import dev.ngnc.driver.CompiledProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JarBuilderTest {
    static final Path JAVA_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");

    @TempDir Path tmp;

    /** A stand-in runtime-lib laid out as a classes directory (with a non-runtime class and a package-info that must not be copied). */
    private Path fakeRuntimeDir() throws IOException {
        Path classes = tmp.resolve("rt-classes");
        Files.createDirectories(classes.resolve("dev/ngnc/rt/inner"));
        Files.createDirectories(classes.resolve("dev/ngnc/other"));
        Files.write(classes.resolve("dev/ngnc/rt/Rt.class"), TestPrograms.emptyClass("dev/ngnc/rt/Rt"));
        Files.write(classes.resolve("dev/ngnc/rt/inner/Value.class"), TestPrograms.emptyClass("dev/ngnc/rt/inner/Value"));
        Files.writeString(classes.resolve("dev/ngnc/rt/messages.txt"), "runtime resource\n");
        // documentation only: not bundled
        Files.write(classes.resolve("dev/ngnc/rt/inner/package-info.class"), TestPrograms.emptyClass("dev/ngnc/rt/inner/package-info"));
        Files.write(classes.resolve("dev/ngnc/other/NotRuntime.class"), TestPrograms.emptyClass("dev/ngnc/other/NotRuntime"));
        return classes;
    }

    private Path fakeRuntimeJar() throws IOException {
        Path jar = tmp.resolve("rt.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String dir : List.of("dev/", "dev/ngnc/", "dev/ngnc/rt/")) {
                z.putNextEntry(new ZipEntry(dir));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("dev/ngnc/rt/Rt.class"));
            z.write(TestPrograms.emptyClass("dev/ngnc/rt/Rt"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("dev/ngnc/cli/Ngnc.class"));
            z.write(TestPrograms.emptyClass("dev/ngnc/cli/Ngnc"));
            z.closeEntry();
        }
        return jar;
    }

    @Test
    void runtimeFilesAreReadFromAClassesDirectory() throws IOException {
        RuntimeClasses rt = RuntimeClasses.fromLocation(fakeRuntimeDir());
        assertEquals(List.of("dev/ngnc/rt/Rt.class", "dev/ngnc/rt/inner/Value.class", "dev/ngnc/rt/messages.txt"),
                new ArrayList<>(rt.entries().keySet()));
    }

    @Test
    void runtimeFilesAreReadFromAJar() throws IOException {
        RuntimeClasses rt = RuntimeClasses.fromLocation(fakeRuntimeJar());
        assertEquals(List.of("dev/ngnc/rt/Rt.class"), new ArrayList<>(rt.entries().keySet()));
    }

    @Test
    void resourceUrlsMapToTheirClassPathRoot() throws Exception {
        Path dir = fakeRuntimeDir();
        assertEquals(dir, RuntimeClasses.fromResourceUrl(dir.resolve("dev/ngnc/rt/").toUri().toURL()));
        Path jar = fakeRuntimeJar();
        assertEquals(jar, RuntimeClasses.fromResourceUrl(new java.net.URL("jar:" + jar.toUri() + "!/dev/ngnc/rt/")));
    }

    @Test
    void realRuntimeLibIsFoundAndBundled() throws IOException {
        boolean haveRuntime;
        try {
            Class.forName(RuntimeClasses.ANCHOR_CLASS);
            haveRuntime = true;
        } catch (ClassNotFoundException e) {
            haveRuntime = false;
        }
        assumeTrue(haveRuntime, "runtime-lib has no " + RuntimeClasses.ANCHOR_CLASS + " yet");
        RuntimeClasses rt = RuntimeClasses.locate();
        assertTrue(rt.entries().containsKey("dev/ngnc/rt/Rt.class"), rt.entries().keySet().toString());
        byte[] jar = JarBuilder.build(TestPrograms.hi(), rt);
        Map<String, byte[]> entries = unzip(jar);
        for (String name : rt.entries().keySet()) {
            // a program that never uses JSON leaves the shaded JSON library out (NetProgramsTest covers both ways)
            if (name.startsWith(JarBuilder.SHADED_PREFIX)) continue;
            assertTrue(entries.containsKey(name), "missing " + name);
        }
    }

    @Test
    void jarHasManifestFirstThenSortedEntriesWithFixedTimes() throws IOException {
        byte[] jar = JarBuilder.build(TestPrograms.hi(), RuntimeClasses.fromLocation(fakeRuntimeDir()));
        List<String> names = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertEquals(LocalDateTime.parse(JarBuilder.FIXED_TIME), e.getTimeLocal(), e.getName());
            }
        }
        assertEquals(List.of(
                "META-INF/MANIFEST.MF",
                "dev/ngnc/boot/Launcher.class",
                "dev/ngnc/rt/Rt.class",
                "dev/ngnc/rt/inner/Value.class",
                "dev/ngnc/rt/messages.txt",
                "ngn/test/Helper.class",
                "ngn/test/Main.class"), names);
    }

    @Test
    void jarIsDeterministic() throws IOException {
        RuntimeClasses rt = RuntimeClasses.fromLocation(fakeRuntimeDir());
        assertArrayEquals(JarBuilder.build(TestPrograms.hi(), rt), JarBuilder.build(TestPrograms.hi(), rt));
    }

    @Test
    void manifestNamesTheLauncher() throws IOException {
        Path out = tmp.resolve("app.jar");
        JarBuilder.write(TestPrograms.hi(), RuntimeClasses.fromLocation(fakeRuntimeDir()), out);
        try (JarFile jf = new JarFile(out.toFile())) {
            Manifest m = jf.getManifest();
            assertEquals("dev.ngnc.boot.Launcher", m.getMainAttributes().getValue("Main-Class"));
            assertEquals("ngn.test.Main", m.getMainAttributes().getValue("Ngn-Main-Class"));
        }
    }

    @Test
    void launcherIsClassFileVersion52() throws IOException {
        byte[] jar = JarBuilder.build(TestPrograms.hi(), RuntimeClasses.fromLocation(fakeRuntimeDir()));
        byte[] launcher = unzip(jar).get(LauncherGenerator.LAUNCHER_CLASS + ".class");
        assertNotNull(launcher);
        assertEquals(0xCAFEBABE, ((launcher[0] & 0xFF) << 24) | ((launcher[1] & 0xFF) << 16) | ((launcher[2] & 0xFF) << 8) | (launcher[3] & 0xFF));
        int major = ((launcher[6] & 0xFF) << 8) | (launcher[7] & 0xFF);
        assertEquals(52, major);
    }

    @Test
    void jarRunsOnThisJvmAndPassesArguments() throws IOException {
        Path out = tmp.resolve("app.jar");
        JarBuilder.write(TestPrograms.hi(), RuntimeClasses.fromLocation(fakeRuntimeDir()), out);
        Proc p = Proc.run(List.of(Proc.currentJava(), "-jar", out.toString(), "a b", "--flag", "ü"), tmp);
        assertEquals("", p.err());
        assertEquals(0, p.exit());
        assertEquals("hi\na b\n--flag\nü\n", p.out());
    }

    @Test
    void launcherOnJava17PrintsOneLineAndExits1() throws IOException {
        assumeTrue(Files.isExecutable(JAVA_17), "no Java 17 at " + JAVA_17);
        Path out = tmp.resolve("app.jar");
        JarBuilder.write(TestPrograms.hi(), RuntimeClasses.fromLocation(fakeRuntimeDir()), out);
        Proc p = Proc.run(List.of(JAVA_17.toString(), "-jar", out.toString()), tmp);
        assertEquals(1, p.exit());
        assertEquals("", p.out());
        assertEquals("This program needs Java 21 or newer; found Java 17 (/usr/lib/jvm/java-17-openjdk-amd64).\n", p.err());
    }

    @Test
    void featureVersionParsing() throws Exception {
        // load the generated launcher and call its feature(String) helper directly
        byte[] bytes = LauncherGenerator.generate("x/L", "x/Main");
        Class<?> c = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() { return defineClass("x.L", bytes, 0, bytes.length); }
        }.define();
        var feature = c.getDeclaredMethod("feature", String.class);
        feature.setAccessible(true);
        assertEquals(8, feature.invoke(null, "1.8"));
        assertEquals(17, feature.invoke(null, "17"));
        assertEquals(21, feature.invoke(null, "21"));
        assertEquals(25, feature.invoke(null, "25-ea"));
        assertEquals(Integer.MAX_VALUE, feature.invoke(null, (Object) null));
        assertEquals(Integer.MAX_VALUE, feature.invoke(null, "weird"));
    }

    @Test
    void failedWriteLeavesNothingBehind() throws IOException {
        Path blocker = tmp.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        Path out = blocker.resolve("app.jar");
        assertThrows(IOException.class, () -> JarBuilder.writeAtomically(out, new byte[] {1, 2, 3}));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(blocker), files.toList());
        }
    }

    @Test
    void writeReplacesAnExistingJarAndLeavesNoTempFiles() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("sub/dir")).resolve("app.jar");
        JarBuilder.writeAtomically(out, new byte[] {1});
        JarBuilder.writeAtomically(out, new byte[] {2, 3});
        assertArrayEquals(new byte[] {2, 3}, Files.readAllBytes(out));
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    void rejectsProgramWithoutItsMainClass() {
        CompiledProgram bad = new CompiledProgram("ngn/Missing", TestPrograms.hi().classes());
        assertThrows(IllegalArgumentException.class, () -> JarBuilder.build(bad, RuntimeClasses.fromLocation(fakeRuntimeDir())));
    }

    static Map<String, byte[]> unzip(byte[] jar) throws IOException {
        Map<String, byte[]> m = new java.util.TreeMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) m.put(e.getName(), z.readAllBytes());
        }
        return m;
    }
}
