package dev.ngnc.codegen;

import dev.ngnc.diag.DiagnosticRenderer;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parameter and model-field defaults mean what they mean where they are declared (issue 11 item 1): a default
 * naming a global reads the declaring module's global, whatever the caller calls its own locals, and imported
 * functions and models complete omitted arguments and fields with their own defaults.
 */
class DefaultsScopeTest {
    @TempDir Path dir;

    @Test
    void aDefaultNamingAGlobalIgnoresACallersLocalOfTheSameName() throws Exception {
        var run = compileAndRun("""
                global N = 5
                model P { x?: i64 = N, y: i64 = N * 2 }
                fn f(a: i64 = N): i64 { return a }
                extend P {
                  fn plus(k: i64 = N): i64 { return this.y + k }
                }
                fn main() {
                  const N = 7
                  const p = P {}
                  print(p.x)
                  print(p.y)
                  print(f())
                  print(f(N))
                  print(p.plus())
                }
                """);
        assertNull(run.failure());
        assertEquals("Maybe::Value (5)\n10\n5\n7\n15\n", run.out());
    }

    private String runModules(String lib, String main) throws Exception {
        Files.writeString(dir.resolve("lib.ngn"), lib);
        Path entry = dir.resolve("main.ngn");
        Files.writeString(entry, main);
        Diagnostics d = new Diagnostics();
        CompiledProgram p = Compiler.compile(entry, "main.ngn", d);
        if (p == null) {
            return "compile errors:\n" + d.all().stream().map(DiagnosticRenderer::render).collect(Collectors.joining());
        }
        Harness.verify(p.classes());
        var run = ArithmeticPropertyTest.runInProcess(p.classes(), p.mainClass());
        return run.out() + (run.failure() == null ? "" : "[failure] " + run.failure());
    }

    @Test
    void importedFunctionsAndModelsCompleteArgumentsWithTheirOwnDefaults() throws Exception {
        String out = runModules("""
                global K = 3
                export fn g(a: i64 = K, label?: string): string {
                  return "${label ?? "g"}=${a * 10}"
                }
                export model Q { y?: i64 = K + 1, z: string = "zed" }
                """, """
                import { g, Q } from "./lib.ngn"
                fn main() {
                  const K = 100
                  print(g())
                  print(g(2))
                  print(g(2, "two"))
                  const q = Q {}
                  print(q.y)
                  print(q.z)
                }
                """);
        assertEquals("g=30\ng=20\ntwo=20\nMaybe::Value (4)\nzed\n", out);
    }

    @Test
    void aBadDefaultInAnImportedModuleIsReportedOnceInItsOwnFile() throws Exception {
        String out = runModules("""
                export model R { w: i64 = "nope" }
                export fn h(a: i64 = missing) { print(a) }
                """, """
                import { h } from "./lib.ngn"
                fn main() {
                  h()
                  h()
                }
                """);
        assertTrue(out.startsWith("compile errors:\n"), out);
        assertTrue(out.contains("lib.ngn:1:27: error: Default value mismatch. Expected i64, got string [Type Error]"), out);
        assertTrue(out.contains("lib.ngn:2:22: error: Undefined variable 'missing'"), out);
        assertEquals(2, out.split(": error: ", -1).length - 1, "each default is checked once, where declared:\n" + out);
    }

    @Test
    void defaultsOfAnUnusedFunctionAreStillChecked() throws IOException {
        Diagnostics d = new Diagnostics();
        CompiledProgram p = Compiler.compile(new dev.ngnc.source.SourceFile("main.ngn", Path.of("main.ngn"), """
                fn unused(a: i64 = "x") { print(a) }
                fn main() { print(1) }
                """), d);
        assertNull(p);
        assertEquals(1, d.all().size(), d.all().toString());
        assertTrue(d.all().get(0).message().contains("Default value mismatch"), d.all().get(0).message());
    }
}
