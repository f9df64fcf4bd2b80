package dev.ngnc.fmt;

import dev.ngnc.ast.DeclKind;
import dev.ngnc.ast.MatchArm;
import dev.ngnc.ast.MatchPattern;
import dev.ngnc.ast.Stmt;

import java.util.ArrayList;
import java.util.List;

import static dev.ngnc.fmt.Doc.concat;
import static dev.ngnc.fmt.Doc.text;

/** Statements to documents: one statement per line, blocks broken over lines, branches and bodies on the header's line. */
final class StmtPrinter {
    private final String src;
    private final CommentQueue comments;
    private final ExprPrinter exprs;
    private DeclPrinter decls;

    StmtPrinter(String src, CommentQueue comments, ExprPrinter exprs) {
        this.src = src;
        this.comments = comments;
        this.exprs = exprs;
    }

    void setDeclarations(DeclPrinter decls) { this.decls = decls; }

    /** {@code { … }}: {@code {}} when empty, else one statement per line, indented. */
    Doc block(Stmt.Block b) {
        int end = b.span().end();
        Lines lines = new Lines(src, comments, b.span().start() + 1);
        for (Stmt s : b.statements()) lines.add(s.span().start(), s.span().end(), () -> stmt(s), false);
        lines.finish(end);
        return braced(lines);
    }

    /** Braces around item lines; an always-broken group, so the items sit on lines of their own. */
    static Doc braced(Lines lines) {
        if (lines.isEmpty()) return text("{}");
        return Doc.broken(concat(text("{"), Doc.nest(concat(Doc.HARD, lines.doc())), Doc.HARD, text("}")));
    }

    Doc stmt(Stmt s) {
        return switch (s) {
            case Stmt.ExprStmt e -> {
                Doc d = exprs.expr(e.expr());
                yield Doc.firstChar(d) == '{' ? ExprPrinter.parens(d) : d; // a '{' would open a block
            }
            case Stmt.Block b -> block(b);
            case Stmt.VarDecl v -> concat(text(v.kind() == DeclKind.VAR ? "var " : "const "), exprs.binding(v.target()),
                    exprs.declaredType(v.type()), text(" = "), exprs.expr(v.init()));
            case Stmt.If i -> ifStmt(i);
            case Stmt.While w -> concat(text(w.once() ? "while once (" : "while ("), exprs.expr(w.condition()),
                    text(") "), stmt(w.body()));
            case Stmt.Loop l -> concat(text("loop "), stmt(l.body()));
            case Stmt.For f -> concat(text("for (" + f.itemName() + (f.indexName() == null ? "" : ", " + f.indexName())
                    + " in "), exprs.expr(f.iterable()), text(") "), stmt(f.body()));
            case Stmt.Match m -> match(m);
            case Stmt.Break b -> text("break");
            case Stmt.Next n -> text("next");
            case Stmt.Return r -> r.value() == null ? text("return") : concat(text("return "), exprs.expr(r.value()));
            case Stmt.Check c -> concat(text("check " + c.name() + "?" + (c.errorName() == null ? "" : ", " + c.errorName() + "?")
                    + " "), block(c.orElse()));
            case Stmt.LocalFn f -> decls.fn(f.fn());
        };
    }

    /** {@code if (c) a : (c2) b : d}; else-if chains flatten into {@code : (c2)} links. */
    private Doc ifStmt(Stmt.If i) {
        List<Doc> parts = new ArrayList<>();
        parts.add(concat(text("if ("), exprs.expr(i.condition()), text(") "), stmt(i.then())));
        Stmt rest = i.otherwise();
        while (rest != null) {
            if (rest instanceof Stmt.If elseIf) {
                parts.add(concat(text(" : ("), exprs.expr(elseIf.condition()), text(") "), stmt(elseIf.then())));
                rest = elseIf.otherwise();
            } else {
                parts.add(concat(text(" : "), stmt(rest)));
                rest = null;
            }
        }
        return concat(parts);
    }

    private Doc match(Stmt.Match m) {
        Lines lines = new Lines(src, comments, m.span().start());
        for (MatchArm arm : m.arms()) {
            lines.add(arm.span().start(), arm.span().end(), () -> arm(arm), false);
        }
        lines.finish(m.span().end());
        return concat(text("match ("), exprs.expr(m.scrutinee()), text(") "), braced(lines));
    }

    private Doc arm(MatchArm arm) {
        List<Doc> patterns = new ArrayList<>();
        for (MatchPattern p : arm.patterns()) patterns.add(exprs.matchPattern(p));
        return concat(Doc.join(patterns, text(" | ")), text(" => "), stmt(arm.body()));
    }
}
