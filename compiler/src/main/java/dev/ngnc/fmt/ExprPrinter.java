package dev.ngnc.fmt;

import dev.ngnc.ast.BinaryOp;
import dev.ngnc.ast.Expr;
import dev.ngnc.ast.MatchPattern;
import dev.ngnc.ast.ObjectField;
import dev.ngnc.ast.Param;
import dev.ngnc.ast.Pattern;
import dev.ngnc.ast.StringPart;
import dev.ngnc.ast.TypeExpr;
import dev.ngnc.ast.UnaryOp;
import dev.ngnc.lexer.IdentifierChars;
import dev.ngnc.lexer.TokenKind;
import dev.ngnc.source.Span;

import java.util.ArrayList;
import java.util.List;

import static dev.ngnc.fmt.Doc.concat;
import static dev.ngnc.fmt.Doc.text;

/**
 * Expressions, types and patterns to documents. The tree has no parentheses, so they are put back exactly where
 * the parser's precedence needs them ({@link #prec}); literals keep their source spelling.
 */
final class ExprPrinter {
    // binding strength, loosest first, mirroring ExprParser's levels
    static final int SEND = 0;
    static final int ASSIGN = 1;
    static final int RECEIVE = 2;
    static final int PIPE = 3;
    static final int RANGE = 9;
    static final int POW = 12;
    static final int UNARY = 13;
    static final int POSTFIX = 14;
    static final int PRIMARY = 15;

    private final String src;
    private final CommentQueue comments;
    private StmtPrinter stmts;

    ExprPrinter(String src, CommentQueue comments) {
        this.src = src;
        this.comments = comments;
    }

    void setStatements(StmtPrinter stmts) { this.stmts = stmts; }

    /** {@code e} printed where the parser reads an expression of at least strength {@code min}. */
    Doc expr(Expr e, int min) {
        Doc d = raw(e);
        return prec(e) < min ? parens(d) : d;
    }

    /** A full expression (argument, initializer, statement). */
    Doc expr(Expr e) { return expr(e, SEND); }

    static Doc parens(Doc d) { return concat(text("("), d, text(")")); }

    static int prec(Expr e) {
        return switch (e) {
            case Expr.Send s -> SEND;
            case Expr.Closure c -> SEND; // an expression body reads as far as it can
            case Expr.Assign a -> ASSIGN;
            case Expr.Receive r -> RECEIVE; // `<- ch` reads a whole binary expression
            case Expr.TryReceive r -> RECEIVE;
            case Expr.ReceiveCount r -> RECEIVE;
            case Expr.Pipe p -> PIPE;
            case Expr.Range r -> RANGE;
            case Expr.Binary b -> binaryPrec(b.op());
            case Expr.Unary u -> UNARY;
            case Expr.Call c -> POSTFIX;
            case Expr.MethodCall m -> POSTFIX;
            case Expr.Field f -> POSTFIX;
            case Expr.Index i -> POSTFIX;
            case Expr.IsPresent p -> POSTFIX;
            default -> PRIMARY;
        };
    }

    static int binaryPrec(BinaryOp op) {
        return switch (op) {
            case COALESCE -> 4;
            case OR -> 5;
            case AND -> 6;
            case EQ, NE -> 7;
            case LT, GT, LE, GE -> 8;
            case ADD, SUB -> 10;
            case MUL, DIV, MOD -> 11;
            case POW -> POW;
        };
    }

