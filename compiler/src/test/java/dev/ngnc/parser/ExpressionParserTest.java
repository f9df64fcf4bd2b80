package dev.ngnc.parser;

import dev.ngnc.ast.Expr;
import dev.ngnc.ast.StringPart;
import dev.ngnc.source.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ngnc.parser.ParseSupport.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ExpressionParserTest {

    private static String sx(String source) {
        return Sexpr.expr(expr(source));
    }

    // ---------------------------------------------------------------- precedence (spec 2.1)

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertEquals("(+ 1 (* 2 3))", sx("1 + 2 * 3"));
        assertEquals("(- (- 100 1) 1)", sx("100 - 1 - 1"));
    }

    @Test
    void powerIsRightAssociative() {
        assertEquals("(** 2 (** 3 2))", sx("2 ** 3 ** 2"));
        assertEquals("(** 3 2)", sx("3 ^ 2"));
    }

    @Test
    void unaryMinusIsThePowerLeftOperand() {
        assertEquals("(** (- 2) 2)", sx("-2 ** 2"));
        assertEquals("(** 2 (- 1))", sx("2 ** -1"));
        assertEquals("(- (** 2 2))", sx("-(2 ** 2)"));
    }

    @Test
    void unaryOperatorsNest() {
        assertEquals("(- (- 5))", sx("- -5"));
        assertEquals("(! (! x))", sx("!!x"));
    }

    @Test
    void comparisonBindsTighterThanEqualityThenAndThenOr() {
        assertEquals("(|| a (&& b (== c (< d e))))", sx("a || b && c == d < e"));
    }

    @Test
    void coalesceIsLooserThanOr() {
        assertEquals("(?? (call Value false) (|| t true))", sx("Value(false) ?? t || true"));
    }

    @Test
    void rangeBindsLooserThanAdditionAndTighterThanComparison() {
        assertEquals("(.. (+ a 1) (- b 1))", sx("a + 1 .. b - 1"));
        assertEquals("(..< 0 n)", sx("0..<n"));
    }

    @Test
    void pipeIsLooserThanCoalesceAndLeftAssociative() {
        assertEquals("(|> (|> 5 double) (call add 1))", sx("5 |> double |> add(1)"));
        assertEquals("(|> (|> 10 (* $ 3)) (- $ 1))", sx("10 |> $ * 3 |> $ - 1"));
    }

    @Test
    void assignmentIsRightAssociativeAndLooserThanPipe() {
        assertEquals("(= a (= b c))", sx("a = b = c"));
        assertEquals("(= r (|> x f))", sx("r = x |> f"));
    }

    @Test
    void compoundAssignmentsMapToTheirOperator() {
        assertEquals("(+= x 1)", sx("x += 1"));
        assertEquals("(**= x 2)", sx("x **= 2"));
        assertEquals("(**= x 4)", sx("x ^= 4"));
        assertEquals("(%= x 7)", sx("x %= 7"));
    }

    @Test
    void sendIsTheLoosestOperator() {
        assertEquals("(send ch (+ i 1))", sx("ch <- i + 1"));
        assertEquals("(send ch (closure (n:i64) {(call print n)}))", sx("ch <- |n: i64| { print(n) }"));
    }

    // ---------------------------------------------------------------- receive forms (spec 10.3)

    @Test
    void receiveTakesAFullExpression() {
        assertEquals("(<- (+ ch 1))", sx("<- ch + 1"));
        assertEquals("(+ (<- ch) 1)", sx("(<- ch) + 1"));
    }

    @Test
    void receiveFollowedByAnotherExpressionIsACountedReceive() {
        assertEquals("(<-N 3 results)", sx("<-3 results"));
        assertEquals("(<-N (+ 1 1) ch)", sx("<-(1 + 1) ch"));
        assertEquals("(<-N (- (.size words) 2) ch)", sx("<-words.size() - 2 ch"));
    }

    @Test
    void tryReceiveIsNonBlockingReceive() {
        assertEquals("(<-? ch)", sx("<-? ch"));
    }

    // ---------------------------------------------------------------- postfix

    @Test
    void callsMethodsFieldsAndIndexesChain() {
        assertEquals("(.replace (.lower (.trim raw)) \" \" \"_\")", sx("raw.trim().lower().replace(\" \", \"_\")"));
        assertEquals("(index (index nested 1) 2)", sx("nested[1][2]"));
        assertEquals("(.hp (.engine c))", sx("c.engine.hp"));
    }

    @Test
    void optionalChainingOnFieldsAndMethods() {
        assertEquals("(?? (?.city (?.address p)) \"x\")", sx("p?.address?.city ?? \"x\""));
        assertEquals("(?.upper s)", sx("s?.upper()"));
    }

    @Test
    void postfixQuestionMarkTestsPresence() {
        assertEquals("(&& (? a) (? b))", sx("a? && b?"));
    }

    @Test
    void reservedWordsAreAcceptedAsMemberNames() {
        assertEquals("(.set m 1 2)", sx("m.set(1, 2)"));
        assertEquals("(.type obj)", sx("obj.type"));
        assertEquals("(.map xs)", sx("xs.map"));
    }

    @Test
    void methodOnParenthesizedNumberAndBoolLiteral() {
        assertEquals("(.isEven 4)", sx("(4).isEven()"));
        assertEquals("(.yesno true)", sx("true.yesno()"));
    }

    // ---------------------------------------------------------------- reserved call heads

    @Test
    void reservedWordsHeadingCallsAreNames() {
        assertEquals("(call print)", sx("print()"));
        assertEquals("(call state 0)", sx("state(0)"));
        assertEquals("(call thread (closure () = 1))", sx("thread(|| 1)"));
        assertEquals("(call bytes \"hi\")", sx("bytes(\"hi\")"));
        assertEquals("(call sleep 5)", sx("sleep(5)"));
    }

    @Test
    void genericCallHeadsCarryTypeArguments() {
        assertEquals("(call channel<i64>)", sx("channel<i64>()"));
        assertEquals("(call map<string,i64>)", sx("map<string, i64>()"));
        assertEquals("(call set<string>)", sx("set<string>()"));
        assertEquals("(call channel<channel<string>>)", sx("channel<channel<string>>()"));
        assertEquals("(call channel<fn<i64,void>>)", sx("channel<fn<i64, void>>()"));
        assertEquals("(call channel<string|i64>)", sx("channel<string | i64>()"));
    }

    @Test
    void calleeCarriesTypeArgumentsInTheAst() {
        Expr.Call call = assertInstanceOf(Expr.Call.class, expr("channel<i64>()"));
        assertEquals("channel", assertInstanceOf(Expr.Name.class, call.callee()).name());
        assertEquals(1, call.typeArgs().size());
    }

    @Test
    void lowercaseLessThanIsAlwaysAComparison() {
        assertEquals("(call f (< x y) (> z w))", sx("f(x < y, z > (w))"));
    }

    // ---------------------------------------------------------------- literals

    @Test
    void literalKinds() {
        assertEquals("(tuple 42 2.5 true null this \"s\")", sx("(42, 2.5, true, null, this, \"s\")"));
    }

    @Test
    void placeholders() {
        assertEquals("(call add $1 $2)", sx("add($1, $2)"));
        Expr.Placeholder p = assertInstanceOf(Expr.Placeholder.class, expr("$"));
        assertEquals(0, p.index());
    }

    @Test
    void enumPaths() {
        assertEquals("(call describe Status::Active)", sx("describe(Status::Active)"));
        assertEquals("(call Status::Failed \"x\")", sx("Status::Failed(\"x\")"));
    }

    @Test
    void tuplesUnitAndOneElementTuple() {
        assertEquals("(tuple)", sx("()"));
        assertEquals("(tuple 1 2)", sx("(1, 2)"));
        assertEquals("(tuple 1)", sx("(1,)"));
        assertEquals("(+ 1 2)", sx("(1 + 2)"));
    }

    @Test
    void arraysAllowTrailingCommaAndRanges() {
        assertEquals("[1 2]", sx("[1, 2,]"));
        assertEquals("[(.. 1 5)]", sx("[1..5]"));
        assertEquals("[]", sx("[]"));
    }

    @Test
    void objectLiteralsWithShorthandAndStringKeys() {
        assertEquals("(call f {a: 1, b, x-y: 2})", sx("f({ a: 1, b, \"x-y\": 2 })"));
        assertEquals("(call f {})", sx("f({})"));
    }

    @Test
    void reservedWordAsObjectKeyIsAccepted() {
        assertEquals("(call f {type: 1})", sx("f({type: 1})"));
    }

    @Test
    void modelLiteralNeedsUppercaseNameAndAdjacentBrace() {
        assertEquals("(new User {name: \"a\", age: 3})", sx("User { name: \"a\", age: 3 }"));
        assertEquals("(.speak (new Dog {name: \"Rex\"}))", sx("Dog { name: \"Rex\" }.speak()"));
    }

    @Test
    void modelLiteralAcceptsShorthandFields() {
        Expr.ModelLit m = assertInstanceOf(Expr.ModelLit.class, expr("User { name, age }"));
        assertEquals(List.of("name", "age"), m.fields().stream().map(f -> f.key()).toList());
        assertEquals(true, m.fields().get(0).shorthand());
    }

    @Test
    void genericModelLiteral() {
        assertEquals("(new Box<i64> {value: 1})", sx("Box<i64> { value: 1 }"));
    }

    @Test
    void multiLineModelLiteral() {
        assertEquals("(return (new Response {status: 200, body: \"x\", headers: (call map<string,string>)}))",
                Sexpr.stmt(ParseSupport.stmt("return Response {\n  status: 200,\n  body: \"x\",\n  headers: map<string, string>()\n}")));
    }

    // ---------------------------------------------------------------- closures (spec 2.7)

    @Test
    void closureForms() {
        assertEquals("(closure (a:i64 b) = (+ a b))", sx("|a: i64, b| a + b"));
        assertEquals("(closure () = 1)", sx("|| 1"));
        assertEquals("(closure (x) : i64 = (* x 2))", sx("|x|: i64 x * 2"));
        assertEquals("(closure (x:i64?) = x)", sx("|x: i64?| x"));
        assertEquals("(closure (n) {(call print n)})", sx("|n| { print(n) }"));
    }

    @Test
    void closureExpressionBodyStopsAtComma() {
        assertEquals("[(closure () = 1) (closure () = 2)]", sx("[|| 1, || 2]"));
    }

    @Test
    void closureExpressionBodyIsMarked() {
        Expr.Closure c = assertInstanceOf(Expr.Closure.class, expr("|x| x"));
        assertEquals(true, c.expressionBody());
        assertEquals(1, c.body().statements().size());
    }

    // ---------------------------------------------------------------- strings

    @Test
    void stringInterpolationParsesItsExpressions() {
        Expr.StringLit s = assertInstanceOf(Expr.StringLit.class, expr("\"size ${xs.size()} first ${xs[0]}\""));
        assertEquals(4, s.parts().size());
        assertEquals("(.size xs)", Sexpr.expr(assertInstanceOf(StringPart.Interp.class, s.parts().get(1)).expr()));
    }

    @Test
    void interpolationWithNestedStringsOfEitherQuote() {
        assertEquals("\"a ${\"b\"} c\"", sx("\"a ${'b'} c\""));
        assertEquals("\"nested: ${(+ \"in\" \"ner\")}\"", sx("\"nested: ${\"in\" + \"ner\"}\""));
    }

    @Test
    void regexLiteralIsAnArgument() {
        assertEquals("(.replace s /[0-9]+/g \"#\")", sx("s.replace(/[0-9]+/g, \"#\")"));
    }

    // ---------------------------------------------------------------- spans

    @Test
    void binarySpanCoversBothOperands() {
        Expr e = expr("  a + bc");
        Span s = e.span();
        assertEquals(2, s.line());
        assertEquals(3, s.col());
        assertEquals("a + bc".length(), s.end() - s.start());
    }

    @Test
    void callSpanEndsAtClosingParen() {
        Expr e = expr("f(1,\n 2)");
        String src = "fn main() {\nf(1,\n 2)\n}\n";
        assertEquals("f(1,\n 2)", src.substring(e.span().start(), e.span().end()));
    }
}
