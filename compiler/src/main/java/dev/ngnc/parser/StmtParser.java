package dev.ngnc.parser;

import dev.ngnc.ast.DeclKind;
import dev.ngnc.ast.Expr;
import dev.ngnc.ast.MatchArm;
import dev.ngnc.ast.MatchPattern;
import dev.ngnc.ast.Pattern;
import dev.ngnc.ast.Stmt;
import dev.ngnc.ast.TypeExpr;
import dev.ngnc.lexer.Token;
import dev.ngnc.lexer.TokenKind;
import dev.ngnc.source.Span;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Statements inside bodies. Statements need no terminator: an expression stops where the next
 * token cannot continue it (a newline, in a block), so {@code a() b()} is two statements, as in
 * the reference.
 */
final class StmtParser {
    private final ParseContext ctx;
    private final TokenCursor c;

    StmtParser(ParseContext ctx) {
        this.ctx = ctx;
        this.c = ctx.cursor;
    }

    Stmt parseStatement() {
        c.enter();
        try {
            Token t = c.peek();
            return switch (t.kind()) {
                case VAR, CONST -> parseVarDecl();
                case IF -> parseIf();
                case WHILE -> parseWhile();
                case LOOP -> {
                    c.advance();
                    Stmt body = parseBody();
                    yield new Stmt.Loop(body, c.spanFrom(t.span()));
                }
                case FOR -> parseFor();
                case MATCH -> parseMatch();
                case NEXT -> new Stmt.Next(c.advance().span());
                case BREAK -> new Stmt.Break(c.advance().span());
                case RETURN -> parseReturn();
                case CHECK -> parseCheck();
                case FN -> new Stmt.LocalFn(ctx.decls.parseFn(false, false), c.spanFrom(t.span()));
                case LBRACE -> parseBlock();
                case GLOBAL, MODEL, ENUM, ROLE, EXTEND, TYPE, IMPORT, EXPORT -> misplacedDeclaration(t);
                case IDENT -> isForeignDeclaration(t) ? foreignDeclaration(t) : expressionStatement();
                default -> {
                    Expr e = ctx.exprs.parseExpr();
                    yield new Stmt.ExprStmt(e, e.span());
                }
            };
        } finally {
            c.exit();
        }
    }

    private Stmt expressionStatement() {
        Expr e = ctx.exprs.parseExpr();
        return new Stmt.ExprStmt(e, e.span());
    }

    /** {@code let x = …}, {@code val x = …}, {@code let mut x = …}: another language's declaration keyword. */
    private boolean isForeignDeclaration(Token t) {
        if (!t.text().equals("let") && !t.text().equals("val")) return false;
        Token next = c.rawAfterCurrent();
        return next.is(TokenKind.IDENT);
    }

    /**
     * One error for the keyword, then the rest parsed as a declaration ({@code var} for {@code let mut}, else
     * {@code const}), so the name is declared and its uses do not cascade into "undefined variable" errors.
     */
    private Stmt foreignDeclaration(Token kw) {
        c.advance();
        boolean mutable = c.peek().is(TokenKind.IDENT) && c.peek().text().equals("mut") && c.rawAfterCurrent().is(TokenKind.IDENT);
        if (mutable) c.advance();
        String instead = mutable ? "var" : "const";
        c.report(kw.span(), "ngn has no '" + kw.text() + (mutable ? " mut" : "") + "'; declare it with '" + instead + "'",
                "`const x = …` for a value that never changes, `var x = …` for one you reassign");
        DeclKind kind = mutable ? DeclKind.VAR : DeclKind.CONST;
        Pattern target = ctx.patterns.parseBindingPattern(instead);
        TypeExpr type = parseDeclaredType();
        c.expect(TokenKind.EQ, "after the declared name");
        c.skipNewlines();
        Expr init = ctx.exprs.parseExpr();
        return new Stmt.VarDecl(kind, target, type, init, c.spanFrom(kw.span()));
    }

    /** Top-level-only declarations inside a body: report, then parse and drop them so parsing stays in step. */
    private Stmt misplacedDeclaration(Token t) {
        String hint = t.is(TokenKind.GLOBAL) ? "use 'const' or 'var' inside functions" : null;
        c.report(t.span(), "'" + t.text() + "' is only allowed at the top level of a file", hint);
        ctx.decls.parseItem();
        return new Stmt.Block(List.of(), c.spanFrom(t.span()));
    }

    /** The body of if/while/loop/for: a block or a single statement, possibly on the next line. */
    private Stmt parseBody() {
        c.skipNewlines();
        return parseStatement();
    }

    // ---------------------------------------------------------------- blocks and recovery

