package dev.ngnc.codegen;


import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;


import static dev.ngnc.codegen.ArithmeticPropertyTest.compile;
import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A closure that captures nothing is one shared instance; a capturing one is a new object each time. */
class ClosureAllocationTest {

    private static final String SOURCE = """
            fn apply(f: fn<i64, i64>, x: i64): i64 { return f(x) }
            fn main() {
              var total = 0
              var k = 10
              for (i in 0..<3) {
                total = apply(|t| t + 1, total)
                total = apply(|t| t + k, total)
              }
              print(total)
            }
            """;

    @Test
    void aNonCapturingClosureIsReadFromItsInstanceField() {
        MethodNode main = Bytecode.method(compile(SOURCE), "fn$main");
        int news = 0;
        int instances = 0;
        for (AbstractInsnNode insn : main.instructions) {
            if (insn instanceof TypeInsnNode t && t.getOpcode() == Opcodes.NEW) news++;
            if (insn instanceof FieldInsnNode f && f.getOpcode() == Opcodes.GETSTATIC && f.name.equals("INSTANCE")) {
                instances++;
            }
        }
        assertEquals(1, instances, "|t| t + 1");
        assertEquals(1, news, "|t| t + k captures k");
    }

    @Test
    void bothKindsStillComputeTheSame() throws Exception {
        assertEquals("33\n", compileAndRun(SOURCE).out());
    }

}
