package dev.ngnc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.source.SourceFile;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The one pass over a program's constant pools that decides which optional runtime parts it needs (a server model's
 * runtime-http: NetProgramsTest.programsWithoutServerDoNotBundleIt).
 */
class RuntimeUseTest {
    private static RuntimeUse uses(String source) {
        Diagnostics d = new Diagnostics();
        CompiledProgram p = Compiler.compile(new SourceFile("main.ngn", Path.of("main.ngn"), source), d);
        assertFalse(d.hasErrors(), () -> d.all().toString());
        return p.uses();
    }

    @Test
    void helloNeedsNothingOptional() {
        assertEquals(new RuntimeUse(false, false, false, false, false), uses("fn main() {\n  print(\"hi\")\n}\n"));
    }

    @Test
    void jsonAndRegexAreFoundInTheSamePass() {
        assertEquals(new RuntimeUse(false, false, true, true, false),
                uses("fn main() {\n  print(json.stringify({ a: \"a1b22\".replace(/[0-9]+/g, \"#\") }))\n}\n"));
    }

    @Test
    void tbxLlmNeedsRuntimeLlm() {
        RuntimeUse u = uses("""
                import { load } from "tbx::llm"
                fn main() {
                  match (load("./none.gguf")) {
                    Ok(m) => print("loaded"),
                    Error(e) => print(e)
                  }
                }
                """);
        assertTrue(u.llm());
        assertFalse(u.http());
    }

    @Test
    void bytesThatAreNoClassFileNameNothing() {
        assertEquals(new RuntimeUse(false, false, false, false, false),
                new CompiledProgram("ngn/Broken", Map.of("ngn/Broken", new byte[] {1, 2, 3})).uses());
    }
}
