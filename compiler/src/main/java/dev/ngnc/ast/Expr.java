package dev.ngnc.ast;

import dev.ngnc.source.Span;

import java.util.List;

/** Expression nodes, straight from the parser (names unresolved, types unknown). */
public sealed interface Expr extends Node {

    record IntLit(long value, Span span) implements Expr {}
    record FloatLit(double value, Span span) implements Expr {}
    record BoolLit(boolean value, Span span) implements Expr {}
    /** The {@code null} keyword, i.e. {@code Maybe::Null}. */
    record NullLit(Span span) implements Expr {}
    /** A string literal; interpolations {@code ${e}} appear as {@link StringPart.Interp} parts. */
    record StringLit(List<StringPart> parts, Span span) implements Expr {}
    /** {@code /pattern/flags}; escapes keep their backslash. */
    record RegexLit(String pattern, String flags, Span span) implements Expr {}

    /** A bare identifier, including reserved call heads such as {@code print}, {@code thread}, {@code state}. */
    record Name(String name, Span span) implements Expr {}
    record This(Span span) implements Expr {}
    /** Pipe placeholder: {@code $} has index 0, {@code $N} has index N. */
    record Placeholder(int index, Span span) implements Expr {}
    /** {@code Enum::Variant}. */
    record Path(String owner, String member, Span span) implements Expr {}

    record ArrayLit(List<Expr> elements, Span span) implements Expr {}
    /** {@code (a, b)} or {@code ()}; a parenthesised single expression is not a tuple. */
    record TupleLit(List<Expr> elements, Span span) implements Expr {}
    /** Anonymous object {@code { a: 1, b, "x-y": 2 }}. */
    record ObjectLit(List<ObjectField> fields, Span span) implements Expr {}
    /** Model instance {@code Name { field: value }} (shorthand fields allowed). */
    record ModelLit(String model, List<TypeExpr> typeArgs, List<ObjectField> fields, Span span) implements Expr {}
    /** {@code |a: T, b| body}; {@code body} is a {@link Stmt.Block}, or an expression statement for the short form. */
    record Closure(List<Param> params, TypeExpr returnType, Stmt.Block body, boolean expressionBody, Span span)
            implements Expr {}

    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}
    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}
    /** {@code a..b} (inclusive) or {@code a..<b}. */
    record Range(Expr from, Expr to, boolean inclusive, Span span) implements Expr {}
    /** {@code target = value} or a compound {@code target op= value}; {@code op} is null for plain {@code =}. */
    record Assign(Expr target, BinaryOp op, Expr value, Span span) implements Expr {}
    /** {@code input |> stage}. */
    record Pipe(Expr input, Expr stage, Span span) implements Expr {}

    /** {@code callee<typeArgs>(args)}; callee is a name, a variant path, or a placeholder-free expression. */
    record Call(Expr callee, List<TypeExpr> typeArgs, List<Expr> args, Span span) implements Expr {}
    /** {@code receiver.name(args)} or {@code receiver?.name(args)}. */
    record MethodCall(Expr receiver, String name, List<Expr> args, boolean optionalChain, Span span) implements Expr {}
    /** {@code receiver.name} or {@code receiver?.name}. */
    record Field(Expr receiver, String name, boolean optionalChain, Span span) implements Expr {}
    record Index(Expr receiver, Expr index, Span span) implements Expr {}
    /** Postfix {@code name?}: is this Maybe/Result a {@code Value}/{@code Ok}? */
    record IsPresent(Expr operand, Span span) implements Expr {}

    /** {@code <- ch}. */
    record Receive(Expr channel, Span span) implements Expr {}
    /** {@code <-N ch}. */
    record ReceiveCount(Expr count, Expr channel, Span span) implements Expr {}
    /** {@code <-? ch}. */
    record TryReceive(Expr channel, Span span) implements Expr {}
    /** {@code ch <- value}. */
    record Send(Expr channel, Expr value, Span span) implements Expr {}

    /** Placeholder the parser leaves where an expression could not be parsed, so later phases can go on. */
    record Error(Span span) implements Expr {}
}
