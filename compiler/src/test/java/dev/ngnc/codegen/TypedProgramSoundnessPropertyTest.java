package dev.ngnc.codegen;

import dev.ngnc.diag.DiagnosticRenderer;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;
import dev.ngnc.source.SourceFile;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Soundness (issue 11): random well-typed programs from a grammar of the typed subset — i64, f64, bool, string,
 * array&lt;i64&gt;, Maybe&lt;i64&gt; values; functions with typed and untyped parameters; closures; if/while/for;
 * match on Maybe; interpolation; array methods — compile, and at run time never fail with a {@code Type error}, a
 * {@code ClassCastException} or an internal error. Ordinary run-time errors (pop of an empty array, % by zero) may
 * happen: the generator is not a prover.
 */
class TypedProgramSoundnessPropertyTest {

    private static final String[] TYPES = {"i64", "f64", "bool", "string", "array<i64>", "Maybe<i64>"};

    /** Generates one program from a seed: top-level functions, then a main using them. */
    private static final class Gen {
        final Random r;
        final StringBuilder out = new StringBuilder();
        /** Variables in scope: name and type, innermost last. */
        final List<String[]> vars = new ArrayList<>();
        /** Functions declared so far: name, parameter types, result type. */
        final List<String[]> fns = new ArrayList<>();
        int fresh;
        int depth;

        Gen(long seed) {
            r = new Random(seed);
        }

        String type() {
            return TYPES[r.nextInt(TYPES.length)];
        }

        String name() {
            return "x" + fresh++;
        }

        /** An expression of type {@code t}, at most {@code d} levels deep. */
        String expr(String t, int d) {
            List<String> same = vars.stream().filter(v -> v[1].equals(t)).map(v -> v[0]).toList();
            if (!same.isEmpty() && r.nextInt(3) == 0) return same.get(r.nextInt(same.size()));
            List<String[]> callable = fns.stream().filter(f -> f[2].equals(t)).toList();
            if (d > 0 && !callable.isEmpty() && r.nextInt(4) == 0) {
                String[] f = callable.get(r.nextInt(callable.size()));
                List<String> args = new ArrayList<>();
                for (String p : f[1].isEmpty() ? new String[0] : f[1].split(";")) args.add(expr(p, d - 1));
                return f[0] + "(" + String.join(", ", args) + ")";
            }
            if (d <= 0) return literal(t);
            return switch (t) {
                case "i64" -> switch (r.nextInt(7)) {
                    case 0 -> "(" + expr("i64", d - 1) + " + " + expr("i64", d - 1) + ")";
                    case 1 -> "(" + expr("i64", d - 1) + " * " + expr("i64", d - 1) + ")";
                    case 2 -> "(" + expr("i64", d - 1) + " - " + expr("i64", d - 1) + ")";
                    case 3 -> expr("array<i64>", d - 1) + ".size()";
                    case 4 -> expr("string", d - 1) + ".length()";
                    case 5 -> "(" + expr("Maybe<i64>", d - 1) + " ?? " + expr("i64", d - 1) + ")";
                    default -> literal(t);
                };
                case "f64" -> switch (r.nextInt(4)) {
                    case 0 -> "(" + expr("i64", d - 1) + " / " + "(" + expr("i64", d - 1) + " + 0.5))";
                    case 1 -> "(" + expr("f64", d - 1) + " + " + expr("f64", d - 1) + ")";
                    case 2 -> "(" + expr("f64", d - 1) + " * " + expr("i64", d - 1) + ")";
                    default -> literal(t);
                };
                case "bool" -> switch (r.nextInt(6)) {
                    case 0 -> "(" + expr("i64", d - 1) + " < " + expr("i64", d - 1) + ")";
                    case 1 -> "(" + expr("string", d - 1) + " == " + expr("string", d - 1) + ")";
                    case 2 -> "(" + expr("bool", d - 1) + " && " + expr("bool", d - 1) + ")";
                    case 3 -> "!" + expr("bool", d - 1);
                    case 4 -> expr("string", d - 1) + ".includes(" + expr("string", d - 1) + ")";
                    default -> literal(t);
                };
                case "string" -> switch (r.nextInt(5)) {
                    case 0 -> "\"<${" + expr(type(), d - 1) + "}>\"";
                    case 1 -> expr("string", d - 1) + ".upper()";
                    case 2 -> "(" + expr("string", d - 1) + " + " + expr("string", d - 1) + ")";
                    case 3 -> expr("string", d - 1) + ".trim()";
                    default -> literal(t);
                };
                case "array<i64>" -> r.nextBoolean() ? literal(t)
                        : "[" + expr("i64", d - 1) + ", " + expr("i64", d - 1) + "]";
                default -> r.nextBoolean() ? "Value(" + expr("i64", d - 1) + ")" : "null";
            };
        }

