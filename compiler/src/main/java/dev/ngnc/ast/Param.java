package dev.ngnc.ast;

import dev.ngnc.source.Span;

/**
 * A function or closure parameter: {@code p: T}, {@code q?: T} (optional), {@code r: T = e} (default),
 * {@code s: <T} (owned). {@code type} is null for an untyped parameter.
 */
public record Param(String name, TypeExpr type, boolean optional, Expr defaultValue, boolean owned, Span span)
        implements Node {}
