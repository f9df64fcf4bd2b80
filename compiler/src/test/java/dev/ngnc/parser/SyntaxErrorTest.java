package dev.ngnc.parser;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.MatchPattern;
import dev.ngnc.ast.Stmt;
import dev.ngnc.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ngnc.parser.ParseSupport.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages, positions and hints of syntax errors, and recovery so that one run reports several. */
class SyntaxErrorTest {

    private static List<String> messages(String src) {
        return parse(src).messages();
    }

    private static Diagnostic only(String src) {
        ParseSupport.Result r = parse(src);
        assertEquals(1, r.diagnostics().all().size(), r::rendered);
        return r.diagnostics().all().get(0);
    }

    // ---------------------------------------------------------------- messages

    @Test
    void missingCloseParenAtEndOfLineSaysFoundNewline() {
        Diagnostic d = only("fn main() {\n  print(\"a\"\n  print(\"b\")\n}");
        assertEquals("expected ')' after arguments, found newline", d.message());
        assertEquals(2, d.span().line());
        assertEquals(12, d.span().col());
    }

    @Test
    void missingCloseParenRecoversAndKeepsTheNextStatement() {
        ParseSupport.Result r = parse("fn main() {\n  print(\"a\"\n  print(\"b\")\n}");
        assertEquals("(fn main () {(call print \"a\") (call print \"b\")})", Sexpr.of(r.program()));
    }

    @Test
    void unexpectedTokenInExpressionPosition() {
        assertEquals(List.of("expected expression, found ')'"), messages("fn main() {\n  const x = )\n}"));
    }

    @Test
    void conditionsNeedParentheses() {
        Diagnostic d = only("fn f(b: i64) {\n  if b == 0 return 1\n}");
        assertEquals("expected '(' after 'if', found identifier 'b'", d.message());
        assertNotNull(d.hint());
    }

    @Test
    void matchScrutineeNeedsParentheses() {
        assertTrue(messages("fn f() {\n  match status {\n    A => 1\n  }\n}").get(0)
                .startsWith("expected '(' after 'match'"));
    }

    @Test
    void varAtTopLevelIsRejectedButKeptInTheTree() {
        ParseSupport.Result r = parse("var counter = 0\nfn main() {}");
        assertEquals(List.of("'var' declarator can only be used inside functions"), r.messages());
        assertTrue(r.diagnostics().all().get(0).hint().contains("global"));
        assertInstanceOf(Stmt.VarDecl.class, assertInstanceOf(Decl.TopLevelStmt.class, r.program().items().get(0)).stmt());
    }

    @Test
    void topLevelOnlyDeclarationsInsideFunctionsAreRejected() {
        assertEquals(List.of("'model' is only allowed at the top level of a file"),
                messages("fn main() {\n  model M { a: i64 }\n  print(1)\n}"));
        assertEquals(List.of("'global' is only allowed at the top level of a file"),
                messages("fn main() {\n  global X = 1\n}"));
    }

    @Test
    void wildcardAsVariantBindingIsReported() {
        ParseSupport.Result r = parse("fn f(o: Option) {\n  match (o) {\n    Some(_) => print(1)\n    None => print(2)\n  }\n}");
        assertEquals(List.of("a variant pattern must bind a name, not '_'"), r.messages());
        Stmt.Match m = assertInstanceOf(Stmt.Match.class,
                assertInstanceOf(Decl.Fn.class, r.program().items().get(0)).body().statements().get(0));
        assertEquals(2, m.arms().size());
        assertNull(assertInstanceOf(MatchPattern.Variant.class, m.arms().get(0).patterns().get(0)).binding());
    }

    @Test
    void indexAndCompoundFieldAssignmentsAreInvalidTargets() {
        assertEquals(List.of("invalid assignment target"), messages("fn f() {\n  a[0] = 1\n}"));
        assertEquals(List.of("invalid assignment target"), messages("fn f() {\n  a.b += 1\n}"));
        assertEquals(List.of("invalid assignment target"), messages("fn f() {\n  this = 1\n}"));
        assertEquals(List.of("invalid assignment target"), messages("fn f() {\n  f() = 1\n}"));
    }

    @Test
    void pipeStageMustBeCallableOrUsePlaceholder() {
        assertEquals(List.of("Pipe target must be a function, function call, or expression using '$'"),
                messages("fn f() {\n  const x = 1 |> 5\n}"));
        assertEquals(List.of(), messages("fn f() {\n  const x = 1 |> $ + 5 |> Ok |> print\n}"));
    }

    @Test
    void rangesDoNotChain() {
        assertEquals(List.of("range operators cannot be chained"), messages("fn f() {\n  const r = 1..2..3\n}"));
    }

    @Test
    void missingFunctionBodyIsReported() {
        assertTrue(messages("fn f(): i64\nfn main() {}").get(0).startsWith("expected a body for function 'f'"));
    }

    @Test
    void closureParametersCannotHaveDefaults() {
        assertEquals(List.of("closure parameters cannot be optional or have a default value"),
                messages("fn f() {\n  const c = |a = 1| a\n}"));
    }

    @Test
    void enumVariantsCarryAtMostOnePayload() {
        assertEquals(List.of("an enum variant carries at most one payload"), messages("enum E { A(i64, i64) }"));
    }

