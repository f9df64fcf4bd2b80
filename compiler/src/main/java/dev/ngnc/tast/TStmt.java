package dev.ngnc.tast;

import dev.ngnc.source.Span;

import java.util.List;

/** Checked statements. */
public sealed interface TStmt {
    Span span();

    record ExprStmt(TExpr expr, Span span) implements TStmt {}
    /** Declares {@code var} and stores {@code init} (never null: the checker fills a default). */
    record Let(LocalVar var, TExpr init, Span span) implements TStmt {}
    /** Stores a global's initial value (top-level initialiser only). */
    record InitGlobal(GlobalVar global, TExpr init, Span span) implements TStmt {}
    /**
     * Statements in order. {@code scope} is false for a block the checker made only to group statements
     * (destructuring's temp and names): its names belong to the enclosing scope (debug info needs it).
     */
    record Block(List<TStmt> statements, Span span, boolean scope) implements TStmt {
        public Block(List<TStmt> statements, Span span) {
            this(statements, span, true);
        }
    }
    record If(TExpr condition, TStmt then, TStmt otherwise, Span span) implements TStmt {}
    /**
     * {@code if (x?) then : otherwise}: when {@code maybe} is Value/Ok, {@code bound} holds its payload in
     * {@code then}.
     */
    record IfPresent(TExpr maybe, LocalVar bound, TStmt then, TStmt otherwise, Span span) implements TStmt {}
    record While(TExpr condition, TStmt body, boolean once, Span span) implements TStmt {}
    record Loop(TStmt body, Span span) implements TStmt {}
    /** Counting loop over an integer range; {@code index} (may be null) counts from 0. */
    record ForRange(LocalVar item, LocalVar index, TExpr from, TExpr to, boolean inclusive, TStmt body, Span span)
            implements TStmt {}
    /** Loop over an array, tuple, set or range value; {@code index} may be null. */
    record ForEach(LocalVar item, LocalVar index, TExpr iterable, TStmt body, Span span) implements TStmt {}
    /**
     * {@code match}: the scrutinee is stored in {@code temp}; arms are tried in order; {@code next} in an
     * arm's body tests only the following arm.
     */
    record Match(LocalVar temp, TExpr scrutinee, List<Arm> arms, Span span) implements TStmt {}
    record Arm(List<TPattern> patterns, TStmt body, Span span) {}
    record Break(Span span) implements TStmt {}
    record Next(Span span) implements TStmt {}
    /** {@code value} is null for a bare return. */
    record Return(TExpr value, Span span) implements TStmt {}
    /**
     * {@code check x? { orElse }} / {@code check x?, e? { orElse }}: when {@code source} is Null/Error, runs
     * {@code orElse} (with {@code error} bound to the Error payload, if not null); otherwise stores the
     * payload in {@code rebound}, the variable later code sees as {@code x}.
     */
    record Check(TExpr source, LocalVar rebound, LocalVar error, TStmt orElse, Span span) implements TStmt {}
}
