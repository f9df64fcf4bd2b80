package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Methods of an {@code extend} of a generic model may name the model's type parameters ({@code T} of
 * {@code model Stack<T>}, or the names written in {@code extend Stack<U>}) in their signatures and bodies; there
 * they stand for untyped values, as {@code this} is a {@code Stack<any>} (generics have no run-time effect).
 */
class GenericModelMethodsTest {

    @Test
    void stackMethodsNameTheModelsTypeParameter() throws Exception {
        String src = """
                model Stack<T> {
                  items: array<T>
                }

                extend Stack {
                  fn push(x: T) {
                    this.items.push(x)
                  }
                  fn pop(): T? {
                    if (this.items.size() == 0) return null
                    return Value(this.items.pop())
                  }
                  fn size(): i64 {
                    return this.items.size()
                  }
                }

                fn main() {
                  var s = Stack { items: [1, 2] }
                  s.push(3)
                  print(s.size())
                  print(s.pop())
                  var names: Stack<string> = Stack { items: [] }
                  names.push("x")
                  const top = names.pop() ?? "none"
                  print(top.upper())
                  print(names.pop())
                }
                """;
        assertEquals("3\nMaybe::Value (3)\nX\nMaybe::Null\n", compileAndRun(src).out());
    }

    @Test
    void extendMayNameItsOwnTypeParameters() throws Exception {
        String src = """
                model Box<T> {
                  value: T
                }

                extend Box<U> {
                  fn map(f: fn<U, U>): Box<U> {
                    return Box { value: f(this.value) }
                  }
                  fn both(other: U): array<U> {
                    var out: array<U> = []
                    out.push(this.value)
                    out.push(other)
                    return out
                  }
                }

                fn main() {
                  const b = Box { value: 20 }
                  print(b.map(|x| x + 1).value)
                  print(b.both(5))
                  const s = Box { value: "a" }
                  print(s.map(|x| x + "b").value)
                }
                """;
        assertEquals("21\n[20, 5]\nab\n", compileAndRun(src).out());
    }
}
