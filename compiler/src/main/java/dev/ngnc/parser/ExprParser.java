package dev.ngnc.parser;

import dev.ngnc.ast.BinaryOp;
import dev.ngnc.ast.Expr;
import dev.ngnc.ast.ObjectField;
import dev.ngnc.ast.Param;
import dev.ngnc.ast.Stmt;
import dev.ngnc.ast.StringPart;
import dev.ngnc.ast.TypeExpr;
import dev.ngnc.ast.UnaryOp;
import dev.ngnc.lexer.StringSegment;
import dev.ngnc.lexer.Token;
import dev.ngnc.lexer.TokenKind;
import dev.ngnc.source.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Expressions, lowest to highest precedence (spec 2.1):
 * send {@code <-}, assignment (right-assoc), then precedence climbing over
 * {@code |> ?? || && == != < > <= >= .. ..< + - * / %}, then {@code ** ^} (right-assoc, unary left
 * operand), prefix {@code - ! <- <-? <-N}, and postfix call/member/index/{@code ?}.
 */
final class ExprParser {
    static final int PREC_PIPE = 3;
    static final int PREC_RANGE = 9;

    private final ParseContext ctx;
    private final TokenCursor c;

    ExprParser(ParseContext ctx) {
        this.ctx = ctx;
        this.c = ctx.cursor;
    }

    Expr parseExpr() {
        Expr left = parseAssignment();
        while (c.at(TokenKind.ARROW_LEFT)) {
            skipNewlinesAfterOperator(c.advance());
            Expr value = parseAssignment();
            left = new Expr.Send(left, value, left.span().to(value.span()));
        }
        return left;
    }

    Expr parseAssignment() {
        Expr target = parseBinary(PREC_PIPE);
        Token opToken = c.peek();
        if (!isAssignOperator(opToken.kind())) return target;
        skipNewlinesAfterOperator(c.advance());
        Expr value = rightOperand(this::parseAssignment);
        BinaryOp op = compoundOp(opToken.kind());
        checkAssignTarget(target, op, opToken);
        return new Expr.Assign(target, op, value, target.span().to(value.span()));
    }

    /** Precedence climbing over the binary levels from {@code |>} up to {@code * / %}. */
    Expr parseBinary(int minPrec) {
        Expr left = parsePower();
        while (true) {
            Token op = c.peek();
            int prec = precedence(op.kind());
            if (prec < 0 || prec < minPrec) return left;
            c.advance();
            rejectForeignOperator(left, op);
            skipNewlinesAfterOperator(op);
            Expr right = parseBinary(prec + 1);
            Span span = left.span().to(right.span());
            switch (op.kind()) {
                case PIPE_GT -> {
                    checkPipeStage(right);
                    left = new Expr.Pipe(left, right, span);
                }
                case DOT_DOT, DOT_DOT_LT -> {
                    left = new Expr.Range(left, right, op.is(TokenKind.DOT_DOT), span);
                    if (precedence(c.peek().kind()) == PREC_RANGE) {
                        throw c.errorAt(c.peek(), "range operators cannot be chained", "put one range in parentheses");
                    }
                }
                default -> left = new Expr.Binary(binaryOp(op.kind()), left, right, span);
            }
        }
    }

    /**
     * {@code i++}, {@code a === b}, {@code a !== b}: operators of other languages that lex as two of ngn's. Without
     * this the error would be "expected expression, found '+'", at the second half.
     */
    private void rejectForeignOperator(Expr left, Token op) {
        Token next = c.peekRaw();
        if (next.span().start() != op.span().end()) return;
        if ((op.is(TokenKind.PLUS) && next.is(TokenKind.PLUS)) || (op.is(TokenKind.MINUS) && next.is(TokenKind.MINUS))) {
            String twice = op.text() + op.text();
            String target = left instanceof Expr.Name n ? n.name() : "x";
            throw c.errorAt(op, "ngn has no '" + twice + "'", "write " + target + " " + op.text() + "= 1");
        }
        if ((op.is(TokenKind.EQ_EQ) || op.is(TokenKind.BANG_EQ)) && next.is(TokenKind.EQ)) {
            throw c.errorAt(op, "ngn has no '" + op.text() + "='",
                    "write " + op.text() + ": it compares values without converting types");
        }
    }