    private Doc raw(Expr e) {
        return switch (e) {
            case Expr.IntLit x -> text(source(x.span()));
            case Expr.FloatLit x -> text(source(x.span()));
            case Expr.RegexLit x -> text(source(x.span()));
            case Expr.Placeholder x -> text(source(x.span()));
            case Expr.BoolLit x -> text(x.value() ? "true" : "false");
            case Expr.NullLit x -> text("null");
            case Expr.This x -> text("this");
            case Expr.Name x -> text(x.name());
            case Expr.Path x -> text(x.owner() + "::" + x.member());
            case Expr.StringLit s -> string(s);
            case Expr.ArrayLit a -> Doc.bracketed("[", exprs(a.elements()), "]", false);
            case Expr.TupleLit t -> tuple(t);
            case Expr.ObjectLit o -> Doc.bracketed("{", fields(o.fields()), "}", true);
            case Expr.ModelLit m -> concat(text(m.model()), typeArgs(m.typeArgs()), text(" "),
                    Doc.bracketed("{", fields(m.fields()), "}", true));
            case Expr.Closure c -> closure(c);
            case Expr.Unary u -> concat(text(u.op() == UnaryOp.NEG ? "-" : "!"), expr(u.operand(), UNARY));
            case Expr.Binary b -> binary(b);
            case Expr.Range r -> concat(expr(r.from(), RANGE + 1), text(r.inclusive() ? ".." : "..<"),
                    expr(r.to(), RANGE + 1));
            case Expr.Assign a -> concat(expr(a.target(), PIPE),
                    text(a.op() == null ? " = " : " " + compoundSymbol(a) + " "), expr(a.value(), ASSIGN));
            case Expr.Pipe p -> concat(expr(p.input(), PIPE), text(" |> "), expr(p.stage(), PIPE + 1));
            case Expr.Call c -> concat(expr(c.callee(), POSTFIX), typeArgs(c.typeArgs()), args(c.args()));
            case Expr.MethodCall m -> concat(receiver(m.receiver()), text((m.optionalChain() ? "?." : ".") + m.name()),
                    args(m.args()));
            case Expr.Field f -> concat(receiver(f.receiver()), text((f.optionalChain() ? "?." : ".") + f.name()));
            case Expr.Index i -> concat(expr(i.receiver(), POSTFIX), text("["), expr(i.index()), text("]"));
            case Expr.IsPresent p -> concat(p.operand() instanceof Expr.IsPresent ? parens(raw(p.operand()))
                    : expr(p.operand(), POSTFIX), text("?"));
            case Expr.Receive r -> concat(text("<- "), expr(r.channel(), PIPE));
            case Expr.TryReceive r -> concat(text("<-? "), expr(r.channel(), PIPE));
            case Expr.ReceiveCount r -> concat(text("<-"), r.count() instanceof Expr.IntLit || r.count() instanceof Expr.Name
                    ? raw(r.count()) : parens(raw(r.count())), text(" "), expr(r.channel(), PIPE));
            case Expr.Send s -> concat(expr(s.channel(), SEND), text(" <- "), expr(s.value(), ASSIGN));
            case Expr.Error x -> text(source(x.span())); // never reached: files with errors are not formatted
        };
    }

    /** A member access binds to a number literal only in parentheses ({@code 5.x} lexes as the float 5.). */
    private Doc receiver(Expr r) {
        if (r instanceof Expr.IntLit || r instanceof Expr.FloatLit || r instanceof Expr.IsPresent) {
            return parens(raw(r)); // `x?.f` would be optional chaining
        }
        return expr(r, POSTFIX);
    }

    private Doc binary(Expr.Binary b) {
        if (b.op() == BinaryOp.POW) {
            // the base is a unary operand and `**` groups to the right; `^` is the same operator
            String symbol = between(b.left().span(), b.right().span()).contains("**") ? "**" : "^";
            if (!between(b.left().span(), b.right().span()).contains("^")) symbol = "**";
            return concat(expr(b.left(), UNARY), text(" " + symbol + " "), expr(b.right(), POW));
        }
        int p = binaryPrec(b.op());
        return concat(expr(b.left(), p), text(" " + b.op().symbol + " "), expr(b.right(), p + 1));
    }

    private String compoundSymbol(Expr.Assign a) {
        if (a.op() == BinaryOp.POW) {
            return between(a.target().span(), a.value().span()).contains("^=") ? "^=" : "**=";
        }
        return a.op().symbol + "=";
    }

    /** Source text between two sibling nodes (an operator, maybe parentheses). */
    private String between(Span left, Span right) {
        int from = Math.min(left.end(), src.length());
        int to = Math.max(from, Math.min(right.start(), src.length()));
        return src.substring(from, to);
    }

    private Doc tuple(Expr.TupleLit t) {
        if (t.elements().size() == 1) return concat(text("("), expr(t.elements().get(0)), text(",)"));
        return Doc.bracketed("(", exprs(t.elements()), ")", false);
    }

    List<Doc> exprs(List<Expr> es) {
        List<Doc> out = new ArrayList<>();
        for (Expr e : es) out.add(expr(e));
        return out;
    }

