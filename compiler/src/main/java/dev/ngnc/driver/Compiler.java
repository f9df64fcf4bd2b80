package dev.ngnc.driver;

import dev.ngnc.ast.Program;
import dev.ngnc.check.Checker;
import dev.ngnc.codegen.CodeTooLargeException;
import dev.ngnc.codegen.Emitter;
import dev.ngnc.source.Span;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.parser.Parser;
import dev.ngnc.source.SourceFile;
import dev.ngnc.tast.TProgram;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the phases (read → lex → parse → check → emit) for an entry file and the modules it imports. */
public final class Compiler {
    private Compiler() {}

    /**
     * Compiles the program rooted at {@code entry}. Problems go to {@code diagnostics};
     * returns null when there were errors (nothing must be written then).
     */
    public static CompiledProgram compile(Path entry, String displayPath, Diagnostics diagnostics) {
        return compile(entry, displayPath, diagnostics, true);
    }

    /** As above; {@code debugInfo} false leaves out the LocalVariableTables ({@code --no-debug-info}). */
    public static CompiledProgram compile(Path entry, String displayPath, Diagnostics diagnostics, boolean debugInfo) {
        SourceFile file = SourceReader.read(entry, displayPath, diagnostics);
        if (file == null) return null;
        return compile(file, diagnostics, debugInfo);
    }

    /** Compiles already-read source text (tests, tools); imports resolve against {@code file.path()}. */
    public static CompiledProgram compile(SourceFile file, Diagnostics diagnostics) {
        return compile(file, diagnostics, true);
    }

    /** As above; {@code debugInfo}: emit LocalVariableTables naming the ngn locals for JVM debuggers. */
    public static CompiledProgram compile(SourceFile file, Diagnostics diagnostics, boolean debugInfo) {
        return DeepStack.run(file, diagnostics, () -> compileHere(file, diagnostics, debugInfo));
    }

    private static CompiledProgram compileHere(SourceFile file, Diagnostics diagnostics, boolean debugInfo) {
        Checker.CheckedProgram checked = check(file, diagnostics);
        if (checked == null) return null;
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<TProgram> all = new java.util.ArrayList<>(checked.modules());
        all.add(checked.entry());
        for (TProgram module : all) {
            try {
                classes.putAll(Emitter.emit(module, debugInfo));
            } catch (CodeTooLargeException e) {
                SourceFile where = module.file() != null ? module.file() : file;
                diagnostics.error(where, e.span != null ? e.span : Span.NONE, e.getMessage(), e.hint);
                return null;
            }
        }
        return new CompiledProgram(checked.entry().mainClass(), classes);
    }

    /** Front end only ({@code ngnc check}): parse and check the program and its modules. */
    public static Checker.CheckedProgram check(SourceFile file, Diagnostics diagnostics) {
        return DeepStack.run(file, diagnostics, () -> checkHere(file, diagnostics));
    }

    private static Checker.CheckedProgram checkHere(SourceFile file, Diagnostics diagnostics) {
        Program program = Parser.parse(file, diagnostics);
        // one mistake, one error: a block left open to the end of the file leaves a tree the checker would misread
        // (the next function becomes a nested one: "no fn main", "can reach the end without returning")
        if (Parser.blockStructureBroken(diagnostics)) return null;
        Checker.CheckedProgram checked = Checker.checkAll(program, diagnostics, Compiler::loadModule);
        return diagnostics.hasErrors() ? null : checked;
    }

    /**
     * Best-effort front end for tools (the language server): parses and checks {@code file} and the modules it imports
     * through {@code source}, recording into {@code index} whatever the checker resolved, errors or not. Never null:
     * the diagnostics say what went wrong. A file without {@code fn main} or {@code export default} is checked as a
     * library (no "entry point" error), as an importer sees it; decided on the parsed tree, so a {@code main} in a
     * comment or string does not count (and no regular expression scans the text on every keystroke).
     */
    public static void checkForTools(SourceFile file, dev.ngnc.check.ModuleSource source,
                                     dev.ngnc.check.SymbolIndex index, Diagnostics diagnostics) {
        DeepStack.run(file, diagnostics, () -> {
            Program program = Parser.parse(file, diagnostics);
            return Checker.checkAll(program, diagnostics, source, index, hasEntryPoint(program));
        });
    }

    static boolean hasEntryPoint(Program program) {
        for (dev.ngnc.ast.Decl d : program.items()) {
            if (d instanceof dev.ngnc.ast.Decl.Fn f && f.name().equals("main")) return true;
            if (d instanceof dev.ngnc.ast.Decl.ExportDefault) return true;
        }
        return false;
    }

    private static Program loadModule(Path path, String displayPath, Diagnostics diagnostics) {
        SourceFile file = SourceReader.read(path, displayPath, diagnostics);
        return file == null ? null : Parser.parse(file, diagnostics);
    }
}
