package dev.ngnc.parser;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static dev.ngnc.parser.ParseSupport.mainBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spec 1.7: newlines end statements, except inside parentheses, brackets and argument lists. */
class NewlineHandlingTest {

    private static String all(String body) {
        return mainBody(body).stream().map(Sexpr::stmt).collect(Collectors.joining(" "));
    }

    @Test
    void newlinesInsideParenthesesAreSkipped() {
        assertEquals("(return (+ (+ a b) c))", all("return (\n  a +\n  b +\n  c\n)"));
    }

    @Test
    void newlinesInsideArgumentListsAndArraysAreSkipped() {
        assertEquals("(const r (call total 1 2 3)) (const xs [10 20])", all("const r = total(\n  1,\n  2,\n  3\n)\nconst xs = [\n  10,\n  20,\n]"));
    }

    @Test
    void newlinesInsideObjectLiteralsAreSkipped() {
        assertEquals("(call f {a: 1, b: 2})", all("f({\n  a: 1,\n  b: 2,\n})"));
    }

    @Test
    void aNewlineEndsAnExpressionStatement() {
        assertEquals("(const x a) (- b)", all("const x = a\n-b"));
    }

    @Test
    void aTrailingOperatorContinuesOntoTheNextLine() {
        assertEquals("(const x (+ a b))", all("const x = a +\n  b"));
    }

    @Test
    void insideParenthesesALeadingOperatorContinuesThePreviousLine() {
        assertEquals("(call f (- a b))", all("f(a\n - b)"));
    }

    @Test
    void blockInsideCallParenthesesSeparatesStatementsByNewline() {
        String src = "names.each(|n, i| {\n  const s = \"${i}=${n}\"\n  print(s)\n  -1\n})";
        assertEquals("(.each names (closure (n i) {(const s \"${i}=${n}\") (call print s) (- 1)}))", all(src));
    }

    @Test
    void threadClosureBodyKeepsStatementsApart() {
        String src = "thread(|| {\n  for (i in 1..5) {\n    nums <- i\n  }\n  nums.close()\n})";
        assertEquals("(call thread (closure () {(for i (.. 1 5) {(send nums i)}) (.close nums)}))", all(src));
    }

    @Test
    void receiveFollowedByANewLineIsNotACountedReceive() {
        assertEquals("(const v (<- ch)) (call print v)", all("const v = <- ch\nprint(v)"));
    }

    @Test
    void matchInsideClosureInsideCallKeepsArmsApart() {
        String src = "thread(|| {\n  loop {\n    match (<-? jobs) {\n      Value(t) => t(6)\n      Null => break\n    }\n  }\n})";
        assertEquals("(call thread (closure () {(loop {(match (<-? jobs) [Value(t) => (call t 6)] [Null => break])})}))", all(src));
    }

    @Test
    void modelLiteralIsNotConfusedWithBlocksAfterHeaders() {
        String src = "for (x in Xs) {\n print(x)\n}\nwhile (Ready) {\n a()\n}\nif (Flag) {\n b()\n}";
        assertEquals("(for x Xs {(call print x)}) (while Ready {(call a)}) (if Flag {(call b)})", all(src));
    }

    @Test
    void modelLiteralNeedsTheBraceOnTheSameLine() {
        ParseSupport.Result r = ParseSupport.parse("fn main() {\n  const x = Foo\n  {\n    print(1)\n  }\n}");
        assertTrue(r.diagnostics().all().isEmpty(), r::rendered);
        assertEquals("(fn main () {(const x Foo) {(call print 1)}})", Sexpr.of(r.program()));
    }

    @Test
    void windowsLineEndingsWork() {
        assertEquals("(const a 1) (call print a)", all("const a = 1\r\nprint(a)\r\n"));
    }
}
