package dev.ngnc.maven;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the ngn goals share: the project, and running the compiler. This code runs in Maven's JVM, which may be
 * Java 17 (the plugin is compiled with {@code --release 17}); the compiler needs Java 21+, so it never loads
 * compiler classes: it forks a JVM 21+ ({@link JdkFinder}) running {@code dev.ngnc.plugin.PluginWorker} with
 * the plugin's own dependencies (ngnc-compiler and what it needs) as class path ({@link CompilerFork}).
 */
abstract class AbstractNgnMojo extends AbstractMojo {
    /** The project being built (read-only). */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** This plugin's descriptor: its version and its resolved dependencies, the compiler's class path (read-only). */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** The project's build directory; {@code ngn/compile.stamp} in it records the last successful compilation (read-only). */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    /**
     * The {@code java} launcher (or the home) of the JDK 21+ that runs the compiler and the tests. Default: a
     * {@code jdk} toolchain of version 21+, else {@code NGN_JVM}, else {@code JAVA_HOME} or the JVM running Maven
     * when it is 21+, else the newest JDK 21+ under {@link #jdkSearchRoots}.
     */
    @Parameter(property = "ngn.jvm")
    protected String jvm;

    /**
     * Where to look for JDKs when nothing else gives one (directories of JDK homes, separated by the path
     * separator; {@code none}: do not search). Default: {@code /usr/lib/jvm}, {@code /Library/Java/JavaVirtualMachines},
     * SDKMAN's {@code candidates/java}.
     */
    @Parameter(property = "ngn.jdkSearchRoots")
    protected String jdkSearchRoots;

    /** Extra JVM options for the compiler's JVM, where the tests run too, separated by spaces (e.g. {@code -Xmx512m}). */
    @Parameter(property = "ngn.argLine")
    protected String argLine;

    @Component
    protected ToolchainManager toolchainManager;

    /** The JDK found for this execution (goals of one project share nothing, so each looks once). */
    private JdkFinder.Jdk jdk;

    Path stampFile() {
        return buildDirectory.toPath().toAbsolutePath().normalize().resolve("ngn").resolve("compile.stamp");
    }

    /**
     * Plugin version for the build stamp (the compiler is the same build). A SNAPSHOT plugin also adds its jar's
     * timestamp, so that rebuilding the plugin invalidates programs compiled by the previous build.
     */
    String toolVersion() {
        String v = plugin == null ? "unknown" : plugin.getVersion();
        StringBuilder b = new StringBuilder(String.valueOf(v));
        if (v != null && v.endsWith("-SNAPSHOT") && plugin.getPluginArtifact() != null && plugin.getPluginArtifact().getFile() != null) {
            b.append(" @").append(plugin.getPluginArtifact().getFile().lastModified());
        }
        return b.toString();
    }

    /** Runs a PluginWorker command; its log lines go to Maven's log. A failure it reports becomes {@code MojoFailureException}. */
    CompilerFork.Outcome fork(File workDir, String... args) throws MojoExecutionException, MojoFailureException {
        JdkFinder.Jdk j = jdk();
        List<String> jvmArgs = argLine == null || argLine.isBlank() ? List.of() : List.of(argLine.strip().split("\\s+"));
        getLog().debug("ngn: compiler JVM " + j.java() + " (Java " + j.feature() + ", " + j.source() + "): " + String.join(" ", args));
        CompilerFork.Outcome o;
        try {
            o = CompilerFork.run(j.java(), jvmArgs, compilerClassPath(), workDir, List.of(args), this::log);
        } catch (IOException e) {
            throw failure("cannot start the ngn compiler with " + j.java() + ": " + e.getMessage()
                    + " (set -Dngn.jvm=/path/to/jdk-21/bin/java)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while running the ngn compiler", e);
        }
        if (o.exit() == 0) return o;
        if (o.exit() == 1 && o.failure() != null) throw failure(o.failure());
        throw new MojoExecutionException("ngnc internal compiler error (exit " + o.exit() + ", " + j.java() + "): "
                + o.stderr().strip() + " (this is a bug in ngnc)");
    }

    private void log(char level, String text) {
        switch (level) {
            case 'E' -> getLog().error(text);
            case 'W' -> getLog().warn(text);
            case 'D' -> getLog().debug(text);
            default -> getLog().info(text);
        }
    }

    JdkFinder.Jdk jdk() throws MojoFailureException {
        if (jdk != null) return jdk;
        String configured = jvm != null && !jvm.isBlank() ? jvm : System.getenv("NGN_JVM");
        try {
            jdk = new JdkFinder().find(toolchainJava(), configured, System.getenv("JAVA_HOME"),
                    Path.of(System.getProperty("java.home")),
                    JdkFinder.roots(jdkSearchRoots, System.getProperty("user.home"), System.getenv("SDKMAN_DIR")));
        } catch (JdkFinder.NotFound e) {
            throw failure(e.getMessage());
        }
        return jdk;
    }

    /** The {@code java} of the toolchain maven-toolchains-plugin selected, or of a configured {@code jdk} toolchain 21+. */
    private Path toolchainJava() {
        if (toolchainManager == null || session == null) return null;
        List<Toolchain> candidates = new ArrayList<>();
        try {
            Toolchain selected = toolchainManager.getToolchainFromBuildContext("jdk", session);
            if (selected != null) candidates.add(selected);
            candidates.addAll(toolchainManager.getToolchains(session, "jdk", Map.of("version", "[" + JdkFinder.MIN_FEATURE + ",)")));
        } catch (RuntimeException e) {
            getLog().debug("ngn: no toolchains: " + e);
        }
        for (Toolchain t : candidates) {
            String java = t.findTool("java");
            if (java != null && JdkFinder.feature(Path.of(java)) >= JdkFinder.MIN_FEATURE) return Path.of(java);
        }
        return null;
    }

    /** The plugin's resolved dependencies: ngnc-compiler, runtime-lib, runtime-http, ASM, ... (not the plugin jar). */
    List<File> compilerClassPath() throws MojoExecutionException {
        List<File> cp = new ArrayList<>();
        if (plugin != null && plugin.getArtifacts() != null) {
            for (Artifact a : plugin.getArtifacts()) {
                if (a.getFile() != null && !"ngn-maven-plugin".equals(a.getArtifactId())) cp.add(a.getFile());
            }
        }
        if (cp.stream().noneMatch(f -> f.getName().startsWith("ngnc-compiler"))) {
            throw new MojoExecutionException("ngnc-compiler is missing from the plugin's dependencies " + cp);
        }
        return cp;
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

    File baseDir() {
        return project != null && project.getBasedir() != null ? project.getBasedir() : new File(".");
    }

    static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // the next build recompiles anyway
        }
    }

    static MojoFailureException failure(String message) {
        return new MojoFailureException(message);
    }
}
