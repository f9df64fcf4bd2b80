package dev.ngnc.lexer;

import dev.ngnc.source.Span;

import java.util.List;

/** One piece of a string literal token, in source order. */
public sealed interface StringSegment {
    Span span();

    /** Literal text with escapes already decoded. */
    record Text(String value, Span span) implements StringSegment {}

    /**
     * The tokens between {@code ${} and its closing brace, terminated by an EOF token positioned
     * at that brace (with text "}"), so they can be parsed like a tiny file.
     */
    record Interpolation(List<Token> tokens, Span span) implements StringSegment {}
}
