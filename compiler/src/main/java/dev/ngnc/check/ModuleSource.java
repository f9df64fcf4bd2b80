package dev.ngnc.check;

import dev.ngnc.ast.Program;
import dev.ngnc.diag.Diagnostics;

import java.nio.file.Path;

/** Reads and parses an imported file (implemented by the driver, so the checker does no I/O itself). */
public interface ModuleSource {
    /** @return the parsed module, or null after reporting why it could not be read */
    Program load(Path path, String displayPath, Diagnostics diagnostics);
}