    @Test
    void floatDotMethodGetsAHint() {
        Diagnostic d = parse("fn f() {\n  print(2.isEven())\n}").diagnostics().all().get(0);
        assertTrue(d.hint().contains("(2).isEven"), d::toString);
    }

    @Test
    void emptyInterpolationIsReported() {
        assertEquals(List.of("empty interpolation '${}'"), messages("fn f() {\n  print(\"a ${} b\")\n}"));
    }

    @Test
    void brokenInterpolationIsReportedAndTheStringSurvives() {
        ParseSupport.Result r = parse("fn f() {\n  print(\"a ${1 +} b\")\n}");
        assertEquals(List.of("expected expression, found '}'"), r.messages());
        assertEquals("(fn f () {(call print \"a ${<error>} b\")})", Sexpr.of(r.program()));
    }

    @Test
    void unclosedBlockIsReportedAtItsBrace() {
        Diagnostic d = only("fn main() {\n  print(1)\n");
        assertEquals("expected '}' to close this block, found end of file", d.message());
        assertEquals(1, d.span().line());
        assertEquals(11, d.span().col());
    }

    @Test
    void reservedWordAsVariableNameIsExplained() {
        Diagnostic d = only("fn f() {\n  const map = 1\n}");
        assertTrue(d.message().startsWith("expected a name or a destructuring pattern after 'const'"));
        assertTrue(d.hint().contains("reserved"));
    }

    // ---------------------------------------------------------------- recovery

    @Test
    void severalErrorsInOneFunctionAreAllReported() {
        String src = """
                fn main() {
                  const a = )
                  print("fine")
                  const b = 1 +
                  const c = ]
                  print("also fine")
                }
                """;
        ParseSupport.Result r = parse(src);
        assertEquals(3, r.diagnostics().all().size(), r::rendered);
        Decl.Fn main = assertInstanceOf(Decl.Fn.class, r.program().items().get(0));
        assertEquals(List.of("(call print \"fine\")", "(call print \"also fine\")"),
                main.body().statements().stream().map(Sexpr::stmt).toList());
    }

    @Test
    void errorsInDifferentFunctionsAreAllReportedAndLaterFunctionsSurvive() {
        String src = """
                fn a() {
                  print(1 2)
                }
                fn b(x y) {
                  print(x)
                }
                fn c() {
                  if x > 1 print(2)
                }
                fn d() {
                  print("ok")
                }
                """;
        ParseSupport.Result r = parse(src);
        assertEquals(3, r.diagnostics().all().size(), r::rendered);
        List<String> names = r.program().items().stream()
                .filter(i -> i instanceof Decl.Fn).map(i -> ((Decl.Fn) i).name()).toList();
        assertTrue(names.contains("d"), names::toString);
        assertTrue(names.contains("a"), names::toString);
    }

    @Test
    void brokenMatchArmDoesNotLoseTheOthers() {
        String src = "fn f(x: i64) {\n  match (x) {\n    1 => print(1)\n    2 print(2)\n    3 => print(3)\n  }\n}";
        ParseSupport.Result r = parse(src);
        assertEquals(List.of("expected '=>' after the match pattern, found 'print'"), r.messages());
        Stmt.Match m = assertInstanceOf(Stmt.Match.class,
                assertInstanceOf(Decl.Fn.class, r.program().items().get(0)).body().statements().get(0));
        assertEquals(2, m.arms().size());
    }

    @Test
    void strayClosingBracesAtTopLevelAreReportedNotLoopedOn() {
        ParseSupport.Result r = parse("}\n}\nfn main() {}\n)");
        assertTrue(r.diagnostics().hasErrors());
        assertTrue(r.program().items().stream().anyMatch(i -> i instanceof Decl.Fn f && f.name().equals("main")));
    }

    @Test
    void errorInsideClosureInsideCallIsContained() {
        String src = "fn main() {\n  xs.each(|x| {\n    const = 1\n    print(x)\n  })\n  print(\"after\")\n}";
        ParseSupport.Result r = parse(src);
        assertEquals(1, r.diagnostics().all().size(), r::rendered);
        assertEquals("(fn main () {(.each xs (closure (x) {(call print x)})) (call print \"after\")})", Sexpr.of(r.program()));
    }

    @Test
    void lexerAndParserErrorsAccumulate() {
        ParseSupport.Result r = parse("fn main() {\n  a; b\n  # c\n  print(\n}");
        assertTrue(r.messages().contains("Unknown character: ;"), r::rendered);
        assertTrue(r.messages().contains("Unknown character: #"), r::rendered);
        assertTrue(r.diagnostics().all().size() >= 3, r::rendered);
    }

    @Test
    void deeplyNestedInputIsReportedNotCrashed() {
        String deep = "fn main() {\n  print(" + "(".repeat(5000) + "1" + ")".repeat(5000) + ")\n}";
        ParseSupport.Result r = parse(deep);
        assertEquals(List.of("code is nested too deeply"), r.messages());
        String deepBlocks = "{".repeat(3000) + "}".repeat(3000);
        assertTrue(parse(deepBlocks).diagnostics().hasErrors());
        String powers = "fn main() {\n  print(" + "2 ** ".repeat(5000) + "2)\n}";
        assertTrue(parse(powers).diagnostics().hasErrors());
    }
}
