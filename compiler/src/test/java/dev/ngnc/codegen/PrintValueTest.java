package dev.ngnc.codegen;

import dev.ngnc.driver.CompiledProgram;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compile;
import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec 5: {@code print(x)} used as an expression evaluates to {@code x} (type and value); {@code print()} and
 * {@code echo(x)} stay void (the void uses are in the golden diagnostics, {@code print_value_void.ngn}). As a
 * statement, print compiles to the plain call, with no hidden local.
 */
class PrintValueTest {

    @Test
    void printUsedAsAnExpressionIsItsArgument() throws Exception {
        String src = """
                fn twice(n: i64): i64 { return print(n) * 2 }
                fn main() {
                  const y = print(5) + 1
                  print(y)
                  const s = print("hi")
                  print(s.length())
                  print(twice(21))
                  const z = [3, 4] |> print
                  print(z.size())
                  const w = (2, 3) |> print($1)
                  print(w + 10)
                  const f = |x: i64| print(x * 2)
                  print(f(4))
                  print(print(print(7.5)))
                  const m = print(Value(1))
                  print(m ?? 0)
                  const total: f64 = print(2) + 0.5
                  print(total)
                }
                """;
        ArithmeticPropertyTest.Run run = compileAndRun(src);
        assertNull(run.failure());
        assertEquals("5\n6\nhi\n2\n21\n42\n[3, 4]\n2\n2\n12\n8\n8\n7.5\n7.5\n7.5\nMaybe::Value (1)\n1\n2\n2.5\n",
                run.out());
    }

    /** The value is the argument itself: a copy-on-write array keeps value semantics through print. */
    @Test
    void printedContainerKeepsValueSemantics() throws Exception {
        String src = """
                fn main() {
                  var xs = [1]
                  var ys = print(xs)
                  xs.push(2)
                  ys.push(3)
                  print(xs)
                  print(ys)
                }
                """;
        assertEquals("[1]\n[1, 2]\n[1, 3]\n", compileAndRun(src).out());
    }

    /** Statement prints (also through a pipe) compile as before: fmt + Out.println, no store, no dup. */
    @Test
    void printStatementHasNoHiddenLocal() {
        MethodNode main = methodCalling(compile("""
                fn main() {
                  print(5)
                  print("a")
                  6 |> print
                  echo(1)
                  print()
                }
                """), "println");
        List<String> extra = new ArrayList<>();
        for (AbstractInsnNode insn : main.instructions) {
            int op = insn.getOpcode();
            if ((op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) || (op >= Opcodes.DUP && op <= Opcodes.DUP2_X2)) {
                extra.add(String.valueOf(op));
            }
        }
        assertEquals(List.of(), extra, "store/dup opcodes");
        assertEquals(4, count(main, "println"));
        assertEquals(1, count(main, "print"));
    }

    /** Under a pipe's hidden input local (spec 2.5) the statement form is used too: no long temp for the $2. */
    @Test
    void pipedPrintStatementHasNoHiddenLocal() {
        MethodNode main = methodCalling(compile("""
                fn main() {
                  (1, 2) |> print($2)
                }
                """), "println");
        for (AbstractInsnNode insn : main.instructions) {
            assertTrue(insn.getOpcode() != Opcodes.LSTORE, "no long temp");
        }
    }

    /** Positive control for the checks above: a print whose value is used does keep it in a local. */
    @Test
    void printValueUsesALocal() {
        MethodNode main = methodCalling(compile("""
                fn main() {
                  const y = print(5) + 1
                }
                """), "println");
        boolean stores = false;
        for (AbstractInsnNode insn : main.instructions) {
            if (insn.getOpcode() == Opcodes.LSTORE) stores = true;
        }
        assertTrue(stores);
    }

    /** The method of the program's main class that calls {@code Out.<name>}. */
    private static MethodNode methodCalling(CompiledProgram p, String name) {
        for (Map.Entry<String, byte[]> e : p.classes().entrySet()) {
            ClassNode cn = new ClassNode();
            new ClassReader(e.getValue()).accept(cn, 0);
            for (MethodNode m : cn.methods) {
                if (count(m, name) > 0) return m;
            }
        }
        throw new AssertionError("no method calls Out." + name);
    }

    private static int count(MethodNode m, String name) {
        int n = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode call && call.owner.equals(dev.ngnc.types.RtApi.cls("Out")) && call.name.equals(name)) {
                n++;
            }
        }
        return n;
    }
}
