package dev.ngnc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code ngnc compile --aot}: the recorded cache, the launcher script, and a damaged or stale cache. */
class AotCacheTest {
    @TempDir Path tmp;

    record Ran(int exit, String out, String err) { }

    private static final boolean AOT_CACHE = Runtime.version().feature() >= 25;
    private static final boolean POSIX = !System.getProperty("os.name", "").toLowerCase().startsWith("windows");

    private Path compileWithAot(String name, String source) throws IOException {
        Path src = tmp.resolve(name + ".ngn");
        Files.writeString(src, source);
        Path jar = tmp.resolve(name + ".jar");
        NgncTest.Result r = NgncPipelineTest.ngnc("compile", "--aot", src.toString(), "-o", jar.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("recorded " + name + (AOT_CACHE ? ".aot" : ".jsa")), r.err());
        return jar;
    }

    private static Ran run(Path script) throws Exception {
        Process p = new ProcessBuilder(script.toString()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Ran(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void compileAotWritesTheCacheAndALauncherThatRunsTheProgramWithIt() throws Exception {
        assumeTrue(POSIX && AOT_CACHE, "the launcher script is a POSIX shell script; the cache check needs JDK 25");
        Path jar = compileWithAot("hello", "fn main() {\n    print(\"hello ${1 + 2}\")\n}\n");
        Path cache = tmp.resolve("hello.aot");
        Path script = tmp.resolve("hello");
        assertTrue(Files.size(cache) > 1_000_000, "an AOT cache holds the JDK's and the program's classes");
        assertTrue(Files.isExecutable(script));
        assertTrue(Files.isRegularFile(jar));
        Ran ok = run(script);
        assertEquals(new Ran(0, "hello 3\n", ""), ok, "no warning means the JVM mapped the cache");
        try (var files = Files.list(tmp)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().contains(".tmp-")), "no temporary files left");
        }
    }

    /** What the JVM says about the classes of {@code cache}: its line "Using AOT-linked classes: …". */
    private static String linkingOf(Path cache, Path jar) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:AOTCache=" + cache, "-Xlog:aot", "-jar", jar.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return log.lines().filter(l -> l.contains("Using AOT-linked classes")).findFirst().orElse(log);
    }

    @Test
    void onlyProgramsOnTheFiberSchedulerGetALinkedCache() throws Exception {
        assumeTrue(POSIX && AOT_CACHE, "the launcher script is a POSIX shell script; linked caches need JDK 25");
        Path plain = compileWithAot("plain", "fn main() {\n    print(\"plain\")\n}\n");
        Path threads = compileWithAot("threads", "fn main() {\n    const c = thread(|| 40 + 2)\n    print(<- c)\n}\n");
        assertFalse(AotCache.runsOnTheScheduler(plain));
        assertTrue(AotCache.runsOnTheScheduler(threads));
        assertTrue(linkingOf(tmp.resolve("plain.aot"), plain).contains("Using AOT-linked classes: false"));
        assertTrue(linkingOf(tmp.resolve("threads.aot"), threads).contains("Using AOT-linked classes: true"));
        assertEquals(new Ran(0, "42\n", ""), run(tmp.resolve("threads")), "the linked cache maps and the program runs");
    }

