package dev.ngnc.maven;

import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.jar.RuntimeClasses;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles and runs the ngn test programs: every file matching {@link #testIncludes} under
 * {@link #testSourceDirectory} ({@code src/test/ngn/**}{@code /*.ngn}) is an entry with
 * {@code fn main()} that checks things with {@code assert} from {@code tbx::test}. Each runs in its
 * own forked JVM, with the project's base directory as working directory.
 *
 * <p>A program passes when it exits with status 0. A failed assertion (or any runtime error, or a
 * compile error) fails the build; the failure is logged with the file and line, e.g.
 * {@code [ERROR] /abs/src/test/ngn/calc_test.ngn:[7] Assertion failed: total should be 6}. Each
 * program's output is kept in {@code target/ngn-test-reports/}. Honours {@code -DskipTests},
 * {@code -Dmaven.test.skip} and {@code -Dmaven.test.failure.ignore}.
 *
 * <p>The class path of a test program is its classes and runtime-lib; a program that uses the HTTP
 * server ({@code tbx::http}: {@code serve}, a server model such as {@code Request}) also gets
 * runtime-http with Helidon — the same bundle that ngn:jar and ngn:compile add for such a program,
 * extracted once to {@code target/ngn/runtime-http.jar}.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends AbstractNgnMojo {
    /** Directory holding the ngn test programs. A missing directory means there are no tests. */
    @Parameter(defaultValue = "${project.basedir}/src/test/ngn", property = "ngn.testSourceDirectory", required = true)
    private File testSourceDirectory;

    /**
     * Which files under {@link #testSourceDirectory} are test programs: globs relative to it
     * ({@code **}{@code /} also matches the top level). Comma-separated on the command line, e.g.
     * {@code -Dngn.testIncludes=calc_test.ngn}. Exclude helper modules (files without {@code fn main()})
     * with {@link #testExcludes} or keep them outside the test directory.
     */
    @Parameter(defaultValue = "**/*.ngn", property = "ngn.testIncludes")
    private List<String> testIncludes;

    /** Globs (relative to {@link #testSourceDirectory}) of files that are not test programs, e.g. shared helper modules. */
    @Parameter(property = "ngn.testExcludes")
    private List<String> testExcludes;

    /** Skip running the ngn tests (they are not compiled either), like Surefire's {@code skipTests}. */
    @Parameter(defaultValue = "false", property = "skipTests")
    private boolean skipTests;

    /** Skip the ngn tests, like {@code -Dmaven.test.skip=true} for Java tests. */
    @Parameter(defaultValue = "false", property = "maven.test.skip")
    private boolean skip;

    /** Log failing ngn tests but do not fail the build. */
    @Parameter(defaultValue = "false", property = "maven.test.failure.ignore")
    private boolean testFailureIgnore;

    /** Seconds a test program may run before it is stopped and counted as failed. */
    @Parameter(defaultValue = "120", property = "ngn.testTimeout")
    private int testTimeout;

    /** The {@code java} launcher of the forked test JVMs (Java 21+); default: the JVM running Maven. */
    @Parameter(property = "ngn.jvm")
    private String jvm;

    /** Extra JVM options for the forked test JVMs, separated by spaces (e.g. {@code -Xmx512m}). */
    @Parameter(property = "ngn.argLine")
    private String argLine;

    /** Working directory of the test programs (relative file paths in tests resolve against it). */
    @Parameter(defaultValue = "${project.basedir}", property = "ngn.testWorkingDirectory", required = true)
    private File workingDirectory;

    /** Where each test program's output ({@code <name>.txt}: stdout, then stderr) is written. */
    @Parameter(defaultValue = "${project.build.directory}/ngn-test-reports", property = "ngn.reportsDirectory", required = true)
    private File reportsDirectory;

    /** Where the compiled test programs are written, one directory per program (read-only). */
    @Parameter(defaultValue = "${project.build.directory}/ngn-test-classes", readonly = true, required = true)
    private File testClassesDirectory;

    /** Name of runtime-http's bundle jar, extracted under {@code ${project.build.directory}/ngn/}. */
    static final String HTTP_RUNTIME_JAR = "runtime-http.jar";

    /** runtime-http's bundle jar once extracted in this execution (null: no test needed it yet). */
    private Path httpRuntimeJar;

    /** One finished test program. */
    private record Result(String name, Path file, Reporting.TestOutcome outcome, String summary) {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("ngn tests are skipped.");
            return;
        }
        Path testDir = testSourceDirectory.toPath().toAbsolutePath().normalize();
        if (!Files.isDirectory(testDir)) {
            getLog().info("No ngn tests to run (no directory " + shown(testDir) + ").");
            return;
        }
        List<Path> tests;
        try {
            tests = SourceScanner.filter(testDir, SourceScanner.scan(testDir, List.of(buildDirectory.toPath())), testIncludes, testExcludes);
        } catch (IOException e) {
            throw failure("cannot read the ngn tests in " + testDir + ": " + e);
        }
        if (tests.isEmpty()) {
            getLog().info("No ngn tests to run (no file in " + shown(testDir) + " matches " + testIncludes + ").");
            return;
        }
        if (testTimeout <= 0) throw failure("ngn.testTimeout must be a positive number of seconds, not " + testTimeout);
        String java = jvm != null && !jvm.isBlank() ? jvm
                : Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toString();
        RuntimeClasses runtime = runtime();
        Path reports = reportsDirectory.toPath().toAbsolutePath().normalize();
        Path classesRoot = testClassesDirectory.toPath().toAbsolutePath().normalize();

        getLog().info("Running " + tests.size() + " ngn test program" + (tests.size() == 1 ? "" : "s") + " from " + shown(testDir));
        List<Result> results = new ArrayList<>();
        for (Path test : tests) {
            results.add(runOne(test, testDir, java, runtime, classesRoot, reports));
        }

        List<Result> failed = results.stream().filter(r -> !r.outcome.passed()).toList();
        String counts = "ngn tests: " + results.size() + " run, " + (results.size() - failed.size()) + " passed, " + failed.size() + " failed";
        if (failed.isEmpty()) {
            getLog().info(counts);
            return;
        }
        getLog().error(counts);
        StringBuilder msg = new StringBuilder();
        msg.append(failed.size()).append(" of ").append(results.size()).append(" ngn test program")
                .append(results.size() == 1 ? "" : "s").append(" failed: ");
        for (int i = 0; i < failed.size(); i++) {
            if (i > 0) msg.append("; ");
            msg.append(failed.get(i).summary);
        }
        msg.append(" (output in ").append(shown(reports)).append(')');
        if (testFailureIgnore) {
            getLog().warn(msg + " - ignored (maven.test.failure.ignore=true)");
            return;
        }
        throw failure(msg.toString());
    }

    private Result runOne(Path test, Path testDir, String java, RuntimeClasses runtime, Path classesRoot, Path reports)
            throws MojoExecutionException, MojoFailureException {
        String rel = SourceScanner.relative(testDir, test);
        String base = rel.endsWith(".ngn") ? rel.substring(0, rel.length() - 4) : rel;
        long start = System.nanoTime();

        Compilation c = compile(test);
        if (c.program() == null || c.diagnostics().hasErrors()) {
            getLog().error("Test " + rel + " does not compile:");
            logDiagnostics(c.diagnostics());
            String first = Reporting.summary(c.diagnostics().all());
            return new Result(rel, test, new Reporting.TestOutcome(0, "compile error", null, 0), rel + " does not compile (" + first + ")");
        }
        logDiagnostics(c.diagnostics()); // warnings
        CompiledProgram program = c.program();
        Path classes = classesRoot.resolve(base);
        Path report = reports.resolve(base + ".txt");
        Path out, err;
        try {
            deleteTree(classes);
            writeClasses(classes, program.classes());
            Files.createDirectories(report.getParent());
            out = Files.createTempFile(report.getParent(), ".stdout", ".tmp");
            err = Files.createTempFile(report.getParent(), ".stderr", ".tmp");
        } catch (IOException e) {
            throw failure("cannot write the compiled ngn test " + rel + " to " + classes + ": " + e);
        }

        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("--add-exports");
        cmd.add("java.base/jdk.internal.vm=ALL-UNNAMED"); // fibers on JDK continuations
        if (argLine != null && !argLine.isBlank()) cmd.addAll(List.of(argLine.strip().split("\\s+")));
        cmd.add("-cp");
        // runtime-http only for programs that use it, like ngn:jar (CompiledProgram.usesHttpServer):
        // a test then sees the same classes as the packaged program, and projects without server
        // tests never extract the 2.6 MB bundle. For a program that does, it is one more entry.
        cmd.add(classPath(classes, runtime.location(), program.usesHttpServer() ? httpRuntime() : null));
        cmd.add(program.mainClass().replace('/', '.'));
        getLog().debug("ngn test " + rel + ": " + String.join(" ", cmd));

        int exit;
        boolean timedOut = false;
        String stdout, stderr;
        try {
            Process p = new ProcessBuilder(cmd).directory(workingDirectory)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close(); // no input
            if (!p.waitFor(testTimeout, TimeUnit.SECONDS)) {
                timedOut = true;
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            exit = timedOut ? -1 : p.exitValue();
            stdout = Files.readString(out, StandardCharsets.UTF_8);
            stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.writeString(report, "# ngn test " + rel + " (exit " + (timedOut ? "-: timed out" : exit) + ")\n"
                    + "# stdout\n" + stdout + (stdout.isEmpty() || stdout.endsWith("\n") ? "" : "\n")
                    + "# stderr\n" + stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure("cannot run the ngn test " + rel + " with " + java + ": " + e.getMessage()
                    + " (set -Dngn.jvm=/path/to/java, Java 21+)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while running the ngn test " + rel, e);
        } finally {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException ignored) {
                // temporary files in target/
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        Reporting.TestOutcome o = Reporting.testOutcome(exit, timedOut, testTimeout, stdout, stderr);
        String timing = String.format(Locale.ROOT, "%.2f s", secs);
        String asserts = o.assertionsPassed() + " assertion" + (o.assertionsPassed() == 1 ? "" : "s") + " passed";
        if (o.passed()) {
            getLog().info("Test " + rel + " passed (" + asserts + ", " + timing + ")");
            return new Result(rel, test, o, rel);
        }
        String where = o.file() == null ? test.toString() : resolve(o.file(), test, testDir);
        String located = where + (o.line() > 0 ? ":[" + o.line() + "]" : "");
        getLog().error("Test " + rel + " FAILED (" + asserts + ", " + timing + ")");
        getLog().error(located + " " + o.failure());
        for (String l : stdout.split("\n")) if (!l.isBlank()) getLog().info("  | " + l);
        for (String l : stderr.split("\n")) if (!l.isBlank()) getLog().info("  | " + l);
        Path wherePath = Path.of(where).toAbsolutePath().normalize();
        String shortWhere = (wherePath.startsWith(testDir) ? SourceScanner.relative(testDir, wherePath) : where)
                + (o.line() > 0 ? ":" + o.line() : "");
        return new Result(rel, test, o, shortWhere + " " + o.failure());
    }

    /** The forked JVM's class path: the program's classes, runtime-lib, and runtime-http when not null. */
    static String classPath(Path classes, Path runtimeLib, Path httpRuntime) {
        String cp = classes + File.pathSeparator + runtimeLib;
        return httpRuntime == null ? cp : cp + File.pathSeparator + httpRuntime;
    }

    /**
     * runtime-http's bundle jar (its classes plus Helidon and its dependencies, services and metadata
     * merged; resource {@value RuntimeClasses#HTTP_BUNDLE} of the compiler, which ngn:jar copies into
     * server programs' jars) as a file: {@code target/ngn/runtime-http.jar}, written the first time a
     * test program needs it in this execution and only when its content changed.
     */
    private Path httpRuntime() throws MojoExecutionException, MojoFailureException {
        if (httpRuntimeJar == null) {
            Path dir = buildDirectory.toPath().toAbsolutePath().normalize().resolve("ngn");
            byte[] bundle = httpBundle(RuntimeClasses.class.getClassLoader());
            try {
                writeEntries(dir, Map.of(HTTP_RUNTIME_JAR, bundle));
            } catch (IOException e) {
                throw failure("cannot write the HTTP server runtime for the ngn tests to " + dir.resolve(HTTP_RUNTIME_JAR) + ": " + e);
            }
            httpRuntimeJar = dir.resolve(HTTP_RUNTIME_JAR);
        }
        return httpRuntimeJar;
    }

    /** The bytes of the runtime-http bundle jar on {@code loader}'s class path (the compiler's jar). */
    static byte[] httpBundle(ClassLoader loader) throws MojoExecutionException {
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(RuntimeClasses.HTTP_BUNDLE)
                : loader.getResourceAsStream(RuntimeClasses.HTTP_BUNDLE)) {
            if (in == null) {
                throw new MojoExecutionException("the HTTP server runtime (" + RuntimeClasses.HTTP_BUNDLE
                        + ") is missing from the plugin's class path (ngnc-compiler); rebuild ngnc (mvn install)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the HTTP server runtime " + RuntimeClasses.HTTP_BUNDLE + ": " + e, e);
        }
    }

    /** The runtime names files by their file name only ({@code  --> calc_test.ngn:7}): find the actual file. */
    static String resolve(String fileName, Path test, Path testDir) {
        Path name = Path.of(fileName);
        if (name.isAbsolute() && Files.isRegularFile(name)) return name.toString();
        if (String.valueOf(test.getFileName()).equals(fileName)) return test.toString();
        Path sibling = test.resolveSibling(fileName);
        if (Files.isRegularFile(sibling)) return sibling.toString();
        try (Stream<Path> all = Files.walk(testDir)) {
            return all.filter(p -> String.valueOf(p.getFileName()).equals(fileName)).sorted().findFirst()
                    .map(Path::toString).orElse(fileName);
        } catch (IOException | RuntimeException e) {
            return fileName;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
