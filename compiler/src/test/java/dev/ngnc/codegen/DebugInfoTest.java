package dev.ngnc.codegen;

import dev.ngnc.types.RtApi;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;
import dev.ngnc.source.SourceFile;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LocalVariableTable that lets a JVM debugger show ngn variables by name: which names, with which
 * descriptors and ranges, are described, and that the compiler's temporaries are not. (Harness.verify
 * checks the tables of every test and corpus program for consistency; {@code DebuggerTest} reads a
 * variable through a real debugger.)
 */
class DebugInfoTest {
    private static final String PROGRAM = """
            enum Msg {
              Text(string),
              Num(i64),
              Quit
            }

            fn add(a: i64, b: i64): i64 {
              return a + b
            }

            fn stats(xs: array<i64>, scale: f64, verbose: bool): f64 {
              var total = 0
              for (x, i in xs) {
                const sq = x * x
                total = total + sq + i
              }
              for (k in 0..<2) {
                total = total + k
              }
              const [first, second] = xs
              const bumped = total |> add($, 1)
              const echoed = print(first)
              if (verbose) {
                const label = "total"
                print(label)
              }
              if (verbose) {
                const label = 2
                print(label)
              }
              const shadow = 1
              if (verbose) {
                const shadow = "inner"
                print(shadow)
              }
              print(second + bumped + echoed + shadow)
              return total * scale
            }

            fn describe(m: Msg): string {
              match (m) {
                Text(t) => return t,
                Num(n) => return "${n}",
                Quit => return "quit"
              }
              return ""
            }

            fn main() {
              const offset = 10
              const f = |y: i64| y + offset
              print(stats([1, 2, 3], 2.0, true))
              print(describe(Num(f(1))))
            }
            """;

    /** Names that some path leaves unassigned inside their range. */
    private static final String PARTLY_ASSIGNED = """
            enum Shape {
              Circle(f64),
              Square(f64),
              Dot
            }

            fn f(m: Maybe<i64>): i64 {
              check m? { print("none") }
              print("after")
              return 1
            }

            fn g(s: Shape): f64 {
              match (s) {
                Circle(r) | Dot => {
                  print("x")
                  return 1.0
                },
                Square(q) => return q
              }
              return 0.0
            }

            fn main() {
              print(f(Null))
              print(g(Dot))
            }
            """;

    private static Map<String, byte[]> compile(boolean debugInfo) {
        return compile(PROGRAM, debugInfo);
    }

    /** Compiles and verifies, including LocalVariableTables.problems (each described slot assigned in its range). */
    private static Map<String, byte[]> compile(String source, boolean debugInfo) {
        Diagnostics d = new Diagnostics();
        CompiledProgram p = Compiler.compile(new SourceFile("main.ngn", Path.of("main.ngn"), source), d, debugInfo);
        assertNotNull(p, () -> d.all().toString());
        Harness.verify(p.classes());
        return p.classes();
    }

    private static MethodNode method(Map<String, byte[]> classes, String name) {
        for (byte[] b : classes.values()) {
            ClassNode cn = new ClassNode();
            new ClassReader(b).accept(cn, 0);
            for (MethodNode m : cn.methods) {
                if (m.name.equals(name)) return m;
            }
        }
        throw new AssertionError("no method " + name + " in " + classes.keySet());
    }

    /** name → descriptor (a name described twice: both descriptors, sorted, comma-separated). */
    private static Map<String, String> table(MethodNode m) {
        return m.localVariables.stream().collect(Collectors.groupingBy(v -> v.name, TreeMap::new,
                Collectors.mapping(v -> v.desc, Collectors.collectingAndThen(Collectors.toList(),
                        l -> l.stream().sorted().collect(Collectors.joining(","))))));
    }

    private static List<LocalVariableNode> named(MethodNode m, String name) {
        return m.localVariables.stream().filter(v -> v.name.equals(name)).collect(Collectors.toList());
    }

    /** Code offset of a label: the number of real instructions before it. */
    private static int pos(MethodNode m, LabelNode l) {
        int n = 0;
        for (AbstractInsnNode i = m.instructions.getFirst(); i != l; i = i.getNext()) {
            if (i.getOpcode() >= 0) n++;
        }
        return n;
    }

