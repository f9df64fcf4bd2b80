package dev.ngnc.parser;

import dev.ngnc.diag.Diagnostics;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser never throws, never hangs and never hits its internal-error safety net, whatever the input. */
class ParserPropertiesTest {

    private static final List<String> VOCABULARY = List.of(
            // reserved words
            "var", "const", "global", "type", "fn", "return", "if", "while", "once", "loop", "for", "in", "match",
            "next", "break", "import", "export", "default", "from", "as", "enum", "model", "role", "extend", "with",
            "this", "check", "null", "true", "false", "print", "echo", "sleep", "thread", "channel", "bytes",
            "state", "map", "set",
            // names and literals
            "x", "y", "main", "Foo", "Bar", "Ok", "Value", "json", "_", "$", "$1", "0", "1", "42", "2.5", "5.",
            "\"s\"", "'t'", "\"a ${x} b\"", "\"${\"in\"}\"", "/re/g", "i64", "string", "array",
            // brackets
            "(", ")", "[", "]", "{", "}",
            // operators and punctuation
            "+", "-", "*", "/", "%", "**", "^", "=", "+=", "-=", "*=", "/=", "%=", "**=", "^=", "==", "!=", "<", ">",
            "<=", ">=", "&&", "||", "!", "??", "?.", "?", "|>", "|", "<-", "<-?", "..", "..<", "...", "=>", "::",
            ":", ",", ".",
            // layout, comments and junk
            "\n", "\n", "\n", "// c\n", "/* c */", "#", ";", "&");

    private static final List<String> SAMPLES = List.of(
            """
            model User { name: string, age?: i64 = 1 }
            enum Shape { Circle(f64), Empty }
            extend User with Named { fn name(): string this.name }
            fn area(s: Shape): f64 {
              match (s) {
                Circle(r) => return 3.0 * r * r,
                Empty => return 0.0
              }
              return -1.0
            }
            """,
            """
            import { abs as a } from "tbx::math"
            global LIMIT<i64> = [1, 2]
            fn main() {
              const ch = channel<i64>()
              thread(|| {
                for (i, n in 1..5) { ch <- i * n }
                ch.close()
              })
              const got = <-3 ch
              if {
                (got.size() > 2)
                  print("${got[0] |> $ * 2}")
                : print("few")
              }
              check got?, err? { return }
              var { a, b: c, ...rest } = { a: 1, b: 2 }
              while once (false) a += 1
              print(x?.y ?? (1, 2))
            }
            export default { fetch: main }
            """);

