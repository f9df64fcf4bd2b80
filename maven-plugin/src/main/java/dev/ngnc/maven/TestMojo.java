package dev.ngnc.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles and runs the ngn test programs: the files matching {@link #testIncludes} under
 * {@link #testSourceDirectory} that have {@code fn main()} (files without one are helper modules that tests
 * import, not tests). They run with the engine of {@code ngnc test}, in the compiler's forked JVM (Java 21+,
 * see {@link AbstractNgnMojo}): one after another in that JVM, a program serving HTTP in a JVM of its own. The
 * working directory is {@link #workingDirectory}.
 *
 * <p>A program passes when it runs to its end. A failed assertion (or any runtime error, or a compile error)
 * fails the build; the failure is logged with the file and line and, for a comparison, both values, e.g.
 * {@code [ERROR] /abs/src/test/ngn/calc_test.ngn:[7] assertion failed: total == 6} /
 * {@code   left: 5, right: 6}. Each program's output is kept in {@code target/ngn-test-reports/}. Honours
 * {@code -DskipTests}, {@code -Dmaven.test.skip} and {@code -Dmaven.test.failure.ignore}.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends AbstractNgnMojo {
    /** Directory holding the ngn test programs. A missing directory means there are no tests. */
    @Parameter(defaultValue = "${project.basedir}/src/test/ngn", property = "ngn.testSourceDirectory", required = true)
    private File testSourceDirectory;

    /**
     * Which files under {@link #testSourceDirectory} are test programs: globs relative to it
     * ({@code **}{@code /} also matches the top level). Comma-separated on the command line, e.g.
     * {@code -Dngn.testIncludes=calc_test.ngn}. Helper modules (files without {@code fn main()}) may match:
     * they are not run.
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

    /** Seconds each test program may run before it is counted as failed ("timed out after N s"); the others still run. */
    @Parameter(defaultValue = "120", property = "ngn.testTimeout")
    private int testTimeout;

    /** Working directory of the test programs (relative file paths in tests resolve against it). */
    @Parameter(defaultValue = "${project.basedir}", property = "ngn.testWorkingDirectory", required = true)
    private File workingDirectory;

    /** Where each test program's output ({@code <name>.txt}: stdout, then stderr) is written. */
    @Parameter(defaultValue = "${project.build.directory}/ngn-test-reports", property = "ngn.reportsDirectory", required = true)
    private File reportsDirectory;

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
        Path reports = reportsDirectory.toPath().toAbsolutePath().normalize();
        getLog().info("Running the ngn tests in " + shown(testDir) + " (" + tests.size() + " file" + (tests.size() == 1 ? "" : "s") + ")");
        List<String> args = new ArrayList<>(List.of("test", testDir.toString(), reports.toString(), Integer.toString(testTimeout)));
        for (Path t : tests) args.add(t.toString());
        jdk(); // outside the try: a missing JDK is not a test failure that maven.test.failure.ignore may hide
        try {
            fork(workingDirectory, args.toArray(new String[0]));
        } catch (MojoFailureException e) {
            if (!testFailureIgnore) throw e;
            getLog().warn(e.getMessage() + " - ignored (maven.test.failure.ignore=true)");
        }
    }
}
