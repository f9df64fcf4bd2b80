package dev.ngnc.ast;

import dev.ngnc.source.Span;

import java.util.List;

/** Destructuring targets of {@code const}/{@code var} declarations. */
public sealed interface Pattern extends Node {
    record Bind(String name, Span span) implements Pattern {}
    /** {@code [a, b, ...rest]}; {@code rest} may be null. */
    record ArrayPat(List<String> names, String rest, Span span) implements Pattern {}
    /** {@code (a, b, ...rest)}. */
    record TuplePat(List<String> names, String rest, Span span) implements Pattern {}
    /** {@code { a, b: alias, ...rest }}. */
    record ObjectPat(List<FieldBinding> fields, String rest, Span span) implements Pattern {}

    record FieldBinding(String field, String binding, Span span) implements Node {}
}
