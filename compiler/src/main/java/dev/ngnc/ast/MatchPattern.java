package dev.ngnc.ast;

import dev.ngnc.source.Span;

/** One alternative of a match arm. */
public sealed interface MatchPattern extends Node {
    /** Matches when {@code scrutinee == value}. */
    record Literal(Expr value, Span span) implements MatchPattern {}
    /** {@code a..b} / {@code a..<b}. */
    record Range(Expr from, Expr to, boolean inclusive, Span span) implements MatchPattern {}
    /** {@code Variant}, {@code Variant(x)}, {@code Enum::Variant(x)}; {@code enumName} and {@code binding} may be null. */
    record Variant(String enumName, String variant, String binding, Span span) implements MatchPattern {}
    record Wildcard(Span span) implements MatchPattern {}
}
