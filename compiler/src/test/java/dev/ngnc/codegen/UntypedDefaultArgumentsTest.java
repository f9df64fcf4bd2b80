package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A user method called on an untyped receiver completes omitted optional and default arguments and wraps given
 * optional ones in {@code Value(…)}, as the typed call does (before: {@code Cannot call method 'shout' on String}
 * when an argument was left out, {@code expected Enum, got String} for a given optional one); a method changing its
 * receiver still changes it when arguments were left out.
 */
class UntypedDefaultArgumentsTest {

    @Test
    void omittedAndOptionalArgumentsOnUntypedReceivers() throws Exception {
        String src = """
                extend string {
                  fn shout(times: i64 = 1, mark?: string): string {
                    return this.upper().repeat(times) + (mark ?? "!")
                  }
                }
                extend array {
                  fn total(start: i64 = 0): i64 {
                    var t = start
                    for (x in this) t = t + x
                    return t
                  }
                }
                fn viaAny(s, a) {
                  print(s.shout())
                  print(s.shout(2))
                  print(s.shout(2, "?"))
                  print(a.total())
                  print(a.total(100))
                }
                fn main() {
                  viaAny("hi", [1, 2, 3])
                  const j = json.parse("{\\"s\\": \\"yo\\"}")
                  check j? { return }
                  print(j.s.shout())
                }
                """;
        assertEquals("HI!\nHIHI!\nHIHI?\n6\n106\nYO!\n", compileAndRun(src).out());
    }

    @Test
    void mutatingMethodsWithOmittedArgumentsStick() throws Exception {
        String src = """
                model Dog { name: string, tricks: array<string> }
                extend Dog {
                  fn rename(n: string = "rex", note?: string) {
                    this.name = n + (note ?? "")
                  }
                  fn learn(t: string = "sit") {
                    this.tricks.push(t)
                  }
                }
                fn train(d) {
                  var x = d
                  x.rename()
                  x.learn()
                  x.learn("roll")
                  print(x)
                  x.rename("max", "!")
                  return x
                }
                fn main() {
                  const d = Dog { name: "a", tricks: [] }
                  print(train(d))
                  print(d)
                }
                """;
        assertEquals("Dog {name: rex, tricks: [sit, roll]}\nDog {name: max!, tricks: [sit, roll]}\n"
                + "Dog {name: a, tricks: []}\n", compileAndRun(src).out());
    }
}
