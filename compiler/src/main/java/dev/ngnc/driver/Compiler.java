package dev.ngnc.driver;

import dev.ngnc.ast.Program;
import dev.ngnc.check.Checker;
import dev.ngnc.codegen.Emitter;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.parser.Parser;
import dev.ngnc.source.SourceFile;
import dev.ngnc.tast.TProgram;

import java.nio.file.Path;
import java.util.Map;

/** Runs the phases (read → lex → parse → check → emit) for one entry file. */
public final class Compiler {
    private Compiler() {}

    /**
     * Compiles the program rooted at {@code entry}. Problems go to {@code diagnostics};
     * returns null when there were errors (nothing must be written then).
     */
    public static CompiledProgram compile(Path entry, String displayPath, Diagnostics diagnostics) {
        SourceFile file = SourceReader.read(entry, displayPath, diagnostics);
        if (file == null) return null;
        return compile(file, diagnostics);
    }

    /** Compiles already-read source text (tests, tools). */
    public static CompiledProgram compile(SourceFile file, Diagnostics diagnostics) {
        TProgram checked = check(file, diagnostics);
        if (checked == null) return null;
        Map<String, byte[]> classes = Emitter.emit(checked);
        return new CompiledProgram(checked.mainClass(), classes);
    }

    /** Front end only ({@code ngnc check}): parse and check, reporting into {@code diagnostics}. */
    public static TProgram check(SourceFile file, Diagnostics diagnostics) {
        Program program = Parser.parse(file, diagnostics);
        TProgram checked = Checker.check(program, diagnostics);
        return diagnostics.hasErrors() ? null : checked;
    }
}