    Stmt.Block parseBlock() {
        Token open = c.expect(TokenKind.LBRACE, "to open a block");
        c.pushMode(false);
        List<Stmt> stmts = parseStatementsUntil(open, false);
        c.accept(TokenKind.RBRACE);
        c.popMode();
        return new Stmt.Block(List.copyOf(stmts), c.spanFrom(open.span()));
    }

    /**
     * Statements up to the '}' of the block opened by {@code open} (left unconsumed); with
     * {@code stopAtColon} also up to a ':' at the start of a statement (block-form if branches).
     */
    private List<Stmt> parseStatementsUntil(Token open, boolean stopAtColon) {
        List<Stmt> stmts = new ArrayList<>();
        while (true) {
            c.skipNewlines();
            Token t = c.peek();
            if (t.is(TokenKind.RBRACE) || (stopAtColon && t.is(TokenKind.COLON))) break;
            if (t.is(TokenKind.EOF)) {
                c.report(open.span(), Parser.UNCLOSED_AT_END, null);
                break;
            }
            int start = c.position();
            int mark = c.modeMark();
            try {
                stmts.add(parseStatement());
            } catch (ParseError e) {
                c.resetModes(mark);
                recover(start);
            }
            if (c.position() == start) c.reset(start + 1);
        }
        return stmts;
    }

    /**
     * Skips the rest of a broken statement: up to the newline that ends it, counting brackets
     * opened since {@code start} so that a multi-line call or closure is skipped whole. A '}' that
     * nothing in the statement opened closes the enclosing block and stops the skip; stray ')'
     * and ']' are dropped. Always makes progress.
     */
    void recover(int start) {
        Deque<TokenKind> open = new ArrayDeque<>();
        for (int i = start; i < c.position(); i++) track(open, c.tokenAt(i).kind());
        if (c.position() == start && !c.peekRaw().is(TokenKind.EOF) && !c.peekRaw().is(TokenKind.RBRACE)) {
            track(open, c.peekRaw().kind());
            c.reset(start + 1);
        }
        while (true) {
            Token t = c.peekRaw();
            TokenKind k = t.kind();
            if (k == TokenKind.EOF) return;
            if (open.isEmpty() && k == TokenKind.NEWLINE) return;
            if (k == TokenKind.RBRACE && !open.contains(TokenKind.LBRACE)) return;
            track(open, k);
            c.reset(c.position() + 1);
        }
    }

    private static void track(Deque<TokenKind> open, TokenKind k) {
        if (k == TokenKind.LPAREN || k == TokenKind.LBRACKET || k == TokenKind.LBRACE) {
            open.push(k);
        } else if (isCloser(k) && open.contains(opener(k))) {
            while (!open.isEmpty() && open.pop() != opener(k)) {
                // unwind brackets left open inside the matched pair
            }
        }
    }

    private static boolean isCloser(TokenKind k) {
        return k == TokenKind.RPAREN || k == TokenKind.RBRACKET || k == TokenKind.RBRACE;
    }

    private static TokenKind opener(TokenKind closer) {
        return switch (closer) {
            case RPAREN -> TokenKind.LPAREN;
            case RBRACKET -> TokenKind.LBRACKET;
            default -> TokenKind.LBRACE;
        };
    }

    // ---------------------------------------------------------------- declarations

    private Stmt parseVarDecl() {
        Token kw = c.advance();
        DeclKind kind = kw.is(TokenKind.VAR) ? DeclKind.VAR : DeclKind.CONST;
        Pattern target = ctx.patterns.parseBindingPattern(kw.text());
        TypeExpr type = parseDeclaredType();
        if (!c.at(TokenKind.EQ) && (c.peekRaw().is(TokenKind.NEWLINE) || c.at(TokenKind.RBRACE) || c.at(TokenKind.EOF))) {
            // `var x: i64` with nothing after it: report once and keep the name declared, so its uses do not
            // cascade into "undefined variable" errors
            Token at = c.peekRaw();
            c.report(at.span(), "expected " + TokenKind.EQ.quoted() + " after the declared name, found "
                    + at.describe(), "every variable needs an initial value, e.g. `" + kw.text() + " x: i64 = 0`");
            return new Stmt.VarDecl(kind, target, type, new Expr.Error(at.span()), c.spanFrom(kw.span()));
        }
        c.expect(TokenKind.EQ, "after the declared name");
        c.skipNewlines();
        Expr init = ctx.exprs.parseExpr();
        return new Stmt.VarDecl(kind, target, type, init, c.spanFrom(kw.span()));
    }

