package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Nested named functions (issue 10): they share enclosing `state` cells, take optional and default parameters and
 * call siblings; reading an enclosing `var`/`const` is an error (golden diagnostics/nested_fn_outer_local).
 */
class NestedFunctionTest {

    @Test
    void closuresReadEnclosingLocalsCapturedByValueWhereTheyAreCreated() throws Exception {
        var run = compileAndRun("""
                fn main() {
                  var base = 10
                  const plusBase = |x: i64| x + base
                  base = 100
                  print(plusBase(1))
                }
                """);
        assertNull(run.failure());
        assertEquals("11\n", run.out());
    }

    @Test
    void sharesTheCellOfAnEnclosingState() throws Exception {
        var run = compileAndRun("""
                fn main() {
                  const hits = state(0)
                  fn bump() {
                    hits.update(|n| n + 1)
                  }
                  bump()
                  bump()
                  bump()
                  print(hits.read())
                }
                """);
        assertNull(run.failure());
        assertEquals("3\n", run.out());
    }

    @Test
    void optionalParametersMayBeLeftOut() throws Exception {
        var run = compileAndRun("""
                fn main() {
                  fn validate(x?: i64): string {
                    if (x?) { return "got ${x}" }
                    return "none"
                  }
                  print(validate())
                  print(validate(42))
                }
                """);
        assertNull(run.failure());
        assertEquals("none\ngot 42\n", run.out());
    }

    @Test
    void defaultParametersAreFilledInAtTheCall() throws Exception {
        var run = compileAndRun("""
                fn main() {
                  fn scaled(x: i64, k: i64 = 3): i64 { return x * k }
                  const apply = || scaled(2)
                  print(scaled(2))
                  print(scaled(2, 5))
                  print(apply())
                }
                """);
        assertNull(run.failure());
        assertEquals("6\n10\n6\n", run.out());
    }

    @Test
    void callsItselfAndEarlierSiblings() throws Exception {
        var run = compileAndRun("""
                fn main() {
                  fn fact(n: i64): i64 {
                    if (n <= 1) { return 1 }
                    return n * fact(n - 1)
                  }
                  fn twiceFact(n: i64): i64 { return 2 * fact(n) }
                  print(twiceFact(5))
                }
                """);
        assertNull(run.failure());
        assertEquals("240\n", run.out());
    }
}
