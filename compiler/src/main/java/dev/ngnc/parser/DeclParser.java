package dev.ngnc.parser;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Expr;
import dev.ngnc.ast.Param;
import dev.ngnc.ast.Stmt;
import dev.ngnc.ast.TypeExpr;
import dev.ngnc.lexer.Token;
import dev.ngnc.lexer.TokenKind;
import dev.ngnc.source.Span;

import java.util.ArrayList;
import java.util.List;

/** Top-level items: functions, globals, models, enums, roles, extends, type aliases, imports, exports, statements. */
final class DeclParser {
    private final ParseContext ctx;
    private final TokenCursor c;

    DeclParser(ParseContext ctx) {
        this.ctx = ctx;
        this.c = ctx.cursor;
    }

    void parseProgram(List<Decl> items) {
        while (true) {
            c.skipNewlines();
            Token t = c.peek();
            if (t.is(TokenKind.EOF)) return;
            int start = c.position();
            try {
                items.add(parseItem());
            } catch (ParseError e) {
                c.resetModes(0);
                if (isDeclarationKeyword(t.kind())) syncToDeclaration(start);
                else ctx.stmts.recover(start);
            }
            // a stray '}' is left alone by statement recovery; at the top level nothing else consumes it
            if (c.position() == start) c.reset(start + 1);
        }
    }

    Decl parseItem() {
        Token t = c.peek();
        return switch (t.kind()) {
            case FN -> parseFn(false, false);
            case GLOBAL -> parseGlobal();
            case MODEL -> parseModel(false);
            case ENUM -> parseEnum(false);
            case ROLE -> parseRole(false);
            case TYPE -> parseTypeAlias(false);
            case EXTEND -> parseExtend();
            case IMPORT -> parseImport();
            case EXPORT -> parseExport();
            case VAR, CONST -> {
                c.report(t.span(), "'" + t.text() + "' declarator can only be used inside functions",
                        "use 'global' for global state");
                Stmt s = ctx.stmts.parseStatement();
                yield new Decl.TopLevelStmt(s, s.span());
            }
            default -> {
                Stmt s = ctx.stmts.parseStatement();
                yield new Decl.TopLevelStmt(s, s.span());
            }
        };
    }

    private static boolean isDeclarationKeyword(TokenKind k) {
        return switch (k) {
            case FN, GLOBAL, MODEL, ENUM, ROLE, TYPE, EXTEND, IMPORT, EXPORT -> true;
            default -> false;
        };
    }

    /**
     * After a broken declaration header: skip to the next declaration keyword that starts a line
     * outside any braces, so a half-parsed body does not spill its statements into the top level.
     */
    private void syncToDeclaration(int start) {
        if (c.position() == start) c.reset(start + 1);
        int depth = 0;
        for (int i = start; i < c.position(); i++) depth = braceDepth(depth, c.tokenAt(i).kind());
        while (true) {
            Token t = c.peekRaw();
            if (t.is(TokenKind.EOF)) return;
            boolean lineStart = c.tokenAt(c.position() - 1).is(TokenKind.NEWLINE);
            if (depth == 0 && lineStart && isDeclarationKeyword(t.kind())) return;
            depth = braceDepth(depth, t.kind());
            c.reset(c.position() + 1);
        }
    }

    private static int braceDepth(int depth, TokenKind k) {
        if (k == TokenKind.LBRACE) return depth + 1;
        if (k == TokenKind.RBRACE) return Math.max(0, depth - 1);
        return depth;
    }

    // ---------------------------------------------------------------- functions

