package dev.ngnc.parser;

import dev.ngnc.lexer.Token;

import java.util.List;

/**
 * Wires the four cooperating parsers to one {@link TokenCursor}. A string interpolation gets its
 * own context over its nested token list (see {@link #forInterpolation}).
 */
final class ParseContext {
    final TokenCursor cursor;
    final ExprParser exprs;
    final StmtParser stmts;
    final TypeParser types;
    final DeclParser decls;
    final PatternParser patterns;

    ParseContext(TokenCursor cursor) {
        this.cursor = cursor;
        this.types = new TypeParser(this);
        this.exprs = new ExprParser(this);
        this.stmts = new StmtParser(this);
        this.decls = new DeclParser(this);
        this.patterns = new PatternParser(this);
    }

    /** A context for the tokens of one {@code ${…}}: newlines there never end anything. */
    ParseContext forInterpolation(List<Token> tokens) {
        TokenCursor sub = new TokenCursor(cursor.file(), tokens, cursor.diagnostics(), true, cursor.nesting());
        return new ParseContext(sub);
    }
}
