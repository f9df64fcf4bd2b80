package dev.ngnc.ast;

import dev.ngnc.source.Span;

import java.util.List;

/** Statements inside function and closure bodies (and at the top level of a file). */
public sealed interface Stmt extends Node {

    record ExprStmt(Expr expr, Span span) implements Stmt {}
    record Block(List<Stmt> statements, Span span) implements Stmt {}

    /** {@code const x: T = e}, {@code var x = e}, {@code const [a, b] = e} … ({@code type} may be null). */
    record VarDecl(DeclKind kind, Pattern target, TypeExpr type, Expr init, Span span) implements Stmt {}

    /**
     * {@code if (cond) then : else}; else-if chains nest in {@code otherwise}, which may be null.
     * The block form {@code if { (c) … : … }} is parsed into the same shape.
     */
    record If(Expr condition, Stmt then, Stmt otherwise, Span span) implements Stmt {}
    /** {@code while (c) body}; {@code once} for {@code while once (c) body} (body first). */
    record While(Expr condition, Stmt body, boolean once, Span span) implements Stmt {}
    record Loop(Stmt body, Span span) implements Stmt {}
    /** {@code for (item in e) body} / {@code for (item, index in e) body}; {@code indexName} may be null. */
    record For(String itemName, String indexName, Expr iterable, Stmt body, Span span) implements Stmt {}
    record Match(Expr scrutinee, List<MatchArm> arms, Span span) implements Stmt {}
    record Break(Span span) implements Stmt {}
    record Next(Span span) implements Stmt {}
    /** {@code return} / {@code return e}; value may be null. */
    record Return(Expr value, Span span) implements Stmt {}
    /** {@code check x? { … }} / {@code check x?, e? { … }}; {@code errorName} may be null. */
    record Check(String name, String errorName, Block orElse, Span span) implements Stmt {}
    /** A named function declared inside another function. */
    record LocalFn(Decl.Fn fn, Span span) implements Stmt {}
}
