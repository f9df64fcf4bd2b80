package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.Fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvLibTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetDotenv() throws IOException {
        EnvLib.init(Files.createTempDirectory("empty-env").toString());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    // ---- conformance corpus: toolbox/env_*

    @Test
    void dotenvValuesAreFoundByGetAndHas() throws IOException {
        write(".env", "# settings for the test\nTEST_GREETING=hi from a file\nTEST_NUMBER=7\nTEST_QUOTED=\"two words\"\n");
        EnvLib.init(dir.toString());
        assertEquals("Maybe::Value (hi from a file)", Fmt.str(EnvLib.get("TEST_GREETING")));
        assertEquals("7", EnvLib.get("TEST_NUMBER").orElse("unset"));
        assertTrue(EnvLib.has("TEST_GREETING"));
        assertFalse(EnvLib.has("TEST_DOES_NOT_EXIST_ANYWHERE"));
        assertEquals("fallback", EnvLib.get("TEST_DOES_NOT_EXIST_ANYWHERE").orElse("fallback"));
        assertEquals("Maybe::Null", Fmt.str(EnvLib.get("TEST_DOES_NOT_EXIST_ANYWHERE")));
        assertEquals("two words", EnvLib.get("TEST_QUOTED").payload());
    }

    @Test
    void processEnvironmentIsVisible() {
        assumeTrue(System.getenv("PATH") != null);
        assertTrue(EnvLib.has("PATH"));
        assertEquals(System.getenv("PATH"), EnvLib.get("PATH").payload());
    }

    // ---- files and precedence

    @Test
    void dotenvWinsOverTheProcessEnvironment() throws IOException {
        assumeTrue(System.getenv("PATH") != null);
        write(".env", "PATH=from-dotenv\n");
        EnvLib.init(dir.toString());
        assertEquals("from-dotenv", EnvLib.get("PATH").payload());
    }

    @Test
    void modeFileAndLocalFileOverrideEarlierFiles() throws IOException {
        String mode = System.getenv("NGN_MODE");
        String modeFile = ".env." + (mode == null || mode.isEmpty() ? "development" : mode);
        write(".env", "A=base\nB=base\nC=base\n");
        write(modeFile, "B=mode\nC=mode\n");
        write(".env.local", "C=local\n");
        write(".env.some-other-mode", "A=other\n");
        EnvLib.init(dir.toString());
        assertEquals("base", EnvLib.get("A").payload());
        assertEquals("mode", EnvLib.get("B").payload());
        assertEquals("local", EnvLib.get("C").payload());
    }

    @Test
    void missingFilesAreSkipped() throws IOException {
        write(".env.local", "ONLY_LOCAL=yes\n");
        EnvLib.init(dir.toString());
        assertEquals("yes", EnvLib.get("ONLY_LOCAL").payload());
        EnvLib.init(dir.resolve("no-such-dir").toString());
        assertFalse(EnvLib.has("ONLY_LOCAL"));
    }

    @Test
    void defaultBaseDirPrefersThePropertyThenNgnWorkdirThenTheWorkingDirectory() {
        String old = System.getProperty(EnvLib.BASE_DIR_PROPERTY);
        try {
            System.setProperty(EnvLib.BASE_DIR_PROPERTY, dir.toString());
            assertEquals(dir.toString(), EnvLib.defaultBaseDir());
            System.clearProperty(EnvLib.BASE_DIR_PROPERTY);
            String workdir = System.getenv("NGN_WORKDIR");
            assertEquals(workdir != null && !workdir.isEmpty() ? workdir : System.getProperty("user.dir"),
                    EnvLib.defaultBaseDir());
        } finally {
            if (old != null) {
                System.setProperty(EnvLib.BASE_DIR_PROPERTY, old);
            }
        }
    }

    @Test
    void initWithoutADirectoryUsesTheDefault() throws IOException {
        write(".env", "FROM_PROPERTY_DIR=1\n");
        System.setProperty(EnvLib.BASE_DIR_PROPERTY, dir.toString());
        try {
            EnvLib.init(null);
            assertEquals("1", EnvLib.get("FROM_PROPERTY_DIR").payload());
        } finally {
            System.clearProperty(EnvLib.BASE_DIR_PROPERTY);
        }
    }

    // ---- line syntax

    @Test
    void linesAreTrimmedAndBlankOrCommentLinesSkipped() {
        Map<String, String> vars = EnvLib.parse("\n   \n  # KEY=no\n  KEY = value  \r\nOTHER=x\n#X=y");
        assertEquals(Map.of("KEY", "value", "OTHER", "x"), vars);
    }

    @Test
    void valuesSplitAtTheFirstEqualsSign() {
        assertEquals(Map.of("URL", "a=b=c", "EMPTY", ""), EnvLib.parse("URL=a=b=c\nEMPTY=\nNOEQUALS\n=nokey"));
    }

    @Test
    void matchingOuterQuotesAreStripped() {
        Map<String, String> vars = EnvLib.parse("D=\"double # not a comment\"\nS='single'\nM=\"mixed'\nQ=\"\nE=\"\"");
        assertEquals("double # not a comment", vars.get("D"));
        assertEquals("single", vars.get("S"));
        assertEquals("\"mixed'", vars.get("M"));
        assertEquals("\"", vars.get("Q"));
        assertEquals("", vars.get("E"));
    }

    @Test
    void unquotedValuesAreCutAtSpaceHash() {
        Map<String, String> vars = EnvLib.parse("A=value # comment\nB=no#comment\nC=x  #y");
        assertEquals("value", vars.get("A"));
        assertEquals("no#comment", vars.get("B"));
        assertEquals("x", vars.get("C"));
    }

    @Test
    void noExportEscapesOrMultilineValues() {
        Map<String, String> vars = EnvLib.parse("export K=v\nN=a\\nb\nLATER=1\nLATER=2");
        assertEquals("v", vars.get("export K"));
        assertEquals("a\\nb", vars.get("N"));
        assertEquals("2", vars.get("LATER"));
    }
}
