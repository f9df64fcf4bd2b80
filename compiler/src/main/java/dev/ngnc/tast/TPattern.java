package dev.ngnc.tast;

import dev.ngnc.source.Span;
import dev.ngnc.types.EnumInfo;

/** A checked match alternative, tested against the match's scrutinee temp. */
public sealed interface TPattern {
    /** {@code scrutinee == value} using {@code kind}. */
    record Equals(TExpr value, OpKind kind, Span span) implements TPattern {}
    /** {@code from <= scrutinee <= to} (or {@code < to}); numeric. */
    record InRange(TExpr from, TExpr to, boolean inclusive, OpKind kind, Span span) implements TPattern {}
    /**
     * Enum variant test; {@code info} null means "any enum with this variant name" (unqualified pattern on a
     * dynamic scrutinee). {@code binding} (may be null) receives the payload.
     */
    record Variant(EnumInfo info, String variant, LocalVar binding, Span span) implements TPattern {}
    record Wildcard(Span span) implements TPattern {}
}
