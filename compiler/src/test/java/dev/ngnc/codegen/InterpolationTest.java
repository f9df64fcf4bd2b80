package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compile;
import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Interpolated integers and bools go to the concat factory as they are (no {@code Fmt.str} String in between) and
 * print exactly as {@code Fmt.str} would; other kinds still go through {@code Fmt.str}.
 */
class InterpolationTest {

    private static final String SOURCE = """
            fn main() {
              const i = -42
              const small: i32 = 7
              const big: i64 = 9223372036854775807
              const b = bytes("A")
              const f = 2.5
              const yes = true
              print("i=${i} small=${small} big=${big} byte=${b[0]} f=${f} yes=${yes} no=${!yes} sum=${i % 5000}")
              print("${i}")
            }
            """;

    @Test
    void integersAndBoolsPrintAsFmtStrDoes() throws Exception {
        assertEquals("i=-42 small=7 big=9223372036854775807 byte=65 f=2.5 yes=true no=false sum=-42\n-42\n",
                compileAndRun(SOURCE).out());
    }

    @Test
    void integersAndBoolsReachTheConcatFactoryUnformatted() {
        MethodNode main = Bytecode.method(compile(SOURCE), "fn$main");
        int formatted = 0;
        String firstRecipeDescriptor = null;
        for (AbstractInsnNode insn : main.instructions) {
            if (insn instanceof MethodInsnNode m && m.owner.endsWith("/Fmt") && m.name.equals("str")) formatted++;
            if (insn instanceof InvokeDynamicInsnNode indy && firstRecipeDescriptor == null) firstRecipeDescriptor = indy.desc;
        }
        assertEquals(2, formatted, "only the byte and the float go through Fmt.str");
        assertEquals("(JJJLjava/lang/String;Ljava/lang/String;ZZJ)Ljava/lang/String;", firstRecipeDescriptor);
    }
}