    private Expr parsePower() {
        Expr base = parseUnary();
        if (!c.at(TokenKind.STAR_STAR) && !c.at(TokenKind.CARET)) return base;
        skipNewlinesAfterOperator(c.advance());
        Expr exponent = rightOperand(this::parsePower);
        return new Expr.Binary(BinaryOp.POW, base, exponent, base.span().to(exponent.span()));
    }

    /**
     * A line may end with a binary operator and continue on the next one. If the next line cannot
     * continue it, the error points at the end of the operator's line, so recovery stops there and
     * the next line is parsed on its own.
     */
    private void skipNewlinesAfterOperator(Token operator) {
        int save = c.position();
        c.skipNewlines();
        if (c.position() != save && !canStartExpression(c.peek())) {
            c.reset(save);
            Token newline = c.peekRaw();
            throw c.errorAt(newline, "expected expression after '" + operator.text() + "', found newline", null);
        }
    }

    /** Right-associative operators recurse once per operator; the guard keeps long chains off the stack limit. */
    private Expr rightOperand(Supplier<Expr> parse) {
        c.enter();
        try {
            return parse.get();
        } finally {
            c.exit();
        }
    }

    Expr parseUnary() {
        c.enter();
        try {
            Token t = c.peek();
            switch (t.kind()) {
                case MINUS, BANG -> {
                    c.advance();
                    Expr operand = parseUnary();
                    UnaryOp op = t.is(TokenKind.MINUS) ? UnaryOp.NEG : UnaryOp.NOT;
                    return new Expr.Unary(op, operand, c.spanFrom(t.span()));
                }
                case ARROW_LEFT -> {
                    return parseReceive();
                }
                case ARROW_LEFT_QUESTION -> {
                    c.advance();
                    Expr channel = parseBinary(PREC_PIPE);
                    return new Expr.TryReceive(channel, c.spanFrom(t.span()));
                }
                default -> {
                    return parsePostfix(parsePrimary());
                }
            }
        } finally {
            c.exit();
        }
    }

    /**
     * {@code <- e} or {@code <-N e}: after {@code <-} one full expression is read; if another
     * expression starts right after it (same line), the first one was the count (spec 10.3).
     */
    private Expr parseReceive() {
        Token arrow = c.advance();
        Expr first = parseBinary(PREC_PIPE);
        if (startsCountedChannel(c.peek())) {
            Expr channel = parseBinary(PREC_PIPE);
            return new Expr.ReceiveCount(first, channel, c.spanFrom(arrow.span()));
        }
        return new Expr.Receive(first, c.spanFrom(arrow.span()));
    }

    private static boolean startsCountedChannel(Token t) {
        return switch (t.kind()) {
            case IDENT, INT, FLOAT, STRING, LPAREN, LBRACKET, THIS, NULL, TRUE, FALSE, DOLLAR, BANG,
                 ARROW_LEFT, ARROW_LEFT_QUESTION -> true;
            default -> t.kind().isCallHead();
        };
    }

    /** Whether {@code t} can begin an expression (decides e.g. whether {@code return} has a value). */
    static boolean canStartExpression(Token t) {
        return switch (t.kind()) {
            case IDENT, INT, FLOAT, STRING, REGEX, LPAREN, LBRACKET, LBRACE, THIS, NULL, TRUE, FALSE, DOLLAR,
                 MINUS, BANG, ARROW_LEFT, ARROW_LEFT_QUESTION, PIPE, PIPE_PIPE -> true;
            default -> t.kind().isCallHead();
        };
    }

    // ---------------------------------------------------------------- postfix

