package dev.ngnc.ast;

import dev.ngnc.source.Span;

/** {@code key: value} in an object or model literal; for shorthand {@code { name }} value is a {@link Expr.Name}. */
public record ObjectField(String key, Expr value, boolean shorthand, Span span) implements Node {}
