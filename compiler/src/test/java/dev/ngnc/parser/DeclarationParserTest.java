package dev.ngnc.parser;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Program;
import dev.ngnc.ast.Stmt;
import org.junit.jupiter.api.Test;

import static dev.ngnc.parser.ParseSupport.parseClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeclarationParserTest {

    private static String sx(String src) {
        return Sexpr.of(parseClean(src));
    }

    // ---------------------------------------------------------------- functions (spec 2.7)

    @Test
    void functionParameterForms() {
        assertEquals("(fn f (p:i64 q?:string r:i64=1 s:<array<i64> u) : bool {})",
                sx("fn f(p: i64, q?: string, r: i64 = 1, s: <array<i64>, u): bool {}"));
    }

    @Test
    void ownedParameterWithSpaceAfterAngle() {
        assertEquals("(fn f (stuff:<string) {})", sx("fn f(stuff: < string) {}"));
    }

    @Test
    void expressionBodyOnTheSignatureLine() {
        Decl.Fn f = assertInstanceOf(Decl.Fn.class, parseClean("fn f(a: i64): i64 a * 2").items().get(0));
        assertTrue(f.expressionBody());
        assertEquals(1, f.body().statements().size());
        assertEquals("(* a 2)", Sexpr.stmt(f.body().statements().get(0)));
        assertEquals("f", f.name());
    }

    @Test
    void expressionBodyWithoutReturnType() {
        assertEquals("(fn add (a b) = {(+ a b)})", sx("fn add(a, b) a + b"));
    }

    @Test
    void blockBodyOnOneLineAndOnTheNextLine() {
        assertEquals("(fn fine () : i64 {(return 2)})", sx("fn fine(): i64 { return 2 }"));
        assertEquals("(fn f () {(call g)})", sx("fn f()\n{\n  g()\n}"));
    }

    @Test
    void unionReturnTypeThenBlock() {
        assertEquals("(fn f () : i64|string {(return 1)})", sx("fn f(): i64 | string {\n  return 1\n}"));
    }

    @Test
    void nameSpanPointsAtTheName() {
        Decl.Fn f = assertInstanceOf(Decl.Fn.class, parseClean("fn  main() {}").items().get(0));
        assertEquals(5, f.nameSpan().col());
    }

    // ---------------------------------------------------------------- globals, types

    @Test
    void globals() {
        assertEquals("(global LIMIT 3)\n(global NAME : string \"x\")\n(global XS : array<i64> [1])",
                sx("global LIMIT = 3\nglobal NAME: string = \"x\"\nglobal XS<i64> = [1]"));
    }

    @Test
    void typeAliases() {
        assertEquals("(type UserId i64)\n(type Token string|i64)\n(type Pair<A,B> (A,B))",
                sx("type UserId = i64\ntype Token = string | i64\ntype Pair<A, B> = (A, B)"));
    }

    // ---------------------------------------------------------------- models, enums, roles, extend (spec 2.8)

    @Test
    void modelsWithOptionalFieldsDefaultsAndGenerics() {
        assertEquals("(model User (name string) (age? i64 = 42) (nick? string))",
                sx("model User {\n  name: string,\n  age?: i64 = 42,\n  nick?: string\n}"));
        assertEquals("(model Pair<K,V> (key K) (val V))", sx("model Pair<K, V> { key: K, val: V }"));
    }

    @Test
    void modelFieldCommasAreOptional() {
        assertEquals("(model P (a i64) (b string))", sx("model P {\n  a: i64\n  b: string\n}"));
    }

    @Test
    void enumsWithPayloadsGenericsAndTrailingComma() {
        assertEquals("(enum Color Red Green Blue)", sx("enum Color { Red, Green, Blue }"));
        assertEquals("(enum Option<T> Some(T) None)", sx("enum Option<T> {\n  Some(T),\n  None\n}"));
        assertEquals("(enum export Level Low Custom(i64))", sx("export enum Level {\n  Low,\n  Custom(i64),\n}"));
    }

    @Test
    void rolesHoldSignaturesAndOptionalBodies() {
        Program p = parseClean("role Greeter {\n  fn name(): string\n  fn greet(): string {\n    return \"hi\"\n  }\n}");
        Decl.Role r = assertInstanceOf(Decl.Role.class, p.items().get(0));
        assertNull(r.methods().get(0).body());
        assertEquals(1, r.methods().get(1).body().statements().size());
    }

    @Test
    void extendTargetsAndRoles() {
        assertEquals("(extend Dog with Speaker,Named (fn speak () : string = {\"woof\"}))",
                sx("extend Dog with Speaker, Named {\n  fn speak(): string \"woof\"\n}"));
        assertEquals("(extend number (fn isEven () : bool {(return (== (% this 2) 0))}))",
                sx("extend number {\n  fn isEven(): bool {\n    return this % 2 == 0\n  }\n}"));
        assertEquals("(extend map)\n(extend set)\n(extend array)", sx("extend map {}\nextend set {}\nextend array {}"));
    }

    @Test
    void methodsMayBeNamedMapOrSet() {
        assertEquals("(extend Box (fn set (v) {}))", sx("extend Box {\n  fn set(v) {}\n}"));
    }

    // ---------------------------------------------------------------- modules (spec 13)

    @Test
    void importForms() {
        assertEquals("(import {a b as c} \"lib.ngn\")\n(import default d \"lib.ngn\")\n(import * M \"tbx::math\")",
                sx("import { a, b as c } from \"lib.ngn\"\nimport d from \"lib.ngn\"\nimport * as M from \"tbx::math\""));
    }

    @Test
    void unusedImportFormsAreNullOrEmpty() {
        Decl.Import i = assertInstanceOf(Decl.Import.class, parseClean("import d from \"x.ngn\"").items().get(0));
        assertEquals("d", i.defaultName());
        assertNull(i.namespace());
        assertTrue(i.names().isEmpty());
    }

    @Test
    void multiLineImportList() {
        assertEquals("(import {a b} \"m.ngn\")", sx("import {\n  a,\n  b,\n} from \"m.ngn\""));
    }

    @Test
    void exportsFlagTheirDeclarations() {
        Program p = parseClean("export fn f() {}\nexport model M { a: i64 }\nexport type T = i64\nexport role R {}\nfn g() {}");
        assertTrue(assertInstanceOf(Decl.Fn.class, p.items().get(0)).exported());
        assertTrue(assertInstanceOf(Decl.Model.class, p.items().get(1)).exported());
        assertTrue(assertInstanceOf(Decl.TypeAlias.class, p.items().get(2)).exported());
        assertTrue(assertInstanceOf(Decl.Role.class, p.items().get(3)).exported());
        assertFalse(assertInstanceOf(Decl.Fn.class, p.items().get(4)).exported());
    }

    @Test
    void exportDefaultTakesAnExpression() {
        assertEquals("(export-default {fetch: handler})", sx("export default { fetch: handler }"));
        assertEquals("(export-default shout)", sx("export default shout"));
    }

    // ---------------------------------------------------------------- top-level statements

    @Test
    void topLevelStatementsRunInOrder() {
        Program p = parseClean("print(\"a\")\nfn main() {}\nif (true) print(\"b\")");
        assertInstanceOf(Stmt.ExprStmt.class, assertInstanceOf(Decl.TopLevelStmt.class, p.items().get(0)).stmt());
        assertInstanceOf(Stmt.If.class, assertInstanceOf(Decl.TopLevelStmt.class, p.items().get(2)).stmt());
    }

    // ---------------------------------------------------------------- types

    @Test
    void typeForms() {
        assertEquals("(fn f (a:fn b:fn<i64> c:fn<i64,string,bool> d:(i64,string) e:i64|string f:i64? "
                        + "g:tuple<i64,3> h:Maybe<i64> i:Result<i64,string> j:array<string>? k:() l:channel<fn<i64,void>>) {})",
                sx("fn f(a: fn, b: fn<i64>, c: fn<i64, string, bool>, d: (i64, string), e: i64 | string, f: i64?, "
                        + "g: tuple<i64, 3>, h: Maybe<i64>, i: Result<i64, string>, j: array<string>?, k: (), "
                        + "l: channel<fn<i64, void>>) {}"));
    }

    @Test
    void parenthesisedSingleTypeIsGrouping() {
        assertEquals("(fn f (a:(i64|string)?) {})", sx("fn f(a: (i64 | string)?) {}"));
    }
}
