package dev.ngnc.lsp;

import dev.ngnc.check.MemberNames;
import dev.ngnc.check.SymbolIndex;
import dev.ngnc.check.SymbolIndex.Symbol;
import dev.ngnc.lexer.TokenKind;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Completion and signature help, from the checker's index and types. */
final class Completions {
    private Completions() {}

    private static final Pattern TBX_PATH = Pattern.compile("tbx::(\\w+)::$");
    private static final Pattern TBX_IMPORT = Pattern.compile("import\\s*\\{[^}]*$");
    private static final Pattern TBX_FROM = Pattern.compile("^[^}]*}\\s*from\\s*\"tbx::(\\w+)\"");

    /**
     * @param reanalyse checks a variant of the buffer (the receiver's type is read from a copy without the partial
     *                  member, since {@code p.} alone does not parse into a field access)
     */
    static List<CompletionItem> complete(Analysis a, Path file, int offset, Function<String, Analysis> reanalyse) {
        String text = a.textOf(file);
        int prefixStart = offset;
        while (prefixStart > 0 && isWordChar(text.charAt(prefixStart - 1))) prefixStart--;
        String prefix = text.substring(prefixStart, offset);
        String lineBefore = text.substring(text.lastIndexOf('\n', Math.max(0, prefixStart - 1)) + 1, prefixStart);
        Map<String, CompletionItem> out = new LinkedHashMap<>();

        Matcher tbx = TBX_PATH.matcher(lineBefore);
        if (tbx.find()) {
            for (String m : MemberNames.toolboxMembers(tbx.group(1))) add(out, m, CompletionItemKind.Function, "tbx::" + tbx.group(1));
            return filter(out, prefix);
        }
        if (TBX_IMPORT.matcher(lineBefore).find()) {
            int lineEnd = text.indexOf('\n', offset);
            Matcher from = TBX_FROM.matcher(text.substring(offset, lineEnd < 0 ? text.length() : lineEnd));
            if (from.find()) {
                for (String m : MemberNames.toolboxMembers(from.group(1))) add(out, m, CompletionItemKind.Function, "tbx::" + from.group(1));
                return filter(out, prefix);
            }
        }
        if (lineBefore.endsWith("\"tbx::")) {
            for (String m : MemberNames.toolboxModules()) add(out, m, CompletionItemKind.Module, "toolbox module");
            return filter(out, prefix);
        }
        int dot = prefixStart - 1;
        if (dot >= 0 && text.charAt(dot) == '.' && (dot == 0 || text.charAt(dot - 1) != '.')) {
            Type receiver = receiverType(a, file, dot);
            if (receiver == null) {
                String without = text.substring(0, dot) + text.substring(offset);
                Analysis stripped = reanalyse.apply(without);
                receiver = stripped == null ? null : receiverType(stripped, file, dot);
            }
            if (receiver != null) members(a, receiver, out);
            return filter(out, prefix);
        }
        SymbolIndex.FileIndex fi = a.index().file(file);
        if (fi != null) {
            List<Symbol> locals = new ArrayList<>();
            for (Symbol s : fi.declarations()) {
                boolean local = s.kind == SymbolIndex.Kind.LOCAL || s.kind == SymbolIndex.Kind.PARAMETER;
                if (local && s.end <= prefixStart && (s.scopeEnd() < 0 || offset <= s.scopeEnd())) locals.add(s);
            }
            locals.sort((x, y) -> Integer.compare(y.start, x.start)); // the nearest declaration shadows
            for (Symbol s : locals) add(out, s.name, CompletionItemKind.Variable, s.type());
            for (Symbol s : fi.declarations()) topLevel(out, s);
            for (SymbolIndex.Use u : fi.uses()) if (!u.symbol().path().equals(file)) topLevel(out, u.symbol());
        }
        toolboxImports(a, file, out);
        for (TokenKind k : TokenKind.values()) if (k.isKeyword()) add(out, k.symbol, CompletionItemKind.Keyword, null);
        return filter(out, prefix);
    }

    /**
     * The documents completed in lately, parsed by content: each completion request in an unchanged buffer reuses
     * the tree. Its own small cache, so the texts of a buffer being typed in do not push out {@link Analysis#PARSED}'s
     * imported modules.
     */
    static final ParseCache COMPLETED = new ParseCache(4);

