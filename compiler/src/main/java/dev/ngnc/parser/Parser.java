package dev.ngnc.parser;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Program;
import dev.ngnc.diag.Diagnostic;
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
            if (!cascade) diagnostics.add(betterUnclosedBrace(file, tokens, d));
        }
        return program;
    }

    static final String UNCLOSED_AT_END = "expected '}' to close this block, found end of file";
    static final String NEVER_CLOSED = "this '{' is never closed";

    /** The end-of-file "unclosed block" error moved to the brace indentation says was left open ({@link UnclosedBrace}). */
    private static Diagnostic betterUnclosedBrace(SourceFile file, List<Token> tokens, Diagnostic d) {
        if (!d.message().equals(UNCLOSED_AT_END)) return d;
        UnclosedBrace.Guess guess = UnclosedBrace.find(file, tokens);
        if (guess == null) return d;
        if (guess.brace().equals(d.span())) {
            return d.withHint("add '}' before line " + guess.closeBeforeLine() + ", which is indented like the line of this '{'");
        }
        return new Diagnostic(d.severity(), file, guess.brace(), NEVER_CLOSED,
                "add '}' before line " + guess.closeBeforeLine() + ", which is indented like the line of this '{'"
                        + " (a later '}' closes it instead, so the file ends with a block still open)");
    }

    /** Did parsing end inside an open block or string, so that everything after the mistake parsed into it? */
    public static boolean blockStructureBroken(Diagnostics diagnostics) {
        for (Diagnostic d : diagnostics.all()) {
            if (d.severity() == dev.ngnc.diag.Severity.ERROR && (d.message().equals(UNCLOSED_AT_END)
                    || d.message().equals(NEVER_CLOSED) || d.message().startsWith("Unterminated string"))) {
                return true;
            }
        }
        return false;
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
