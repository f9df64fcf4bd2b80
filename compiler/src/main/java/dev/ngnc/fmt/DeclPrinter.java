package dev.ngnc.fmt;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Param;
import dev.ngnc.ast.Program;
import dev.ngnc.ast.Stmt;

import java.util.ArrayList;
import java.util.List;

import static dev.ngnc.fmt.Doc.concat;
import static dev.ngnc.fmt.Doc.text;

/** Top-level declarations to documents, and the whole file. */
final class DeclPrinter {
    private final String src;
    private final CommentQueue comments;
    private final ExprPrinter exprs;
    private final StmtPrinter stmts;

    DeclPrinter(String src, CommentQueue comments, ExprPrinter exprs, StmtPrinter stmts) {
        this.src = src;
        this.comments = comments;
        this.exprs = exprs;
        this.stmts = stmts;
    }

    /** The file: declarations one after another, a blank line around every multi-line declaration. */
    Doc program(Program p) {
        Lines lines = new Lines(src, comments, 0);
        Decl prev = null;
        for (Decl d : p.items()) {
            boolean blank = prev != null && (isBig(prev) || isBig(d));
            lines.add(d.span().start(), d.span().end(), () -> decl(d), blank);
            prev = d;
        }
        lines.finish(Integer.MAX_VALUE);
        return lines.doc();
    }

    /** Declarations with a braced body; they are set apart from their neighbours. */
    private static boolean isBig(Decl d) {
        return switch (d) {
            case Decl.Fn f -> !f.expressionBody();
            case Decl.Model m -> true;
            case Decl.Enum e -> true;
            case Decl.Role r -> true;
            case Decl.Extend e -> true;
            default -> false;
        };
    }

    Doc decl(Decl d) {
        return switch (d) {
            case Decl.Fn f -> fn(f);
            case Decl.Global g -> concat(text("global " + g.name()), exprs.declaredType(g.type()), text(" = "),
                    exprs.expr(g.init()));
            case Decl.Model m -> model(m);
            case Decl.Enum e -> enumDecl(e);
            case Decl.Role r -> methods(text(exported(r.exported()) + "role " + r.name() + " "), r.methods(), r.span().end());
            case Decl.Extend e -> {
                String with = e.roles().isEmpty() ? "" : " with " + String.join(", ", e.roles());
                yield methods(concat(text("extend "), exprs.type(e.target(), false), text(with + " ")), e.methods(),
                        e.span().end());
            }
            case Decl.TypeAlias t -> concat(text(exported(t.exported()) + "type " + t.name() + typeParams(t.typeParams())
                    + " = "), exprs.type(t.type(), false));
            case Decl.Import i -> text(importText(i));
            case Decl.ExportDefault e -> concat(text("export default "), exprs.expr(e.value()));
            case Decl.TopLevelStmt s -> stmts.stmt(s.stmt());
        };
    }

    /** {@code fn name(params): R} then a block, or the expression body on the same line. */
    Doc fn(Decl.Fn f) {
        List<Doc> params = new ArrayList<>();
        for (Param p : f.params()) params.add(exprs.param(p, false));
        List<Doc> parts = new ArrayList<>();
        parts.add(text(exported(f.exported()) + "fn " + f.name()));
        parts.add(Doc.bracketed("(", params, ")", false));
        if (f.returnType() != null) parts.add(concat(text(": "), exprs.type(f.returnType(), false)));
        if (f.body() == null) return concat(parts); // a role method's bare signature
        parts.add(text(" "));
        if (f.expressionBody()) {
            Doc body = exprs.expr(((Stmt.ExprStmt) f.body().statements().get(0)).expr());
            char first = Doc.firstChar(body);
            // '{' would open a block body; after a return type '|' would continue it as a union
            boolean wrap = first == '{' || (first == '|' && f.returnType() != null);
            parts.add(wrap ? ExprPrinter.parens(body) : body);
        } else {
            parts.add(stmts.block(f.body()));
        }
        return concat(parts);
    }

    private Doc model(Decl.Model m) {
        Lines lines = new Lines(src, comments, m.span().start());
        List<Decl.ModelField> fields = m.fields();
        for (int i = 0; i < fields.size(); i++) {
            Decl.ModelField f = fields.get(i);
            boolean last = i == fields.size() - 1;
            lines.add(f.span().start(), f.span().end(), () -> concat(field(f), text(last ? "" : ",")), false);
        }
        lines.finish(m.span().end());
        return concat(text(exported(m.exported()) + "model " + m.name() + typeParams(m.typeParams()) + " "),
                StmtPrinter.braced(lines));
    }

    private Doc field(Decl.ModelField f) {
        Doc d = concat(text(f.name() + (f.optional() ? "?" : "") + ": "), exprs.type(f.type(), false));
        return f.defaultValue() == null ? d : concat(d, text(" = "), exprs.expr(f.defaultValue(), ExprPrinter.PIPE));
    }

    /** Payload-free variants fit on one line when nothing is said about them; otherwise one per line. */
    private Doc enumDecl(Decl.Enum e) {
        String head = exported(e.exported()) + "enum " + e.name() + typeParams(e.typeParams()) + " ";
        boolean simple = e.variants().stream().allMatch(v -> v.payload() == null)
                && !comments.anyWithin(e.span().start(), e.span().end());
        if (simple && !e.variants().isEmpty()) {
            List<Doc> names = new ArrayList<>();
            for (Decl.Variant v : e.variants()) names.add(text(v.name()));
            return concat(text(head), Doc.bracketed("{", names, "}", true));
        }
        Lines lines = new Lines(src, comments, e.span().start());
        List<Decl.Variant> vs = e.variants();
        for (int i = 0; i < vs.size(); i++) {
            Decl.Variant v = vs.get(i);
            boolean last = i == vs.size() - 1;
            lines.add(v.span().start(), v.span().end(), () -> concat(text(v.name()),
                    v.payload() == null ? Doc.EMPTY : concat(text("("), exprs.type(v.payload(), false), text(")")),
                    text(last ? "" : ",")), false);
        }
        lines.finish(e.span().end());
        return concat(text(head), StmtPrinter.braced(lines));
    }

    /** A role or extend body: methods one per line, a blank line between methods with bodies. */
    private Doc methods(Doc head, List<Decl.Fn> methods, int end) {
        Lines lines = new Lines(src, comments, -1);
        Decl.Fn prev = null;
        for (Decl.Fn f : methods) {
            boolean blank = prev != null && (hasBlock(prev) || hasBlock(f));
            lines.add(f.span().start(), f.span().end(), () -> fn(f), blank);
            prev = f;
        }
        lines.finish(end);
        return concat(head, StmtPrinter.braced(lines));
    }

    private static boolean hasBlock(Decl.Fn f) { return f.body() != null && !f.expressionBody(); }

    private static String importText(Decl.Import i) {
        String what;
        if (i.namespace() != null) {
            what = "* as " + i.namespace();
        } else if (i.defaultName() != null) {
            what = i.defaultName();
        } else {
            List<String> names = new ArrayList<>();
            for (Decl.ImportName n : i.names()) names.add(n.alias() == null ? n.name() : n.name() + " as " + n.alias());
            what = names.isEmpty() ? "{}" : "{ " + String.join(", ", names) + " }";
        }
        return "import " + what + " from " + ExprPrinter.quote(i.source());
    }

    private static String typeParams(List<String> params) {
        return params.isEmpty() ? "" : "<" + String.join(", ", params) + ">";
    }

    private static String exported(boolean exported) { return exported ? "export " : ""; }
}