    /** Names imported from {@code tbx::} modules (natives have no declaration in the index). */
    private static void toolboxImports(Analysis a, Path file, Map<String, CompletionItem> out) {
        String text = a.textOf(file);
        if (text == null) return;
        var program = COMPLETED.parse(file, file.toString(), text, new dev.ngnc.diag.Diagnostics());
        for (var d : program.items()) {
            if (!(d instanceof dev.ngnc.ast.Decl.Import i) || i.source() == null || !i.source().startsWith("tbx::")) continue;
            for (var n : i.names()) add(out, n.alias() != null ? n.alias() : n.name(), CompletionItemKind.Function, i.source());
            if (i.namespace() != null) add(out, i.namespace(), CompletionItemKind.Module, i.source());
        }
    }

    private static void topLevel(Map<String, CompletionItem> out, Symbol s) {
        CompletionItemKind kind = switch (s.kind) {
            case FUNCTION -> CompletionItemKind.Function;
            case GLOBAL -> CompletionItemKind.Constant;
            case MODEL -> CompletionItemKind.Class;
            case ENUM -> CompletionItemKind.Enum;
            case ROLE -> CompletionItemKind.Interface;
            default -> null;
        };
        if (kind != null) add(out, s.name, kind, s.signature() != null ? s.signature() : s.type());
    }

    /** The type the checker gave the expression that ends right before the {@code .} at {@code dot}. */
    private static Type receiverType(Analysis a, Path file, int dot) {
        SymbolIndex.FileIndex fi = a.index().file(file);
        if (fi == null) return null;
        SymbolIndex.Typed t = fi.typedEndingAt(dot);
        return t == null || t.type() instanceof Type.Error ? null : t.type();
    }

    private static void members(Analysis a, Type t, Map<String, CompletionItem> out) {
        if (t instanceof Type.Model m) {
            for (ModelInfo.FieldInfo f : m.info().fields) add(out, f.name(), CompletionItemKind.Field, Types.display(f.type()));
        }
        if (t instanceof Type.Object o) {
            for (var e : o.fields().entrySet()) add(out, e.getKey(), CompletionItemKind.Field, Types.display(e.getValue()));
        }
        for (SymbolIndex.FileIndex fi : a.index().files()) {
            for (Symbol s : fi.declarations()) {
                if (s.kind == SymbolIndex.Kind.METHOD && s.isMethodOf(t)) {
                    add(out, s.name, CompletionItemKind.Method, s.signature());
                }
            }
        }
        for (String name : MemberNames.builtinMethods(t)) add(out, name, CompletionItemKind.Method, "built-in");
    }

    private static void add(Map<String, CompletionItem> out, String label, CompletionItemKind kind, String detail) {
        if (out.containsKey(label)) return;
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        if (detail != null) item.setDetail(detail);
        out.put(label, item);
    }

    private static List<CompletionItem> filter(Map<String, CompletionItem> out, String prefix) {
        return out.values().stream().filter(i -> i.getLabel().startsWith(prefix)).toList();
    }

    private static boolean isWordChar(char c) { return Character.isLetterOrDigit(c) || c == '_'; }

    /** The call whose argument list holds the cursor: its callee's signature and the argument index. */
    static SignatureHelp signatureHelp(Analysis a, Path file, int offset) {
        String text = a.textOf(file);
        int depth = 0;
        int commas = 0;
        int open = -1;
        for (int i = offset - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')' || c == ']' || c == '}') depth++;
            else if (c == '(' || c == '[' || c == '{') {
                if (depth == 0) {
                    if (c == '(') open = i;
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) commas++;
        }
        if (open <= 0) return null;
        int nameEnd = open;
        while (nameEnd > 0 && Character.isWhitespace(text.charAt(nameEnd - 1))) nameEnd--;
        Symbol s = Navigation.symbolAt(a, file, nameEnd);
        if (s == null || s.signature() == null) return null;
        List<ParameterInformation> params = new ArrayList<>();
        for (String p : s.parameters()) params.add(new ParameterInformation(p));
        SignatureInformation info = new SignatureInformation(s.signature());
        info.setParameters(params);
        SignatureHelp help = new SignatureHelp(List.of(info), 0, Math.min(commas, Math.max(0, params.size() - 1)));
        return help;
    }
}
