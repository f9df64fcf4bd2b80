package dev.ngnc.ast;

import dev.ngnc.source.Span;

import java.util.List;

/** A type as written in source, before name resolution. */
public sealed interface TypeExpr extends Node {
    /** {@code i64}, {@code array<T>}, {@code Maybe<T>}, {@code User}, {@code map<K, V>} … */
    record Named(String name, List<TypeExpr> args, Span span) implements TypeExpr {}
    /** {@code fn}, {@code fn<R>}, {@code fn<A, B, R>}: the last argument is the return type. */
    record Fn(List<TypeExpr> args, Span span) implements TypeExpr {}
    /** {@code (A, B)}. */
    record Tuple(List<TypeExpr> elements, Span span) implements TypeExpr {}
    /** {@code A | B}. */
    record Union(List<TypeExpr> members, Span span) implements TypeExpr {}
    /** {@code T?}, i.e. {@code Maybe<T>}. */
    record Optional(TypeExpr inner, Span span) implements TypeExpr {}
    /** The count in {@code tuple<T, 3>}. */
    record Count(long value, Span span) implements TypeExpr {}
}