    /** {@code : T}, or the array shorthand {@code <T>} meaning {@code array<T>}; null when absent. */
    TypeExpr parseDeclaredType() {
        if (c.accept(TokenKind.COLON)) return ctx.types.parseType();
        if (!c.at(TokenKind.LT)) return null;
        Token lt = c.advance();
        TypeExpr element = ctx.types.parseType();
        ctx.types.expectCloseAngle();
        return new TypeExpr.Named("array", List.of(element), c.spanFrom(lt.span()));
    }

    // ---------------------------------------------------------------- if

    private Stmt parseIf() {
        Token kw = c.advance();
        if (c.at(TokenKind.LBRACE)) return parseBlockIf(kw);
        Expr cond = parseCondition("if");
        return parseIfRest(kw.span(), cond);
    }

    /** After {@code if (cond)}: the branch, then optional {@code : (c2) stmt … : stmt}, newlines allowed before ':'. */
    private Stmt parseIfRest(Span start, Expr cond) {
        Stmt then = parseBody();
        int save = c.position();
        c.skipNewlines();
        if (!c.at(TokenKind.COLON)) {
            c.reset(save);
            return new Stmt.If(cond, then, null, c.spanFrom(start));
        }
        Token colon = c.advance();
        c.skipNewlines();
        Stmt otherwise;
        if (c.at(TokenKind.LPAREN)) {
            // after ':' a '(' always opens an else-if condition
            c.enter();
            try {
                Expr cond2 = parseCondition("':'");
                otherwise = parseIfRest(colon.span(), cond2);
            } finally {
                c.exit();
            }
        } else {
            otherwise = parseStatement();
        }
        return new Stmt.If(cond, then, otherwise, c.spanFrom(start));
    }

    /**
     * <pre>
     * if {
     *   (c1) stmts…
     *   : (c2) stmts…
     *   : stmts…
     * }
     * </pre>
     * becomes {@code If(c1, Block, If(c2, Block, Block))}.
     */
    private Stmt parseBlockIf(Token kw) {
        Token open = c.advance();
        c.pushMode(false);
        c.skipNewlines();
        List<Expr> conds = new ArrayList<>();
        List<Stmt.Block> bodies = new ArrayList<>();
        Stmt.Block elseBody = null;
        conds.add(parseCondition("'if {'"));
        while (true) {
            bodies.add(branchBody());
            c.skipNewlines();
            if (!c.at(TokenKind.COLON)) break;
            c.advance();
            c.skipNewlines();
            if (c.at(TokenKind.LPAREN)) {
                conds.add(parseCondition("':'"));
                continue;
            }
            elseBody = branchBody();
            c.skipNewlines();
            if (c.at(TokenKind.COLON)) {
                throw c.errorAt(c.peek(), "the branch without a condition must come last in 'if { … }'", null);
            }
            break;
        }
        if (!c.at(TokenKind.RBRACE)) {
            throw c.errorAt(c.peek(), "expected '}' to close 'if {', found " + c.peek().describe(), null);
        }
        c.advance();
        c.popMode();
        Stmt result = elseBody;
        for (int i = conds.size() - 1; i >= 0; i--) {
            Span from = i == 0 ? kw.span() : conds.get(i).span();
            result = new Stmt.If(conds.get(i), bodies.get(i), result, c.spanFrom(from));
        }
        return result;
    }

    private Stmt.Block branchBody() {
        Token first = c.peek();
        List<Stmt> stmts = parseStatementsUntil(first, true);
        Span span = stmts.isEmpty() ? first.span() : stmts.get(0).span().to(stmts.get(stmts.size() - 1).span());
        return new Stmt.Block(List.copyOf(stmts), span);
    }

    /** {@code ( expr )}; parentheses are mandatory around conditions and scrutinees. */
    Expr parseCondition(String after) {
        if (!c.at(TokenKind.LPAREN)) {
            String hint = switch (after) {
                case "match" -> "the value is written in parentheses: match (value) { … }";
                case "while", "while once" -> "the condition is written in parentheses: " + after + " (cond) …";
                default -> "conditions are written in parentheses, e.g. if (x > 1) …";
            };
            throw c.errorAt(c.peek(), "expected '(' after " + (after.startsWith("'") ? after : "'" + after + "'")
                    + ", found " + c.peek().describe(), hint);
        }
        c.advance();
        c.pushMode(true);
        Expr cond = ctx.exprs.parseExpr();
        c.expectClosing(TokenKind.RPAREN, "to close the condition");
        c.popMode();
        return cond;
    }

    // ---------------------------------------------------------------- loops

