package dev.ngnc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ngnc test}: discovery, per-file PASS/FAIL, assertion details, helper files, summary and exit code. */
class TestCommandTest {
    @TempDir Path tmp;

    Path file(String rel, String text) throws IOException {
        Path f = tmp.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    static NgncTest.Result ngnc(String... args) {
        return NgncTest.ngnc(Ngnc.PIPELINE, args);
    }

    void project() throws IOException {
        file("src/calc.ngn", "export fn add(a: i64, b: i64): i64 { return a + b }\n");
        file("test/calc_test.ngn", """
                import { assert } from "tbx::test"
                import { add } from "../src/calc.ngn"

                fn main() {
                  assert(add(1, 2) == 3)
                  assert(add(2, 2) > 3, "bigger")
                }
                """);
        file("test/wrong_test.ngn", """
                import { assert } from "tbx::test"
                import { add } from "../src/calc.ngn"

                fn main() {
                  const a = add(1, 2)
                  const b = 4
                  assert(a == b)
                  print("not reached")
                }
                """);
        // a helper module the tests could import: no fn main(), so not a test (and not reported)
        file("test/helpers_test.ngn", "export fn twice(x: i64): i64 { return 2 * x }\n");
    }

    @Test
    void reportsEachFileTheFailedComparisonWithBothValuesAndASummary() throws IOException {
        project();
        NgncTest.Result r = ngnc("test", tmp.resolve("test").toString());
        String calc = tmp.resolve("test/calc_test.ngn").toString();
        String wrong = tmp.resolve("test/wrong_test.ngn").toString();
        List<String> lines = r.out().lines().toList();
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(Pattern.matches("PASS " + Pattern.quote(calc) + " \\(\\d+ ms\\)", lines.get(0)), r.out());
        assertTrue(Pattern.matches("FAIL " + Pattern.quote(wrong) + " \\(\\d+ ms\\)", lines.get(1)), r.out());
        assertEquals("  wrong_test.ngn:7: assertion failed: a == b", lines.get(2));
        assertEquals("    left: 3, right: 4", lines.get(3));
        assertEquals("1 passed, 1 failed", lines.get(4));
        assertEquals(5, lines.size(), r.out());
        assertFalse(r.out().contains("helpers_test") || r.out().contains("not reached"), r.out());
    }

    @Test
    void aTestThatNeverEndsFailsAfterTheTimeoutAndTheOthersStillRun() throws IOException {
        project();
        file("test/a_loop_test.ngn", "fn main() {\n  while (true) {\n  }\n}\n");
        NgncTest.Result r = ngnc("test", "--timeout", "2", tmp.resolve("test").toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("FAIL " + tmp.resolve("test/a_loop_test.ngn")), r.out());
        assertEquals("  " + tmp.resolve("test/a_loop_test.ngn") + ": timed out after 2 s", lines.get(1), r.out());
        assertTrue(lines.get(2).startsWith("PASS "), r.out());
        assertEquals("1 passed, 2 failed", lines.get(lines.size() - 1), r.out());
        assertEquals(2, ngnc("test", "--timeout", "0", tmp.toString()).exit());
    }

    @Test
    void filterSelectsFilesByPathAndAllPassingExitsZero() throws IOException {
        project();
        NgncTest.Result r = ngnc("test", "--filter", "calc_", tmp.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().endsWith("1 passed, 0 failed\n"), r.out());
        assertFalse(r.out().contains("wrong_test"), r.out());
    }

    @Test
    void everyComparisonOperatorAndTheCustomMessageShowTheValues() throws IOException {
        String[][] cases = {
                {"assert(a != 3)", "assertion failed: a != 3"},
                {"assert(a < 2)", "assertion failed: a < 2"},
                {"assert(a <= 2)", "assertion failed: a <= 2"},
                {"assert(a > 3)", "assertion failed: a > 3"},
                {"assert(a >= 4)", "assertion failed: a >= 4"},
                {"assert(a == 4, \"a is four\")", "assertion failed: a is four"},
        };
        for (int i = 0; i < cases.length; i++) {
            Path f = file("ops/op" + i + "_test.ngn", "import { assert } from \"tbx::test\"\nfn main() {\n  const a = 3\n  "
                    + cases[i][0] + "\n}\n");
            NgncTest.Result r = ngnc("test", f.toString());
            assertEquals(1, r.exit(), r.out());
            List<String> lines = r.out().lines().toList();
            assertEquals("  op" + i + "_test.ngn:4: " + cases[i][1], lines.get(1), r.out());
            String right = cases[i][0].replaceAll("^assert\\(a \\S+ (\\d+).*$", "$1");
            assertEquals("    left: 3, right: " + right, lines.get(2), r.out());
        }
    }

    @Test
    void stringOperandsAreQuoted() throws IOException {
        Path f = file("str_test.ngn", """
                import { assert } from "tbx::test"
                fn main() {
                  const s = "a\\"b"
                  assert(s == "ab")
                }
                """);
        NgncTest.Result r = ngnc("test", f.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("  str_test.ngn:4: assertion failed: s == \"ab\"", lines.get(1), r.out());
        assertEquals("    left: \"a\\\"b\", right: \"ab\"", lines.get(2), r.out());
    }

    @Test
    void aPlainConditionNamesItsSourceText() throws IOException {
        Path f = file("plain_test.ngn", "import { assert } from \"tbx::test\"\nfn main() {\n  const ok = false\n  assert(ok   && true)\n}\n");
        NgncTest.Result r = ngnc("test", f.toString());
        assertEquals("  plain_test.ngn:4: assertion failed: ok && true", r.out().lines().toList().get(1), r.out());
    }

    @Test
    void compileErrorsFailTheFile() throws IOException {
        Path f = file("bad_test.ngn", "fn main() {\n  print(nope)\n}\n");
        NgncTest.Result r = ngnc("test", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("FAIL " + f), r.out());
        assertTrue(r.out().contains(f + ": does not compile"), r.out());
        assertTrue(r.out().contains("nope"), r.out());
    }

    @Test
    void noTestsAndMissingPaths() throws IOException {
        file("lib/helper.ngn", "export fn x(): i64 { return 1 }\n");
        NgncTest.Result none = ngnc("test", tmp.resolve("lib").toString());
        assertEquals(0, none.exit());
        assertTrue(none.out().startsWith("no test programs found"), none.out());
        NgncTest.Result missing = ngnc("test", tmp.resolve("absent").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file or directory"), missing.err());
        NgncTest.Result badRegex = ngnc("test", "--filter", "(", tmp.toString());
        assertEquals(2, badRegex.exit());
    }

    @Test
    void buildIsCompile() throws IOException {
        Path f = file("hello.ngn", "fn main() { print(\"hi\") }\n");
        Path jar = tmp.resolve("out.jar");
        NgncTest.Result r = ngnc("build", f.toString(), "-o", jar.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.size(jar) > 1000);
        NgncTest.Result help = ngnc("--help");
        assertTrue(help.out().contains("compile, build"), help.out());
        assertTrue(help.out().contains("test") && help.out().contains("new"), help.out());
    }
}
