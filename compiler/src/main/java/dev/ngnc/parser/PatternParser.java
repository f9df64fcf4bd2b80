package dev.ngnc.parser;

import dev.ngnc.ast.Expr;
import dev.ngnc.ast.MatchPattern;
import dev.ngnc.ast.Pattern;
import dev.ngnc.lexer.Token;
import dev.ngnc.lexer.TokenKind;
import dev.ngnc.source.Span;

import java.util.ArrayList;
import java.util.List;

/** Destructuring targets of {@code const}/{@code var}, and the patterns of {@code match} arms. */
final class PatternParser {
    private final ParseContext ctx;
    private final TokenCursor c;

    PatternParser(ParseContext ctx) {
        this.ctx = ctx;
        this.c = ctx.cursor;
    }

    // ---------------------------------------------------------------- destructuring

    /** {@code x}, {@code [a, b, ...rest]}, {@code (a, b, ...rest)} or {@code { a, b: alias, ...rest }}. */
    Pattern parseBindingPattern(String keyword) {
        Token t = c.peek();
        switch (t.kind()) {
            case IDENT -> {
                c.advance();
                return new Pattern.Bind(t.text(), t.span());
            }
            case UNDERSCORE -> {
                // `const _ = f()`: evaluate and discard (the silenced form of the ignored-Result warning)
                c.advance();
                return new Pattern.Bind("_", t.span());
            }
            case LBRACKET, LPAREN -> {
                return parseSequencePattern(t);
            }
            case LBRACE -> {
                return parseObjectPattern(t);
            }
            default -> {
                String hint = t.kind().isKeyword() ? "'" + t.text() + "' is a reserved word" : null;
                throw c.errorAt(t, "expected a name or a destructuring pattern after '" + keyword + "', found "
                        + t.describe(), hint);
            }
        }
    }

    private Pattern parseSequencePattern(Token open) {
        c.advance();
        boolean array = open.is(TokenKind.LBRACKET);
        TokenKind close = array ? TokenKind.RBRACKET : TokenKind.RPAREN;
        c.pushMode(true);
        List<String> names = new ArrayList<>();
        String rest = null;
        while (!c.at(close)) {
            if (c.accept(TokenKind.ELLIPSIS)) {
                rest = bindingName();
                c.accept(TokenKind.COMMA);
                break;
            }
            names.add(bindingName());
            if (!c.accept(TokenKind.COMMA)) break;
        }
        c.expectClosing(close, rest != null ? "after the rest binding (it must come last)" : "to close the pattern");
        c.popMode();
        Span span = c.spanFrom(open.span());
        return array ? new Pattern.ArrayPat(List.copyOf(names), rest, span)
                : new Pattern.TuplePat(List.copyOf(names), rest, span);
    }

    private Pattern parseObjectPattern(Token open) {
        c.advance();
        c.pushMode(true);
        List<Pattern.FieldBinding> fields = new ArrayList<>();
        String rest = null;
        while (!c.at(TokenKind.RBRACE)) {
            if (c.accept(TokenKind.ELLIPSIS)) {
                rest = bindingName();
                c.accept(TokenKind.COMMA);
                break;
            }
            Token key = c.peek();
            if (!key.is(TokenKind.IDENT) && !key.kind().isKeyword()) throw c.errorExpected("a field name");
            c.advance();
            String binding = key.text();
            if (c.accept(TokenKind.COLON)) {
                binding = bindingName();
            } else if (!key.is(TokenKind.IDENT)) {
                throw c.errorAt(key, "'" + key.text() + "' is a reserved word and cannot be a variable",
                        "rename it: { " + key.text() + ": alias }");
            }
            fields.add(new Pattern.FieldBinding(key.text(), binding, c.spanFrom(key.span())));
            if (!c.accept(TokenKind.COMMA)) break;
        }
        c.expectClosing(TokenKind.RBRACE, rest != null ? "after the rest binding (it must come last)" : "to close the pattern");
        c.popMode();
        return new Pattern.ObjectPat(List.copyOf(fields), rest, c.spanFrom(open.span()));
    }

    /** A name bound by a pattern; '_' is accepted as an ordinary (ignorable) name. */
    private String bindingName() {
        if (c.at(TokenKind.IDENT) || c.at(TokenKind.UNDERSCORE)) return c.advance().text();
        throw c.errorExpected("a name to bind");
    }

    // ---------------------------------------------------------------- match patterns

    /**
     * One alternative: {@code _}, {@code Variant}, {@code Variant(x)}, {@code Enum::Variant(x)},
     * a range {@code a..b} / {@code a..<b}, or a literal expression ({@code 1}, {@code -1},
     * {@code "s"}, {@code true}, {@code null}, {@code (1, 2)} …). A bare identifier is always a
     * variant name, never a variable binding.
     */
    MatchPattern parseMatchPattern() {
        Token t = c.peek();
        if (t.is(TokenKind.UNDERSCORE)) {
            c.advance();
            return new MatchPattern.Wildcard(t.span());
        }
        if (t.is(TokenKind.IDENT)) return parseVariantPattern(t);
        Expr e = ctx.exprs.parseBinary(ExprParser.PREC_RANGE);
        if (e instanceof Expr.Range r) return new MatchPattern.Range(r.from(), r.to(), r.inclusive(), r.span());
        return new MatchPattern.Literal(e, e.span());
    }

    private MatchPattern parseVariantPattern(Token first) {
        c.advance();
        String enumName = null;
        String variant = first.text();
        if (c.accept(TokenKind.COLON_COLON)) {
            enumName = variant;
            variant = c.expect(TokenKind.IDENT, "after '::' in the pattern").text();
        }
        String binding = null;
        if (c.at(TokenKind.LPAREN)) {
            c.advance();
            Token b = c.peek();
            if (b.is(TokenKind.UNDERSCORE)) {
                c.advance();
                c.report(b.span(), "a variant pattern must bind a name, not '_'",
                        "write " + variant + "(x) and ignore x, or match " + variant + " without parentheses");
            } else if (b.is(TokenKind.IDENT)) {
                binding = c.advance().text();
            } else {
                throw c.errorAt(b, "expected a name to bind in " + variant + "(…), found " + b.describe(),
                        "variant patterns bind their payload to a name, e.g. " + variant + "(x)");
            }
            c.expect(TokenKind.RPAREN, "to close the variant pattern");
        }
        return new MatchPattern.Variant(enumName, variant, binding, c.spanFrom(first.span()));
    }
}
