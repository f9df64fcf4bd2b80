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

/**
 * Packages the program compiled by {@code ngn:compile} as a self-contained runnable jar — the
 * generated classes, the ngnc runtime library and a launcher as {@code Main-Class} — exactly like
 * {@code ngnc compile}: run it with {@code java -jar target/<finalName>.jar} (Java 21+).
 *
 * <p>In a project with {@code <packaging>jar</packaging>} the jar replaces the one maven-jar-plugin
 * wrote (same file) and becomes the project's main artifact, so {@code mvn install} installs it.
 * The program is not compiled again: the goal reads the classes that {@code ngn:compile} wrote
 * (listed in {@code target/ngn/compile.stamp}).
 */
@Mojo(name = "jar", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class JarMojo extends AbstractNgnMojo {
    /** The directory {@code ngn:compile} wrote the program to. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", property = "ngn.outputDirectory", required = true)
    private File outputDirectory;

    /** The runnable jar to write. */
    @Parameter(defaultValue = "${project.build.directory}/${project.build.finalName}.jar", property = "ngn.jarFile", required = true)
    private File jarFile;

    /** Skip the ngn goals ({@code compile} and {@code jar}). */
    @Parameter(defaultValue = "false", property = "ngn.skip")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the ngn jar (ngn.skip=true)");
            return;
        }
        Path outDir = outputDirectory.toPath().toAbsolutePath().normalize();
        BuildStamp stamp = BuildStamp.read(stampFile());
        if (stamp == null || stamp.mainClass() == null || !stamp.output().equals(outDir.toString())) {
            throw failure("no compiled ngn program in " + outDir + ": ngn:jar packages what ngn:compile wrote there; "
                    + "add the compile goal to the plugin's <goals> (it runs in the compile phase, before package)");
        }
        for (String c : stamp.classes()) {
            if (!Files.isRegularFile(outDir.resolve(c + ".class"))) {
                throw failure("the compiled ngn program in " + outDir + " is incomplete (no " + c
                        + ".class); run the build again after `mvn clean`");
            }
        }
        Path jar = jarFile.toPath().toAbsolutePath().normalize();
        Path list = buildDirectory.toPath().toAbsolutePath().normalize().resolve("ngn").resolve("jar-classes.txt");
        try {
            Files.createDirectories(list.getParent());
            Files.write(list, stamp.classes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure("cannot write " + list + ": " + e);
        }
        fork(baseDir(), "jar", outDir.toString(), jar.toString(), stamp.mainClass(), list.toString());
        if ("jar".equals(project.getPackaging())) project.getArtifact().setFile(jar.toFile());
        getLog().info("Built runnable jar " + shown(jar) + " (main class " + stamp.mainClass().replace('/', '.')
                + "; run: java -jar " + shown(jar) + ")");
    }
}
