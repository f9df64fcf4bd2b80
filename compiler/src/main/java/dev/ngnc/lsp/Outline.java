package dev.ngnc.lsp;

import dev.ngnc.check.SymbolIndex;
import dev.ngnc.check.SymbolIndex.Symbol;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.lexer.Lexer;
import dev.ngnc.lexer.Token;
import dev.ngnc.lexer.TokenKind;
import dev.ngnc.source.SourceFile;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SymbolKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Document symbols (the outline) and semantic tokens: the lexer's tokens, names classified by the index. */
final class Outline {
    private Outline() {}

    static final List<String> TOKEN_TYPES = List.of("keyword", "string", "number", "regexp", "function", "method",
            "class", "enum", "enumMember", "property", "parameter", "variable", "interface");
    static final List<String> TOKEN_MODIFIERS = List.of("declaration");

    static SemanticTokensLegend legend() { return new SemanticTokensLegend(TOKEN_TYPES, TOKEN_MODIFIERS); }

    static List<DocumentSymbol> symbols(Analysis a, Path file) {
        SymbolIndex.FileIndex fi = a.index().file(file);
        if (fi == null) return List.of();
        LineMap lines = new LineMap(a.textOf(file));
        Map<String, DocumentSymbol> containers = new LinkedHashMap<>();
        List<DocumentSymbol> top = new ArrayList<>();
        List<Symbol> members = new ArrayList<>();
        for (Symbol s : fi.declarations()) {
            SymbolKind kind = switch (s.kind) {
                case FUNCTION -> SymbolKind.Function;
                case GLOBAL -> SymbolKind.Constant;
                case MODEL -> SymbolKind.Struct;
                case ENUM -> SymbolKind.Enum;
                case ROLE -> SymbolKind.Interface;
                case FIELD, METHOD, VARIANT -> { members.add(s); yield null; }
                default -> null;
            };
            if (kind == null) continue;
            DocumentSymbol d = symbol(lines, s, kind);
            top.add(d);
            if (s.kind == SymbolIndex.Kind.MODEL || s.kind == SymbolIndex.Kind.ENUM) containers.put(s.name, d);
        }
        for (Symbol s : members) {
            SymbolKind kind = switch (s.kind) {
                case FIELD -> SymbolKind.Field;
                case METHOD -> SymbolKind.Method;
                default -> SymbolKind.EnumMember;
            };
            DocumentSymbol d = symbol(lines, s, kind);
            DocumentSymbol owner = s.container == null ? null : containers.get(s.container);
            if (owner == null) {
                top.add(d); // a method extending a type declared elsewhere (a built-in, an import)
            } else {
                if (owner.getChildren() == null) owner.setChildren(new ArrayList<>());
                owner.getChildren().add(d);
            }
        }
        return top;
    }

    private static DocumentSymbol symbol(LineMap lines, Symbol s, SymbolKind kind) {
        var range = lines.range(s.start, s.end);
        String detail = s.signature() != null ? s.signature() : s.type();
        return new DocumentSymbol(s.name, kind, range, range, detail);
    }

    /** Full-document semantic tokens, encoded as the protocol's relative five-tuples. */
    static SemanticTokens tokens(Analysis a, Path file) {
        String text = a.textOf(file);
        LineMap lines = new LineMap(text);
        SymbolIndex.FileIndex fi = a.index().file(file);
        List<Token> tokens = Lexer.lex(new SourceFile(file.toString(), file, text), new Diagnostics());
        List<Integer> data = new ArrayList<>();
        int prevLine = 0;
        int prevChar = 0;
        for (Token t : tokens) {
            int start = t.span().start();
            int end = t.span().end();
            int type;
            int modifiers = 0;
            if (t.kind().isKeyword()) type = 0;
            else if (t.kind() == TokenKind.STRING) type = 1;
            else if (t.kind() == TokenKind.INT || t.kind() == TokenKind.FLOAT) type = 2;
            else if (t.kind() == TokenKind.REGEX) type = 3;
            else if (t.kind() == TokenKind.IDENT && fi != null) {
                Symbol s;
                SymbolIndex.Use use = fi.useAt(start);
                if (use != null && use.start() == start) {
                    s = use.symbol();
                } else {
                    s = fi.declarationAt(start);
                    if (s != null && s.start != start) s = null;
                    if (s != null) modifiers = 1;
                }
                if (s == null) continue;
                type = switch (s.kind) {
                    case FUNCTION -> 4;
                    case METHOD -> 5;
                    case MODEL -> 6;
                    case ENUM -> 7;
                    case VARIANT -> 8;
                    case FIELD -> 9;
                    case PARAMETER -> 10;
                    case ROLE -> 12;
                    default -> 11;
                };
            } else continue;
            var from = lines.position(start);
            var to = lines.position(end);
            // a token may not span lines (no multilineTokenSupport assumed): cut it at its first line's end
            int length = to.getLine() == from.getLine() ? to.getCharacter() - from.getCharacter()
                    : lineLength(text, start) ;
            if (length <= 0) continue;
            int deltaLine = from.getLine() - prevLine;
            int deltaChar = deltaLine == 0 ? from.getCharacter() - prevChar : from.getCharacter();
            data.add(deltaLine);
            data.add(deltaChar);
            data.add(length);
            data.add(type);
            data.add(modifiers);
            prevLine = from.getLine();
            prevChar = from.getCharacter();
        }
        return new SemanticTokens(data);
    }

    private static int lineLength(String text, int start) {
        int nl = text.indexOf('\n', start);
        return (nl < 0 ? text.length() : nl) - start;
    }
}
