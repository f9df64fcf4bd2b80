package dev.ngnc.codegen;


import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;


import static dev.ngnc.codegen.ArithmeticPropertyTest.compile;
import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code int % constant} compiles to a bare {@code lrem} unless the constant is 0 or -1 (which need Num.mod's errors). */
class ConstantDivisorTest {

    @Test
    void remainderByAnOrdinaryConstantIsABareLrem() {
        MethodNode main = Bytecode.method(compile("""
                fn main() {
                  var x = 10
                  var y = 3
                  print(x % 4 + x % y)
                }
                """), "fn$main");
        assertEquals(1, count(main, Opcodes.LREM), "x % 4");
        assertEquals(1, calls(main, "mod"), "x % y still checks its divisor");
    }

    @Test
    void zeroAndMinusOneKeepTheirChecks() {
        MethodNode main = Bytecode.method(compile("""
                fn main() {
                  var x = 10
                  print(x % 0)
                  print(x % -1)
                }
                """), "fn$main");
        assertEquals(0, count(main, Opcodes.LREM));
        assertEquals(2, calls(main, "mod"));
    }

    @Test
    void resultsMatchTheCheckedPath() throws Exception {
        assertEquals("-1\n1\n-2\n-1\n", compileAndRun("""
                fn main() {
                  const a = -7
                  print(a % 3)
                  print(7 % -3)
                  var m = -9223372036854775807 - 1
                  print(m % 3)
                  print(m % 7)
                }
                """).out());
    }


    private static int count(MethodNode m, int opcode) {
        int n = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn.getOpcode() == opcode) n++;
        }
        return n;
    }

    private static int calls(MethodNode m, String name) {
        int n = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode c && c.owner.equals(dev.ngnc.types.RtApi.cls("Num")) && c.name.equals(name)) n++;
        }
        return n;
    }
}
