package dev.ngnc.it;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.Compiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * ngn-maven-plugin end to end: real Maven builds (the {@code mvn} running this build, forked) of
 * every example in {@code examples/} and of the fixtures in {@code src/test/projects/}.
 *
 * <p>The plugin, compiler and runtime of this build are installed by {@code invoker:install}
 * (phase pre-integration-test) into a local repository under {@code target/} ({@code ngnc.it.repo});
 * everything else the builds need (maven-jar-plugin, ...) is read from this build's own local
 * repository ({@code ~/.m2}) through a {@code file:} repository in a generated settings.xml, so no
 * network is needed. The builds run on copies (in {@code target/examples}), two at a time.
 *
 * <p>Examples: each must build, and {@code java -jar target/NAME.jar} must print exactly what its
 * README.md shows in a {@code console} block starting with {@code $ [VAR=value ...] java -jar
 * target/NAME.jar}. Examples whose README has no such block (a server) are only built.
 * {@code it-tests/examples-known-failures.txt} is a ratchet like ConformanceTest's: a listed example
 * is only compiled (in process); if it compiles it is built and run as well, and the test fails if
 * it passes — remove it from the list then.
 *
 * <p>Failure paths: a compile error, a failing ngn test, a missing source directory and a missing
 * entry file must each fail the build with a clear one-line error and no stack trace; a second
 * build without changes must log the up-to-date message, and a changed source must be recompiled.
 * An ngn test that runs an HTTP server ({@code http-test}) must pass under ngn:test.
 *
 * <p>System properties (set by the pom): {@code ngnc.repo}, {@code ngnc.version},
 * {@code ngnc.maven.home}, {@code ngnc.user.repo}, {@code ngnc.it.repo}, {@code ngnc.examples.out},
 * {@code ngnc.examples.skip} (true: skip this test).
 */
class MavenPluginTest {
    static final int PARALLEL = 2;
    static final int BUILD_TIMEOUT_S = 300;
    static final int RUN_TIMEOUT_S = 60;
    static final String UP_TO_DATE = "[INFO] Nothing to compile - all ngn sources are up to date";

    static Path repo, out, itRepo, userRepo, settings, mvn;
    static String version;
    static Known known;
    /** Example name → its expected run (null: build only). */
    static final Map<String, Expected> expected = new TreeMap<>();
    /** Example name → outcome; a known failing example that does not compile has a null build. */
    static final Map<String, Future<ExampleRun>> examples = new TreeMap<>();
    static final Map<String, String> notCompiling = new TreeMap<>();
    static Future<Build> compileError, testFailure, noSources, missingEntry, httpTest;
    static Future<List<Build>> helloRebuilds;
    /** Builds with Maven itself on Java 17 (null when no JDK 17 is installed): hello, no JDK 21+, ngnc new's project. */
    static Future<Build> java17Hello, java17NoJdk, java17NewProject;
    static Path jdk17;

    record Build(String name, Path dir, int exit, String log, Path logFile, long ms) {
        boolean ok() { return exit == 0 && log.contains("BUILD SUCCESS"); }

        String tail() {
            List<String> l = log.lines().toList();
            return "--- " + logFile + " (last lines):\n" + String.join("\n", l.subList(Math.max(0, l.size() - 40), l.size()));
        }
    }

    record Run(int exit, String stdout, String stderr) {}

    record ExampleRun(Build build, Run run) {}

    /** From a README: the environment to set and the exact stdout. */
    record Expected(Map<String, String> env, String jar, String stdout) {}