    @Test
    void theLauncherGivesAJvmStartedWithoutALocaleUtf8FileNames() throws Exception {
        assumeTrue(POSIX, "the launcher script is a POSIX shell script");
        Path file = tmp.resolve("naïve-é.txt");
        compileWithAot("names", """
                import { read, write } from "tbx::io"
                fn main() {
                  write("%s", "ünïcode")
                  match (read("%s")) {
                    Ok(c) => print(c),
                    Error(e) => print("read failed: ${e}")
                  }
                }
                """.formatted(file, file));
        ProcessBuilder pb = new ProcessBuilder(tmp.resolve("names").toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear(); // as under env -i, cron or a bare container: no LANG, no LC_*
        pb.environment().put("PATH", "/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("ünïcode\n", out, err);
        assertTrue(Files.isRegularFile(file), "the file has the name the program gave it");
    }

    @Test
    void aDamagedCacheIsIgnoredWithOneWarningLineAndTheProgramStillRuns() throws Exception {
        assumeTrue(POSIX && AOT_CACHE, "the launcher script is a POSIX shell script; the cache check needs JDK 25");
        compileWithAot("app", "fn main() {\n    print(\"still runs\")\n}\n");
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(tmp.resolve("app.aot"), garbage);
        Ran r = run(tmp.resolve("app"));
        assertEquals(0, r.exit());
        assertEquals("still runs\n", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("warning: ignoring the AOT cache "), r.err());

        // a truncated cache: the same
        compileWithAot("app", "fn main() {\n    print(\"still runs\")\n}\n");
        byte[] whole = Files.readAllBytes(tmp.resolve("app.aot"));
        Files.write(tmp.resolve("app.aot"), java.util.Arrays.copyOf(whole, whole.length / 3));
        r = run(tmp.resolve("app"));
        assertEquals("still runs\n", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aCacheRecordedForAnotherBuildOfTheJarIsIgnoredWithAWarning() throws Exception {
        assumeTrue(POSIX && AOT_CACHE, "the launcher script is a POSIX shell script; the cache check needs JDK 25");
        compileWithAot("prog", "fn main() {\n    print(\"one\")\n}\n");
        Path src = tmp.resolve("prog.ngn");
        Files.writeString(src, "fn main() {\n    print(\"two, a longer program than the first one was\")\n    print(1.5)\n}\n");
        NgncTest.Result r = NgncPipelineTest.ngnc("compile", src.toString(), "-o", tmp.resolve("prog.jar").toString());
        assertEquals(0, r.exit(), r.err());
        Ran ran = run(tmp.resolve("prog"));
        assertEquals("two, a longer program than the first one was\n1.5\n", ran.out(), "never the stale classes");
        assertTrue(ran.err().startsWith("warning: ignoring the AOT cache ") && ran.err().contains("older than prog.jar"),
                ran.err());
        assertEquals(1, ran.err().lines().count(), ran.err());
    }

    @Test
    void whenTheLauncherPathIsTakenTheJarIsKeptAndTheCacheSkippedWithAWarning() throws IOException {
        Path src = tmp.resolve("x.ngn");
        Files.writeString(src, "fn main() {\n    print(1)\n}\n");
        Files.createDirectory(tmp.resolve("x"));
        NgncTest.Result r = NgncPipelineTest.ngnc("compile", "--aot", src.toString(), "-o", tmp.resolve("x.jar").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("x.jar")));
        assertTrue(r.err().contains("warning: no AOT cache: '") && r.err().contains("is not a regular file"), r.err());
        assertFalse(Files.exists(tmp.resolve("x.aot")));
        assertFalse(Files.exists(tmp.resolve("x.jsa")));
    }

    @Test
    void theLauncherIsNamedAfterTheJarAndNeverReplacesIt() {
        assertEquals("app", AotCache.baseName("app.jar"));
        assertEquals("app-run", AotCache.baseName("app"));
        assertEquals(".jar-run", AotCache.baseName(".jar"));
    }

    @Test
    void theLauncherScriptQuotesTheJavaPathAndPassesArguments() {
        String s = AotCache.launcherScript(Path.of("/opt/it's java/bin/java"), "a b.jar", "a b.aot", true);
        assertTrue(s.contains("'/opt/it'\\''s java/bin/java'"), s);
        assertTrue(s.contains("-XX:AOTCache=\"$dir/a b.aot\""), s);
        assertTrue(s.contains("-jar \"$dir/a b.jar\" \"$@\""), s);
        String cds = AotCache.launcherScript(Path.of("/j/bin/java"), "a.jar", "a.jsa", false);
        assertTrue(cds.contains("-XX:SharedArchiveFile=\"$dir/a.jsa\""), cds);
    }
}
