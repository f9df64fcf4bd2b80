package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A function declared without a return type (issue 10): an expression body returns its expression, typed or
 * untyped parameters alike; a block body returning untyped values passes them through (spec 2.7); a body that
 * returns nothing stays void.
 */
class UndeclaredResultTypeTest {

    @Test
    void expressionBodiedFunctionsReturnTheirExpression() throws Exception {
        var run = compileAndRun("""
                fn add(a, b) a + b
                fn twice(x: i64) x * 2
                fn half(x: f64) x / 2.0
                fn shout(s: string) s.upper()
                fn quad(x: i64) twice(twice(x))
                fn main() {
                  print(add(21, 3))
                  print(add("a", "b"))
                  print(twice(4) + 1)
                  print(half(5.0))
                  print(shout("hey"))
                  print(quad(3))
                }
                """);
        assertNull(run.failure());
        assertEquals("24\nab\n9\n2.5\nHEY\n12\n", run.out());
    }

    @Test
    void recursiveAndMutuallyCallingFunctionsSettle() throws Exception {
        var run = compileAndRun("""
                fn isEven(n: i64) n == 0 || isOdd(n - 1)
                fn isOdd(n: i64) n != 0 && isEven(n - 1)
                fn main() {
                  print(isEven(10))
                  print(isOdd(7))
                }
                """);
        assertNull(run.failure());
        assertEquals("true\ntrue\n", run.out());
    }

    @Test
    void blockBodyReturningAnUntypedValuePassesItThrough() throws Exception {
        var run = compileAndRun("""
                fn count(xs) {
                  return xs.size()
                }
                fn first(xs) {
                  for (x in xs) { return x }
                  return xs
                }
                fn main() {
                  print(count([1, 2]))
                  print(first([7, 8]))
                }
                """);
        assertNull(run.failure());
        assertEquals("2\n7\n", run.out());
    }

    @Test
    void anExpressionBodyThatPrintsIsVoid() throws Exception {
        var run = compileAndRun("""
                fn hello(name: string) print("hello ${name}")
                fn main() {
                  hello("ada")
                }
                """);
        assertNull(run.failure());
        assertEquals("hello ada\n", run.out());
    }

    @Test
    void nestedFunctionsInferTheirResultToo() throws Exception {
        var run = compileAndRun("""
                fn main() {
                  fn inc(x: i64) x + 1
                  fn label(x) "<${x}>"
                  fn size(xs) {
                    return xs.size()
                  }
                  print(inc(inc(1)))
                  print(label(3))
                  print(size("abc".split()))
                }
                """);
        assertNull(run.failure());
        assertEquals("3\n<3>\n3\n", run.out());
    }
}
