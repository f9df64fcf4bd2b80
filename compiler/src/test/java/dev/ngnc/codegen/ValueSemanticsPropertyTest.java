package dev.ngnc.codegen;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Value semantics through the compiler (issue 11): a random sequence of copies (assignment, passing to a function,
 * capture by a closure, a model's field, on the typed and the untyped path) and mutations (push, pop, slice,
 * splice) on them never changes any other copy. The expected contents come from a plain Java model of the
 * same sequence, where every copy is its own list.
 */
class ValueSemanticsPropertyTest {

    private static final String PRELUDE = """
            model Box { xs: array<i64> }
            fn pushTyped(xs: array<i64>, k: i64): array<i64> {
              var mine = xs
              mine.push(k)
              return mine
            }
            fn pushUntyped(xs, k) {
              var mine = xs
              mine.push(k)
              return mine
            }
            fn viaField(b: Box, k: i64): array<i64> {
              var mine = b
              mine.xs.push(k)
              return mine.xs
            }
            """;

    /** Builds the program for {@code ops} and, alongside, what each variable must hold at the end. */
    private static final class Script {
        final StringBuilder body = new StringBuilder();
        final List<String> names = new ArrayList<>();
        final List<List<Long>> values = new ArrayList<>();
        /** Closures made so far: name, and the snapshot plus pushed value they will return. */
        final List<String> closures = new ArrayList<>();
        final List<List<Long>> closureResults = new ArrayList<>();

        Script() {
            declare("[1, 2, 3]", new ArrayList<>(List.of(1L, 2L, 3L)));
        }

        private String declare(String init, List<Long> value) {
            String name = "v" + names.size();
            body.append("  var ").append(name).append(" = ").append(init).append('\n');
            names.add(name);
            values.add(value);
            return name;
        }

        void apply(int op) {
            int target = (op / 10) % names.size();
            String t = names.get(target);
            List<Long> v = values.get(target);
            long k = op % 97;
            switch (op % 10) {
                case 0 -> declare(t, new ArrayList<>(v));
                case 1 -> {
                    body.append("  ").append(t).append(".push(").append(k).append(")\n");
                    v.add(k);
                }
                case 2 -> {
                    if (v.isEmpty()) return;
                    body.append("  ").append(t).append(".pop()\n");
                    v.remove(v.size() - 1);
                }
                case 3 -> {
                    // slice(start, stop) removes [start, stop); splice(items, start) inserts at start
                    if (v.isEmpty() || k % 2 == 0) {
                        int at = (int) (k % (v.size() + 1));
                        body.append("  ").append(t).append(".splice([").append(k).append(", ").append(k + 1)
                                .append("], ").append(at).append(")\n");
                        v.add(at, k + 1);
                        v.add(at, k);
                    } else {
                        int from = (int) (k % v.size());
                        body.append("  ").append(t).append(".slice(").append(from).append(", ").append(from + 1).append(")\n");
                        v.remove(from);
                    }
                }
                case 4 -> declare("pushTyped(" + t + ", " + k + ")", plus(v, k));
                case 5 -> declare("pushUntyped(" + t + ", " + k + ")", plus(v, k));
                case 6 -> declare("viaField(Box { xs: " + t + " }, " + k + ")", plus(v, k));
                case 7 -> {
                    String box = "b" + names.size() + "_" + body.length();
                    body.append("  var ").append(box).append(" = Box { xs: ").append(t).append(" }\n");
                    body.append("  ").append(box).append(".xs.push(").append(k).append(")\n");
                    declare(box + ".xs", plus(v, k));
                }
                case 8 -> {
                    String c = "c" + closures.size();
                    body.append("  const ").append(c).append(" = || {\n    var mine = ").append(t)
                            .append("\n    mine.push(").append(k).append(")\n    return mine\n  }\n");
                    closures.add(c);
                    closureResults.add(plus(v, k)); // captured now: later changes to the variable do not count
                }
                default -> {
                    if (closures.isEmpty()) return;
                    int c = (int) (k % closures.size());
                    declare(closures.get(c) + "()", new ArrayList<>(closureResults.get(c)));
                }
            }
        }

        private static List<Long> plus(List<Long> v, long k) {
            List<Long> copy = new ArrayList<>(v);
            copy.add(k);
            return copy;
        }

        String program() {
            StringBuilder out = new StringBuilder(PRELUDE).append("fn main() {\n").append(body);
            for (String n : names) out.append("  print(").append(n).append(")\n");
            return out.append("}\n").toString();
        }

        String expected() {
            return values.stream().map(v -> v.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]\n")))
                    .collect(Collectors.joining());
        }
    }

    @Property(tries = 60)
    void noMutationOfOneCopyIsSeenThroughAnother(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 9_999) Integer> ops)
            throws Exception {
        Script s = new Script();
        for (int op : ops) s.apply(op);
        var run = compileAndRun(s.program());
        assertNull(run.failure(), s.program());
        assertEquals(s.expected(), run.out(), s.program());
    }
}
