package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Methods called on values whose static type is unknown (untyped parameters, json.parse results) dispatch on the
 * run-time kind through the program's generated dyn$name$argc dispatchers (issue 10 item 1); every class still
 * passes CheckClassAdapter (compileAndRun verifies).
 */
class UntypedMethodCallTest {

    @Test
    void builtinMethodsOnJsonValuesAndUntypedParametersDispatchOnTheRunTimeKind() throws Exception {
        var run = compileAndRun("""
                fn count(xs): i64 {
                  return xs.size()
                }
                fn main() {
                  const p = json.parse("{\\"a\\": [1,2,3], \\"s\\": \\"hey\\"}")
                  check p? { return }
                  print(p.a.size())
                  print(p.s.upper())
                  print(count([1, 2]))
                  var m = map<string, i64>()
                  m.set("k", 1)
                  print(count(m))
                  print(count("four"))
                }
                """);
        assertEquals("3\nHEY\n2\n1\n", run.out());
        // strings have length(), not size(): the same call site reports the kind it got
        assertTrue(run.failure() != null && run.failure().contains("Cannot call method 'size' on String"),
                run.failure());
    }

    @Test
    void oneCallSiteServesSeveralKinds() throws Exception {
        var run = compileAndRun("""
                fn has(x, y): bool {
                  return x.includes(y)
                }
                fn main() {
                  print(has("hello", "ell"))
                  print(has((1, "two", 3), 4))
                  print(has((1, "two", 3), "two"))
                }
                """);
        assertNull(run.failure());
        assertEquals("true\nfalse\ntrue\n", run.out());
    }

    @Test
    void extendMethodsAreReachedThroughAnUntypedParameter() throws Exception {
        var run = compileAndRun("""
                model User { name: string }
                extend User {
                  fn greet(): string { return "hi " + this.name }
                }
                fn hello(u): string {
                  return u.greet()
                }
                fn main() {
                  print(hello(User { name: "ada" }))
                }
                """);
        assertNull(run.failure());
        assertEquals("hi ada\n", run.out());
    }

    @Test
    void aMethodTheRunTimeKindLacksIsARunTimeError() throws Exception {
        var run = compileAndRun("""
                fn f(x) {
                  print(x.nope())
                }
                fn main() {
                  f(5)
                }
                """);
        assertEquals("", run.out());
        assertTrue(run.failure() != null && run.failure().contains("Cannot call method 'nope' on"), run.failure());
    }

    @Test
    void mutatingMethodsChangeTheUntypedPlaceAndNoAliasOfIt() throws Exception {
        var run = compileAndRun("""
                fn main() {
                  const p = json.parse("{\\"a\\": [1,2,3], \\"m\\": {\\"k\\": [1]}}")
                  check p? { return }
                  var a = p.a
                  var b = a
                  b.push(9)
                  print(a)
                  print(b.pop())
                  print(b)
                  var o = p.m
                  o.k.push(2)
                  print(o)
                  print(p.m)
                }
                """);
        assertNull(run.failure());
        assertEquals("[1, 2, 3]\n9\n[1, 2, 3]\n{k: [1, 2]}\n{k: [1]}\n", run.out());
    }

    @Test
    void sliceOnAnUntypedStringTakesThePrefixAndLeavesTheRest() throws Exception {
        var run = compileAndRun("""
                fn main() {
                  const p = json.parse("{\\"s\\": \\"hello world\\"}")
                  check p? { return }
                  var s = p.s
                  print(s.slice(0, 5))
                  print(s)
                  print(s + "!")
                }
                """);
        assertNull(run.failure());
        assertEquals("hello\n world\n world!\n", run.out());
    }

    @Test
    void mutatingExtendMethodsReachedThroughAnUntypedParameterKeepValueSemantics() throws Exception {
        var run = compileAndRun("""
                model Box { items: array<i64> }
                extend Box {
                  fn add(n: i64) { this.items.push(n) }
                }
                fn grow(b) {
                  var x = b
                  x.add(5)
                  return x
                }
                fn main() {
                  const bx = Box { items: [1] }
                  print(grow(bx).items)
                  print(bx.items)
                }
                """);
        assertNull(run.failure());
        assertEquals("[1, 5]\n[1]\n", run.out());
    }

    @Test
    void roleMethodsThatNeverReadThisDispatchOnTheModel() throws Exception {
        var run = compileAndRun("""
                role Speaker { fn speak(): string }
                model Dog { name: string }
                model Cat { name: string }
                extend Dog with Speaker { fn speak(): string { return "woof ${this.name}" } }
                extend Cat with Speaker { fn speak(): string { return "meow" } }
                fn talk(s): string { return s.speak() }
                fn main() {
                  print(talk(Dog { name: "d" }))
                  print(talk(Cat { name: "c" }))
                  print(talk("not a speaker"))
                }
                """);
        assertEquals("woof d\nmeow\n", run.out());
        assertTrue(run.failure() != null && run.failure().contains("Cannot call method 'speak' on String"),
                run.failure());
    }
}