    private Expr parsePostfix(Expr expr) {
        while (true) {
            Token t = c.peek();
            switch (t.kind()) {
                case LPAREN -> {
                    List<Expr> args = parseArguments();
                    expr = new Expr.Call(expr, List.of(), args, c.spanFrom(expr.span()));
                }
                case DOT, QUESTION_DOT -> {
                    c.advance();
                    boolean optional = t.is(TokenKind.QUESTION_DOT);
                    Token name = expectMemberName();
                    if (c.at(TokenKind.LPAREN)) {
                        List<Expr> args = parseArguments();
                        expr = new Expr.MethodCall(expr, name.text(), args, optional, c.spanFrom(expr.span()));
                    } else {
                        expr = new Expr.Field(expr, name.text(), optional, c.spanFrom(expr.span()));
                    }
                }
                case LBRACKET -> {
                    c.advance();
                    c.pushMode(true);
                    Expr index = parseExpr();
                    c.expectClosing(TokenKind.RBRACKET, "to close the index");
                    c.popMode();
                    expr = new Expr.Index(expr, index, c.spanFrom(expr.span()));
                }
                case QUESTION -> {
                    c.advance();
                    expr = new Expr.IsPresent(expr, c.spanFrom(expr.span()));
                }
                default -> {
                    return expr;
                }
            }
        }
    }

    /**
     * After '.' any word is accepted as a member name. The reference rejects reserved words other
     * than {@code map}/{@code set} there; accepting them costs nothing and reads naturally.
     */
    private Token expectMemberName() {
        Token t = c.peek();
        if (t.is(TokenKind.IDENT) || t.kind().isKeyword()) return c.advance();
        throw c.errorExpected("a field or method name after '.'");
    }

    /** {@code ( args )} with newlines skipped inside and an optional trailing comma. */
    List<Expr> parseArguments() {
        c.expect(TokenKind.LPAREN, "to open arguments");
        c.pushMode(true);
        List<Expr> args = new ArrayList<>();
        while (!c.at(TokenKind.RPAREN)) {
            args.add(parseExpr());
            if (!c.accept(TokenKind.COMMA)) break;
        }
        c.expectClosing(TokenKind.RPAREN, "after arguments");
        c.popMode();
        return List.copyOf(args);
    }

    // ---------------------------------------------------------------- primary

    private Expr parsePrimary() {
        Token t = c.peek();
        Span s = t.span();
        switch (t.kind()) {
            case INT -> {
                c.advance();
                return new Expr.IntLit(t.intValue(), s);
            }
            case FLOAT -> {
                c.advance();
                return new Expr.FloatLit(t.floatValue(), s);
            }
            case STRING -> {
                c.advance();
                return stringLiteral(t);
            }
            case REGEX -> {
                c.advance();
                return new Expr.RegexLit(t.regex().pattern(), t.regex().flags(), s);
            }
            case TRUE, FALSE -> {
                c.advance();
                return new Expr.BoolLit(t.is(TokenKind.TRUE), s);
            }
            case NULL -> {
                c.advance();
                return new Expr.NullLit(s);
            }
            case THIS -> {
                c.advance();
                return new Expr.This(s);
            }
            case DOLLAR -> {
                c.advance();
                return new Expr.Placeholder(t.placeholderIndex(), s);
            }
            case IDENT -> {
                return parseName();
            }
            case LPAREN -> {
                return parseParenOrTuple();
            }
            case LBRACKET -> {
                return parseArray();
            }
            case LBRACE -> {
                Token open = c.advance();
                return new Expr.ObjectLit(parseFields(open, "object"), c.spanFrom(s));
            }
            case PIPE, PIPE_PIPE -> {
                return parseClosure();
            }
            case DOT -> {
                if (c.rawAfterCurrent().is(TokenKind.INT)) {
                    throw c.errorAt(t, "expected expression, found '.'", "write a leading zero, e.g. 0.5");
                }
                throw c.errorExpected("expression");
            }
            default -> {
                if (t.kind().isCallHead()) return parseName();
                throw c.errorExpected("expression");
            }
        }
    }