    private static void parseChecked(String text) {
        Diagnostics d = new Diagnostics();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Parser.parse(ParseSupport.source(text), d));
        assertTrue(d.all().stream().noneMatch(x -> x.message().startsWith("internal")), d.all()::toString);
    }

    @Property(tries = 500)
    void parserNeverThrowsOnArbitraryText(@ForAll @StringLength(max = 300) String text) {
        parseChecked(text);
    }

    @Property(tries = 1000)
    void parserNeverThrowsOnTokenSoup(@ForAll("tokenSoup") String text) {
        parseChecked(text);
    }

    @Property(tries = 500)
    void parserNeverThrowsOnMutatedPrograms(@ForAll("mutatedPrograms") String text) {
        parseChecked(text);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(VOCABULARY).list().ofMaxSize(80).map(words -> String.join(" ", words));
    }

    /** A valid sample with one slice deleted and some vocabulary words inserted at random places. */
    @Provide
    Arbitrary<String> mutatedPrograms() {
        Arbitrary<String> sample = Arbitraries.of(SAMPLES);
        Arbitrary<Double> deleteAt = Arbitraries.doubles().between(0, 1);
        Arbitrary<Integer> deleteLength = Arbitraries.integers().between(0, 12);
        Arbitrary<List<String>> inserts = Arbitraries.of(VOCABULARY).list().ofMaxSize(4);
        Arbitrary<List<Double>> insertAt = Arbitraries.doubles().between(0, 1).list().ofSize(4);
        return Combinators.combine(sample, deleteAt, deleteLength, inserts, insertAt).as((s, at, len, words, where) -> {
            int from = (int) (at * s.length());
            StringBuilder sb = new StringBuilder(s).delete(from, Math.min(s.length(), from + len));
            for (int i = 0; i < words.size(); i++) {
                sb.insert((int) (where.get(i) * sb.length()), " " + words.get(i) + " ");
            }
            return sb.toString();
        });
    }

    @Property(tries = 20)
    void samplesThemselvesAreValid(@ForAll("samples") String sample) {
        Diagnostics d = new Diagnostics();
        Parser.parse(ParseSupport.source(sample), d);
        assertTrue(d.all().isEmpty(), d.all()::toString);
    }

    @Provide
    Arbitrary<String> samples() {
        return Arbitraries.of(SAMPLES);
    }

    // ---------------------------------------------------------------- precedence round trip

    /** A generated operator tree: printed with the fewest parentheses the precedence table needs, it must parse back to itself. */
    sealed interface Tree permits Atom, Neg, Bin {}

    record Atom(String text) implements Tree {}

    record Neg(Tree operand) implements Tree {}

    record Bin(String op, Tree left, Tree right) implements Tree {}

    private static final List<String> OPS = List.of("+", "-", "*", "/", "%", "**", "==", "!=", "<", ">", "<=", ">=",
            "&&", "||", "??");

    private static int prec(String op) {
        return switch (op) {
            case "??" -> 4;
            case "||" -> 5;
            case "&&" -> 6;
            case "==", "!=" -> 7;
            case "<", ">", "<=", ">=" -> 8;
            case "+", "-" -> 10;
            case "*", "/", "%" -> 11;
            default -> 12;
        };
    }

    static String source(Tree t) {
        return switch (t) {
            case Atom a -> a.text();
            case Neg n -> "-" + (n.operand() instanceof Bin ? "(" + source(n.operand()) + ")" : source(n.operand()));
            case Bin b -> {
                int p = prec(b.op());
                boolean rightAssoc = b.op().equals("**");
                String l = source(b.left());
                String r = source(b.right());
                if (b.left() instanceof Bin lb && (prec(lb.op()) < p || (prec(lb.op()) == p && rightAssoc))) l = "(" + l + ")";
                if (b.right() instanceof Bin rb && (prec(rb.op()) < p || (prec(rb.op()) == p && !rightAssoc))) r = "(" + r + ")";
                yield l + " " + b.op() + " " + r;
            }
        };
    }

    static String expected(Tree t) {
        return switch (t) {
            case Atom a -> a.text();
            case Neg n -> "(- " + expected(n.operand()) + ")";
            case Bin b -> "(" + b.op() + " " + expected(b.left()) + " " + expected(b.right()) + ")";
        };
    }

    @Provide
    Arbitrary<Tree> trees() {
        return tree(4);
    }

    private Arbitrary<Tree> tree(int depth) {
        Arbitrary<Tree> atom = Arbitraries.of("a", "b", "c", "1", "2").map(Atom::new);
        if (depth == 0) return atom;
        Arbitrary<Tree> sub = Arbitraries.lazy(() -> tree(depth - 1));
        Arbitrary<Tree> neg = sub.map(Neg::new);
        Arbitrary<Tree> bin = Combinators.combine(Arbitraries.of(OPS), sub, sub).as(Bin::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, atom), net.jqwik.api.Tuple.of(1, neg), net.jqwik.api.Tuple.of(4, bin));
    }

    @Property(tries = 500)
    void minimallyParenthesisedExpressionsParseBackToTheirTree(@ForAll("trees") Tree tree) {
        String src = source(tree);
        assertEquals(expected(tree), Sexpr.expr(ParseSupport.expr(src)), () -> "source: " + src);
    }
}