        String literal(String t) {
            return switch (t) {
                case "i64" -> Integer.toString(r.nextInt(200) - 100);
                case "f64" -> (r.nextInt(100) - 50) + "." + r.nextInt(10);
                case "bool" -> r.nextBoolean() ? "true" : "false";
                case "string" -> "\"s" + r.nextInt(10) + " \"";
                case "array<i64>" -> r.nextBoolean() ? "[1, 2, 3]" : "[" + r.nextInt(9) + "]";
                default -> r.nextBoolean() ? "Value(" + r.nextInt(9) + ")" : "null";
            };
        }

        void line(String s) {
            out.append("  ".repeat(depth + 1)).append(s).append('\n');
        }

        void statements(int n, int d) {
            int scope = vars.size();
            for (int i = 0; i < n; i++) statement(d);
            while (vars.size() > scope) vars.remove(vars.size() - 1);
        }

        void statement(int d) {
            switch (d <= 0 ? r.nextInt(3) : r.nextInt(9)) {
                case 0, 1 -> {
                    String t = type();
                    String n = name();
                    line("var " + n + ": " + t + " = " + expr(t, 2));
                    vars.add(new String[] {n, t});
                }
                case 2 -> line("print(" + expr(type(), 2) + ")");
                case 3 -> {
                    List<String[]> arrays = vars.stream().filter(v -> v[1].equals("array<i64>")).toList();
                    if (arrays.isEmpty()) return;
                    line(arrays.get(r.nextInt(arrays.size()))[0] + ".push(" + expr("i64", 1) + ")");
                }
                case 4 -> {
                    line("if (" + expr("bool", 2) + ") {");
                    depth++;
                    statements(2, d - 1);
                    depth--;
                    line("} : {");
                    depth++;
                    statements(1, d - 1);
                    depth--;
                    line("}");
                }
                case 5 -> {
                    String n = name();
                    line("for (" + n + " in " + expr("array<i64>", 1) + ") {");
                    depth++;
                    vars.add(new String[] {n, "i64"});
                    statements(2, d - 1);
                    vars.remove(vars.size() - 1);
                    depth--;
                    line("}");
                }
                case 6 -> {
                    String m = name();
                    line("match (" + expr("Maybe<i64>", 1) + ") {");
                    depth++;
                    line("Value(" + m + ") => print(" + m + " + 1),");
                    line("Null => print(\"none\"),");
                    depth--;
                    line("}");
                }
                case 7 -> {
                    String c = name();
                    String p = name();
                    String t = r.nextBoolean() ? "i64" : "string";
                    vars.add(new String[] {p, t});
                    String body = expr("string", 2);
                    vars.remove(vars.size() - 1);
                    line("const " + c + " = |" + p + ": " + t + "| " + body);
                    line("print(" + c + "(" + expr(t, 1) + "))");
                }
                default -> {
                    String n = name();
                    line("var " + n + " = 0");
                    line("while (" + n + " < 3) {");
                    depth++;
                    line(n + " = " + n + " + 1");
                    vars.add(new String[] {n + "_ro", "i64"});
                    vars.remove(vars.size() - 1);
                    statements(1, d - 1);
                    depth--;
                    line("}");
                }
            }
        }

        void function() {
            String n = "f" + fns.size();
            String result = type();
            int arity = r.nextInt(3);
            List<String> paramTypes = new ArrayList<>();
            List<String> decl = new ArrayList<>();
            boolean untyped = r.nextInt(3) == 0;
            for (int i = 0; i < arity; i++) {
                String t = type();
                String p = name();
                paramTypes.add(t);
                decl.add(untyped ? p : p + ": " + t);
                vars.add(new String[] {p, untyped ? "any" : t});
            }
            out.append("fn ").append(n).append('(').append(String.join(", ", decl)).append("): ").append(result)
                    .append(" {\n");
            statements(r.nextInt(3), 1);
            line("return " + expr(result, 2));
            out.append("}\n");
            vars.clear();
            fns.add(new String[] {n, String.join(";", paramTypes), result});
        }

        String program() {
            int functions = r.nextInt(4);
            for (int i = 0; i < functions; i++) function();
            out.append("fn main() {\n");
            statements(4 + r.nextInt(6), 2);
            out.append("}\n");
            return out.toString();
        }
    }

    @Property(tries = 100)
    void wellTypedProgramsNeverFailWithATypeErrorOrAnInternalError(@ForAll long seed) throws Exception {
        String src = new Gen(seed).program();
        Diagnostics d = new Diagnostics();
        CompiledProgram p = Compiler.compile(new SourceFile("main.ngn", Path.of("main.ngn"), src), d);
        if (p == null) {
            fail("a generated well-typed program did not compile:\n"
                    + d.all().stream().map(DiagnosticRenderer::render).collect(Collectors.joining()) + "--- source\n" + src);
        }
        assertNotNull(p);
        Harness.verify(p.classes());
        var run = ArithmeticPropertyTest.runInProcess(p.classes(), p.mainClass());
        if (run.failure() != null) {
            String f = run.failure();
            assertFalse(f.contains("Type error") || f.contains("ClassCastException") || f.contains("Internal error"),
                    "unsound: " + f + "\n--- source\n" + src);
        }
    }
}
