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
 * Compiles an ngn program into the project's output directory ({@code target/classes}): the
 * classes generated for the entry file and every module it imports, the ngnc runtime library
 * ({@code dev/ngnc/rt/**}) and the launcher {@code dev.ngnc.boot.Launcher}, so that
 * {@code java -cp target/classes dev.ngnc.boot.Launcher} (or the program's main class, which the
 * goal logs) runs the program.
 *
 * <p>Compile errors are logged as {@code [ERROR] /abs/path/main.ngn:[line,col] message} and fail
 * the build. The goal is incremental: when no {@code *.ngn} file under the source directory changed
 * since the last successful compilation (paths, sizes and modification times, recorded with the
 * plugin version in {@code target/ngn/compile.stamp}), it compiles nothing and logs
 * {@code Nothing to compile - all ngn sources are up to date}.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class CompileMojo extends AbstractNgnMojo {
    /** The launcher class the compiler writes (dev.ngnc.jar.LauncherGenerator; not loaded here: see AbstractNgnMojo). */
    static final String LAUNCHER_CLASS = "dev/ngnc/boot/Launcher";
    /** A runtime-lib class that every output directory has. */
    static final String RUNTIME_MARKER = "dev/ngnc/rt/Rt.class";

    /** Directory holding the ngn sources. All {@code *.ngn} files under it count for the up-to-date check. */
    @Parameter(defaultValue = "${project.basedir}/src/main/ngn", property = "ngn.sourceDirectory", required = true)
    private File sourceDirectory;

    /**
     * The entry file: the one with {@code fn main()}, relative to {@link #sourceDirectory} (or an
     * absolute path). Imported modules are found from it.
     */
    @Parameter(defaultValue = "main.ngn", property = "ngn.entry", required = true)
    private String entry;

    /** Where the compiled classes (and the runtime library) are written. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", property = "ngn.outputDirectory", required = true)
    private File outputDirectory;

    /** Compile even when the sources are up to date. */
    @Parameter(defaultValue = "false", property = "ngn.force")
    private boolean force;

    /** Skip the ngn goals ({@code compile} and {@code jar}). */
    @Parameter(defaultValue = "false", property = "ngn.skip")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping ngn compilation (ngn.skip=true)");
            return;
        }
        Path srcDir = sourceDirectory.toPath().toAbsolutePath().normalize();
        if (!Files.isDirectory(srcDir)) {
            throw failure("ngn source directory " + srcDir + (Files.exists(srcDir) ? " is not a directory" : " does not exist")
                    + ": put the program there (entry " + entry + ") or set <sourceDirectory> (-Dngn.sourceDirectory=DIR)");
        }
        Path entryFile;
        try {
            entryFile = srcDir.resolve(entry).normalize();
        } catch (RuntimeException e) {
            throw failure("invalid ngn entry file name '" + entry + "': " + e.getMessage());
        }
        if (!Files.isRegularFile(entryFile)) {
            throw failure("ngn entry file " + entryFile + " does not exist: set <entry> (-Dngn.entry=FILE) to the file with fn main(), relative to "
                    + srcDir);
        }
        Path outDir = outputDirectory.toPath().toAbsolutePath().normalize();
        Path stampFile = stampFile();

        List<Path> sources;
        BuildStamp inputs;
        try {
            sources = SourceScanner.scan(srcDir, List.of(buildDirectory.toPath(), outDir));
            if (!sources.contains(entryFile)) sources.add(entryFile); // e.g. an entry that does not end in .ngn
            inputs = BuildStamp.inputs(toolVersion(), entryFile, outDir, sources);
        } catch (IOException e) {
            throw failure("cannot read the ngn sources in " + srcDir + ": " + e);
        }
        BuildStamp previous = BuildStamp.read(stampFile);
        if (!force && inputs.sameInputs(previous) && outputsPresent(previous, outDir)) {
            getLog().info("Nothing to compile - all ngn sources are up to date");
            return;
        }
        if (getLog().isDebugEnabled()) {
            getLog().debug("ngn: recompiling: " + (force ? "ngn.force=true" : inputs.describeChange(previous) == null
                    ? "outputs missing" : inputs.describeChange(previous)));
        }

        getLog().info("Compiling ngn program " + shown(entryFile) + " (" + sources.size() + " source file"
                + (sources.size() == 1 ? "" : "s") + " in " + shown(srcDir) + ") to " + shown(outDir));
        deleteQuietly(stampFile); // a failed compilation leaves no stamp, so the next build compiles again
        CompilerFork.Outcome o = fork(baseDir(), "compile", entryFile.toString(), outDir.toString());
        List<String> mains = o.values("main");
        List<String> classes = o.values("class");
        if (mains.size() != 1 || classes.isEmpty()) {
            throw new MojoExecutionException("the ngn compiler reported no program (main " + mains + ", " + classes.size() + " classes)");
        }
        String mainClass = mains.get(0);
        try {
            if (previous != null && previous.output().equals(outDir.toString())) {
                for (String old : previous.classes()) {
                    if (!classes.contains(old)) Files.deleteIfExists(outDir.resolve(old + ".class"));
                }
            }
            inputs.withOutputs(mainClass, new ArrayList<>(classes)).write(stampFile);
        } catch (IOException e) {
            throw failure("cannot write the compiled ngn program to " + outDir + ": " + e);
        }
        getLog().info("Compiled " + classes.size() + " class" + (classes.size() == 1 ? "" : "es")
                + " + the ngnc runtime; main class " + mainClass.replace('/', '.')
                + " (run: java -cp " + shown(outDir) + " " + LAUNCHER_CLASS.replace('/', '.') + ")");
    }

    /** The outputs recorded in {@code stamp} still exist (someone may have deleted target/classes alone). */
    private static boolean outputsPresent(BuildStamp stamp, Path outDir) {
        if (stamp.mainClass() == null || stamp.classes().isEmpty()) return false;
        for (String c : stamp.classes()) if (!Files.isRegularFile(outDir.resolve(c + ".class"))) return false;
        return Files.isRegularFile(outDir.resolve(LAUNCHER_CLASS + ".class"))
                && Files.isRegularFile(outDir.resolve(RUNTIME_MARKER));
    }

}
