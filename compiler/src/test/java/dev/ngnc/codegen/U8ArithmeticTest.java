package dev.ngnc.codegen;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static dev.ngnc.codegen.ArithmeticPropertyTest.fmtFloat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The u8 run-time kind (spec 3.1, 3.2, 6.6): indexing {@code bytes} yields a u8; u8 op u8 is a u8 ({@code + - *}
 * wrap at 8 bits, {@code /} truncates, {@code /} and {@code %} by zero are Internal errors), {@code **} is f64,
 * u8 op int is int. The property compares the static paths (inline, typed locals, compound assignment,
 * interpolation) and the dynamic ones (untyped and {@code number} parameters) with a reference evaluator.
 * Declared integer types are plain ints (docs/decisions.md); the JUnit tests pin those choices.
 */
class U8ArithmeticTest {

    enum Right { U8, INT }

    enum Mode { INLINE, LOCALS, COMPOUND, INTERPOLATED, UNTYPED_PARAMS, NUMBER_PARAMS }

    static final List<String> OPS = List.of("+", "-", "*", "/", "%", "**", "==", "<");

    /** {@code b[i] op right}, where right is another byte ({@link Right#U8}) or an int literal. */
    record Case(int a, int b, String op, Right right, Mode mode) {
        @Override public String toString() { return a + " " + op + " " + b + " (" + right + ", " + mode + ")"; }
    }

    /** The printed line, or the failure message ({@code Rt.message}) when the operation fails. */
    record Expected(String line, String failure) {}

    static Expected expected(Case c) {
        long a = c.a();
        long b = c.b();
        boolean u8 = c.right() == Right.U8;
        return switch (c.op()) {
            case "+" -> line(u8 ? (a + b) & 0xff : a + b);
            case "-" -> line(u8 ? (a - b) & 0xff : a - b);
            case "*" -> line(u8 ? (a * b) & 0xff : a * b);
            case "/" -> b == 0
                    ? new Expected(null, u8 ? "Internal error: attempt to divide by zero" : "Runtime Error: Division failed")
                    : u8 ? line(a / b) : new Expected(fmtFloat((double) a / b), null);
            case "%" -> b == 0
                    ? new Expected(null, u8 ? "Internal error: attempt to calculate the remainder with a divisor of zero"
                            : "Runtime Error: Modulo failed")
                    : line(a % b);
            case "**" -> new Expected(fmtFloat(Math.pow(a, b)), null);
            case "==" -> new Expected(String.valueOf(a == b), null);
            case "<" -> new Expected(String.valueOf(a < b), null);
            default -> throw new IllegalArgumentException(c.op());
        };
    }

    private static Expected line(long v) { return new Expected(Long.toString(v), null); }

    static String helper(String op, boolean number) {
        String name = switch (op) {
            case "+" -> "add"; case "-" -> "sub"; case "*" -> "mul"; case "/" -> "div"; case "%" -> "rem";
            case "**" -> "pow"; case "==" -> "eq"; case "<" -> "lt";
            default -> throw new IllegalArgumentException(op);
        };
        return (number ? "n" : "u") + name;
    }

    /** Untyped ({@code any}) and {@code number} parameters: the operands reach Dyn as boxes that keep their kind. */
    static final String HELPERS;

    static {
        StringBuilder sb = new StringBuilder();
        for (String op : OPS) {
            sb.append("fn ").append(helper(op, false)).append("(a, c) { print(a ").append(op).append(" c) }\n");
            sb.append("fn ").append(helper(op, true)).append("(a: number, c: number) { print(a ").append(op)
                    .append(" c) }\n");
        }
        HELPERS = sb.toString();
    }

    /** Statements printing one line for case {@code c}, whose operands are bytes {@code i} (and {@code i + 1}). */
    static List<String> statements(Case c, int i) {
        String left = "b[" + i + "]";
        String right = c.right() == Right.U8 ? "b[" + (i + 1) + "]" : Long.toString(c.b());
        String x = "x" + i;
        String y = "y" + i;
        return switch (c.mode()) {
            case INLINE -> List.of("print(" + left + " " + c.op() + " " + right + ")");
            case LOCALS -> List.of("const " + x + " = " + left, "const " + y + " = " + right,
                    "print(" + x + " " + c.op() + " " + y + ")");
            case COMPOUND -> c.op().equals("==") || c.op().equals("<")
                    ? List.of("var " + x + " = " + left + " " + c.op() + " " + right, "print(" + x + ")")
                    : List.of("var " + x + " = " + left, x + " " + c.op() + "= " + right, "print(" + x + ")");
            case INTERPOLATED -> List.of("print(\"${" + left + " " + c.op() + " " + right + "}\")");
            case UNTYPED_PARAMS -> List.of(helper(c.op(), false) + "(" + left + ", " + right + ")");
            case NUMBER_PARAMS -> List.of(helper(c.op(), true) + "(" + left + ", " + right + ")");
        };
    }

