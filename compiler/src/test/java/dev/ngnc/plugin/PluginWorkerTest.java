package dev.ngnc.plugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The records the Maven plugin reads from the forked compiler: compile, jar and test. */
class PluginWorkerTest {
    @TempDir Path dir;

    record Run(int exit, List<String> records) {}

    Run worker(String... args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new PluginWorker(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(args);
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    Path file(String rel, String text) throws IOException {
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void compileWritesClassesRuntimeAndLauncherAndReportsThemThenJarPackagesThem() throws IOException {
        Path main = file("src/main.ngn", "fn main() { print(\"hi\") }\n");
        Path out = dir.resolve("classes");
        Run c = worker("compile", main.toString(), out.toString());
        assertEquals(0, c.exit(), c.records().toString());
        assertTrue(c.records().contains("R main ngn/Main"), c.records().toString());
        List<String> classes = c.records().stream().filter(r -> r.startsWith("R class ")).map(r -> r.substring(8)).toList();
        assertTrue(!classes.isEmpty());
        for (String k : classes) assertTrue(Files.isRegularFile(out.resolve(k + ".class")), k);
        assertTrue(Files.isRegularFile(out.resolve("dev/ngnc/boot/Launcher.class")));
        assertTrue(Files.isRegularFile(out.resolve("dev/ngnc/rt/Rt.class")));

        Path list = file("classes.txt", String.join("\n", classes));
        Path jar = dir.resolve("target/app.jar");
        assertEquals(0, worker("jar", out.toString(), jar.toString(), "ngn/Main", list.toString()).exit());
        try (JarFile j = new JarFile(jar.toFile())) {
            assertNotNull(j.getEntry("ngn/Main.class"));
            assertNotNull(j.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void compileErrorsAreErrorRecordsAndAFailure() throws IOException {
        Path main = file("src/main.ngn", "fn main() {\n  print(nope)\n}\n");
        Run c = worker("compile", main.toString(), dir.resolve("classes").toString());
        assertEquals(1, c.exit());
        assertTrue(c.records().stream().anyMatch(r -> r.startsWith("E " + main.toAbsolutePath() + ":[2,")), c.records().toString());
        assertTrue(c.records().stream().anyMatch(r -> r.startsWith("F ngn compilation failed with 1 error: ")), c.records().toString());
    }

    @Test
    void testRunsProgramsSkipsHelpersWritesReportsAndLocatesFailures() throws IOException {
        Path ok = file("t/ok_test.ngn", "import { assert } from \"tbx::test\"\nimport { two } from \"./util.ngn\"\nfn main() {\n  print(\"out\")\n  assert(two() == 2)\n}\n");
        Path util = file("t/util.ngn", "export fn two(): i64 { return 2 }\n");
        Path bad = file("t/sub/bad_test.ngn", "import { assert } from \"tbx::test\"\nfn main() {\n  const n = 5\n  assert(n == 6)\n}\n");
        Path reports = dir.resolve("reports");
        Run t = worker("test", dir.resolve("t").toString(), reports.toString(), "60", ok.toString(), util.toString(), bad.toString());
        List<String> r = t.records();
        assertEquals(1, t.exit(), r.toString());
        assertTrue(r.stream().anyMatch(l -> l.matches("I Test ok_test\\.ngn passed \\(1 assertion passed, .* s\\)")), r.toString());
        assertTrue(r.contains("D util.ngn has no fn main(): a helper module, not a test"), r.toString());
        assertTrue(r.contains("E " + bad.toAbsolutePath() + ":[4] assertion failed: n == 6"), r.toString());
        assertTrue(r.contains("E   left: 5, right: 6"), r.toString());
        assertTrue(r.contains("E ngn tests: 2 run, 1 passed, 1 failed"), r.toString());
        assertTrue(r.stream().anyMatch(l -> l.startsWith("F 1 of 2 ngn test programs failed: sub/bad_test.ngn:4 assertion failed: n == 6")),
                r.toString());
        String okReport = Files.readString(reports.resolve("ok_test.txt"));
        assertTrue(okReport.contains("# stdout\nout\n"), okReport);
        assertTrue(Files.readString(reports.resolve("sub/bad_test.txt")).contains("Assertion failed: n == 6"));
        assertTrue(!Files.exists(reports.resolve("util.txt")));
    }
}
