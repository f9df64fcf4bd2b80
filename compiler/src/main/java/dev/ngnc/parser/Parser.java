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
        Diagnostics lexed = new Diagnostics();
        List<Token> tokens = Lexer.lex(file, lexed);
        Diagnostics parsed = new Diagnostics();
        Program program = parseTokens(file, tokens, parsed);
        lexed.all().forEach(diagnostics::add);
        int swallowedFrom = unterminatedStringStart(lexed);
        for (var d : parsed.all()) {
            // one mistake, one error: an unterminated string swallows the rest of the file, so what the parser then
            // misses (closing brackets "found end of file", anything after the string) is not reported again
            boolean cascade = swallowedFrom >= 0 && (d.span() == null || d.span().start() >= swallowedFrom
                    || d.message().contains("found end of file"));
            if (!cascade) diagnostics.add(d);
        }
        return program;
    }

    /** Offset where the first unterminated string starts, or -1. */
    private static int unterminatedStringStart(Diagnostics lexed) {
        for (var d : lexed.all()) {
            if (d.message().startsWith("Unterminated string") && d.span() != null) return d.span().start();
        }
        return -1;
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
