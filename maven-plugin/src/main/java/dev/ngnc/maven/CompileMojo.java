package dev.ngnc.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/** Compiles the ngn sources of a Maven project. Skeleton: issue 6 fills in compilation. */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class CompileMojo extends AbstractMojo {
    /** Directory holding the ngn sources. */
    @Parameter(defaultValue = "${project.basedir}/src/main/ngn", property = "ngn.sourceDirectory")
    private File sourceDirectory;

    /** Entry file, relative to {@link #sourceDirectory}. */
    @Parameter(defaultValue = "main.ngn", property = "ngn.entry")
    private String entry;

    @Override
    public void execute() throws MojoExecutionException {
        throw new MojoExecutionException("ngn:compile is not implemented yet (tracked by issue 6)");
    }
}
