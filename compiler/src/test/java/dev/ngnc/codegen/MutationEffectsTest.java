package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Which calls change their receiver, and where the change lands (issue 11 items 3 and 4): a method mutating
 * {@code this} through another method mutates too, whatever order the methods are declared in; a mutating
 * method on a parameter's field, an array element or a captured copy changes only that copy.
 */
class MutationEffectsTest {

    @Test
    void aMethodCallingAMutatingMethodOnThisMutatesItsReceiver() throws Exception {
        var run = compileAndRun("""
                model M { name: string, n: i64 }
                extend M {
                  fn renameThrice(s: string) { this.renameTwice(s) }
                  fn renameTwice(s: string) {
                    this.rename(s)
                    this.rename("${this.name}!")
                  }
                  fn rename(s: string) {
                    this.name = s
                    this.n = this.n + 1
                  }
                }
                fn main() {
                  var m = M { name: "a", n: 0 }
                  m.renameTwice("b")
                  print("${m.name} ${m.n}")
                  m.renameThrice("c")
                  print("${m.name} ${m.n}")
                }
                """);
        assertNull(run.failure());
        assertEquals("b! 2\nc! 4\n", run.out());
    }

    @Test
    void mutatingMethodsOnCopiesLeaveTheOriginalAlone() throws Exception {
        var run = compileAndRun("""
                model B { s: array<i64>, t: string }
                fn cut(b: B): array<i64> {
                  var mine = b
                  return mine.s.slice(0, 2)
                }
                fn main() {
                  const b = B { s: [1, 2, 3, 4, 5], t: "x" }
                  print(cut(b))
                  print(b.s)
                  print(cut(b))
                  var rows = [[1, 2], [3]]
                  var first = rows[0]
                  first.push(9)
                  print(rows)
                  print(first)
                  var base = [7]
                  const grow = || {
                    var local = base
                    local.push(8)
                    return local
                  }
                  print(grow())
                  print(base)
                }
                """);
        assertNull(run.failure());
        assertEquals("[1, 2]\n[1, 2, 3, 4, 5]\n[1, 2]\n[[1, 2], [3]]\n[1, 2, 9]\n[7, 8]\n[7]\n", run.out());
    }

    @Test
    void untypedPlacesHoldingModelsWriteTheirFieldsAndKeepValueSemantics() throws Exception {
        var run = compileAndRun("""
                model Box { items: array<i64>, label: string, n: i64 }
                fn grow(b) {
                  var mine = b
                  mine.items.push(4)
                  mine.label = "grown"
                  mine.n = mine.n + 1
                  return mine
                }
                fn main() {
                  const b = Box { items: [1, 2, 3], label: "orig", n: 1 }
                  const g = grow(b)
                  print(g)
                  print(b)
                  var m = grow(b)
                  m.missing = 1
                }
                """);
        assertEquals("Box {items: [1, 2, 3, 4], label: grown, n: 2}\nBox {items: [1, 2, 3], label: orig, n: 1}\n",
                run.out());
        assertEquals("Runtime Error: Field 'missing' not found in object", run.failure());
    }
}