    Doc args(List<Expr> args) { return Doc.bracketed("(", exprs(args), ")", false); }

    private List<Doc> fields(List<ObjectField> fields) {
        List<Doc> out = new ArrayList<>();
        for (ObjectField f : fields) {
            Doc key = text(fieldKey(f));
            out.add(f.shorthand() ? key : concat(key, text(": "), expr(f.value())));
        }
        return out;
    }

    /** A key written as a string stays a string (it need not be a name); its source spelling is kept. */
    private String fieldKey(ObjectField f) {
        int at = f.span().start();
        if (at < src.length() && (src.charAt(at) == '"' || src.charAt(at) == '\'')) return rawString(at);
        return f.key();
    }

    /** The source of the plain string token starting at {@code start} (a quote). */
    private String rawString(int start) {
        char quote = src.charAt(start);
        int i = start + 1;
        while (i < src.length() && src.charAt(i) != quote) i += src.charAt(i) == '\\' ? 2 : 1;
        return src.substring(start, Math.min(i + 1, src.length()));
    }

    /** {@code s} as a double-quoted ngn string literal with the same value. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '$' -> sb.append("\\$");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Text parts keep their source spelling (escapes, quotes, line breaks); interpolated expressions are
     * reprinted on one line. A literal with a comment inside, or whose interpolation would not stay on one
     * line, is copied as written.
     */
    private Doc string(Expr.StringLit s) {
        Span sp = s.span();
        boolean interpolates = s.parts().stream().anyMatch(p -> p instanceof StringPart.Interp);
        if (!interpolates || comments.anyWithin(sp.start(), sp.end())) return verbatim(sp);
        char quote = src.charAt(sp.start());
        StringBuilder sb = new StringBuilder().append(quote);
        for (StringPart part : s.parts()) {
            switch (part) {
                case StringPart.Text t -> sb.append(source(t.span()));
                case StringPart.Interp i -> {
                    String inner = Doc.Layout.render(expr(i.expr()), Integer.MAX_VALUE / 2);
                    if (inner.indexOf('\n') >= 0) return verbatim(sp);
                    sb.append("${").append(inner).append('}');
                }
            }
        }
        return text(sb.append(quote).toString());
    }

    private Doc verbatim(Span sp) {
        comments.skipWithin(sp.start(), sp.end());
        return text(source(sp));
    }

    private Doc closure(Expr.Closure c) {
        List<Doc> parts = new ArrayList<>();
        if (c.params().isEmpty()) {
            parts.add(text("||"));
        } else {
            List<Doc> ps = new ArrayList<>();
            for (Param p : c.params()) ps.add(param(p, true));
            parts.add(concat(text("|"), Doc.join(ps, text(", ")), text("|")));
        }
        if (c.returnType() != null) parts.add(concat(text(": "), type(c.returnType(), true)));
        parts.add(text(" "));
        if (c.expressionBody()) {
            Doc body = expr(((dev.ngnc.ast.Stmt.ExprStmt) c.body().statements().get(0)).expr());
            parts.add(Doc.firstChar(body) == '{' ? parens(body) : body); // `{` would open a block body
        } else {
            parts.add(stmts.block(c.body()));
        }
        return concat(parts);
    }

    /** {@code name?: <T = default}; closure parameter types cannot be bare unions (a '|' ends the list). */
    Doc param(Param p, boolean closure) {
        List<Doc> parts = new ArrayList<>();
        parts.add(text(p.name() + (p.optional() ? "?" : "")));
        if (p.type() != null) parts.add(concat(text(p.owned() ? ": <" : ": "), type(p.type(), closure)));
        if (p.defaultValue() != null) parts.add(concat(text(" = "), expr(p.defaultValue(), PIPE)));
        return concat(parts);
    }

    // ---------------------------------------------------------------- types

    Doc typeArgs(List<TypeExpr> args) {
        if (args.isEmpty()) return Doc.EMPTY;
        List<Doc> ds = new ArrayList<>();
        for (TypeExpr t : args) ds.add(type(t, false));
        return concat(text("<"), Doc.join(ds, text(", ")), text(">"));
    }