    /**
     * {@code fn name(params): R body}. The body is a block, or an expression on the signature's
     * line ({@code fn f(a: i64): i64 a * 2}). Inside a role a signature may have no body at all.
     */
    Decl.Fn parseFn(boolean exported, boolean inRole) {
        Token kw = c.expect(TokenKind.FN, "to start a function");
        Token name = c.peek();
        if (!name.is(TokenKind.IDENT) && !name.is(TokenKind.MAP) && !name.is(TokenKind.SET)) {
            throw c.errorExpected("a function name after 'fn'");
        }
        c.advance();
        List<String> typeParams = List.of();
        if (c.at(TokenKind.LT)) {
            // `fn id<T>(x: T): T` (Rust, TypeScript): reported once; T then stands for an untyped value, so its uses
            // are not "Unknown type" errors too
            Token lt = c.peek();
            typeParams = ctx.types.parseTypeParams();
            c.report(c.spanFrom(lt.span()), "generic functions are not supported",
                    "type parameters exist only on models and enums; leave the parameter untyped (fn "
                            + name.text() + "(x)), which accepts any value");
        }
        List<Param> params = parseParams();
        if (!typeParams.isEmpty()) params = eraseTypeParams(params, typeParams);
        if (c.at(TokenKind.MINUS) && c.rawAfterCurrent().is(TokenKind.GT)) {
            // `fn f() -> i64` (Rust, Swift) would otherwise parse as an expression body `-(> i64 …)`
            throw c.errorAt(c.peek(), "expected ':' before the return type, found '->'",
                    "ngn writes return types after a colon: fn " + name.text() + "(…): type { … }");
        }
        TypeExpr returnType = c.accept(TokenKind.COLON) ? ctx.types.parseType() : null;
        if (returnType != null && !typeParams.isEmpty()) returnType = erase(returnType, typeParams);
        Token next = c.peek();
        Stmt.Block body;
        boolean expressionBody = false;
        if (next.is(TokenKind.LBRACE)) {
            body = ctx.stmts.parseBlock();
        } else if (next.is(TokenKind.NEWLINE) || next.is(TokenKind.EOF) || next.is(TokenKind.RBRACE)) {
            int save = c.position();
            c.skipNewlines();
            if (c.at(TokenKind.LBRACE)) {
                // brace on the next line: accepted, though the reference would see an empty body
                body = ctx.stmts.parseBlock();
            } else {
                c.reset(save);
                body = inRole ? null : missingBody(name);
            }
        } else {
            Expr value = ctx.exprs.parseExpr();
            body = new Stmt.Block(List.of(new Stmt.ExprStmt(value, value.span())), value.span());
            expressionBody = true;
        }
        return new Decl.Fn(name.text(), params, returnType, body, expressionBody, exported, name.span(),
                c.spanFrom(kw.span()));
    }

    private static List<Param> eraseTypeParams(List<Param> params, List<String> names) {
        List<Param> out = new ArrayList<>();
        for (Param p : params) {
            out.add(p.type() == null ? p : new Param(p.name(), erase(p.type(), names), p.optional(), p.defaultValue(),
                    p.owned(), p.span()));
        }
        return List.copyOf(out);
    }

    /** {@code t} with the names in {@code names} replaced by {@code any}. */
    private static TypeExpr erase(TypeExpr t, List<String> names) {
        return switch (t) {
            case TypeExpr.Named n when n.args().isEmpty() && names.contains(n.name()) ->
                    new TypeExpr.Named("any", List.of(), n.span());
            case TypeExpr.Named n -> new TypeExpr.Named(n.name(), eraseAll(n.args(), names), n.span());
            case TypeExpr.Fn f -> new TypeExpr.Fn(eraseAll(f.args(), names), f.span());
            case TypeExpr.Tuple tu -> new TypeExpr.Tuple(eraseAll(tu.elements(), names), tu.span());
            case TypeExpr.Union u -> new TypeExpr.Union(eraseAll(u.members(), names), u.span());
            case TypeExpr.Optional o -> new TypeExpr.Optional(erase(o.inner(), names), o.span());
            case TypeExpr.Count n -> n;
        };
    }

    private static List<TypeExpr> eraseAll(List<TypeExpr> ts, List<String> names) {
        return ts.stream().map(x -> erase(x, names)).toList();
    }