    @Test
    void functionParamsLocalsLoopItemsAndDestructuredNamesAreDescribedWithTheirSlotTypes() {
        MethodNode stats = method(compile(true), "fn$stats");
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("xs", RtApi.desc("NgnArray")),
                Map.entry("scale", "D"),
                Map.entry("verbose", "Z"),
                Map.entry("total", "J"),
                Map.entry("x", "J"),
                Map.entry("i", "J"),
                Map.entry("sq", "J"),
                Map.entry("k", "J"),
                Map.entry("first", "J"),
                Map.entry("second", "J"),
                Map.entry("bumped", "J"),
                Map.entry("echoed", "J"),
                Map.entry("label", "J,Ljava/lang/String;"),
                Map.entry("shadow", "J,Ljava/lang/String;")));
        // nothing else: no $destructure, $pipe…, $print… temporaries, no loop counters or limits
        assertEquals(expected, table(stats));
        for (LocalVariableNode v : stats.localVariables) assertFalse(v.name.startsWith("$"), v.name);
        // described slots are exactly the variables' slots: every other slot is a temporary
        assertEquals(stats.localVariables.size(),
                stats.localVariables.stream().map(v -> v.index).distinct().count());
    }

    @Test
    void rangesFollowNgnScopes() {
        MethodNode m = method(compile(true), "fn$stats");
        LocalVariableNode xs = named(m, "xs").get(0);
        assertEquals(0, pos(m, xs.start), "parameters are visible from the method start");
        LocalVariableNode total = named(m, "total").get(0);
        LocalVariableNode first = named(m, "first").get(0);
        LocalVariableNode x = named(m, "x").get(0);
        LocalVariableNode sq = named(m, "sq").get(0);
        // destructured names live to the end of the function body, not of the checker's grouping block
        assertEquals(pos(m, total.end), pos(m, first.end));
        // the loop item is visible in the body only; the body's local inside that
        assertTrue(pos(m, x.end) < pos(m, first.start));
        assertTrue(pos(m, x.start) <= pos(m, sq.start) && pos(m, sq.end) <= pos(m, x.end));
        // sibling blocks: the two `label`s do not overlap
        List<LocalVariableNode> labels = named(m, "label");
        assertEquals(2, labels.size());
        assertTrue(pos(m, labels.get(0).end) <= pos(m, labels.get(1).start)
                || pos(m, labels.get(1).end) <= pos(m, labels.get(0).start));
        // shadowing: the inner `shadow` starts later and ends earlier, in its own slot
        List<LocalVariableNode> shadows = named(m, "shadow");
        LocalVariableNode outer = shadows.get(0).desc.equals("J") ? shadows.get(0) : shadows.get(1);
        LocalVariableNode inner = outer == shadows.get(0) ? shadows.get(1) : shadows.get(0);
        assertTrue(pos(m, outer.start) < pos(m, inner.start) && pos(m, inner.end) < pos(m, outer.end));
        assertTrue(outer.index != inner.index);
    }

    @Test
    void matchBindingsAndClosureParamsAndCapturesAreDescribed() {
        Map<String, byte[]> classes = compile(true);
        MethodNode describe = method(classes, "fn$describe");
        assertEquals(Map.of("m", RtApi.desc("NgnEnum"), "t", "Ljava/lang/String;", "n", "J"), table(describe));
        // the closure is (i64) -> i64: its body is the unboxed callJJ (call1 only converts, describing nothing)
        MethodNode call = method(classes, "callJJ");
        assertEquals(Map.of("y", "J", "offset", "J"), table(call));
        assertEquals(Map.of(), table(method(classes, "call1")));
        MethodNode main = method(classes, "fn$main");
        assertEquals(Map.of("offset", "J", "f", RtApi.desc("NgnFn")), table(main));
    }

    @Test
    void aNameSomePathLeavesUnassignedGetsADefaultSoTheDebuggerReadsAValue() throws Exception {
        Map<String, byte[]> classes = compile(PARTLY_ASSIGNED, true); // verify fails on an unassigned described slot
        // after `check m? { … }` whose orElse falls through, `m` is the payload (i64) for the rest of the body
        assertEquals(Map.of("m", "J," + RtApi.desc("NgnEnum")), table(method(classes, "fn$f")));
        // `r` is bound only when Circle matched, but is visible in the whole arm body
        assertEquals(Map.of("s", RtApi.desc("NgnEnum"), "r", "D", "q", "D"), table(method(classes, "fn$g")));
        Harness.Captured run = Harness.runCapturingOut(classes, "ngn/Main", 1 << 20);
        assertNull(run.failure());
        assertEquals("none\nafter\n1\nx\n1\n", run.stdout());
    }

    @Test
    void noDebugInfoLeavesOutTheTablesButKeepsLineNumbers() {
        Map<String, byte[]> classes = compile(false);
        for (byte[] b : classes.values()) {
            ClassNode cn = new ClassNode();
            new ClassReader(b).accept(cn, 0);
            for (MethodNode m : cn.methods) {
                assertTrue(m.localVariables == null || m.localVariables.isEmpty(), cn.name + "." + m.name);
            }
        }
        MethodNode stats = method(classes, "fn$stats");
        boolean lines = false;
        for (AbstractInsnNode n : stats.instructions) lines |= n.getType() == AbstractInsnNode.LINE;
        assertTrue(lines);
        ClassNode main = new ClassNode();
        new ClassReader(classes.get("ngn/Main")).accept(main, 0);
        assertEquals("main.ngn", main.sourceFile);
    }
}
