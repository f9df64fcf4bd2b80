package dev.ngnc.maven;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.Compiler;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportingTest {
    @TempDir Path dir;

    @Test
    void diagnosticsLookLikeMavenCompilerErrors() {
        Path file = dir.resolve("src/main.ngn");
        SourceFile src = new SourceFile("main.ngn", file, "fn main() {\n  print(y)\n}\n");
        Diagnostic d = Diagnostic.error(src, new Span(20, 21, 2, 9), "Error: Undefined variable 'y'").withHint("declare it first");
        String text = Reporting.format(d);
        List<String> lines = text.lines().toList();
        assertEquals(file.toAbsolutePath() + ":[2,9] Error: Undefined variable 'y'", lines.get(0));
        assertEquals("    print(y)", lines.get(1));
        assertTrue(lines.get(2).strip().equals("^"), text);
        assertTrue(lines.get(3).contains("hint: declare it first"), text);

        Diagnostic whole = Diagnostic.error(new SourceFile("x.ngn", file, ""), null, "file not found: x.ngn");
        assertEquals(file.toAbsolutePath() + ":[1,1] file not found: x.ngn", Reporting.format(whole));
        assertEquals("2 errors; first: " + file.toAbsolutePath() + ":[2,9] Error: Undefined variable 'y'", Reporting.summary(List.of(d, whole)));
        assertEquals("1 error: " + file.toAbsolutePath() + ":[1,1] file not found: x.ngn", Reporting.summary(List.of(whole)));
    }

    @Test
    void realCompileErrorsCarryTheAbsolutePathAndPosition() throws Exception {
        Path main = dir.resolve("main.ngn");
        Files.writeString(main, "fn main() {\n  const x: i64 = \"a\"\n}\n");
        Diagnostics diags = new Diagnostics();
        assertNull(Compiler.compile(main, main.toString(), diags));
        String first = Reporting.format(diags.all().get(0)).lines().findFirst().orElseThrow();
        assertTrue(first.startsWith(main.toAbsolutePath() + ":[2,"), first);
    }

    @Test
    void passingTestCountsAssertions() {
        Reporting.TestOutcome o = Reporting.testOutcome(0, false, 60, "\u2705 Assertion passed\nhello\n\u2705 two\n", "");
        assertTrue(o.passed());
        assertEquals(2, o.assertionsPassed());
    }

    @Test
    void failedAssertionNamesFileAndLine() {
        Reporting.TestOutcome o = Reporting.testOutcome(1, false, 60, "\u2705 Assertion passed\n\u274C total should be 4\n",
                "[ngn] Runtime Error: Assertion failed: total should be 4\n --> calc_test.ngn:6\n");
        assertFalse(o.passed());
        assertEquals("Assertion failed: total should be 4", o.failure());
        assertEquals("calc_test.ngn", o.file());
        assertEquals(6, o.line());
        assertEquals(1, o.assertionsPassed());
    }

    @Test
    void otherFailures() {
        Reporting.TestOutcome panic = Reporting.testOutcome(1, false, 60, "", "[ngn] boom\n --> t.ngn:3\n");
        assertEquals("boom", panic.failure());
        assertEquals(3, panic.line());
        Reporting.TestOutcome crash = Reporting.testOutcome(134, false, 60, "", "Exception in thread \"main\" java.lang.Error: x\n\tat a.b(c)\n");
        assertEquals("exited with code 134: at a.b(c)", crash.failure());
        assertNull(crash.file());
        Reporting.TestOutcome timeout = Reporting.testOutcome(-1, true, 5, "", "");
        assertTrue(timeout.failure().startsWith("timed out after 5 s"));
    }

    @Test
    void testResolvesRuntimeFileNamesToPaths() throws Exception {
        Path testDir = dir.resolve("src/test/ngn");
        Path t = testDir.resolve("sub/calc_test.ngn");
        Path helper = testDir.resolve("helpers/check.ngn");
        Files.createDirectories(t.getParent());
        Files.createDirectories(helper.getParent());
        Files.writeString(t, "x");
        Files.writeString(helper, "x");
        assertEquals(t.toString(), TestMojo.resolve("calc_test.ngn", t, testDir));
        assertEquals(helper.toString(), TestMojo.resolve("check.ngn", t, testDir));
        assertEquals("elsewhere.ngn", TestMojo.resolve("elsewhere.ngn", t, testDir));
    }
}
