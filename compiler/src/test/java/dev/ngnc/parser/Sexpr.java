package dev.ngnc.parser;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Expr;
import dev.ngnc.ast.MatchArm;
import dev.ngnc.ast.MatchPattern;
import dev.ngnc.ast.ObjectField;
import dev.ngnc.ast.Param;
import dev.ngnc.ast.Pattern;
import dev.ngnc.ast.Program;
import dev.ngnc.ast.Stmt;
import dev.ngnc.ast.StringPart;
import dev.ngnc.ast.TypeExpr;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compact S-expression rendering of syntax trees, so tests can state expected shapes in one line. */
final class Sexpr {
    private Sexpr() {}

    static String of(Program p) {
        return p.items().stream().map(Sexpr::decl).collect(Collectors.joining("\n"));
    }

    static String decl(Decl d) {
        return switch (d) {
            case Decl.Fn f -> fn(f);
            case Decl.Global g -> "(global " + g.name() + opt(g.type()) + " " + expr(g.init()) + ")";
            case Decl.Model m -> "(model " + (m.exported() ? "export " : "") + m.name() + tparams(m.typeParams())
                    + list(m.fields(), f -> "(" + f.name() + (f.optional() ? "?" : "") + " " + type(f.type())
                    + (f.defaultValue() == null ? "" : " = " + expr(f.defaultValue())) + ")") + ")";
            case Decl.Enum e -> "(enum " + (e.exported() ? "export " : "") + e.name() + tparams(e.typeParams())
                    + list(e.variants(), v -> v.payload() == null ? v.name() : v.name() + "(" + type(v.payload()) + ")") + ")";
            case Decl.Role r -> "(role " + (r.exported() ? "export " : "") + r.name() + list(r.methods(), Sexpr::fn) + ")";
            case Decl.Extend x -> "(extend " + type(x.target()) + (x.roles().isEmpty() ? "" : " with " + String.join(",", x.roles()))
                    + list(x.methods(), Sexpr::fn) + ")";
            case Decl.TypeAlias t -> "(type " + (t.exported() ? "export " : "") + t.name() + tparams(t.typeParams()) + " " + type(t.type()) + ")";
            case Decl.Import i -> "(import " + (i.defaultName() != null ? "default " + i.defaultName()
                    : i.namespace() != null ? "* " + i.namespace()
                    : "{" + i.names().stream().map(n -> n.alias() == null ? n.name() : n.name() + " as " + n.alias())
                    .collect(Collectors.joining(" ")) + "}") + " \"" + i.source() + "\")";
            case Decl.ExportDefault e -> "(export-default " + expr(e.value()) + ")";
            case Decl.TopLevelStmt s -> stmt(s.stmt());
        };
    }

    static String fn(Decl.Fn f) {
        return "(fn " + (f.exported() ? "export " : "") + f.name() + " (" + f.params().stream().map(Sexpr::param)
                .collect(Collectors.joining(" ")) + ")" + (f.returnType() == null ? "" : " : " + type(f.returnType()))
                + (f.body() == null ? "" : (f.expressionBody() ? " =" : "") + " " + stmt(f.body())) + ")";
    }

    static String param(Param p) {
        return p.name() + (p.optional() ? "?" : "") + (p.type() == null ? "" : ":" + (p.owned() ? "<" : "") + type(p.type()))
                + (p.defaultValue() == null ? "" : "=" + expr(p.defaultValue()));
    }

