package dev.ngnc.testing;

import dev.ngnc.diag.DiagnosticRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine behind {@code ngnc test} and {@code ngn:test}: in-process runs, captured output, failure details. */
class TestEngineTest {
    @TempDir Path dir;
    final TestEngine engine = new TestEngine(60, DiagnosticRenderer::render);

    Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void eachOperandOfAnAssertedComparisonIsEvaluatedOnce() throws IOException {
        Path f = file("once_test.ngn", """
                import { assert } from "tbx::test"
                fn one(): i64 {
                  print("called one")
                  return 1
                }
                fn two(): i64 {
                  print("called two")
                  return 2
                }
                fn main() {
                  assert(one() < two())
                  assert(one() == two())
                }
                """);
        TestResult r = engine.run(f, "once_test.ngn");
        assertEquals(TestResult.Status.FAIL, r.status());
        assertEquals("called one\ncalled two\n\u2705 Assertion passed\ncalled one\ncalled two\n\u274C Assertion failed\n", r.stdout());
        assertEquals(List.of("once_test.ngn:12: assertion failed: one() == two()", "  left: 1, right: 2"), r.failure());
        assertEquals("once_test.ngn", r.failedAt());
        assertEquals(12, r.failedLine());
        assertEquals(List.of("assertion failed: one() == two()", "  left: 1, right: 2"), r.unlocatedFailure());
        assertEquals(1, r.assertionsPassed());
    }

    @Test
    void programsRunOneAfterAnotherInThisJvmWithoutInterfering() throws IOException {
        Path a = file("a_test.ngn", "import { assert } from \"tbx::test\"\nfn main() {\n  print(\"a\")\n  assert(1 + 1 == 2, \"sum\")\n}\n");
        Path b = file("b_test.ngn", "fn main() {\n  print(\"b\")\n  panic(\"boom\")\n}\n");
        for (int i = 0; i < 3; i++) {
            TestResult ra = engine.run(a, "a_test.ngn");
            assertEquals(TestResult.Status.PASS, ra.status(), ra.toString());
            assertEquals("a\n\u2705 sum\n", ra.stdout());
            TestResult rb = engine.run(b, "b_test.ngn");
            assertEquals(TestResult.Status.FAIL, rb.status());
            assertEquals("b\n", rb.stdout());
            assertTrue(rb.failure().get(0).startsWith("b_test.ngn:3: ") && rb.failure().get(0).contains("boom"), rb.failure().toString());
        }
    }

    static final String SPIN = "fn main() {\n  var i = 0\n  while (true) {\n    i += 1\n    if (i % 1000000 == 0) print(\"spin\")\n  }\n}\n";

    @Test
    void aProgramThatNeverEndsTimesOutAndTheFilesAfterItStillRunUndisturbed() throws IOException {
        TestEngine quick = new TestEngine(2, DiagnosticRenderer::render);
        Path loop = file("loop_test.ngn", SPIN);
        Path ok = file("ok_test.ngn", "import { assert } from \"tbx::test\"\nfn main() {\n  print(\"ok\")\n  assert(1 + 1 == 2, \"sum\")\n}\n");
        long t0 = System.nanoTime();
        TestResult stuck = quick.run(loop, "loop_test.ngn");
        assertEquals(TestResult.Status.FAIL, stuck.status());
        assertEquals(List.of("loop_test.ngn: timed out after 2 s"), stuck.failure());
        assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "the engine did not wait for the loop");
        // the abandoned program still prints "spin" somewhere: never into a later file's output
        TestResult after = quick.run(ok, "ok_test.ngn");
        assertEquals(TestResult.Status.PASS, after.status(), after.toString());
        assertEquals("ok\n\u2705 sum\n", after.stdout());
        TestResult again = quick.run(loop, "loop_test.ngn"); // now in a child JVM, which is killed
        assertEquals(List.of("loop_test.ngn: timed out after 2 s"), again.failure());
    }

    @Test
    void aFileWithoutFnMainIsNotATest() throws IOException {
        Path h = file("helper.ngn", "export fn x(): i64 { return 1 }\n");
        assertEquals(TestResult.Status.NOT_A_TEST, engine.run(h, "helper.ngn").status());
        Path broken = file("broken_test.ngn", "fn main( {\n");
        assertEquals(TestResult.Status.FAIL, engine.run(broken, "broken_test.ngn").status());
    }

    @Test
    void failureReportOfAProgramThatPrintedNoRuntimeReport() {
        FailureReport f = FailureReport.from("Exception in thread x\n\tat a.b(c)\n", "t.ngn: exited with status 134");
        assertEquals(List.of("t.ngn: exited with status 134", "  Exception in thread x", "  at a.b(c)"), f.lines());
    }
}
