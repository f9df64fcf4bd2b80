package dev.ngnc.maven;

import dev.ngnc.cli.Version;
import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.diag.Severity;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;
import dev.ngnc.jar.RuntimeClasses;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What the ngn goals share: the project, compiling an entry file, reporting diagnostics, writing classes. */
abstract class AbstractNgnMojo extends AbstractMojo {
    /** The project being built (read-only). */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** This plugin's descriptor, for its version (read-only). */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    /** The project's build directory; {@code ngn/compile.stamp} in it records the last successful compilation (read-only). */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    /** The compiled ngn program, or the diagnostics that prevented it. */
    record Compilation(CompiledProgram program, Diagnostics diagnostics) {}

    Path stampFile() {
        return buildDirectory.toPath().toAbsolutePath().normalize().resolve("ngn").resolve("compile.stamp");
    }

    /**
     * Plugin and compiler version for the build stamp. A SNAPSHOT plugin also adds its jar's
     * timestamp, so that rebuilding the plugin invalidates programs compiled by the previous build.
     */
    String toolVersion() {
        String v = plugin == null ? "unknown" : plugin.getVersion();
        StringBuilder b = new StringBuilder(String.valueOf(v)).append(" (ngnc ").append(Version.get()).append(')');
        if (v != null && v.endsWith("-SNAPSHOT") && plugin.getPluginArtifact() != null && plugin.getPluginArtifact().getFile() != null) {
            b.append(" @").append(plugin.getPluginArtifact().getFile().lastModified());
        }
        return b.toString();
    }

    /**
     * Compiles the program whose entry is {@code entry}. Compile errors are returned (not thrown);
     * a crash of the compiler itself (a bug in ngnc, not the user's fault) becomes a
     * {@link MojoExecutionException}.
     */
    Compilation compile(Path entry) throws MojoExecutionException {
        Diagnostics diags = new Diagnostics();
        Path abs = entry.toAbsolutePath().normalize();
        try {
            return new Compilation(Compiler.compile(abs, abs.toString(), diags), diags);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError | AssertionError e) {
            for (Diagnostic d : diags.all()) log(d);
            throw new MojoExecutionException("ngnc internal compiler error while compiling " + abs + ": " + e
                    + " (this is a bug in ngnc; run Maven with -e for the stack trace)", e);
        }
    }

    /** Logs every diagnostic as {@code [ERROR] /abs/file.ngn:[line,col] message} (warnings as [WARNING]). */
    void logDiagnostics(Diagnostics diags) {
        for (Diagnostic d : diags.all()) log(d);
    }

    private void log(Diagnostic d) {
        String text = Reporting.format(d);
        if (d.severity() == Severity.ERROR) getLog().error(text); else getLog().warn(text);
    }

    /** Writes generated classes (internal name → bytes) as {@code .class} files under {@code dir}. */
    static void writeClasses(Path dir, Map<String, byte[]> classes) throws IOException {
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            writeFile(dir.resolve(c.getKey() + ".class"), c.getValue());
        }
    }

    /** Writes every runtime-lib file ({@code dev/ngnc/rt/**}) under {@code dir}, skipping files that are already identical. */
    static void writeRuntime(Path dir, RuntimeClasses runtime) throws IOException {
        writeEntries(dir, runtime.entries());
    }

    /** Writes jar-style entries (name → bytes) under {@code dir}, skipping files that are already identical. */
    static void writeEntries(Path dir, Map<String, byte[]> entries) throws IOException {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (Files.isRegularFile(f) && Files.size(f) == e.getValue().length
                    && java.util.Arrays.equals(Files.readAllBytes(f), e.getValue())) {
                continue;
            }
            writeFile(f, e.getValue());
        }
    }

    static void writeFile(Path f, byte[] data) throws IOException {
        Files.createDirectories(f.getParent());
        Files.write(f, data);
    }

    /** The runtime library bundled with this plugin (its compiler dependency). */
    static RuntimeClasses runtime() throws MojoExecutionException {
        try {
            return RuntimeClasses.locate();
        } catch (RuntimeException e) {
            throw new MojoExecutionException("cannot find the ngnc runtime library on the plugin's class path: " + e.getMessage(), e);
        }
    }

    /** {@code path} relative to the project's base directory when it is inside it (for shorter log lines). */
    String shown(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (project != null && project.getBasedir() != null) {
            Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
            if (abs.startsWith(base) && !abs.equals(base)) return base.relativize(abs).toString();
        }
        return abs.toString();
    }

    static MojoFailureException failure(String message) {
        return new MojoFailureException(message);
    }
}
