package dev.ngnc.codegen;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;
import dev.ngnc.source.SourceFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Functions whose code is over the JVM's 64 KB method limit (generated programs) are split into part methods sharing
 * a frame object (MethodSplitter): locals, parameters, early returns and closures behave as in a small function, and
 * one statement too large to split is a positioned diagnostic, never an ASM exception. Every class is verified with
 * CheckClassAdapter by {@code compile}.
 */
class MethodSplittingTest {

    /** {@code n} lines {@code total = total + i % 7} with {@code i} counting up; their sum is known in closed form. */
    private static String accumulate(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("  i = i + 1\n  total = total + i % 7\n");
        return sb.toString();
    }

    private static long expectedTotal(int n) {
        long t = 0;
        for (int i = 1; i <= n; i++) t += i % 7;
        return t;
    }

    /** Compiles (verifying every class), checks the program really was split, and runs it in-process. */
    private static ArithmeticPropertyTest.Run splitAndRun(String src) throws Exception {
        CompiledProgram p = ArithmeticPropertyTest.compile(src);
        assertTrue(p.classes().keySet().stream().anyMatch(name -> name.contains("$Frame")),
                "expected a split function (a frame class) among " + p.classes().keySet());
        return ArithmeticPropertyTest.runInProcess(p.classes(), p.mainClass());
    }

    @Test
    void hugeMainKeepsItsLocalsAcrossParts() throws Exception {
        int n = 20_000;
        var run = splitAndRun("fn main() {\n  var i = 0\n  var total = 0\n" + accumulate(n)
                + "  print(total)\n  print(i)\n}\n");
        assertNull(run.failure());
        assertEquals(expectedTotal(n) + "\n" + n + "\n", run.out());
    }

    @ParameterizedTest(name = "{0} lines")
    @ValueSource(ints = {100_000, 300_000})
    void generatedProgramsOfHundredsOfThousandsOfLinesCompileAndRun(int lines) throws Exception {
        int n = lines / 2;
        var run = splitAndRun("fn main() {\n  var i = 0\n  var total = 0\n" + accumulate(n)
                + "  print(total)\n}\n");
        assertNull(run.failure());
        assertEquals(expectedTotal(n) + "\n", run.out());
    }

    @Test
    void aClassOverTheConstantPoolLimitIsADiagnosticNotACrash() {
        StringBuilder src = new StringBuilder("fn main() {\n");
        for (int i = 0; i < 70_000; i++) src.append("  print(\"s").append(i).append("\")\n");
        src.append("}\n");
        Diagnostics d = new Diagnostics();
        CompiledProgram p = Compiler.compile(new SourceFile("main.ngn", Path.of("main.ngn"), src.toString()), d);
        assertNull(p);
        assertEquals(1, d.all().size(), d.all().toString());
        assertTrue(d.all().get(0).message().contains("too large for the JVM (over 65535 constants)"),
                d.all().get(0).message());
        assertNotNull(d.all().get(0).hint());
    }

    @Test
    void hugeFunctionReadsItsParametersAndReturnsFromAnyPart() throws Exception {
        int n = 15_000;
        String src = "fn work(start: i64, stopAt: i64): i64 {\n  var i = start\n  var total = 0\n"
                + accumulate(n / 2)
                + "  if (i >= stopAt) { return total }\n"
                + accumulate(n / 2)
                + "  return total + 1000000\n}\n"
                + "fn main() {\n  print(work(0, 5))\n  print(work(0, 1000000))\n}\n";
        var run = splitAndRun(src);
        assertNull(run.failure());
        assertEquals(expectedTotal(n / 2) + "\n" + (expectedTotal(n) + 1_000_000) + "\n", run.out());
    }

    @Test
    void closuresAndNestedBlocksInsideAHugeFunction() throws Exception {
        int n = 12_000;
        String src = "fn main() {\n  var i = 0\n  var total = 0\n  const hits = state(0)\n"
                + "  const add = |k: i64| total + k\n"
                + accumulate(n / 2)
                + "  if (true) {\n    const inner = total * 2\n    total = inner - total\n  }\n"
                + "  for (x in [1, 2, 3]) { hits.update(|h| h + x) }\n"
                + accumulate(n / 2)
                + "  print(add(1))\n  print(total)\n  print(hits.read())\n}\n";
        var run = splitAndRun(src);
        assertNull(run.failure());
        // the closure captured `total` by value right after its declaration (0)
        assertEquals("1\n" + expectedTotal(n) + "\n6\n", run.out());
    }

    @Test
    void hugeTopLevelIsSplitToo() throws Exception {
        StringBuilder src = new StringBuilder();
        int n = 8_000;
        for (int i = 0; i < n; i++) src.append("global g").append(i).append(" = ").append(i).append(" * 3 + 1\n");
        src.append("fn main() {\n  print(g0 + g").append(n - 1).append(")\n}\n");
        var run = splitAndRun(src.toString());
        assertNull(run.failure());
        assertEquals((1 + (n - 1) * 3 + 1) + "\n", run.out());
    }

    @Test
    void aRunTimeErrorInAPartNamesTheNgnLineAndTheFunctionOnce() throws Exception {
        int n = 10_000;
        String src = "fn main() {\n  var i = 0\n  var total = 0\n" + accumulate(n)
                + "  const xs = [1]\n  print(xs[total])\n}\n";
        var run = ArithmeticPropertyTest.runInChildJvm(src);
        int failingLine = 3 + 2 * n + 2;
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("main.ngn:" + failingLine), run.err());
        assertEquals(1, run.err().split("at fn main ", -1).length - 1, "one frame for the split main:\n" + run.err());
        assertTrue(!run.err().contains("$$part") && !run.err().contains("$Frame"), run.err());
    }

    @Test
    void aSingleStatementTooLargeForOneMethodIsAPositionedError() {
        StringBuilder big = new StringBuilder("fn main() {\n  print(\"start\")\n  const xs = [");
        for (int i = 0; i < 30_000; i++) big.append(i == 0 ? "" : ", ").append("\"s").append(i).append('"');
        big.append("]\n  print(xs.size())\n}\n");
        Diagnostics d = new Diagnostics();
        CompiledProgram p = Compiler.compile(new SourceFile("main.ngn", Path.of("main.ngn"), big.toString()), d);
        assertNull(p, "no classes for a program that cannot be emitted");
        List<Diagnostic> errors = d.all();
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic e = errors.get(0);
        assertEquals(3, e.span().line(), "points at the oversized statement: " + e);
        assertTrue(e.message().contains("too large"), e.message());
        assertNotNull(e.hint());
    }
}
