package dev.ngnc.codegen;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;
import dev.ngnc.source.SourceFile;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated programs past the JVM's class-file limits (issue 11 item 9): each either compiles and runs, or is one
 * positioned diagnostic with a hint — never an internal error, an ASM exception or a ClassFormatError at load.
 * The compiler runs on a deep stack of its own, so these pass on the small stack of a test thread too.
 */
class GeneratedProgramLimitsTest {

    private static Diagnostic onlyError(String src) {
        Diagnostics d = new Diagnostics();
        CompiledProgram p = Compiler.compile(new SourceFile("main.ngn", Path.of("main.ngn"), src), d);
        assertNull(p, "nothing to run for a program past the limits");
        // warnings (70,000 unused locals) are not the point here: the one error is
        List<Diagnostic> all = d.all().stream().filter(x -> x.severity() == dev.ngnc.diag.Severity.ERROR).toList();
        assertEquals(1, all.size(), all.size() > 5 ? all.size() + " errors, first " + all.get(0) : all.toString());
        assertNotNull(all.get(0).hint(), all.get(0).toString());
        return all.get(0);
    }

    @Test
    void aSumOfTwentyThousandTermsCompilesOnAnyStack() throws Exception {
        StringBuilder sum = new StringBuilder("x");
        for (int i = 1; i < 20_000; i++) sum.append(" + x");
        var run = compileAndRun("fn main() {\n  var x = 1\n  print(" + sum + ")\n}\n");
        assertNull(run.failure());
        assertEquals("20000\n", run.out());
    }

    @Test
    void stringLiteralsOverSixtyFourKilobytesAreSplitIntoConstants() throws Exception {
        String ascii = "ab".repeat(40_000);
        String wide = "é€".repeat(20_000); // 2 and 3 bytes each in a class-file constant: 100 KB
        var run = compileAndRun("fn main() {\n  const s = \"" + ascii + "\"\n  const w = \"" + wide + "\"\n"
                + "  print(s.length())\n  print(w.length())\n  print(\"${s}|${w}\".length())\n"
                + "  print(w.ends(\"é€\") && w.starts(\"é€é\"))\n}\n");
        assertNull(run.failure());
        // length() counts UTF-8 bytes (spec): 2 + 3 per pair
        assertEquals("80000\n100000\n180001\ntrue\n", run.out());
    }

    @Test
    void tooManyParameterSlotsIsAPositionedError() {
        StringBuilder params = new StringBuilder();
        StringBuilder args = new StringBuilder();
        for (int i = 0; i < 128; i++) {
            params.append(i == 0 ? "" : ", ").append("p").append(i).append(": i64");
            args.append(i == 0 ? "" : ", ").append(i);
        }
        Diagnostic e = onlyError("fn f(" + params + "): i64 { return p0 }\nfn main() { print(f(" + args + ")) }\n");
        assertEquals(1, e.span().line());
        assertEquals(4, e.span().col());
        assertTrue(e.message().contains("function 'f' has too many parameters for the JVM (256 slots of 255"), e.message());
    }

    @Test
    void aClassOfTooManyFunctionsIsADiagnostic() {
        StringBuilder src = new StringBuilder();
        for (int i = 0; i < 70_000; i++) src.append("fn f").append(i).append("(): i64 { return ").append(i).append(" }\n");
        src.append("fn main() { print(f0()) }\n");
        Diagnostic e = onlyError(src.toString());
        assertTrue(e.message().contains("too large for the JVM"), e.message());
    }

    @Test
    void seventyThousandLocalsAreADiagnosticNotAnOutOfMemoryError() {
        StringBuilder src = new StringBuilder("fn main() {\n");
        for (int i = 0; i < 70_000; i++) src.append("  const v").append(i).append(" = ").append(100_000 + i).append('\n');
        src.append("  print(v0 + v69999)\n}\n");
        Diagnostic e = onlyError(src.toString());
        assertTrue(e.message().contains("too large for the JVM"), e.message());
    }

    @Test
    void anEnumOfManyVariantsChecksAndRuns() throws Exception {
        StringBuilder variants = new StringBuilder();
        for (int i = 0; i < 20_000; i++) variants.append(i == 0 ? "" : ", ").append("V").append(i);
        var run = compileAndRun("enum E { " + variants + " }\nfn main() {\n  const e = E::V19999\n"
                + "  match (e) {\n    E::V0 => print(\"first\"),\n    E::V19999 => print(\"last\"),\n    _ => print(\"other\"),\n  }\n}\n");
        assertNull(run.failure());
        assertEquals("last\n", run.out());
    }
}
