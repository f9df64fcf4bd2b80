package dev.ngnc.maven;

import dev.ngnc.jar.RuntimeClasses;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class path of the forked ngn test programs (the whole goal runs in it-tests' MavenPluginTest). */
class TestMojoTest {
    @TempDir Path dir;

    @Test
    void classPathHasRuntimeHttpOnlyWhenGiven() {
        Path classes = Path.of("/p/target/ngn-test-classes/a_test"), lib = Path.of("/m2/ngnc-runtime.jar");
        Path http = Path.of("/p/target/ngn/runtime-http.jar");
        assertEquals(classes + File.pathSeparator + lib, TestMojo.classPath(classes, lib, null));
        assertEquals(classes + File.pathSeparator + lib + File.pathSeparator + http, TestMojo.classPath(classes, lib, http));
    }

    @Test
    void httpBundleFromThePluginsClassPathHoldsTheServerAndHelidon() throws Exception {
        Path jar = dir.resolve(TestMojo.HTTP_RUNTIME_JAR);
        Files.write(jar, TestMojo.httpBundle(TestMojo.class.getClassLoader()));
        try (ZipFile z = new ZipFile(jar.toFile())) {
            assertNotNull(z.getEntry("dev/ngnc/rt/http/HttpServer.class"));
            assertNotNull(z.getEntry("dev/ngnc/rt/http/Request.class"));
            assertNotNull(z.getEntry("io/helidon/webserver/WebServer.class"));
            assertTrue(z.stream().noneMatch(e -> e.getName().equals("dev/ngnc/rt/Rt.class")), "runtime-lib comes from its own jar");
        }
    }

    @Test
    void missingHttpBundleIsAClearError() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> TestMojo.httpBundle(empty));
            assertTrue(e.getMessage().contains(RuntimeClasses.HTTP_BUNDLE) && e.getMessage().contains("rebuild ngnc"), e.getMessage());
        }
    }
}
