package dev.ngnc.ast;

import dev.ngnc.source.Span;

import java.util.List;

/** Top-level items of a file. */
public sealed interface Decl extends Node {

    /**
     * {@code fn name(params): R body}. {@code expressionBody} marks the one-line form
     * {@code fn f(a: i64): i64 a * 2}, whose block holds a single expression statement.
     * Role signatures have a null body.
     */
    record Fn(String name, List<Param> params, TypeExpr returnType, Stmt.Block body, boolean expressionBody,
              boolean exported, Span nameSpan, Span span) implements Decl {}

    /** {@code global NAME: T = e}. */
    record Global(String name, TypeExpr type, Expr init, Span span) implements Decl {}

    record Model(String name, List<String> typeParams, List<ModelField> fields, boolean exported, Span span)
            implements Decl {}
    /** {@code f: T}, {@code f?: T}, {@code f?: T = e}. */
    record ModelField(String name, TypeExpr type, boolean optional, Expr defaultValue, Span span) implements Node {}

    record Enum(String name, List<String> typeParams, List<Variant> variants, boolean exported, Span span)
            implements Decl {}
    /** {@code A} or {@code B(T)}; payload may be null. */
    record Variant(String name, TypeExpr payload, Span span) implements Node {}

    record Role(String name, List<Fn> methods, boolean exported, Span span) implements Decl {}

    /** {@code extend Target [with R1, R2] { fns }}. */
    record Extend(TypeExpr target, List<String> roles, List<Fn> methods, Span span) implements Decl {}

    record TypeAlias(String name, List<String> typeParams, TypeExpr type, boolean exported, Span span)
            implements Decl {}

    /**
     * {@code import { a, b as c } from "p"}, {@code import d from "p"}, {@code import * as M from "p"}.
     * Exactly one of {@code names}, {@code defaultName}, {@code namespace} is used.
     */
    record Import(List<ImportName> names, String defaultName, String namespace, String source, Span span)
            implements Decl {}
    record ImportName(String name, String alias, Span span) implements Node {}

    /** {@code export default e}. */
    record ExportDefault(Expr value, Span span) implements Decl {}

    /** A statement at the top level ({@code print(…)}, an expression): runs in source order before main. */
    record TopLevelStmt(Stmt stmt, Span span) implements Decl {}
}
