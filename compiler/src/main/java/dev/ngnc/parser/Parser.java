package dev.ngnc.parser;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Program;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.lexer.Lexer;
import dev.ngnc.lexer.Token;
import dev.ngnc.source.SourceFile;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the front end: source text to syntax tree. Syntax errors become diagnostics and
 * parsing resumes at the next statement or declaration, so one run reports several problems.
 * Never throws, whatever the input.
 *
 * <p>The work is split by construct: {@link DeclParser} (top level), {@link StmtParser},
 * {@link ExprParser}, {@link PatternParser} and {@link TypeParser}, all reading one
 * {@link TokenCursor} that also owns newline handling (spec 1.7).
 */
public final class Parser {
    private Parser() {}

    public static Program parse(SourceFile file, Diagnostics diagnostics) {
        return parseTokens(file, Lexer.lex(file, diagnostics), diagnostics);
    }

    /** Parses already-lexed tokens (which must come from {@code file}). */
    public static Program parseTokens(SourceFile file, List<Token> tokens, Diagnostics diagnostics) {
        TokenCursor cursor = new TokenCursor(file, tokens, diagnostics, false, 0);
        List<Decl> items = new ArrayList<>();
        try {
            new ParseContext(cursor).decls.parseProgram(items);
        } catch (StackOverflowError e) {
            diagnostics.error(file, cursor.peekRaw().span(), "code is nested too deeply to parse");
        } catch (RuntimeException e) {
            // Defensive: a parser bug must surface as a diagnostic, never crash the compiler.
            diagnostics.error(file, cursor.peekRaw().span(), "internal parser error: " + e);
        }
        return new Program(file, List.copyOf(items));
    }
}
