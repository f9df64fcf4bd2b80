package dev.ngnc.ast;

import dev.ngnc.source.Span;

/** One piece of a string literal: literal text (escapes already decoded) or an interpolated expression. */
public sealed interface StringPart extends Node {
    record Text(String text, Span span) implements StringPart {}
    record Interp(Expr expr, Span span) implements StringPart {}
}
