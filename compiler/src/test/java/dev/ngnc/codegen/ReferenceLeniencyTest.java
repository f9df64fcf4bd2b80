package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Programs the reference accepts that an earlier ngnc rejected (issue 10): empty arrays typed by their use,
 * same-scope redeclaration with the same type (spec 4.5), emoji model and field names.
 */
class ReferenceLeniencyTest {

    @Test
    void emptyArraysOutsideADeclarationHoldAnything() throws Exception {
        var run = compileAndRun("""
                fn main() {
                  const names = state([])
                  names.update(|xs| {
                    var ys = xs
                    ys.push("a")
                    return ys
                  })
                  print(names.read())
                  for (x in []) { print(x) }
                  print("done")
                }
                """);
        assertNull(run.failure());
        assertEquals("[a]\ndone\n", run.out());
    }

    @Test
    void redeclaringWithTheSameTypeStartsANewBinding() throws Exception {
        var run = compileAndRun("""
                fn main() {
                  const mixed = { a: 1 }
                  print(mixed.a)
                  const mixed = { a: 2, b: "x" }
                  print(mixed.b)
                  const n = 1
                  const n = 2
                  print(n)
                }
                """);
        assertNull(run.failure());
        assertEquals("1\nx\n2\n", run.out());
    }

    @Test
    void emojiNamesModelsAndFields() throws Exception {
        var run = compileAndRun("""
                model 🏠 {
                  🚪: string
                  rooms: i64
                }
                fn main() {
                  const house = 🏠 { 🚪: "wooden", rooms: 3 }
                  print(house.🚪)
                  const 🍎 = 2
                  if (🍎 > 1) { print("many") }
                }
                """);
        assertNull(run.failure());
        assertEquals("wooden\nmany\n", run.out());
    }
}
