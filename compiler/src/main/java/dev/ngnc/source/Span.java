package dev.ngnc.source;

/**
 * A region of source text: char offsets {@code [start, end)} plus the 1-based line and column
 * (column counted in code points) of {@code start}. Every AST node carries one.
 */
public record Span(int start, int end, int line, int col) {
    public static final Span NONE = new Span(0, 0, 1, 1);

    /** The smallest span covering both {@code this} and {@code other}, positioned at the earlier start. */
    public Span to(Span other) {
        if (other == null) return this;
        Span first = other.start < start ? other : this;
        return new Span(first.start, Math.max(end, other.end), first.line, first.col);
    }
}
