package dev.ngnc.ast;

import dev.ngnc.source.Span;

import java.util.List;

/** {@code p1 | p2 => body}. */
public record MatchArm(List<MatchPattern> patterns, Stmt body, Span span) implements Node {}
