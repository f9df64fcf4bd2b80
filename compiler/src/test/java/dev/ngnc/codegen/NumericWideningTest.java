package dev.ngnc.codegen;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static dev.ngnc.codegen.ArithmeticPropertyTest.fmtFloat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Numeric widening of locals (spec 3.1, docs/architecture.md "Types and JVM representation"): an int local that
 * may receive a float, directly or through other locals, must be widened whatever the order of the assignments,
 * so no run-time "Type error" can come from reading a float into an int slot.
 */
class NumericWideningTest {

    @Test
    void floatReachingAnIntVariableThroughAnotherVariableWidensBoth() throws Exception {
        var run = compileAndRun("fn main() {\n  var a = 0\n  var b = 0\n  a = 0.5\n  b = a\n  print(b)\n}\n");
        assertNull(run.failure());
        assertEquals("0.5\n", run.out());
    }

    @Test
    void wideningPropagatesBackwardsThroughALongChain() throws Exception {
        // d = c and c = b textually precede b = a; each pass can only discover one more link.
        var run = compileAndRun("fn main() {\n  var a = 0\n  var b = 0\n  var c = 0\n  var d = 0\n"
                + "  d = c\n  c = b\n  b = a\n  a = 1.5\n  b = a\n  c = b\n  d = c\n  print(d)\n  print(a + 1)\n}\n");
        assertNull(run.failure());
        assertEquals("1.5\n2.5\n", run.out());
    }

    @Test
    void widenedVariableKeepsIntSemanticsForIntValues() throws Exception {
        var run = compileAndRun("fn main() {\n  var a = 7\n  var b = 0\n  b = a\n  print(b / 2)\n  a = 0.25\n"
                + "  b = a\n  print(b)\n}\n");
        assertNull(run.failure());
        assertEquals("3.5\n0.25\n", run.out());
    }

    // ---- property: random assignment chains against a reference evaluator ----------------------------

    /** {@code v<target> = v<source>}, {@code v<target> += v<source>}, or {@code v<target> = literal}. */
    record Step(int target, int source, int kind, int literal) {
        String render() {
            return switch (kind) {
                case 0 -> "  v" + target + " = v" + source + "\n";
                case 1 -> "  v" + target + " += v" + source + "\n";
                case 2 -> "  v" + target + " = " + literal + "\n";
                default -> "  v" + target + " = " + literal + ".5\n";
            };
        }
    }

    record Prog(List<Integer> initials, List<Boolean> floatInit, List<Step> steps) {
        String source() {
            StringBuilder sb = new StringBuilder("fn main() {\n");
            for (int i = 0; i < initials.size(); i++) {
                sb.append("  var v").append(i).append(" = ").append(initials.get(i))
                        .append(floatInit.get(i) ? ".5" : "").append('\n');
            }
            for (Step s : steps) sb.append(s.render());
            for (int i = 0; i < initials.size(); i++) sb.append("  print(v").append(i).append(")\n");
            return sb.append("}\n").toString();
        }

        /** Each value is a Long or a Double; int + float is float (spec 3.2). */
        String expected() {
            Object[] v = new Object[initials.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = floatInit.get(i) ? (Object) (initials.get(i) + 0.5) : (Object) (long) initials.get(i);
            }
            for (Step s : steps) {
                switch (s.kind()) {
                    case 0 -> v[s.target()] = v[s.source()];
                    case 1 -> v[s.target()] = add(v[s.target()], v[s.source()]);
                    case 2 -> v[s.target()] = (long) s.literal();
                    default -> v[s.target()] = s.literal() + 0.5;
                }
            }
            StringBuilder sb = new StringBuilder();
            for (Object x : v) sb.append(x instanceof Double d ? fmtFloat(d) : x.toString()).append('\n');
            return sb.toString();
        }

        private static Object add(Object a, Object b) {
            if (a instanceof Long x && b instanceof Long y) return x + y;
            return ((Number) a).doubleValue() + ((Number) b).doubleValue();
        }
    }

    @Provide
    Arbitrary<Prog> programs() {
        return Arbitraries.integers().between(2, 5).flatMap(n -> {
            Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(0, n - 1), Arbitraries.integers().between(0, 3),
                    Arbitraries.integers().between(0, 20)).as(Step::new);
            return Combinators.combine(Arbitraries.integers().between(0, 20).list().ofSize(n),
                    Arbitraries.of(true, false, false).list().ofSize(n),
                    step.list().ofMinSize(1).ofMaxSize(12)).as(Prog::new);
        });
    }

    @Property(tries = 60)
    void assignmentChainsBetweenIntAndFloatLocalsNeverFailAndMatchTheReference(@ForAll("programs") Prog p)
            throws Exception {
        var run = compileAndRun(p.source());
        assertNull(run.failure(), () -> "run-time failure for\n" + p.source());
        assertEquals(p.expected(), run.out(), () -> p.source());
    }
}
