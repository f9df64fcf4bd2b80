package dev.ngnc.parser;

import dev.ngnc.ast.Stmt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static dev.ngnc.parser.ParseSupport.mainBody;
import static dev.ngnc.parser.ParseSupport.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class StatementParserTest {

    private static String sx(String body) {
        return Sexpr.stmt(stmt(body));
    }

    /** All statements of a main body, space separated. */
    private static String all(String body) {
        return mainBody(body).stream().map(Sexpr::stmt).collect(Collectors.joining(" "));
    }

    // ---------------------------------------------------------------- declarations

    @Test
    void varAndConstWithAnnotations() {
        assertEquals("(var x 1)", sx("var x = 1"));
        assertEquals("(const x : i64? null)", sx("const x: i64? = null"));
        assertEquals("(var x : string|i64 \"a\")", sx("var x: string | i64 = \"a\""));
    }

    @Test
    void angleShorthandMeansArrayOf() {
        assertEquals("(const xs : array<i32> [4 5])", sx("const xs<i32> = [4, 5]"));
        assertEquals("(const xs : array<array<i64>> [])", sx("const xs<array<i64>> = []"));
    }

    @Test
    void angleShorthandClosedRightBeforeEquals() {
        assertEquals("(const xs : array<i64> [1])", sx("const xs<i64>= [1]"));
    }

    @Test
    void destructuringPatterns() {
        assertEquals("(const [a b ...rest] arr)", sx("const [a, b, ...rest] = arr"));
        assertEquals("(var (m n) (tuple \"a\" \"b\"))", sx("var (m, n) = (\"a\", \"b\")"));
        assertEquals("(const {id email:mail ...rest} data)", sx("const { id, email: mail, ...rest } = data"));
    }

    @Test
    void multiLineObjectPattern() {
        assertEquals("(const {a b} o)", sx("const {\n  a,\n  b\n} = o"));
    }

    // ---------------------------------------------------------------- if (spec 2.3)

    @Test
    void inlineIfWithElseIfChain() {
        assertEquals("(if (>= n 90) (return \"A\") (if (>= n 80) (return \"B\") (return \"F\")))",
                sx("if (n >= 90) return \"A\" : (n >= 80) return \"B\" : return \"F\""));
    }

    @Test
    void inlineIfWithNewlinesBeforeEachColon() {
        assertEquals("(if (> x 10) (call print \"high\") (if (> x 5) (call print \"normal\") (call print \"low\")))",
                sx("if (x > 10)\n  print(\"high\")\n: (x > 5)\n  print(\"normal\")\n: print(\"low\")"));
    }

    @Test
    void ifWithoutElseLeavesTheNextLineAlone() {
        assertEquals("(if (== x 7) (call print \"seven\")) (call print \"after\")",
                all("if (x == 7) print(\"seven\")\nprint(\"after\")"));
    }

    @Test
    void ifWithBlocks() {
        assertEquals("(if c {(call a) (call b)} {(call d)})", sx("if (c) {\n a()\n b()\n} : {\n d()\n}"));
        assertEquals("(if c {(call a)} {(call d)})", sx("if (c) {\n a()\n}\n: {\n d()\n}"));
    }

    @Test
    void blockFormIfBecomesNestedIfs() {
        String src = """
                if {
                  (x > 10)
                    print("big")
                    print("really")
                  : (x > 0)
                    print("small")
                  :
                    print("none")
                    print("done")
                }""";
        assertEquals("(if (> x 10) {(call print \"big\") (call print \"really\")} "
                + "(if (> x 0) {(call print \"small\")} {(call print \"none\") (call print \"done\")}))", sx(src));
    }

    @Test
    void blockFormIfWithoutElse() {
        assertEquals("(if (? v) {(call print v)})", sx("if {\n  (v?)\n    print(v)\n}"));
    }

    @Test
    void blockFormIfOnOneLine() {
        assertEquals("(if c {(call a)} {(call b)})", sx("if { (c) a() : b() }"));
    }

    @Test
    void unwrapGuardConditionIsIsPresentOfAName() {
        Stmt.If s = assertInstanceOf(Stmt.If.class, stmt("if (suffix?) print(suffix)"));
        assertEquals("(? suffix)", Sexpr.expr(s.condition()));
    }

    // ---------------------------------------------------------------- loops (spec 2.4)

    @Test
    void loopForms() {
        assertEquals("(while (< i 3) {(+= i 1)})", sx("while (i < 3) {\n i += 1\n}"));
        assertEquals("(while (> n 7) (= n (- n 1)))", sx("while (n > 7) n = n - 1"));
        assertEquals("(while-once false {(call a)})", sx("while once (false) {\n a()\n}"));
        assertEquals("(loop {break})", sx("loop {\n break\n}"));
        assertEquals("(for x xs (call echo x))", sx("for (x in xs) echo(x)"));
        assertEquals("(for x,i xs {(call print i)})", sx("for (x, i in xs) {\n print(i)\n}"));
        assertEquals("(for m (<-? ch) {(call print m)})", sx("for (m in <-? ch) {\n print(m)\n}"));
    }

    @Test
    void loopBodyMayStartOnTheNextLine() {
        assertEquals("(for i r (call echo i))", sx("for (i in r)\n  echo(i)"));
    }

    // ---------------------------------------------------------------- match (spec 2.6)

    @Test
    void matchWithEveryPatternKind() {
        String src = """
                match (v) {
                  1 => a(),
                  2 | 3 => b()
                  -1 => c()
                  4..9 => {
                    d()
                    next
                  }
                  70..<90 => e()
                  "s" => f()
                  Status::Failed(r) => g(r)
                  Value(x) => h(x),
                  Quit => break
                  null => i()
                  _ => {}
                }""";
        assertEquals("(match v [1 => (call a)] [2 | 3 => (call b)] [(- 1) => (call c)] [(.. 4 9) => {(call d) next}] "
                + "[(..< 70 90) => (call e)] [\"s\" => (call f)] [Status::Failed(r) => (call g r)] [Value(x) => (call h x)] "
                + "[Quit => break] [null => (call i)] [_ => {}])", sx(src));
    }

    @Test
    void matchArmsMaySitOnOneLineWithCommas() {
        assertEquals("(match x [1 => (call a)] [_ => (call b)])", sx("match (x) { 1 => a(), _ => b() }"));
    }

    @Test
    void matchArmBodyMayBeAnAssignment() {
        assertEquals("(match d [East => (= n (+ n 1))] [_ => {}])", sx("match (d) {\n East => n = n + 1,\n _ => {}\n}"));
    }

    @Test
    void matchOnReceive() {
        assertEquals("(match (<-? jobs) [Value(t) => (call t 6)] [Null => break])",
                sx("match (<-? jobs) {\n Value(t) => t(6),\n Null => break\n}"));
    }

    // ---------------------------------------------------------------- simple statements

    @Test
    void returnWithAndWithoutValue() {
        assertEquals("(return) (return 1)", all("return\nreturn 1"));
        assertEquals("(fn f () {(return)})", Sexpr.decl(ParseSupport.parseClean("fn f() { return }").items().get(0)));
    }

    @Test
    void returnBeforeElseColonHasNoValue() {
        assertEquals("(if c (return) (call f))", sx("if (c) return : f()"));
    }

    @Test
    void checkForms() {
        assertEquals("(check x {(return)})", sx("check x? { return }"));
        assertEquals("(check r err {(return err)})", sx("check r?, err? {\n  return err\n}"));
        Stmt.Check c = assertInstanceOf(Stmt.Check.class, stmt("check x? { return }"));
        assertNull(c.errorName());
    }

    @Test
    void localFunctions() {
        Stmt s = stmt("fn square(n: i64): i64 {\n return n * n\n}");
        Stmt.LocalFn f = assertInstanceOf(Stmt.LocalFn.class, s);
        assertEquals("square", f.fn().name());
        assertEquals("(fn add (a b) = {(+ a b)})", sx("fn add(a, b) a + b"));
    }

    @Test
    void nestedBlockStatement() {
        assertEquals("{(const x 1) (call print x)}", sx("{\n const x = 1\n print(x)\n}"));
    }

    @Test
    void statementsMayFollowEachOtherOnOneLine() {
        assertEquals("(call a) (call b)", all("a() b()"));
    }

    @Test
    void receiveAsAStatement() {
        assertEquals("(<- t) (<-N 8 done)", all("<- t\n<-8 done"));
    }

    @Test
    void assignmentsToFieldsAndThis() {
        assertEquals("(= (.count c) (+ (.count c) 1))", sx("c.count = c.count + 1"));
        assertEquals("(= (.w this) 1)", sx("this.w = 1"));
    }

    @Test
    void bodyOfMainHasAllStatements() {
        List<Stmt> stmts = mainBody("const a = 1\n\n\nprint(a)\n// trailing\n");
        assertEquals(2, stmts.size());
    }
}