    /** A type; {@code noUnion} where the parser reads no top-level union (closure parameters and results). */
    Doc type(TypeExpr t, boolean noUnion) {
        return switch (t) {
            case TypeExpr.Named n -> concat(text(n.name()), typeArgs(n.args()));
            case TypeExpr.Fn f -> concat(text("fn"), typeArgs(f.args()));
            case TypeExpr.Count c -> text(Long.toString(c.value()));
            case TypeExpr.Tuple tu -> {
                List<Doc> ds = new ArrayList<>();
                for (TypeExpr e : tu.elements()) ds.add(type(e, false));
                yield concat(text("("), Doc.join(ds, text(", ")), text(ds.size() == 1 ? ",)" : ")"));
            }
            case TypeExpr.Optional o -> {
                // the inner type is a primary one; `T??` would lex as '??'
                boolean wrap = o.inner() instanceof TypeExpr.Union || o.inner() instanceof TypeExpr.Optional;
                Doc inner = type(o.inner(), false);
                yield concat(wrap ? parens(inner) : inner, text("?"));
            }
            case TypeExpr.Union u -> {
                List<Doc> ds = new ArrayList<>();
                for (TypeExpr m : u.members()) ds.add(m instanceof TypeExpr.Union ? parens(type(m, false)) : type(m, true));
                Doc d = Doc.join(ds, text(" | "));
                yield noUnion ? parens(d) : d;
            }
        };
    }

    /** A declared type after a name: {@code : T}, or the array shorthand {@code <T>} when written so. */
    Doc declaredType(TypeExpr t) {
        if (t == null) return Doc.EMPTY;
        if (t instanceof TypeExpr.Named n && n.name().equals("array") && n.args().size() == 1
                && t.span().start() < src.length() && src.charAt(t.span().start()) == '<') {
            return concat(text("<"), type(n.args().get(0), false), text(">"));
        }
        return concat(text(": "), type(t, false));
    }

    // ---------------------------------------------------------------- patterns

    Doc binding(Pattern p) {
        return switch (p) {
            case Pattern.Bind b -> text(b.name());
            case Pattern.ArrayPat a -> text("[" + names(a.names(), a.rest()) + "]");
            case Pattern.TuplePat t -> text("(" + names(t.names(), t.rest()) + ")");
            case Pattern.ObjectPat o -> {
                List<String> items = new ArrayList<>();
                for (Pattern.FieldBinding f : o.fields()) {
                    items.add(f.field().equals(f.binding()) ? f.field() : f.field() + ": " + f.binding());
                }
                if (o.rest() != null) items.add("..." + o.rest());
                yield text(items.isEmpty() ? "{}" : "{ " + String.join(", ", items) + " }");
            }
        };
    }

    private static String names(List<String> names, String rest) {
        List<String> items = new ArrayList<>(names);
        if (rest != null) items.add("..." + rest);
        return String.join(", ", items);
    }

    Doc matchPattern(MatchPattern p) {
        return switch (p) {
            case MatchPattern.Wildcard w -> text("_");
            case MatchPattern.Variant v -> text((v.enumName() == null ? "" : v.enumName() + "::") + v.variant()
                    + (v.binding() == null ? "" : "(" + v.binding() + ")"));
            case MatchPattern.Literal l -> patternOperand(l.value());
            case MatchPattern.Range r -> concat(patternOperand(r.from()), text(r.inclusive() ? ".." : "..<"),
                    patternOperand(r.to()));
        };
    }

    /** A pattern starting with a name would be read as a variant, so such a value goes in parentheses. */
    private Doc patternOperand(Expr e) {
        Doc d = expr(e, RANGE + 1);
        String flat = Doc.Layout.render(d, Integer.MAX_VALUE / 2);
        int end = 0;
        while (end < flat.length() && (end == 0 ? IdentifierChars.isStart(flat.codePointAt(end))
                : IdentifierChars.isContinue(flat.codePointAt(end)))) {
            end += Character.charCount(flat.codePointAt(end));
        }
        boolean startsWithName = end > 0 && TokenKind.keyword(flat.substring(0, end)) == null;
        return startsWithName ? parens(d) : d;
    }

    String source(Span s) {
        return src.substring(Math.min(s.start(), src.length()), Math.min(s.end(), src.length()));
    }
}