    static String program(List<Case> cases) {
        List<String> raw = new ArrayList<>();
        for (Case c : cases) {
            raw.add(String.valueOf(c.a()));
            raw.add(String.valueOf(c.right() == Right.U8 ? c.b() : 0));
        }
        StringBuilder src = new StringBuilder(HELPERS).append("fn main() {\n");
        src.append("  const raw: array<u8> = [").append(String.join(", ", raw)).append("]\n");
        src.append("  const b = bytes(raw)\n");
        for (int k = 0; k < cases.size(); k++) {
            for (String st : statements(cases.get(k), 2 * k)) src.append("  ").append(st).append('\n');
        }
        return src.append("}\n").toString();
    }

    // ------------------------------------------------------------------ generators

    private static Arbitrary<Integer> byteValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0, 1, 2, 3, 7, 15, 16, 100, 127, 128, 200, 254, 255)),
                Tuple.of(4, Arbitraries.integers().between(0, 255)));
    }

    @Provide
    Arbitrary<List<Case>> batches() {
        Arbitrary<Case> c = Combinators.combine(byteValue(), byteValue(), Arbitraries.of(OPS),
                Arbitraries.of(Right.class), Arbitraries.of(Mode.class)).as(Case::new);
        return c.list().ofMinSize(1).ofMaxSize(40);
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void byteArithmeticMatchesTheReference(@ForAll("batches") List<Case> batch) throws Exception {
        List<Case> ok = new ArrayList<>();
        List<Case> failing = new ArrayList<>();
        for (Case c : batch) (expected(c).failure() == null ? ok : failing).add(c);
        if (!ok.isEmpty()) {
            String src = program(ok);
            ArithmeticPropertyTest.Run run = compileAndRun(src);
            if (run.failure() != null) fail("program failed at run time: " + run.failure() + "\n" + src);
            List<String> lines = run.out().lines().toList();
            StringBuilder mismatches = new StringBuilder();
            for (int i = 0; i < ok.size(); i++) {
                String want = expected(ok.get(i)).line();
                String got = i < lines.size() ? lines.get(i) : "<no line>";
                if (!want.equals(got)) {
                    mismatches.append("  ").append(ok.get(i)).append(": expected ").append(want)
                            .append(", got ").append(got).append('\n');
                }
            }
            if (!mismatches.isEmpty()) fail("u8 arithmetic mismatch:\n" + mismatches + "--- source\n" + src);
        }
        for (Case c : failing.subList(0, Math.min(2, failing.size()))) {
            String src = program(List.of(c));
            ArithmeticPropertyTest.Run run = compileAndRun(src);
            assertEquals(expected(c).failure(), run.failure(), c + "\n" + src);
            assertEquals("", run.out(), c.toString());
        }
    }

    // ------------------------------------------------------------------ fixed cases

    private static String run(String body) throws Exception {
        String src = "fn main() {\n  const raw: array<u8> = [200, 100, 7, 2, 0, 255]\n  const b = bytes(raw)\n"
                + body + "}\n";
        ArithmeticPropertyTest.Run run = compileAndRun(src);
        assertNull(run.failure(), src);
        return run.out();
    }

    /** The spec's own examples (3.2). */
    @Test
    void specExamples() throws Exception {
        assertEquals("44\n3\n1\n49\n201\n3.5\n251\n", run("""
                  print(b[0] + b[1])
                  print(b[2] / b[3])
                  print(b[2] % b[3])
                  print(b[2] ** b[3])
                  print(b[0] + 1)
                  print(b[2] / 2)
                  print(b[3] - b[2])
                """));
    }

    /**
     * Declared numeric types have no run-time effect (spec 3.1): `var c: u8 = 255; c = c + 1` is 256, and a local
     * keeps the kind of what it holds: a u8 from bytes (also under an integer annotation), or, once it has held both
     * kinds, whatever it holds now (it becomes a dynamic number, as with int and float).
     */
    @Test
    void localsFollowTheirValues() throws Exception {
        assertEquals("256\n44\n44\n45\n44\n300\n", run("""
                  var c: u8 = 255
                  c = c + 1
                  print(c)
                  const d: u8 = b[0]
                  print(d + b[1])
                  var e = b[0]
                  e += b[1]
                  print(e)
                  e = e + 1
                  print(e)
                  var f = 0
                  f = b[0]
                  print(f + b[1])
                  var g = 0
                  g = b[0] + 100
                  print(g)
                """));
    }

    /** The kind travels with inferred types: tuples, arrays, generic fields, Maybe, states, closures, loops. */
    @Test
    void kindTravelsThroughInferredTypes() throws Exception {
        String src = """
                model Box<T> { value: T }
                fn main() {
                  const raw: array<u8> = [200, 100]
                  const b = bytes(raw)
                  const t = (b[0], b[1])
                  print(t[0] + t[1])
                  const box = Box { value: b[0] }
                  print(box.value + b[1])
                  const m = Value(b[0])
                  print((m ?? b[1]) + b[1])
                  const st = state(b[1])
                  print(st.read() + b[0])
                  const xs = [b[0], b[1]]
                  for (v in xs) { print(v + v) }
                  xs.each(|v| print(v * 2))
                  const pick = || b[0]
                  print(pick() + b[1])
                }
                """;
        ArithmeticPropertyTest.Run run = compileAndRun(src);
        assertNull(run.failure());
        assertEquals("44\n44\n44\n44\n144\n200\n400\n200\n44\n", run.out());
    }

    /**
     * Judgement (docs/decisions.md): parameters, return values and fields declared with an integer type are plain
     * int slots, so a u8 passed through them continues as an int; untyped parameters keep the kind.
     */
    @Test
    void declaredSignaturesAndFieldsAreInts() throws Exception {
        String src = """
                model Pixel { r: u8, g: u8 }
                fn first(b: bytes): u8 { return b[0] }
                fn sum(x: u8, y: u8): i64 { return x + y }
                fn sumAny(x, y) { print(x + y) }
                fn main() {
                  const raw: array<u8> = [200, 100]
                  const b = bytes(raw)
                  print(first(b) + b[1])
                  print(sum(b[0], b[1]))
                  sumAny(b[0], b[1])
                  const p = Pixel { r: b[0], g: b[1] }
                  print(p.r + p.g)
                }
                """;
        assertEquals("300\n300\n44\n300\n", compileAndRun(src).out());
    }

    /** fmt, JSON, equality, map keys and bytes(array) treat a u8 as the integer it holds (spec 5, 6.4, 11.1). */
    @Test
    void u8IsItsIntegerElsewhere() throws Exception {
        String src = """
                fn same(a, c) { print(a == c) }
                fn main() {
                  const raw: array<u8> = [200, 100, 7]
                  const b = bytes(raw)
                  print("${b[0]} ${[b[0], b[1]]} ${(b[2], 1)}")
                  print(json.stringify({a: b[0], list: [b[1], b[2]]}))
                  print(b[0] == 200)
                  print(b[2] == 7.0)
                  same(b[0], 200)
                  same(b[2], 7.0)
                  same(b[0], b[1])
                  var m = map<i64, string>()
                  m.set(b[2], "seven")
                  print(m.get(7) ?? "missing")
                  var s = set<i64>()
                  s.add(7)
                  print(s.has(b[2]))
                  print(bytes([b[1]]) == bytes("d"))
                }
                """;
        assertEquals("200 [200, 100] (7, 1)\n{\"a\":200,\"list\":[100,7]}\ntrue\ntrue\ntrue\ntrue\nfalse\nseven\ntrue\n"
                + "true\n", compileAndRun(src).out());
    }

    /** Zero divisors: u8 / u8 and u8 % u8 are Internal errors (spec 3.2), statically and dynamically. */
    @Test
    void zeroDivisors() throws Exception {
        String[][] cases = {
            {"print(b[0] / b[4])", "Internal error: attempt to divide by zero"},
            {"print(b[0] % b[4])", "Internal error: attempt to calculate the remainder with a divisor of zero"},
            {"dyn(b[0], b[4])", "Internal error: attempt to calculate the remainder with a divisor of zero"},
            {"print(b[0] / 0)", "Runtime Error: Division failed"},
            {"print(b[0] % 0)", "Runtime Error: Modulo failed"},
        };
        for (String[] c : cases) {
            String src = "fn dyn(a, d) { print(a % d) }\nfn main() {\n  const raw: array<u8> = [200, 100, 7, 2, 0]\n"
                    + "  const b = bytes(raw)\n  " + c[0] + "\n}\n";
            assertEquals(c[1], compileAndRun(src).failure(), c[0]);
        }
    }
}
