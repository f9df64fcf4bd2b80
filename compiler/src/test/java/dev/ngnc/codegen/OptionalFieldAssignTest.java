package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Assigning an optional model field ({@code nick?: string}) a plain value stores {@code Value(v)}, as a model literal
 * does; a Maybe is stored as it is. Before: a type error for a typed value, and a ClassCastException (Internal
 * error) for an untyped one, through a typed or an untyped receiver.
 */
class OptionalFieldAssignTest {

    @Test
    void plainMaybeAndUntypedValuesIntoOptionalFields() throws Exception {
        String src = """
                enum Status { Open, Closed(string) }
                model User { name: string, nick?: string, age?: i64 = 3, status?: Status = Open }
                extend User {
                  fn close(reason: string) {
                    this.status = Closed(reason)
                  }
                }
                fn setNick(u, n) {
                  var x = u
                  x.nick = n
                  return x
                }
                fn main() {
                  var u = User { name: "a" }
                  u.nick = "bob"
                  print(u.nick)
                  u.age = 5
                  print(u.age ?? 0)
                  u.nick = Value("x")
                  print(u.nick)
                  u.nick = null
                  print(u.nick)
                  u.close("dup")
                  print(u.status)
                  const j = json.parse("\\"json\\"")
                  match (j) {
                    Ok(v) => {
                      u.nick = v
                      print(u.nick)
                    },
                    Error(e) => print("e")
                  }
                  print(setNick(u, Value("z")).nick)
                  print(setNick(u, "raw").nick)
                }
                """;
        ArithmeticPropertyTest.Run run = compileAndRun(src);
        assertNull(run.failure());
        assertEquals("Maybe::Value (bob)\n5\nMaybe::Value (x)\nMaybe::Null\nMaybe::Value (Status::Closed (dup))\n"
                + "Maybe::Value (json)\nMaybe::Value (z)\nMaybe::Value (raw)\n", run.out());
    }
}