    static String stmt(Stmt s) {
        return switch (s) {
            case Stmt.ExprStmt e -> expr(e.expr());
            case Stmt.Block b -> "{" + b.statements().stream().map(Sexpr::stmt).collect(Collectors.joining(" ")) + "}";
            case Stmt.VarDecl v -> "(" + v.kind().name().toLowerCase() + " " + pattern(v.target()) + opt(v.type()) + " " + expr(v.init()) + ")";
            case Stmt.If i -> "(if " + expr(i.condition()) + " " + stmt(i.then()) + (i.otherwise() == null ? "" : " " + stmt(i.otherwise())) + ")";
            case Stmt.While w -> "(" + (w.once() ? "while-once " : "while ") + expr(w.condition()) + " " + stmt(w.body()) + ")";
            case Stmt.Loop l -> "(loop " + stmt(l.body()) + ")";
            case Stmt.For f -> "(for " + f.itemName() + (f.indexName() == null ? "" : "," + f.indexName()) + " " + expr(f.iterable()) + " " + stmt(f.body()) + ")";
            case Stmt.Match m -> "(match " + expr(m.scrutinee()) + m.arms().stream().map(Sexpr::arm).map(a -> " " + a).collect(Collectors.joining()) + ")";
            case Stmt.Break b -> "break";
            case Stmt.Next n -> "next";
            case Stmt.Return r -> r.value() == null ? "(return)" : "(return " + expr(r.value()) + ")";
            case Stmt.Check c -> "(check " + c.name() + (c.errorName() == null ? "" : " " + c.errorName()) + " " + stmt(c.orElse()) + ")";
            case Stmt.LocalFn f -> fn(f.fn());
        };
    }

    static String arm(MatchArm a) {
        return "[" + a.patterns().stream().map(Sexpr::matchPattern).collect(Collectors.joining(" | ")) + " => " + stmt(a.body()) + "]";
    }

    static String matchPattern(MatchPattern p) {
        return switch (p) {
            case MatchPattern.Literal l -> expr(l.value());
            case MatchPattern.Range r -> "(" + (r.inclusive() ? ".." : "..<") + " " + expr(r.from()) + " " + expr(r.to()) + ")";
            case MatchPattern.Variant v -> (v.enumName() == null ? "" : v.enumName() + "::") + v.variant()
                    + (v.binding() == null ? "" : "(" + v.binding() + ")");
            case MatchPattern.Wildcard w -> "_";
        };
    }

    static String pattern(Pattern p) {
        return switch (p) {
            case Pattern.Bind b -> b.name();
            case Pattern.ArrayPat a -> "[" + names(a.names(), a.rest()) + "]";
            case Pattern.TuplePat t -> "(" + names(t.names(), t.rest()) + ")";
            case Pattern.ObjectPat o -> "{" + String.join(" ", o.fields().stream()
                    .map(f -> f.field().equals(f.binding()) ? f.field() : f.field() + ":" + f.binding()).toList())
                    + (o.rest() == null ? "" : " ..." + o.rest()) + "}";
        };
    }

    private static String names(List<String> names, String rest) {
        return String.join(" ", names) + (rest == null ? "" : " ..." + rest);
    }