    @BeforeAll
    static void buildEverything() throws Exception {
        assumeFalse(Boolean.getBoolean("ngnc.examples.skip"), "-Dngnc.examples.skip=true");
        long start = System.nanoTime();
        repo = Path.of(System.getProperty("ngnc.repo", "..")).toAbsolutePath().normalize();
        version = prop("ngnc.version", null);
        itRepo = Path.of(prop("ngnc.it.repo", repo.resolve("it-tests/target/it-repo").toString())).toAbsolutePath().normalize();
        userRepo = Path.of(prop("ngnc.user.repo", System.getProperty("user.home") + "/.m2/repository")).toAbsolutePath().normalize();
        out = Path.of(prop("ngnc.examples.out", repo.resolve("it-tests/target/examples").toString())).toAbsolutePath().normalize();
        Path mavenHome = Path.of(prop("ngnc.maven.home", ""));
        mvn = mavenHome.resolve("bin").resolve(isWindows() ? "mvn.cmd" : "mvn");
        assertTrue(version != null, "no -Dngnc.version (run through the it-tests pom)");
        assertTrue(Files.isRegularFile(mvn), "no Maven launcher at " + mvn + " (-Dngnc.maven.home)");
        Path plugin = itRepo.resolve("dev/ngnc/ngn-maven-plugin/" + version + "/ngn-maven-plugin-" + version + ".jar");
        assertTrue(Files.isRegularFile(plugin), "the plugin is not installed in " + itRepo
                + " (invoker:install runs in pre-integration-test: use `mvn verify`, not `mvn test`)");

        deleteTree(out);
        Files.createDirectories(out);
        settings = out.resolve("settings.xml");
        Files.writeString(settings, settingsXml(userRepo));
        known = Known.read(repo.resolve("it-tests/examples-known-failures.txt"));

        // The examples: copies, expected outputs, and which to build.
        List<String> toBuild = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(repo.resolve("examples"))) {
            for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve("pom.xml"))).sorted().toList()) {
                String name = d.getFileName().toString();
                expected.put(name, readme(d.resolve("README.md"), name));
                if (known.names().contains(name)) {
                    String why = compileProblem(entryOf(d));
                    if (why != null) {
                        notCompiling.put(name, why);
                        continue;
                    }
                }
                copyTree(d, out.resolve("examples").resolve(name));
                toBuild.add(name);
            }
        }
        for (String f : List.of("compile-error", "test-failure", "no-sources", "http-test")) {
            copyTree(repo.resolve("it-tests/src/test/projects").resolve(f), out.resolve("projects").resolve(f));
        }
        copyTree(repo.resolve("it-tests/src/test/projects/compile-error"), out.resolve("projects/missing-entry"));

        // hello first, alone: it brings the standard plugins into the test repository, so that the
        // parallel builds afterwards do not download the same files at the same time.
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            String first = toBuild.contains("hello") ? "hello" : toBuild.isEmpty() ? null : toBuild.get(0);
            if (first != null) {
                ExampleRun r = buildExample(first);
                examples.put(first, java.util.concurrent.CompletableFuture.completedFuture(r));
            }
            if ("hello".equals(first)) helloRebuilds = pool.submit(MavenPluginTest::helloRebuilds);
            jdk17 = findJdk(17);
            if (jdk17 != null && "hello".equals(first)) {
                // after hello: the standard plugins are in the test repository, so these builds can run offline (-o)
                copyTree(repo.resolve("examples/hello"), out.resolve("java17/hello"));
                copyTree(repo.resolve("examples/hello"), out.resolve("java17/no-jdk"));
                java17Hello = pool.submit(() -> mvn("java17-hello", out.resolve("java17/hello"), jdk17, Map.of(),
                        "-o", "-V", "-Dngn.jdkSearchRoots=" + Path.of(System.getProperty("java.home")).getParent(), "package"));
                java17NoJdk = pool.submit(() -> mvn("java17-no-jdk", out.resolve("java17/no-jdk"), jdk17, Map.of(),
                        "-o", "-V", "-Dngn.jdkSearchRoots=none", "package"));
                java17NewProject = pool.submit(MavenPluginTest::newProjectOnJava17);
            }
            compileError = pool.submit(() -> mvn("compile-error", out.resolve("projects/compile-error"), "package"));
            testFailure = pool.submit(() -> mvn("test-failure", out.resolve("projects/test-failure"), "package"));
            noSources = pool.submit(() -> mvn("no-sources", out.resolve("projects/no-sources"), "package"));
            missingEntry = pool.submit(() -> mvn("missing-entry", out.resolve("projects/missing-entry"), "package", "-Dngn.entry=app.ngn"));
            int port = freePort();
            httpTest = pool.submit(() -> mvn("http-test", out.resolve("projects/http-test"),
                    Map.of("NGN_IT_PORT", Integer.toString(port)), "test"));
            for (String name : toBuild) {
                if (!name.equals(first)) examples.put(name, pool.submit(() -> buildExample(name)));
            }
            pool.shutdown();
            if (!pool.awaitTermination(20, TimeUnit.MINUTES)) fail("the Maven builds did not finish within 20 minutes");
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("[maven-plugin] %d example(s) built, %d known failing example(s) not compiling %s, 5 fixtures, "
                        + (jdk17 == null ? "no JDK 17 for the Maven-on-Java-17 builds" : "3 builds with Maven on " + jdk17) + "; %d s%n",
                toBuild.size(), notCompiling.size(), notCompiling.keySet(), (System.nanoTime() - start) / 1_000_000_000);
    }

    // ------------------------------------------------------------------------------------------
    // Tests

    @Test
    void examplesBuildWithThePluginAndPrintTheirReadmeOutput() throws Exception {
        StringBuilder problems = new StringBuilder();
        int checked = 0;
        for (Map.Entry<String, Future<ExampleRun>> e : examples.entrySet()) {
            String name = e.getKey();
            if (known.names().contains(name)) continue;
            checked++;
            String p = exampleProblem(name, e.getValue().get());
            if (p != null) problems.append("examples/").append(name).append(": ").append(p).append("\n\n");
            else if (expected.get(name) == null) {
                System.out.println("[maven-plugin] examples/" + name + ": built only (its README shows no `$ java -jar` output)");
            }
        }
        for (String name : expected.keySet()) {
            if (!known.names().contains(name) && !examples.containsKey(name)) problems.append("examples/").append(name).append(": not built\n");
        }
        if (!problems.isEmpty()) {
            fail(problems + "(examples that cannot work yet belong in it-tests/examples-known-failures.txt, with the reason)");
        }
        assertTrue(checked > 0, "no example was checked");
    }

    /** The api example is a server: start its jar on a free port and call each route its README lists. */
    @Test
    void apiExampleServesTheRoutesItsReadmeShows() throws Exception {
        Future<ExampleRun> built = examples.get("api");
        assumeFalse(built == null || known.names().contains("api"), "api is not built (listed as known failing)");
        assertTrue(built.get().build().ok(), "examples/api did not build");
        Path dir = out.resolve("examples").resolve("api");
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        Path log = out.resolve("logs").resolve("api-server.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-jar", "target/api.jar").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PORT", Integer.toString(port));
        Process server = pb.start();
        try {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            java.net.http.HttpResponse<String> health = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (health == null && System.nanoTime() < deadline && server.isAlive()) {
                try {
                    health = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health")).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertTrue(health != null, "the api server did not answer within 20 s; its output:\n" + Files.readString(log));
            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"ok\"}", health.body());
            var todo = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/todos/2")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"done\":true,\"id\":2,\"title\":\"build it with Maven\"}", todo.body());
            var missing = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/todos/9")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertEquals("{\"error\":\"no todo 9\"}", missing.body());
            var echo = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/echo"))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"n\":1}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"received\":{\"n\":1}}", echo.body());
        } finally {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void knownFailingExamplesStillFail() throws Exception {
        List<String> passing = new ArrayList<>();
        for (String name : known.names()) {
            if (!expected.containsKey(name)) {
                System.out.println("[maven-plugin] warning: " + name + " is listed in examples-known-failures.txt but there is no examples/" + name);
                continue;
            }
            if (notCompiling.containsKey(name)) {
                System.out.println("[maven-plugin] examples/" + name + " (known failure: " + known.reasons().get(name) + "): does not compile yet: " + notCompiling.get(name));
                continue;
            }
            String problem = exampleProblem(name, examples.get(name).get());
            if (problem == null) passing.add(name);
            else System.out.println("[maven-plugin] examples/" + name + " compiles now but does not pass yet: " + problem.lines().findFirst().orElse(""));
        }
        if (!passing.isEmpty()) {
            fail("examples listed in it-tests/examples-known-failures.txt build and print their README output now: remove them from the list: " + passing);
        }
    }

    @Test
    void examplesUseThisBuildsVersionOfThePlugin() throws Exception {
        Pattern p = Pattern.compile("<ngn\\.version>([^<]+)</ngn\\.version>");
        List<String> wrong = new ArrayList<>();
        for (String name : expected.keySet()) {
            Matcher m = p.matcher(Files.readString(repo.resolve("examples").resolve(name).resolve("pom.xml")));
            if (!m.find()) wrong.add(name + " (no <ngn.version>)");
            else if (!m.group(1).strip().equals(version)) wrong.add(name + " (" + m.group(1) + ")");
        }
        assertTrue(wrong.isEmpty(), "examples/*/pom.xml must set <ngn.version>" + version + "</ngn.version>: " + wrong);
    }

    @Test
    void compileErrorFailsTheBuildWithMavenStyleMessages() throws Exception {
        Build b = compileError.get();
        assertFailedCleanly(b);
        Path main = b.dir().toRealPath().resolve("src/main/ngn/main.ngn");
        assertLine(b, "^\\[ERROR\\] " + Pattern.quote(main.toString()) + ":\\[2,\\d+\\] .+$");
        assertLine(b, "^\\[ERROR\\] Failed to execute goal dev\\.ngnc:ngn-maven-plugin:" + Pattern.quote(version)
                + ":compile .*ngn compilation failed with 1 error: " + Pattern.quote(main.toString()) + ":\\[2,\\d+\\] .*");
    }

    @Test
    void failingNgnTestFailsTheBuildNamingFileAndLine() throws Exception {
        Build b = testFailure.get();
        assertFailedCleanly(b);
        Path test = b.dir().toRealPath().resolve("src/test/ngn/more/wrong_test.ngn");
        assertLine(b, "^\\[INFO\\] Test add_test\\.ngn passed \\(3 assertions passed, .*\\)$");
        assertLine(b, "^\\[ERROR\\] " + Pattern.quote(test + ":[7] assertion failed: 2 + 3 should be 6") + "$");
        assertLine(b, "^\\[ERROR\\]   left: 5, right: 6$");
        // helpers.ngn (no fn main()) is imported by add_test.ngn: not run, not reported
        assertLine(b, "^\\[ERROR\\] ngn tests: 2 run, 1 passed, 1 failed$");
        assertTrue(!b.log().contains("helpers.ngn"), "the helper module was treated as a test\n" + b.tail());
        assertLine(b, "^\\[ERROR\\] Failed to execute goal dev\\.ngnc:ngn-maven-plugin:" + Pattern.quote(version)
                + ":test .*1 of 2 ngn test programs failed: " + Pattern.quote("more/wrong_test.ngn:7 assertion failed: 2 + 3 should be 6") + ".*");
        assertTrue(Files.readString(b.dir().resolve("target/ngn-test-reports/more/wrong_test.txt")).contains("not reached") == false);
        assertTrue(Files.isRegularFile(b.dir().resolve("target/ngn-test-reports/add_test.txt")));
        assertTrue(!b.log().contains("not reached"), "the test program went on after the failed assert\n" + b.tail());
    }

    /**
     * An ngn test that runs an HTTP server ({@code serve} from {@code tbx::http}) and fetches from it:
     * ngn:test must put runtime-http (dev.ngnc.rt.http, Helidon) on the forked test JVM's class path,
     * as ngn:jar bundles it into the jar of such a program (before: NoClassDefFoundError).
     */
    @Test
    void ngnTestRunningAnHttpServerHasTheServerRuntime() throws Exception {
        Build b = httpTest.get();
        assertTrue(b.ok(), "the ngn test that serves HTTP should pass\n" + b.tail()
                + "\n--- its output:\n" + readIfExists(b.dir().resolve("target/ngn-test-reports/serve_test.txt")));
        assertLine(b, "^\\[INFO\\] Test serve_test\\.ngn passed \\(2 assertions passed, .*\\)$");
        assertLine(b, "^\\[INFO\\] ngn tests: 1 run, 1 passed, 0 failed$");
        String report = Files.readString(b.dir().resolve("target/ngn-test-reports/serve_test.txt"), StandardCharsets.UTF_8);
        assertTrue(report.contains("HTTP server listening on "), report);
    }

    @Test
    void missingSourceDirectoryIsAClearError() throws Exception {
        Build b = noSources.get();
        assertFailedCleanly(b);
        assertLine(b, "^\\[ERROR\\] Failed to execute goal dev\\.ngnc:ngn-maven-plugin:" + Pattern.quote(version)
                + ":compile .*: ngn source directory " + Pattern.quote(b.dir().toRealPath().resolve("src/main/ngn").toString())
                + " does not exist: .*-Dngn\\.sourceDirectory.*");
    }

    @Test
    void missingEntryFileIsAClearError() throws Exception {
        Build b = missingEntry.get();
        assertFailedCleanly(b);
        assertLine(b, "^\\[ERROR\\] Failed to execute goal dev\\.ngnc:ngn-maven-plugin:" + Pattern.quote(version)
                + ":compile .*: ngn entry file " + Pattern.quote(b.dir().toRealPath().resolve("src/main/ngn/app.ngn").toString())
                + " does not exist: .*-Dngn\\.entry.*");
    }

    @Test
    void secondBuildWithoutChangesIsUpToDateAndAChangeRecompiles() throws Exception {
        assumeFalse(helloRebuilds == null, "examples/hello was not built");
        ExampleRun first = examples.get("hello").get();
        assertTrue(first.build().ok(), "first build of hello failed\n" + first.build().tail());
        assertTrue(first.build().log().contains("[INFO] Compiling ngn program"), first.build().tail());
        List<Build> again = helloRebuilds.get();
        Build second = again.get(0);
        assertTrue(second.ok(), "second build failed\n" + second.tail());
        assertTrue(second.log().lines().anyMatch(UP_TO_DATE::equals), "no `" + UP_TO_DATE + "` in the second build\n" + second.tail());
        assertTrue(!second.log().contains("Compiling ngn program"), "the second build compiled again\n" + second.tail());

        Build third = again.get(1);
        assertTrue(third.ok(), "build after the change failed\n" + third.tail());
        assertTrue(third.log().contains("[INFO] Compiling ngn program"), "the changed source was not recompiled\n" + third.tail());
        Run run = runJar(third.dir(), "hello", Map.of());
        assertEquals("Hello, Maven!\n1 + 2 + ... + 10 = 55\n", run.stdout(), "output after the change; stderr: " + run.stderr());
    }

    /** Maven itself on Java 17 (JAVA_HOME of the mvn process): the plugin forks the compiler on a JDK 21+ it finds. */
    @Test
    void pluginWorksWithMavenOnJava17AndForksTheCompilerOnAJdk21() throws Exception {
        assumeFalse(java17Hello == null, "no JDK 17 under /usr/lib/jvm (or examples/hello was not built)");
        Build b = java17Hello.get();
        assertTrue(b.ok(), "hello with Maven on Java 17 failed\n" + b.tail());
        assertLine(b, "^Java version: 17\\..*");
        assertTrue(b.log().contains("[INFO] Compiling ngn program"), b.tail());
        Run run = runJar(b.dir(), "hello", Map.of());
        assertEquals(0, run.exit(), run.stderr());
        assertEquals(expected.get("hello").stdout(), run.stdout());
    }

    /** No JDK 21+ anywhere the plugin looks: one clear error line, no stack trace, no UnsupportedClassVersionError. */
    @Test
    void withoutAJdk21TheBuildFailsWithOneLineSayingWhatIsNeeded() throws Exception {
        assumeFalse(java17NoJdk == null, "no JDK 17 under /usr/lib/jvm");
        Build b = java17NoJdk.get();
        assertFailedCleanly(b);
        assertTrue(!b.log().contains("UnsupportedClassVersionError"), b.tail());
        assertLine(b, "^\\[ERROR\\] Failed to execute goal dev\\.ngnc:ngn-maven-plugin:" + Pattern.quote(version)
                + ":compile .*: no JDK 21 or newer found to run the ngn compiler \\(.*is Java 17.*\\): install one, or set -Dngn\\.jvm=.*toolchain.*");
    }

    /** {@code ngnc new} writes a project that {@code mvn -o verify} builds and tests, with Maven on Java 17. */
    @Test
    void projectFromNgncNewVerifiesOfflineWithMavenOnJava17() throws Exception {
        assumeFalse(java17NewProject == null, "no JDK 17 under /usr/lib/jvm");
        Build b = java17NewProject.get();
        assertTrue(b.ok(), "mvn -o verify of the generated project failed\n" + b.tail());
        assertLine(b, "^\\[INFO\\] Test main_test\\.ngn passed \\(1 assertion passed, .*\\)$");
        assertLine(b, "^\\[INFO\\] ngn tests: 1 run, 1 passed, 0 failed$");
        Run run = runJar(b.dir(), "gen-app", Map.of());
        assertEquals("Hello, world!\n", run.stdout(), run.stderr());
    }

    // ------------------------------------------------------------------------------------------
    // Builds

    /** {@code ngnc new gen-app} (the CLI jar of this build), then {@code mvn -o verify} in it on Java 17. */
    static Build newProjectOnJava17() throws Exception {
        Path parent = out.resolve("java17");
        Files.createDirectories(parent);
        Files.createDirectories(out.resolve("logs"));
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", System.getProperty("ngnc.jar"), "new", "gen-app", "-C", parent.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("logs/ngnc-new.log").toFile()).start();
        assertEquals(0, p.waitFor(), Files.readString(out.resolve("logs/ngnc-new.log")));
        return mvn("java17-new-project", parent.resolve("gen-app"), jdk17, Map.of(), "-o", "-V", "verify");
    }

    /** The newest JDK of the given feature version under /usr/lib/jvm (read from its release file), or null. */
    static Path findJdk(int feature) throws IOException {
        Path root = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> homes = Files.list(root)) {
            for (Path h : homes.sorted().toList()) {
                Path release = h.resolve("release");
                if (!Files.isRegularFile(h.resolve("bin/java")) || !Files.isRegularFile(release)) continue;
                Matcher m = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
                if (m.find() && Integer.parseInt(m.group(1)) == feature) return h;
            }
        }
        return null;
    }

    static ExampleRun buildExample(String name) throws Exception {
        Path dir = out.resolve("examples").resolve(name);
        Build b = mvn("example-" + name, dir, "package");
        Run r = null;
        Expected exp = expected.get(name);
        if (b.ok() && exp != null && Files.isRegularFile(dir.resolve(exp.jar()))) r = runJar(dir, name, exp.env());
        return new ExampleRun(b, r);
    }

    /** The second build of hello (no change: up to date), then one after changing main.ngn. */
    static List<Build> helloRebuilds() throws Exception {
        Path dir = out.resolve("examples/hello");
        Build second = mvn("hello-again", dir, "package");
        Path main = dir.resolve("main.ngn");
        Files.writeString(main, Files.readString(main).replace("greet(\"world\")", "greet(\"Maven\")"));
        Build third = mvn("hello-changed", dir, "package");
        return List.of(second, third);
    }

    /** Problem with an example's outcome, or null when it built and printed what its README says. */
    static String exampleProblem(String name, ExampleRun r) {
        Build b = r.build();
        if (!b.ok()) return "the Maven build failed (exit " + b.exit() + ")\n" + b.tail();
        Path jar = b.dir().resolve("target/" + name + ".jar");
        if (!Files.isRegularFile(jar)) return "no " + jar + " after the build\n" + b.tail();
        Expected exp = expected.get(name);
        if (exp == null) return null;
        if (r.run() == null) return "not run";
        if (r.run().exit() != 0 || !r.run().stdout().equals(exp.stdout())) {
            return "`java -jar " + exp.jar() + "` (exit " + r.run().exit() + ") printed:\n" + r.run().stdout()
                    + "--- README.md expects:\n" + exp.stdout() + (r.run().stderr().isEmpty() ? "" : "--- stderr:\n" + r.run().stderr());
        }
        return null;
    }

    static Build mvn(String name, Path dir, String... goals) throws IOException, InterruptedException {
        return mvn(name, dir, Map.of(), goals);
    }

    /** A forked Maven build with extra environment variables (inherited by the JVMs it forks, e.g. ngn tests). */
    static Build mvn(String name, Path dir, Map<String, String> env, String... goals) throws IOException, InterruptedException {
        return mvn(name, dir, Path.of(System.getProperty("java.home")), env, goals);
    }

    /** A forked Maven build running on the JDK at {@code javaHome} (JAVA_HOME of the mvn process). */
    static Build mvn(String name, Path dir, Path javaHome, Map<String, String> env, String... goals) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "-nsu", "-Dstyle.color=never",
                "-s", settings.toString(), "-Dmaven.repo.local=" + itRepo, "-Dngn.version=" + version));
        cmd.addAll(List.of(goals));
        Path log = out.resolve("logs").resolve(name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().remove("MAVEN_ARGS");
        pb.environment().remove("NGN_JVM");
        boolean sameJdk = javaHome.equals(Path.of(System.getProperty("java.home")));
        pb.environment().put("MAVEN_OPTS", mavenOpts(System.getenv("MAVEN_OPTS"), sameJdk ? Runtime.version().feature() : 17));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(BUILD_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("mvn " + String.join(" ", goals) + " in " + dir + " did not finish within " + BUILD_TIMEOUT_S + " s; log: " + log);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String text = Files.readString(log, StandardCharsets.UTF_8);
        System.out.printf("[maven-plugin] mvn %s (%s): exit %d, %.1f s%n", String.join(" ", goals), name, p.exitValue(), ms / 1000.0);
        return new Build(name, dir, p.exitValue(), text, log, ms);
    }

    /**
     * MAVEN_OPTS of the forked builds: the caller's, plus C1 only (these short builds start about
     * twice as fast) and, on JDK 23+, the flag that quiets Maven 3's sun.misc.Unsafe warning.
     */
    static String mavenOpts(String inherited, int javaFeature) {
        String base = inherited == null ? "" : inherited.strip();
        if (javaFeature < 23) base = base.replaceAll("--sun-misc-unsafe-memory-access=\\S+", "").strip(); // unknown to Java 17: it would not start
        StringBuilder b = new StringBuilder(base);
        if (!b.toString().contains("TieredStopAtLevel")) b.append(" -XX:TieredStopAtLevel=1");
        if (javaFeature >= 23 && !b.toString().contains("sun-misc-unsafe-memory-access")) {
            b.append(" --sun-misc-unsafe-memory-access=allow");
        }
        return b.toString().strip();
    }

    static Run runJar(Path dir, String name, Map<String, String> env) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        Path stdout = out.resolve("logs").resolve(name + "-" + System.nanoTime() + ".out");
        Path stderr = out.resolve("logs").resolve(name + "-" + System.nanoTime() + ".err");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-jar", "target/" + name + ".jar").directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Run(-1, Files.readString(stdout), "timed out after " + RUN_TIMEOUT_S + " s\n" + Files.readString(stderr));
        }
        return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** Null when the example's program compiles, else the first error. */
    static String compileProblem(Path entry) {
        Diagnostics d = new Diagnostics();
        try {
            if (Compiler.compile(entry, entry.toString(), d) != null && !d.hasErrors()) return null;
        } catch (RuntimeException | StackOverflowError e) {
            return "compiler crashed: " + e;
        }
        return d.all().isEmpty() ? "no program" : d.all().get(0).message() + " (" + d.errorCount() + " error(s))";
    }

    static Path entryOf(Path example) {
        Path std = example.resolve("src/main/ngn/main.ngn");
        return Files.isRegularFile(std) ? std : example.resolve("main.ngn");
    }

    // ------------------------------------------------------------------------------------------
    // Helpers

    static void assertFailedCleanly(Build b) {
        assertTrue(b.exit() != 0 && b.log().contains("BUILD FAILURE"), "the build of " + b.name() + " should fail\n" + b.tail());
        List<String> frames = b.log().lines().filter(l -> l.matches("^\\s+at [\\w$.]+\\(.*\\)$")).toList();
        assertTrue(frames.isEmpty(), "a stack trace in the build log of " + b.name() + "\n" + b.tail());
        assertTrue(!b.log().contains("MojoExecutionException"), "an internal plugin error, not a build failure\n" + b.tail());
    }

    static void assertLine(Build b, String regex) {
        Pattern p = Pattern.compile(regex);
        assertTrue(b.log().lines().anyMatch(l -> p.matcher(l).matches()), "no line matching " + regex + " in the build log of " + b.name() + "\n" + b.tail());
    }

    /**
     * The first {@code console} block of a README that starts with {@code $ [VAR=value ...] java -jar
     * target/NAME.jar}: the variables and the following lines (the expected stdout). Null when none.
     */
    static Expected readme(Path readme, String name) throws IOException {
        if (!Files.isRegularFile(readme)) return null;
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```console") || i + 1 >= lines.size()) continue;
            String cmd = lines.get(i + 1).strip();
            if (!cmd.startsWith("$ ")) continue;
            Map<String, String> env = new LinkedHashMap<>();
            String[] words = cmd.substring(2).strip().split("\\s+");
            int w = 0;
            while (w < words.length && words[w].matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                int eq = words[w].indexOf('=');
                env.put(words[w].substring(0, eq), words[w].substring(eq + 1));
                w++;
            }
            String jar = "target/" + name + ".jar";
            if (words.length != w + 3 || !words[w].equals("java") || !words[w + 1].equals("-jar") || !words[w + 2].equals(jar)) {
                fail(readme + ": the console block must run `java -jar " + jar + "` (optionally after VAR=value words), not: " + cmd);
            }
            StringBuilder stdout = new StringBuilder();
            int j = i + 2;
            for (; j < lines.size() && !lines.get(j).strip().equals("```"); j++) stdout.append(lines.get(j)).append('\n');
            if (j >= lines.size()) fail(readme + ": unterminated ``` block");
            return new Expected(env, jar, stdout.toString());
        }
        return null;
    }

    /** {@code it-tests/examples-known-failures.txt}: a name per line, then {@code #} and the reason. */
    record Known(Map<String, String> reasons) {
        static Known read(Path file) throws IOException {
            Map<String, String> r = new TreeMap<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int hash = line.indexOf('#');
                    String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
                    if (!name.isEmpty()) r.put(name, hash >= 0 ? line.substring(hash + 1).strip() : "");
                }
            }
            return new Known(r);
        }

        java.util.Set<String> names() { return new TreeSet<>(reasons.keySet()); }
    }

    static String settingsXml(Path userRepo) {
        String url = userRepo.toUri().toString();
        String repos = """
                <id>ngnc-user-repo</id><url>%s</url>
                        <releases><enabled>true</enabled><updatePolicy>never</updatePolicy></releases>
                        <snapshots><enabled>false</enabled></snapshots>""".formatted(url);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- generated by MavenPluginTest: artifacts not in the test repository are read from the
                     local repository of the build that runs the test (%s), before Maven Central -->
                <settings>
                  <profiles>
                    <profile>
                      <id>ngnc-it</id>
                      <repositories><repository>%s</repository></repositories>
                      <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>ngnc-it</activeProfile></activeProfiles>
                </settings>
                """.formatted(userRepo, repos, repos);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path rel = from.relativize(p);
                if (rel.getNameCount() > 0 && rel.getName(0).toString().equals("target")) continue; // a developer's own build
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** A loopback port that is free now (for a server started a moment later). */
    static int freePort() throws IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    static String readIfExists(Path f) throws IOException {
        return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : "(no " + f + ")";
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    private static String prop(String key, String fallback) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