    /**
     * A name, {@code Enum::Variant}, a generic call head ({@code channel<T>()}, {@code map<K, V>()}),
     * or a model literal {@code Name { … }} / {@code Name<T> { … }}. A model literal needs an
     * uppercase name with its '{' directly after it, so {@code while (c) {} } and friends never
     * qualify: their '{' follows ')'.
     */
    private Expr parseName() {
        Token name = c.advance();
        Span s = name.span();
        if (name.is(TokenKind.IDENT) && c.peekRaw().is(TokenKind.COLON_COLON)) {
            c.advance();
            Token member = c.expect(TokenKind.IDENT, "after '::'");
            return new Expr.Path(name.text(), member.text(), c.spanFrom(s));
        }
        boolean upper = name.is(TokenKind.IDENT) && Character.isUpperCase(name.text().codePointAt(0));
        Expr nameExpr = new Expr.Name(name.text(), s);
        boolean mayHaveTypeArgs = upper || name.kind().isCallHead();
        if (mayHaveTypeArgs && c.peekRaw().is(TokenKind.LT) && ctx.types.looksLikeTypeArgs(upper)) {
            List<TypeExpr> typeArgs = ctx.types.parseTypeArgs();
            if (c.peekRaw().is(TokenKind.LBRACE)) {
                Token open = c.advance();
                return new Expr.ModelLit(name.text(), typeArgs, parseFields(open, "model literal"), c.spanFrom(s));
            }
            List<Expr> args = parseArguments();
            return new Expr.Call(nameExpr, typeArgs, args, c.spanFrom(s));
        }
        if ((upper || emojiModelLiteralAhead(name)) && c.peekRaw().is(TokenKind.LBRACE)) {
            Token open = c.advance();
            return new Expr.ModelLit(name.text(), List.of(), parseFields(open, "model literal"), c.spanFrom(s));
        }
        return nameExpr;
    }

    /**
     * An emoji name directly followed by {@code { field: …} or {@code {}}: a model literal ({@code 🏠 { 🚪: "x" }}).
     * Emoji have no case, so the shape of what follows decides instead of an uppercase initial.
     */
    private boolean emojiModelLiteralAhead(Token name) {
        if (!name.is(TokenKind.IDENT) || !dev.ngnc.lexer.IdentifierChars.startsWithEmoji(name.text())
                || !c.peekRaw().is(TokenKind.LBRACE)) {
            return false;
        }
        int i = c.position() + 1;
        while (c.tokenAt(i).is(TokenKind.NEWLINE)) i++;
        Token first = c.tokenAt(i);
        return first.is(TokenKind.RBRACE) || first.is(TokenKind.IDENT) && c.tokenAt(i + 1).is(TokenKind.COLON);
    }

    /** {@code ()}, {@code (e)} (plain grouping), {@code (a, b)}, and {@code (a,)} (a one-element tuple). */
    private Expr parseParenOrTuple() {
        Span start = c.advance().span();
        c.pushMode(true);
        if (c.accept(TokenKind.RPAREN)) {
            c.popMode();
            return new Expr.TupleLit(List.of(), c.spanFrom(start));
        }
        Expr first = parseExpr();
        if (!c.at(TokenKind.COMMA)) {
            c.expectClosing(TokenKind.RPAREN, "to close '('");
            c.popMode();
            return first;
        }
        List<Expr> elements = new ArrayList<>();
        elements.add(first);
        while (c.accept(TokenKind.COMMA)) {
            if (c.at(TokenKind.RPAREN)) break;
            elements.add(parseExpr());
        }
        c.expectClosing(TokenKind.RPAREN, "to close the tuple");
        c.popMode();
        return new Expr.TupleLit(List.copyOf(elements), c.spanFrom(start));
    }

    private Expr parseArray() {
        Span start = c.advance().span();
        c.pushMode(true);
        List<Expr> elements = new ArrayList<>();
        while (!c.at(TokenKind.RBRACKET)) {
            elements.add(parseExpr());
            if (!c.accept(TokenKind.COMMA)) break;
        }
        c.expectClosing(TokenKind.RBRACKET, "to close the array");
        c.popMode();
        return new Expr.ArrayLit(List.copyOf(elements), c.spanFrom(start));
    }

