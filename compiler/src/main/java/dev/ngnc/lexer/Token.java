package dev.ngnc.lexer;

import dev.ngnc.source.Span;

import java.util.List;

/**
 * A lexed token: its kind, the exact source text, a decoded value where the kind has one, and
 * where it came from.
 *
 * <p>{@code value} is a {@link Long} for {@link TokenKind#INT}, a {@link Double} for
 * {@link TokenKind#FLOAT}, a {@code List<StringSegment>} for {@link TokenKind#STRING}, a
 * {@link Regex} for {@link TokenKind#REGEX}, an {@link Integer} for {@link TokenKind#DOLLAR}, and
 * null otherwise.
 */
public record Token(TokenKind kind, String text, Object value, Span span) {

    /** Pattern text (escapes kept) and trailing flag letters of {@code /pattern/flags}. */
    public record Regex(String pattern, String flags) {}

    public boolean is(TokenKind k) { return kind == k; }

    public long intValue() { return value instanceof Long l ? l : 0L; }

    public double floatValue() { return value instanceof Double d ? d : 0.0; }

    @SuppressWarnings("unchecked")
    public List<StringSegment> segments() {
        return value instanceof List<?> l ? (List<StringSegment>) l : List.of();
    }

    public Regex regex() { return value instanceof Regex r ? r : new Regex("", ""); }

    public int placeholderIndex() { return value instanceof Integer i ? i : 0; }

    /** How an error message names this token, e.g. {@code identifier 'x'}, {@code ')'}, {@code newline}. */
    public String describe() {
        return switch (kind) {
            case IDENT -> "identifier '" + text + "'";
            case INT, FLOAT -> "number " + text;
            case STRING -> "string";
            case REGEX -> "regex " + text;
            case DOLLAR -> "'" + text + "'";
            // the EOF that ends an interpolation's tokens stands for its closing brace
            case EOF -> text.isEmpty() ? kind.quoted() : "'" + text + "'";
            default -> kind.quoted();
        };
    }
}