    static String expr(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> Long.toString(i.value());
            case Expr.FloatLit f -> Double.toString(f.value());
            case Expr.BoolLit b -> Boolean.toString(b.value());
            case Expr.NullLit n -> "null";
            case Expr.StringLit s -> "\"" + s.parts().stream().map(p -> switch (p) {
                case StringPart.Text t -> t.text();
                case StringPart.Interp i -> "${" + expr(i.expr()) + "}";
            }).collect(Collectors.joining()) + "\"";
            case Expr.RegexLit r -> "/" + r.pattern() + "/" + r.flags();
            case Expr.Name n -> n.name();
            case Expr.This t -> "this";
            case Expr.Placeholder p -> p.index() == 0 ? "$" : "$" + p.index();
            case Expr.Path p -> p.owner() + "::" + p.member();
            case Expr.ArrayLit a -> "[" + exprs(a.elements()) + "]";
            case Expr.TupleLit t -> "(tuple" + prefixed(t.elements()) + ")";
            case Expr.ObjectLit o -> "{" + fields(o.fields()) + "}";
            case Expr.ModelLit m -> "(new " + m.model() + (m.typeArgs().isEmpty() ? "" : "<" + types(m.typeArgs()) + ">") + " {" + fields(m.fields()) + "})";
            case Expr.Closure c -> "(closure (" + c.params().stream().map(Sexpr::param).collect(Collectors.joining(" ")) + ")"
                    + (c.returnType() == null ? "" : " : " + type(c.returnType()))
                    + (c.expressionBody() ? " = " + stmt(c.body().statements().get(0)) : " " + stmt(c.body())) + ")";
            case Expr.Unary u -> "(" + (u.op() == dev.ngnc.ast.UnaryOp.NEG ? "-" : "!") + " " + expr(u.operand()) + ")";
            case Expr.Binary b -> "(" + b.op().symbol + " " + expr(b.left()) + " " + expr(b.right()) + ")";
            case Expr.Range r -> "(" + (r.inclusive() ? ".." : "..<") + " " + expr(r.from()) + " " + expr(r.to()) + ")";
            case Expr.Assign a -> "(" + (a.op() == null ? "" : a.op().symbol) + "= " + expr(a.target()) + " " + expr(a.value()) + ")";
            case Expr.Pipe p -> "(|> " + expr(p.input()) + " " + expr(p.stage()) + ")";
            case Expr.Call c -> "(call " + expr(c.callee()) + (c.typeArgs().isEmpty() ? "" : "<" + types(c.typeArgs()) + ">") + prefixed(c.args()) + ")";
            case Expr.MethodCall m -> "(" + (m.optionalChain() ? "?." : ".") + m.name() + " " + expr(m.receiver()) + prefixed(m.args()) + ")";
            case Expr.Field f -> "(" + (f.optionalChain() ? "?." : ".") + f.name() + " " + expr(f.receiver()) + ")";
            case Expr.Index i -> "(index " + expr(i.receiver()) + " " + expr(i.index()) + ")";
            case Expr.IsPresent p -> "(? " + expr(p.operand()) + ")";
            case Expr.Receive r -> "(<- " + expr(r.channel()) + ")";
            case Expr.ReceiveCount r -> "(<-N " + expr(r.count()) + " " + expr(r.channel()) + ")";
            case Expr.TryReceive r -> "(<-? " + expr(r.channel()) + ")";
            case Expr.Send s -> "(send " + expr(s.channel()) + " " + expr(s.value()) + ")";
            case Expr.Error x -> "<error>";
        };
    }

    static String type(TypeExpr t) {
        return switch (t) {
            case TypeExpr.Named n -> n.name() + (n.args().isEmpty() ? "" : "<" + types(n.args()) + ">");
            case TypeExpr.Fn f -> "fn" + (f.args().isEmpty() ? "" : "<" + types(f.args()) + ">");
            case TypeExpr.Tuple tu -> "(" + types(tu.elements()) + ")";
            case TypeExpr.Union u -> u.members().stream().map(Sexpr::type).collect(Collectors.joining("|"));
            case TypeExpr.Optional o -> (o.inner() instanceof TypeExpr.Union ? "(" + type(o.inner()) + ")" : type(o.inner())) + "?";
            case TypeExpr.Count c -> Long.toString(c.value());
        };
    }

    private static String types(List<TypeExpr> ts) {
        return ts.stream().map(Sexpr::type).collect(Collectors.joining(","));
    }

    private static String exprs(List<Expr> es) {
        return es.stream().map(Sexpr::expr).collect(Collectors.joining(" "));
    }

    private static String prefixed(List<Expr> es) {
        return es.stream().map(x -> " " + expr(x)).collect(Collectors.joining());
    }

    private static String fields(List<ObjectField> fs) {
        return fs.stream().map(f -> f.shorthand() ? f.key() : f.key() + ": " + expr(f.value())).collect(Collectors.joining(", "));
    }

    private static String opt(TypeExpr t) {
        return t == null ? "" : " : " + type(t);
    }

    private static String tparams(List<String> ps) {
        return ps.isEmpty() ? "" : "<" + String.join(",", ps) + ">";
    }

    private static <T> String list(List<T> xs, Function<T, String> f) {
        return xs.stream().map(x -> " " + f.apply(x)).collect(Collectors.joining());
    }
}