    /**
     * Fields of an object or model literal, after its '{': {@code key: value}, shorthand {@code key},
     * string keys. Commas are optional between fields because newlines are skipped in here.
     * Model literals accept shorthand too (the reference mis-parses it; we build the obvious thing).
     */
    private List<ObjectField> parseFields(Token open, String what) {
        c.pushMode(true);
        List<ObjectField> fields = new ArrayList<>();
        while (!c.at(TokenKind.RBRACE)) {
            if (c.at(TokenKind.EOF)) {
                throw c.errorAt(open, "expected '}' to close this " + what + ", found end of file", null);
            }
            fields.add(parseField(what));
            c.accept(TokenKind.COMMA);
        }
        c.advance();
        c.popMode();
        return List.copyOf(fields);
    }

    private ObjectField parseField(String what) {
        Token key = c.peek();
        String name;
        if (key.is(TokenKind.STRING)) {
            name = plainString(key, "an object key");
        } else if (key.is(TokenKind.IDENT) || key.kind().isKeyword()) {
            name = key.text();
        } else {
            throw c.errorExpected("a field name in " + what);
        }
        c.advance();
        if (c.accept(TokenKind.COLON)) {
            Expr value = parseExpr();
            return new ObjectField(name, value, false, c.spanFrom(key.span()));
        }
        if (!key.is(TokenKind.IDENT)) {
            throw c.errorAt(c.peek(), "expected ':' after key " + key.describe() + ", found " + c.peek().describe(), null);
        }
        return new ObjectField(name, new Expr.Name(name, key.span()), true, key.span());
    }

    /** {@code |a: T, b| body}, {@code || body}, {@code |x|: T body}; body is a block or one expression. */
    private Expr parseClosure() {
        Token open = c.advance();
        List<Param> params = new ArrayList<>();
        if (open.is(TokenKind.PIPE)) {
            c.pushMode(true);
            while (!c.at(TokenKind.PIPE)) {
                params.add(ctx.decls.parseParam(true));
                if (!c.accept(TokenKind.COMMA)) break;
            }
            c.expect(TokenKind.PIPE, "to close closure parameters");
            c.popMode();
            ctx.decls.checkDistinct(params);
        }
        TypeExpr returnType = null;
        if (c.peekRaw().is(TokenKind.COLON)) {
            c.advance();
            returnType = ctx.types.parseNoUnion();
        }
        if (c.at(TokenKind.LBRACE)) {
            Stmt.Block body = ctx.stmts.parseBlock();
            return new Expr.Closure(List.copyOf(params), returnType, body, false, c.spanFrom(open.span()));
        }
        Expr value = parseExpr();
        Stmt.Block body = new Stmt.Block(List.of(new Stmt.ExprStmt(value, value.span())), value.span());
        return new Expr.Closure(List.copyOf(params), returnType, body, true, c.spanFrom(open.span()));
    }

    // ---------------------------------------------------------------- strings

    private Expr stringLiteral(Token t) {
        List<StringPart> parts = new ArrayList<>();
        for (StringSegment seg : t.segments()) {
            switch (seg) {
                case StringSegment.Text text -> parts.add(new StringPart.Text(text.value(), text.span()));
                case StringSegment.Interpolation interp ->
                        parts.add(new StringPart.Interp(parseInterpolation(interp), interp.span()));
            }
        }
        return new Expr.StringLit(List.copyOf(parts), t.span());
    }

    private Expr parseInterpolation(StringSegment.Interpolation interp) {
        ParseContext sub = ctx.forInterpolation(interp.tokens());
        TokenCursor sc = sub.cursor;
        if (sc.at(TokenKind.EOF)) {
            sc.report(interp.span(), "empty interpolation '${}'", "put an expression inside, or write \\${ for a literal ${");
            return new Expr.Error(interp.span());
        }
        try {
            Expr e = sub.exprs.parseExpr();
            if (!sc.at(TokenKind.EOF)) {
                throw sc.errorAt(sc.peek(), "expected '}' to end the interpolation, found " + sc.peek().describe(), null);
            }
            return e;
        } catch (ParseError err) {
            return new Expr.Error(interp.span());
        }
    }

