package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A closure's class is generated after the method creating it; the frames of that method must still know it is an
 * {@code NgnFn}, or a value merging a closure with another function (the fallback of {@code ??}) becomes an
 * {@code Object} and the call on it fails verification (before: VerifyError "Bad type on operand stack").
 */
class ClosureFramesTest {

    @Test
    void closureAsFallbackOfCoalesceIsCallable() throws Exception {
        String src = """
                fn main() {
                  var fs = map<string, fn<i64, i64>>()
                  fs.set("neg", |x: i64| -x)
                  const neg = fs.get("neg") ?? |x: i64| x
                  print(neg(5))
                  const none: fn<i64, i64>? = null
                  const k = 3
                  const f = none ?? |x: i64| x * k
                  print(f(5))
                  const g = none ?? |x| x + 1
                  print(g(5))
                  const h = fs.get("zz") ?? |x: i64| {
                    const inner = |y: i64| y * 10
                    return inner(x)
                  }
                  print(h(2))
                }
                """;
        assertEquals("-5\n15\n6\n20\n", compileAndRun(src).out());
    }
}
