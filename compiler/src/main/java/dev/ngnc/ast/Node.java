package dev.ngnc.ast;

import dev.ngnc.source.Span;

/** Every syntax tree node knows where it came from. */
public interface Node {
    Span span();
}
