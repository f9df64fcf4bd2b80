package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compile;
import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code m.get(k) ?? d} with a constant or local fallback is one {@code NgnMap.getOr} call (no Value(v) per lookup);
 * a fallback with effects keeps the general path. Results, sharing and the order of
 * effects are those of the general path.
 */
class MapGetOrTest {

    private static final String SOURCE = """
            fn loud(): i64 {
              print("fallback evaluated")
              return 9
            }
            fn main() {
              var m = map<string, i64>()
              m.set("a", 1)
              const d = 7
              print(m.get("a") ?? 0)
              print(m.get("b") ?? 0)
              print(m.get("b") ?? d)
              var f = map<i64, f64>()
              f.set(1, 2.5)
              print(f.get(1) ?? 0.5)
              print(f.get(2) ?? 0.5)
              var arrs = map<string, array<i64>>()
              arrs.set("x", [1, 2])
              const empty: array<i64> = []
              var got = arrs.get("x") ?? empty
              got.push(3)
              print(got)
              print(arrs.get("x") ?? empty)
              print(m.get("a") ?? loud())
              print(m.get("a") ?? 2.5)
            }
            """;

    @Test
    void resultsAndValueSemanticsAreThoseOfTheGeneralPath() throws Exception {
        assertEquals("1\n0\n7\n2.5\n0.5\n[1, 2, 3]\n[1, 2]\nfallback evaluated\n1\n1\n",
                compileAndRun(SOURCE).out());
    }

    @Test
    void constantAndLocalFallbacksUseGetOrOthersDoNot() {
        MethodNode main = Bytecode.method(compile(SOURCE), "fn$main");
        int getOr = 0;
        int get = 0;
        for (AbstractInsnNode insn : main.instructions) {
            if (insn instanceof MethodInsnNode m && m.name.equals("getOr")) getOr++;
            if (insn instanceof MethodInsnNode m && m.name.equals("get") && m.owner.endsWith("NgnMap")) get++;
        }
        // 0, 0, d, 0.5, 0.5, empty, empty and 2.5 (the result is a `number`, and so is the constant) use getOr;
        // loud() has effects and keeps the general path
        assertEquals(8, getOr);
        assertEquals(1, get);
    }
}
