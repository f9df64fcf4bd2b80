package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A closure inside an extend method reads {@code this}: a snapshot taken when the closure is created, like any other
 * capture (spec 4.1), also through closures nested in closures and on the untyped path. Changing the receiver from a
 * closure is an error (golden diagnostics {@code this_in_closures}).
 */
class ClosureThisTest {

    @Test
    void closuresInMethodsCaptureThis() throws Exception {
        String src = """
                model Counter {
                  label: string,
                  n: i64
                }

                extend Counter {
                  fn bumper(step: i64 = 1): fn<i64> {
                    return || this.n + step
                  }
                  fn labels(): array<string> {
                    var out: array<string> = []
                    const mk = |i: i64| "${this.label}#${i}"
                    for (i in 1..this.n) out.push(mk(i))
                    return out
                  }
                  fn deep(): fn<fn<string>> {
                    return || || "${this.label}!"
                  }
                  fn sumWith(extra): i64 {
                    const total = state(0)
                    [1, 2].each(|x| total.update(|t| t + x + extra + this.n))
                    return total.read()
                  }
                }

                fn main() {
                  var c = Counter { label: "c", n: 3 }
                  const b = c.bumper()
                  const b5 = c.bumper(5)
                  const d = c.deep()
                  const d2 = d()
                  c.n = 100
                  c.label = "changed"
                  print(b())
                  print(b5())
                  print(d2())
                  c.n = 2
                  print(c.labels())
                  print(c.sumWith(10))
                }
                """;
        assertEquals("4\n8\nc!\n[changed#1, changed#2]\n27\n", compileAndRun(src).out());
    }
}
