package dev.ngnc.parser;

import dev.ngnc.ast.TypeExpr;
import dev.ngnc.lexer.Token;
import dev.ngnc.lexer.TokenKind;
import dev.ngnc.source.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Types as written in source:
 * <pre>
 *   type      := optional ('|' optional)*
 *   optional  := primary '?'*
 *   primary   := 'fn' typeArgs? | '(' types? ')' | name typeArgs?
 *   typeArgs  := '<' (type | INT) (',' (type | INT))* '>'
 * </pre>
 * Parenthesised single types are grouping, {@code (A, B)} is a tuple type and {@code ()} the empty tuple.
 */
final class TypeParser {
    private final ParseContext ctx;
    private final TokenCursor c;

    TypeParser(ParseContext ctx) {
        this.ctx = ctx;
        this.c = ctx.cursor;
    }

    /** A full type, unions included. */
    TypeExpr parseType() {
        TypeExpr first = parseNoUnion();
        if (!c.at(TokenKind.PIPE)) return first;
        List<TypeExpr> members = new ArrayList<>();
        members.add(first);
        while (c.accept(TokenKind.PIPE)) members.add(parseNoUnion());
        return new TypeExpr.Union(List.copyOf(members), c.spanFrom(first.span()));
    }

    /**
     * A type without a top-level union: closure parameters and closure return types use this, since
     * there a '|' closes the parameter list.
     */
    TypeExpr parseNoUnion() {
        TypeExpr t = parsePrimary();
        while (c.at(TokenKind.QUESTION)) {
            c.advance();
            t = new TypeExpr.Optional(t, c.spanFrom(t.span()));
        }
        return t;
    }

    /** A named, function or tuple type with no trailing '?' or '|' (the target of {@code extend}). */
    TypeExpr parsePrimary() {
        c.enter();
        try {
            Token t = c.peek();
            switch (t.kind()) {
                case FN -> {
                    c.advance();
                    List<TypeExpr> args = c.at(TokenKind.LT) ? parseTypeArgs() : List.of();
                    return new TypeExpr.Fn(args, c.spanFrom(t.span()));
                }
                case LPAREN -> {
                    return parseParenthesized();
                }
                case IDENT, BYTES, MAP, SET, CHANNEL, STATE -> {
                    c.advance();
                    List<TypeExpr> args = c.at(TokenKind.LT) ? parseTypeArgs() : List.of();
                    return new TypeExpr.Named(t.text(), args, c.spanFrom(t.span()));
                }
                default -> throw c.errorExpected("a type");
            }
        } finally {
            c.exit();
        }
    }

    private TypeExpr parseParenthesized() {
        Span start = c.advance().span();
        c.pushMode(true);
        List<TypeExpr> elements = new ArrayList<>();
        boolean sawComma = false;
        while (!c.at(TokenKind.RPAREN)) {
            elements.add(parseType());
            if (!c.accept(TokenKind.COMMA)) break;
            sawComma = true;
        }
        c.expectClosing(TokenKind.RPAREN, "to close the tuple type");
        c.popMode();
        if (elements.size() == 1 && !sawComma) return elements.get(0);
        return new TypeExpr.Tuple(List.copyOf(elements), c.spanFrom(start));
    }

    /** {@code <A, B, 3>}; the cursor is at '<'. */
    List<TypeExpr> parseTypeArgs() {
        c.expect(TokenKind.LT, "to open type arguments");
        c.pushMode(true);
        List<TypeExpr> args = new ArrayList<>();
        do {
            if (c.at(TokenKind.GT) || c.at(TokenKind.GT_EQ)) break;
            Token t = c.peek();
            if (t.is(TokenKind.INT)) {
                c.advance();
                args.add(new TypeExpr.Count(t.intValue(), t.span()));
            } else {
                args.add(parseType());
            }
        } while (c.accept(TokenKind.COMMA));
        expectCloseAngle();
        c.popMode();
        return List.copyOf(args);
    }

    /** Consumes the '>' that closes type arguments, splitting a '>=' when an '=' follows directly. */
    void expectCloseAngle() {
        c.splitGreaterEquals();
        c.expect(TokenKind.GT, "to close type arguments");
    }

    /** {@code <T, U>} after a model/enum/type name; the cursor is at '<'. */
    List<String> parseTypeParams() {
        c.expect(TokenKind.LT, "to open type parameters");
        c.pushMode(true);
        List<String> names = new ArrayList<>();
        do {
            if (c.at(TokenKind.GT)) break;
            names.add(c.expect(TokenKind.IDENT, "as a type parameter name").text());
        } while (c.accept(TokenKind.COMMA));
        expectCloseAngle();
        c.popMode();
        return List.copyOf(names);
    }

    /**
     * Whether the '<' at the cursor opens type arguments of a call or model literal
     * ({@code channel<T>()}, {@code Box<i64> { … }}) rather than a comparison: scans ahead for a
     * balanced {@code <…>} made only of type tokens, followed by '(' (or '{' when {@code braceOk}).
     */
    boolean looksLikeTypeArgs(boolean braceOk) {
        if (!c.peek().is(TokenKind.LT)) return false;
        int depth = 0;
        for (int i = c.position(); i < c.size(); i++) {
            TokenKind k = c.tokenAt(i).kind();
            switch (k) {
                case LT -> depth++;
                case GT -> {
                    if (--depth == 0) {
                        TokenKind after = c.tokenAt(i + 1).kind();
                        return after == TokenKind.LPAREN || (braceOk && after == TokenKind.LBRACE);
                    }
                }
                case IDENT, COMMA, QUESTION, PIPE, LPAREN, RPAREN, INT, FN, MAP, SET, CHANNEL, BYTES, STATE,
                     NEWLINE -> { }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }
}
