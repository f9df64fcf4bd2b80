package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compile;
import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fn<i64, i64> calls go through NgnFn.callJJ: unboxed into a closure declared (i64) -> i64, and through the boxed
 * call1 (NgnFn's default) for any other function value of that static type, with the same results either way.
 */
class LongClosureTest {

    private static final String SOURCE = """
            fn adder(n: i64): fn<i64, i64> {
              return |x: i64| x + n
            }
            fn twice(x: i64): i64 { return x * 2 }
            fn compose(f: fn<i64, i64>, g: fn<i64, i64>): fn<i64, i64> {
              return |x: i64| g(f(x))
            }
            fn main() {
              const ops = [adder(1), twice, compose(adder(2), |x: i64| x % 7), |x| x - 1]
              var acc = 3
              for (op in ops) {
                acc = op(acc)
                print(acc)
              }
              const total = state(10)
              [1, 2, 3].each(|k: i64| {
                total.update(|t| t + k)
              })
              print(total.read())
              const label = state(1)
              label.update(|t| t * 5)
              print(label)
              const f = adder(5)
              print(f(-5))
            }
            """;

    @Test
    void unboxedAndBoxedFunctionValuesAgree() throws Exception {
        // 3+1, *2 (a function adapter: boxed), (8+2)%7 (a composed closure), 3-1 (an untyped closure: boxed)
        assertEquals("4\n8\n3\n2\n16\n5\n0\n", compileAndRun(SOURCE).out());
    }

    @Test
    void callsOfTypedFunctionValuesAreUnboxed() {
        MethodNode main = Bytecode.method(compile(SOURCE), "fn$main");
        int jj = 0;
        int boxed = 0;
        for (AbstractInsnNode insn : main.instructions) {
            if (insn instanceof MethodInsnNode m && m.name.equals("callJJ")) jj++;
            if (insn instanceof MethodInsnNode m && m.name.equals("call1")) boxed++;
        }
        assertEquals(2, jj, "op(acc) and f(-5)");
        assertTrue(boxed == 0, "no boxed call left in main");
    }
}
