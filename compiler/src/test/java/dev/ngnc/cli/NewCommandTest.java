package dev.ngnc.cli;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.Compiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ngnc new NAME}: the skeleton's files, that its program and test work, and what it refuses. */
class NewCommandTest {
    @TempDir Path tmp;

    static NgncTest.Result ngnc(String... args) {
        return NgncTest.ngnc(Ngnc.PIPELINE, args);
    }

    @Test
    void writesAMavenProjectWhoseProgramCompilesAndWhoseTestPasses() throws IOException {
        NgncTest.Result r = ngnc("new", "my-app", "-C", tmp.toString());
        assertEquals(0, r.exit(), r.err());
        Path p = tmp.resolve("my-app");
        String pom = Files.readString(p.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>my-app</artifactId>"), pom);
        assertTrue(pom.contains("<ngn.version>" + Version.get() + "</ngn.version>"), pom);
        assertTrue(pom.contains("<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>"), pom);
        assertTrue(pom.contains("<artifactId>ngn-maven-plugin</artifactId>"), pom);
        assertEquals("target/\n", Files.readString(p.resolve(".gitignore")));
        assertTrue(Files.readString(p.resolve("README.md")).startsWith("# my-app\n"));
        Path main = p.resolve("src/main/ngn/main.ngn");
        assertNotNull(Compiler.compile(main, main.toString(), new Diagnostics()));
        String test = Files.readString(p.resolve("src/test/ngn/main_test.ngn"));
        assertTrue(test.contains("from \"../../main/ngn/main.ngn\""), test);
        NgncTest.Result t = ngnc("test", p.resolve("src/test/ngn").toString());
        assertEquals(0, t.exit(), t.out());
        assertTrue(t.out().endsWith("1 passed, 0 failed\n"), t.out());
    }

    @Test
    void refusesAnExistingNonEmptyDirectoryAndInvalidNames() throws IOException {
        Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(tmp.resolve("taken/x.txt"), "mine");
        NgncTest.Result taken = ngnc("new", "taken", "-C", tmp.toString());
        assertEquals(2, taken.exit());
        assertTrue(taken.err().contains("already exists and is not an empty directory"), taken.err());
        assertEquals("mine", Files.readString(tmp.resolve("taken/x.txt")));
        for (String bad : new String[] {"1app", "a/b", "..", "my app", "-x"}) {
            NgncTest.Result r = ngnc("new", "-C", tmp.toString(), "--", bad);
            assertEquals(2, r.exit(), bad);
            assertTrue(r.err().contains("invalid project name"), bad + ": " + r.err());
        }
        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, ngnc("new", "empty", "-C", tmp.toString()).exit());
    }
}