    private Stmt.Block missingBody(Token name) {
        Token at = c.peek();
        c.report(at.span(), "expected a body for function '" + name.text() + "', found " + at.describe(),
                "write { … }, or put the expression body on the same line as the signature");
        return new Stmt.Block(List.of(), at.span());
    }

    private List<Param> parseParams() {
        if (!c.at(TokenKind.LPAREN)) throw c.errorExpected("'(' to start the parameter list");
        c.advance();
        c.pushMode(true);
        List<Param> params = new ArrayList<>();
        while (!c.at(TokenKind.RPAREN)) {
            params.add(parseParam(false));
            if (!c.accept(TokenKind.COMMA)) break;
        }
        c.expectClosing(TokenKind.RPAREN, "after parameters");
        c.popMode();
        checkDistinct(params);
        return List.copyOf(params);
    }

    /** Two parameters of one function or closure cannot share a name ({@code _} may repeat). */
    void checkDistinct(List<Param> params) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Param p : params) {
            if (!p.name().equals("_") && !seen.add(p.name())) {
                c.report(p.span(), "parameter '" + p.name() + "' is declared twice", null);
            }
        }
    }

    /**
     * {@code p}, {@code p: T}, {@code q?: T}, {@code r: T = e}, {@code s: <T}. Closure parameters
     * take a type without a top-level union (a '|' closes their list) and no '?' or default.
     */
    Param parseParam(boolean closure) {
        Token name = c.peek();
        if (!name.is(TokenKind.IDENT) && !name.is(TokenKind.UNDERSCORE)) {
            String hint = name.kind().isKeyword() ? "'" + name.text() + "' is a reserved word" : null;
            throw c.errorAt(name, "expected a parameter name, found " + name.describe(), hint);
        }
        c.advance();
        boolean optional = c.accept(TokenKind.QUESTION);
        TypeExpr type = null;
        boolean owned = false;
        if (c.accept(TokenKind.COLON)) {
            owned = c.accept(TokenKind.LT);
            type = closure ? ctx.types.parseNoUnion() : ctx.types.parseType();
        }
        Expr defaultValue = null;
        if (c.accept(TokenKind.EQ)) defaultValue = ctx.exprs.parseBinary(ExprParser.PREC_PIPE);
        Span span = c.spanFrom(name.span());
        if (closure && (optional || defaultValue != null)) {
            c.report(span, "closure parameters cannot be optional or have a default value",
                    "use a named function for optional parameters");
        }
        return new Param(name.text(), type, optional, defaultValue, owned, span);
    }

    // ---------------------------------------------------------------- globals and types

    private Decl parseGlobal() {
        Token kw = c.advance();
        Token name = c.peek();
        if (!name.is(TokenKind.IDENT)) {
            throw c.errorAt(name, "expected a name after 'global', found " + name.describe(),
                    name.is(TokenKind.LBRACKET) || name.is(TokenKind.LBRACE) || name.is(TokenKind.LPAREN)
                            ? "globals cannot be destructured" : null);
        }
        c.advance();
        TypeExpr type = ctx.stmts.parseDeclaredType();
        c.expect(TokenKind.EQ, "after the global's name");
        c.skipNewlines();
        Expr init = ctx.exprs.parseExpr();
        return new Decl.Global(name.text(), type, init, c.spanFrom(kw.span()));
    }

    /** {@code model Name<T> { f: T, g?: string = "x" }}; commas between fields are optional. */
    private Decl parseModel(boolean exported) {
        Token kw = c.advance();
        String name = c.expect(TokenKind.IDENT, "as the model name").text();
        List<String> typeParams = c.at(TokenKind.LT) ? ctx.types.parseTypeParams() : List.of();
        Token open = c.expect(TokenKind.LBRACE, "to open the model body");
        c.pushMode(true);
        List<Decl.ModelField> fields = new ArrayList<>();
        while (!c.at(TokenKind.RBRACE)) {
            if (c.accept(TokenKind.COMMA)) continue;
            if (c.at(TokenKind.EOF)) throw c.errorAt(open, "expected '}' to close model '" + name + "', found end of file", null);
            fields.add(parseModelField());
        }
        c.advance();
        c.popMode();
        return new Decl.Model(name, typeParams, List.copyOf(fields), exported, c.spanFrom(kw.span()));
    }

    private Decl.ModelField parseModelField() {
        Token name = c.peek();
        if (!name.is(TokenKind.IDENT) && !name.kind().isKeyword()) throw c.errorExpected("a field name");
        c.advance();
        boolean optional = c.accept(TokenKind.QUESTION);
        c.expect(TokenKind.COLON, "after the field name (fields are written name: type)");
        TypeExpr type = ctx.types.parseType();
        Expr defaultValue = null;
        if (c.accept(TokenKind.EQ)) defaultValue = ctx.exprs.parseBinary(ExprParser.PREC_PIPE);
        return new Decl.ModelField(name.text(), type, optional, defaultValue, c.spanFrom(name.span()));
    }

    /** {@code enum E<T> { A, B(T) }}; commas are optional, a trailing one is fine. */
    private Decl parseEnum(boolean exported) {
        Token kw = c.advance();
        String name = c.expect(TokenKind.IDENT, "as the enum name").text();
        List<String> typeParams = c.at(TokenKind.LT) ? ctx.types.parseTypeParams() : List.of();
        Token open = c.expect(TokenKind.LBRACE, "to open the enum body");
        c.pushMode(true);
        List<Decl.Variant> variants = new ArrayList<>();
        while (!c.at(TokenKind.RBRACE)) {
            if (c.accept(TokenKind.COMMA)) continue;
            if (c.at(TokenKind.EOF)) throw c.errorAt(open, "expected '}' to close enum '" + name + "', found end of file", null);
            variants.add(parseVariant());
        }
        c.advance();
        c.popMode();
        return new Decl.Enum(name, typeParams, List.copyOf(variants), exported, c.spanFrom(kw.span()));
    }

    private Decl.Variant parseVariant() {
        Token name = c.expect(TokenKind.IDENT, "as a variant name");
        TypeExpr payload = null;
        if (c.accept(TokenKind.LPAREN)) {
            payload = ctx.types.parseType();
            if (c.at(TokenKind.COMMA)) {
                throw c.errorAt(c.peek(), "an enum variant carries at most one payload",
                        "wrap several values in a tuple type: " + name.text() + "((A, B))");
            }
            c.expectClosing(TokenKind.RPAREN, "to close the variant payload");
        }
        return new Decl.Variant(name.text(), payload, c.spanFrom(name.span()));
    }

    /** {@code role R { fn m(): string  fn n() { … } }}: signatures, optionally with bodies. */
    private Decl parseRole(boolean exported) {
        Token kw = c.advance();
        String name = c.expect(TokenKind.IDENT, "as the role name").text();
        List<Decl.Fn> methods = parseMethodBlock("role '" + name + "'", true);
        return new Decl.Role(name, methods, exported, c.spanFrom(kw.span()));
    }

    /** {@code extend Target [with R1, R2] { fns }}. */
    private Decl parseExtend() {
        Token kw = c.advance();
        TypeExpr target = ctx.types.parsePrimary();
        List<String> roles = new ArrayList<>();
        if (c.accept(TokenKind.WITH)) {
            do {
                roles.add(c.expect(TokenKind.IDENT, "as a role name").text());
            } while (c.accept(TokenKind.COMMA));
        }
        List<Decl.Fn> methods = parseMethodBlock("extend", false);
        return new Decl.Extend(target, List.copyOf(roles), methods, c.spanFrom(kw.span()));
    }

    private List<Decl.Fn> parseMethodBlock(String what, boolean inRole) {
        c.skipNewlines();
        Token open = c.expect(TokenKind.LBRACE, "to open the " + what + " body");
        c.pushMode(false);
        List<Decl.Fn> methods = new ArrayList<>();
        while (true) {
            while (c.at(TokenKind.NEWLINE) || c.at(TokenKind.COMMA)) c.advance();
            if (c.at(TokenKind.RBRACE)) break;
            if (c.at(TokenKind.EOF)) throw c.errorAt(open, "expected '}' to close the " + what + " body, found end of file", null);
            if (!c.at(TokenKind.FN)) {
                throw c.errorAt(c.peek(), "expected 'fn' in the " + what + " body, found " + c.peek().describe(),
                        "only methods (fn name(…) …) can appear here");
            }
            methods.add(parseFn(false, inRole));
        }
        c.advance();
        c.popMode();
        return List.copyOf(methods);
    }

    /** {@code type Name<T> = T}. */
    private Decl parseTypeAlias(boolean exported) {
        Token kw = c.advance();
        String name = c.expect(TokenKind.IDENT, "as the type alias name").text();
        List<String> typeParams = c.at(TokenKind.LT) ? ctx.types.parseTypeParams() : List.of();
        c.expect(TokenKind.EQ, "after the type alias name");
        c.skipNewlines();
        TypeExpr type = ctx.types.parseType();
        return new Decl.TypeAlias(name, typeParams, type, exported, c.spanFrom(kw.span()));
    }

    // ---------------------------------------------------------------- modules

    /**
     * {@code import { a, b as c } from "p"}, {@code import d from "p"}, {@code import * as M from "p"}.
     * The unused forms are null ({@code defaultName}, {@code namespace}) or empty ({@code names}).
     */
    private Decl parseImport() {
        Token kw = c.advance();
        List<Decl.ImportName> names = new ArrayList<>();
        String defaultName = null;
        String namespace = null;
        Token t = c.peek();
        if (t.is(TokenKind.LBRACE)) {
            c.advance();
            c.pushMode(true);
            while (!c.at(TokenKind.RBRACE)) {
                Token n = importedName();
                String alias = c.accept(TokenKind.AS) ? c.expect(TokenKind.IDENT, "after 'as'").text() : null;
                names.add(new Decl.ImportName(n.text(), alias, c.spanFrom(n.span())));
                if (!c.accept(TokenKind.COMMA)) break;
            }
            c.expectClosing(TokenKind.RBRACE, "to close the import list");
            c.popMode();
        } else if (t.is(TokenKind.STAR)) {
            c.advance();
            c.expect(TokenKind.AS, "after 'import *' (write import * as M from \"…\")");
            namespace = c.expect(TokenKind.IDENT, "after 'as'").text();
        } else if (t.is(TokenKind.IDENT)) {
            defaultName = c.advance().text();
        } else {
            throw c.errorAt(t, "expected '{', '*' or a name after 'import', found " + t.describe(), null);
        }
        c.expect(TokenKind.FROM, "before the module path");
        Token path = c.expect(TokenKind.STRING, "as the module path");
        String source = ctx.exprs.plainString(path, "a module path");
        return new Decl.Import(List.copyOf(names), defaultName, namespace, source, c.spanFrom(kw.span()));
    }

    private Token importedName() {
        Token t = c.peek();
        if (t.is(TokenKind.IDENT) || t.kind().isKeyword()) return c.advance();
        throw c.errorExpected("a name to import");
    }

    private Decl parseExport() {
        Token kw = c.advance();
        Token t = c.peek();
        return switch (t.kind()) {
            case FN -> parseFn(true, false);
            case MODEL -> parseModel(true);
            case ENUM -> parseEnum(true);
            case ROLE -> parseRole(true);
            case TYPE -> parseTypeAlias(true);
            case DEFAULT -> {
                c.advance();
                c.skipNewlines();
                Expr value = ctx.exprs.parseExpr();
                yield new Decl.ExportDefault(value, c.spanFrom(kw.span()));
            }
            case GLOBAL -> {
                c.report(kw.span(), "globals cannot be exported", "export a function that returns the value instead");
                yield parseGlobal();
            }
            default -> throw c.errorAt(t, "expected 'fn', 'model', 'enum', 'role', 'type' or 'default' after 'export', found "
                    + t.describe(), null);
        };
    }
}