    private Stmt parseWhile() {
        Token kw = c.advance();
        boolean once = c.accept(TokenKind.ONCE);
        Expr cond = parseCondition(once ? "while once" : "while");
        Stmt body = parseBody();
        return new Stmt.While(cond, body, once, c.spanFrom(kw.span()));
    }

    private Stmt parseFor() {
        Token kw = c.advance();
        if (!c.at(TokenKind.LPAREN)) {
            throw c.errorAt(c.peek(), "expected '(' after 'for', found " + c.peek().describe(), "write for (x in items) …");
        }
        c.advance();
        if (c.at(TokenKind.VAR) || c.at(TokenKind.CONST)
                || (c.at(TokenKind.IDENT) && c.rawAfterCurrent().is(TokenKind.EQ))) {
            // for (var i = 0; i < n; i++) from C, Java, JavaScript
            throw c.errorAt(c.peek(), "ngn has no C-style for loop",
                    "loop over a range: for (i in 0..<n) { … } (0..n includes n)");
        }
        c.pushMode(true);
        String item = loopVariable();
        String index = c.accept(TokenKind.COMMA) ? loopVariable() : null;
        c.expect(TokenKind.IN, "after the loop variable");
        Expr iterable = ctx.exprs.parseExpr();
        c.expectClosing(TokenKind.RPAREN, "to close the 'for' header");
        c.popMode();
        Stmt body = parseBody();
        return new Stmt.For(item, index, iterable, body, c.spanFrom(kw.span()));
    }

    private String loopVariable() {
        if (c.at(TokenKind.IDENT) || c.at(TokenKind.UNDERSCORE)) return c.advance().text();
        throw c.errorExpected("a loop variable name");
    }

    // ---------------------------------------------------------------- match

    private Stmt parseMatch() {
        Token kw = c.advance();
        Expr scrutinee = parseCondition("match");
        c.skipNewlines();
        Token open = c.expect(TokenKind.LBRACE, "to open the match arms");
        c.pushMode(false);
        List<MatchArm> arms = new ArrayList<>();
        while (true) {
            while (c.at(TokenKind.NEWLINE) || c.at(TokenKind.COMMA)) c.advance();
            if (c.at(TokenKind.RBRACE)) break;
            if (c.at(TokenKind.EOF)) {
                c.report(open.span(), "expected '}' to close the match, found end of file", null);
                break;
            }
            int start = c.position();
            int mark = c.modeMark();
            try {
                arms.add(parseArm());
            } catch (ParseError e) {
                c.resetModes(mark);
                recover(start);
            }
            if (c.position() == start) c.reset(start + 1);
        }
        c.accept(TokenKind.RBRACE);
        c.popMode();
        return new Stmt.Match(scrutinee, List.copyOf(arms), c.spanFrom(kw.span()));
    }

    private MatchArm parseArm() {
        Span start = c.peek().span();
        List<MatchPattern> patterns = new ArrayList<>();
        patterns.add(ctx.patterns.parseMatchPattern());
        while (c.accept(TokenKind.PIPE)) {
            c.skipNewlines();
            patterns.add(ctx.patterns.parseMatchPattern());
        }
        c.expect(TokenKind.FAT_ARROW, "after the match pattern");
        c.skipNewlines();
        Stmt body = parseStatement();
        return new MatchArm(List.copyOf(patterns), body, c.spanFrom(start));
    }

    // ---------------------------------------------------------------- simple statements

    /** {@code return} alone (newline, '}', ':' or EOF next) returns nothing. */
    private Stmt parseReturn() {
        Token kw = c.advance();
        Expr value = ExprParser.canStartExpression(c.peek()) ? ctx.exprs.parseExpr() : null;
        return new Stmt.Return(value, c.spanFrom(kw.span()));
    }

    /** {@code check x? { … }} / {@code check x?, e? { … }}. */
    private Stmt parseCheck() {
        Token kw = c.advance();
        String name = c.expect(TokenKind.IDENT, "after 'check'").text();
        c.expect(TokenKind.QUESTION, "after the checked name (write check x? { … })");
        String errorName = null;
        if (c.accept(TokenKind.COMMA)) {
            errorName = c.expect(TokenKind.IDENT, "as the error name").text();
            c.expect(TokenKind.QUESTION, "after the error name (write check x?, err? { … })");
        }
        c.skipNewlines();
        if (!c.at(TokenKind.LBRACE)) {
            throw c.errorAt(c.peek(), "expected '{' after 'check " + name + "?', found " + c.peek().describe(),
                    "the failure branch of check is a block, usually ending in return or break");
        }
        Stmt.Block orElse = parseBlock();
        return new Stmt.Check(name, errorName, orElse, c.spanFrom(kw.span()));
    }
}
