package dev.ngnc.fmt;

import dev.ngnc.source.SourceFile;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-written messy inputs and the exact canonical text they format to. */
class FormatterGoldenTest {

    private static String fmt(String src) {
        FormatResult r = Formatter.format(new SourceFile("t.ngn", Path.of("t.ngn"), src));
        assertTrue(r.ok(), () -> "did not format: " + r.diagnostics());
        return r.text();
    }

    @Test
    void spacesIndentationAndBlocksBecomeCanonical() {
        String messy = """
                // header
                fn   add(a:i64,b:i64):i64 a+b
                fn main(){
                  const xs=[1,2,3]   // trailing
                    var total=0



                  for(x in xs){total+=x*2}
                  if (total>3) { print("big ${total+1}") } : { print('small') }
                  /* block */
                  match (total) {
                  1|2=>print("one")
                  _ => { print("other") }
                  }
                }
                """;
        String expected = """
                // header
                fn add(a: i64, b: i64): i64 a + b

                fn main() {
                    const xs = [1, 2, 3] // trailing
                    var total = 0

                    for (x in xs) {
                        total += x * 2
                    }
                    if (total > 3) {
                        print("big ${total + 1}")
                    } : {
                        print('small')
                    }
                    /* block */
                    match (total) {
                        1 | 2 => print("one")
                        _ => {
                            print("other")
                        }
                    }
                }
                """;
        assertEquals(expected, fmt(messy));
        assertEquals(expected, fmt(expected));
    }

    @Test
    void parenthesesAreKeptExactlyWhereThePrecedenceNeedsThem() {
        // the base of ** is a unary operand in ngn: (-2) ** 2 needs no parentheses, -(2 ** 2) does
        assertEquals("fn main() {\n    print((1 + 2) * 3 - (4 - 5) + 2 ** 3 ** 2)\n    print(-2 ** 2)\n    print(-(2 ** 2))\n}\n",
                fmt("fn main() { print(((1+2))*3-(4-5)+(2**(3**2)))\n print((-2)**2)\n print(-(2**2)) }"));
    }

    @Test
    void declarationsAreSetApartAndModelsListOneFieldPerLine() {
        String messy = "model Point{x:i64,y:i64}\nenum Color{Red,Green,Blue}\nenum Shape{Circle(f64),Dot}\n"
                + "fn main(){const p=Point{x:1,y:2}\nprint(p.x)}\n";
        String expected = """
                model Point {
                    x: i64,
                    y: i64
                }

                enum Color { Red, Green, Blue }

                enum Shape {
                    Circle(f64),
                    Dot
                }

                fn main() {
                    const p = Point { x: 1, y: 2 }
                    print(p.x)
                }
                """;
        assertEquals(expected, fmt(messy));
    }

    @Test
    void longArgumentListsBreakOnePerLine() {
        String arg = "\"" + "a".repeat(40) + "\"";
        String out = fmt("fn main() { print(" + arg + ", " + arg + ", " + arg + ") }\n");
        assertEquals("fn main() {\n    print(\n        " + arg + ",\n        " + arg + ",\n        " + arg + "\n    )\n}\n", out);
    }

    @Test
    void aFileThatDoesNotParseIsRefusedWithItsDiagnostic() {
        FormatResult r = Formatter.format(new SourceFile("bad.ngn", Path.of("bad.ngn"), "fn main() {\n  print(1\n}\n"));
        assertFalse(r.ok());
        assertTrue(dev.ngnc.diag.DiagnosticRenderer.render(r.diagnostics().get(0)).startsWith("bad.ngn:2:10: error:"));
    }
}