    /** The text of a string token that must not contain interpolation (import paths, object keys). */
    String plainString(Token t, String what) {
        StringBuilder sb = new StringBuilder();
        for (StringSegment seg : t.segments()) {
            if (seg instanceof StringSegment.Text text) {
                sb.append(text.value());
            } else {
                c.report(seg.span(), "interpolation is not allowed in " + what, null);
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- operator tables

    private static int precedence(TokenKind k) {
        return switch (k) {
            case PIPE_GT -> PREC_PIPE;
            case QUESTION_QUESTION -> 4;
            case PIPE_PIPE -> 5;
            case AMP_AMP -> 6;
            case EQ_EQ, BANG_EQ -> 7;
            case LT, GT, LT_EQ, GT_EQ -> 8;
            case DOT_DOT, DOT_DOT_LT -> PREC_RANGE;
            case PLUS, MINUS -> 10;
            case STAR, SLASH, PERCENT -> 11;
            default -> -1;
        };
    }

    private static BinaryOp binaryOp(TokenKind k) {
        return switch (k) {
            case QUESTION_QUESTION -> BinaryOp.COALESCE;
            case PIPE_PIPE -> BinaryOp.OR;
            case AMP_AMP -> BinaryOp.AND;
            case EQ_EQ -> BinaryOp.EQ;
            case BANG_EQ -> BinaryOp.NE;
            case LT -> BinaryOp.LT;
            case GT -> BinaryOp.GT;
            case LT_EQ -> BinaryOp.LE;
            case GT_EQ -> BinaryOp.GE;
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUB;
            case STAR -> BinaryOp.MUL;
            case SLASH -> BinaryOp.DIV;
            case PERCENT -> BinaryOp.MOD;
            default -> throw new IllegalArgumentException("not a binary operator: " + k);
        };
    }

    private static boolean isAssignOperator(TokenKind k) {
        return switch (k) {
            case EQ, PLUS_EQ, MINUS_EQ, STAR_EQ, SLASH_EQ, PERCENT_EQ, STAR_STAR_EQ, CARET_EQ -> true;
            default -> false;
        };
    }

    /** The arithmetic of a compound assignment; null for plain '='. */
    private static BinaryOp compoundOp(TokenKind k) {
        return switch (k) {
            case PLUS_EQ -> BinaryOp.ADD;
            case MINUS_EQ -> BinaryOp.SUB;
            case STAR_EQ -> BinaryOp.MUL;
            case SLASH_EQ -> BinaryOp.DIV;
            case PERCENT_EQ -> BinaryOp.MOD;
            case STAR_STAR_EQ, CARET_EQ -> BinaryOp.POW;
            default -> null;
        };
    }

    // ---------------------------------------------------------------- shape checks (syntax errors in the reference)

    /** '=' assigns to a name or a field path {@code a.b.c} (also {@code this.f}); compound ops only to a name. */
    private void checkAssignTarget(Expr target, BinaryOp op, Token opToken) {
        if (target instanceof Expr.Error) return;
        boolean ok = op == null ? isFieldPath(target) && !(target instanceof Expr.This) : target instanceof Expr.Name;
        if (ok) return;
        String hint;
        if (op != null && isFieldPath(target)) {
            hint = "compound assignment only works on a plain variable; write x.f = x.f " + op.symbol + " …";
        } else if (target instanceof Expr.Index) {
            hint = "arrays and maps have no element assignment; use methods such as push, splice or set";
        } else {
            hint = "only a variable or a field path like a.b.c can be assigned";
        }
        c.report(target.span(), "invalid assignment target", hint);
    }

    private static boolean isFieldPath(Expr e) {
        return switch (e) {
            case Expr.Name n -> true;
            case Expr.This t -> true;
            case Expr.Field f -> !f.optionalChain() && isFieldPath(f.receiver());
            default -> false;
        };
    }

    private void checkPipeStage(Expr stage) {
        boolean ok = switch (stage) {
            case Expr.Name n -> true;
            case Expr.Path p -> true;
            case Expr.Call call -> true;
            case Expr.MethodCall m -> true;
            case Expr.Field f -> true;
            case Expr.Error e -> true;
            default -> Placeholders.contains(stage);
        };
        if (!ok) {
            c.report(stage.span(), "Pipe target must be a function, function call, or expression using '$'",
                    "e.g. x |> f, x |> f(a), or x |> $ * 2");
        }
    }
}
