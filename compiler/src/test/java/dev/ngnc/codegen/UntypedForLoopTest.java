package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code for} over a dynamically typed value (an unannotated parameter) iterates what a typed loop would. */
class UntypedForLoopTest {

    @Test
    void aChannelInAnUntypedParameterIsReceivedUntilClosed() throws Exception {
        ArithmeticPropertyTest.Run r = compileAndRun("""
                fn pump(out, n) {
                  for (i in 1..n) out <- i
                  out.close()
                }
                fn collect(src): array<i64> {
                  var xs: array<i64> = []
                  for (v, i in src) xs.push(v * 10 + i)
                  return xs
                }
                fn main() {
                  const c = channel<i64>()
                  thread(|| pump(c, 12))
                  print(collect(c))
                  print(collect([1, 2]))
                  print(collect(set([4, 4, 5])))
                  print(collect((7, 8)))
                  print(collect(1..3))
                }
                """);
        assertNull(r.failure());
        assertEquals("""
                [10, 21, 32, 43, 54, 65, 76, 87, 98, 109, 120, 131]
                [10, 21]
                [40, 51]
                [70, 81]
                [10, 21, 32]
                """, r.out());
    }

    @Test
    void aValueThatIsNotIterableNamesItsKind() throws Exception {
        ArithmeticPropertyTest.Run r = compileAndRun("""
                fn each(src) {
                  for (v in src) print(v)
                }
                fn main() {
                  each(map([(1, 2)]))
                }
                """);
        assertEquals("Runtime Error: Cannot iterate over Map", r.failure());
    }
}
