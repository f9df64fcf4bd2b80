package dev.ngnc.lsp;

import dev.ngnc.check.SymbolIndex;
import dev.ngnc.check.SymbolIndex.Symbol;
import dev.ngnc.lexer.TokenKind;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hover, go-to-definition, references and rename: all read off the checker's {@link SymbolIndex}. */
final class Navigation {
    private Navigation() {}

    /** The declaration named at {@code offset}: the use under the cursor, or the declaration's own name. */
    static Symbol symbolAt(Analysis a, Path file, int offset) {
        SymbolIndex.FileIndex fi = a.index().file(file);
        if (fi == null) return null;
        SymbolIndex.Use use = fi.useAt(offset);
        if (use != null) return use.symbol();
        return fi.declarationAt(offset);
    }

    static Hover hover(Analysis a, Path file, int offset) {
        Symbol s = symbolAt(a, file, offset);
        String text;
        LineMap lines = new LineMap(a.textOf(file));
        if (s != null) {
            text = describe(s);
            SymbolIndex.Use use = a.index().file(file).useAt(offset);
            int start = use != null ? use.start() : s.start;
            int end = use != null ? use.end() : s.end;
            return new Hover(markdown(text), lines.range(start, end));
        }
        SymbolIndex.FileIndex fi = a.index().file(file);
        SymbolIndex.Typed t = fi == null ? null : fi.typedAt(offset);
        if (t == null) return null;
        return new Hover(markdown(t.typeText()), lines.range(t.start(), t.end()));
    }

    static String describe(Symbol s) {
        if (s.signature() != null) {
            return s.container == null ? s.signature() : s.container + "." + s.signature().substring(3);
        }
        return switch (s.kind) {
            case LOCAL, PARAMETER, GLOBAL -> s.name + ": " + s.type();
            case FIELD -> s.container + "." + s.name + ": " + s.type();
            case VARIANT -> s.type();
            case MODEL -> "model " + s.name;
            case ENUM -> "enum " + s.name;
            case ROLE -> "role " + s.name;
            default -> s.name;
        };
    }

    private static MarkupContent markdown(String code) {
        return new MarkupContent(MarkupKind.MARKDOWN, "```ngn\n" + code + "\n```");
    }

    static Location location(Analysis a, Path file, int start, int end) {
        return new Location(file.toUri().toString(), new LineMap(a.textOf(file)).range(start, end));
    }

    static List<Location> definition(Analysis a, Path file, int offset) {
        Symbol s = symbolAt(a, file, offset);
        if (s == null) return List.of();
        return List.of(location(a, s.path(), s.start, s.end));
    }

    static List<Location> references(Analysis a, Path file, int offset, boolean includeDeclaration) {
        Symbol s = symbolAt(a, file, offset);
        if (s == null) return List.of();
        List<Location> out = new ArrayList<>();
        if (includeDeclaration) out.add(location(a, s.path(), s.start, s.end));
        for (SymbolIndex.FileIndex fi : a.index().files()) {
            Path p = SymbolIndex.keyOf(fi.file.path());
            for (SymbolIndex.Use u : fi.uses()) if (u.symbol() == s) out.add(location(a, p, u.start(), u.end()));
        }
        return out;
    }

    /** Offsets of every occurrence (declaration and uses) of {@code s}, per file, in ascending order. */
    static Map<Path, List<int[]>> occurrences(Analysis a, Symbol s) {
        Map<Path, List<int[]>> out = new LinkedHashMap<>();
        out.computeIfAbsent(s.path(), k -> new ArrayList<>()).add(new int[] {s.start, s.end});
        for (SymbolIndex.FileIndex fi : a.index().files()) {
            Path p = SymbolIndex.keyOf(fi.file.path());
            String text = fi.file.text();
            for (SymbolIndex.Use u : fi.uses()) {
                // a use written under another name (`import { Point as P }`, then `p: P`) keeps that name
                if (u.symbol() == s && text.startsWith(s.name, u.start()) && u.end() - u.start() == s.name.length()) {
                    out.computeIfAbsent(p, k -> new ArrayList<>()).add(new int[] {u.start(), u.end()});
                }
            }
        }
        for (List<int[]> l : out.values()) l.sort((x, y) -> Integer.compare(x[0], y[0]));
        return out;
    }

    private static boolean isIdentifier(String name) {
        if (name == null || name.isEmpty() || !Character.isLetter(name.codePointAt(0))) return false;
        return name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }

    /**
     * Renames the symbol at {@code offset} in every file of the program. Refused (an LSP error) when the new name is not
     * an identifier or is a keyword, or when the renamed program no longer checks as the original did: more errors, or
     * the renamed declaration no longer has exactly its old uses (a clash or a shadowing rebound them).
     */
    static WorkspaceEdit rename(Analysis a, Map<Path, String> texts, Path file, int offset, String newName) {
        Symbol s = symbolAt(a, file, offset);
        if (s == null) throw refused("nothing to rename here");
        if (!isIdentifier(newName)) throw refused("'" + newName + "' is not an identifier");
        if (TokenKind.keyword(newName) != null) throw refused("'" + newName + "' is a keyword");
        Map<Path, List<int[]>> occ = occurrences(a, s);
        Map<Path, String> renamed = new HashMap<>(texts);
        for (Path p : a.files()) renamed.putIfAbsent(p, a.textOf(p));
        int newDeclStart = s.start;
        for (Map.Entry<Path, List<int[]>> e : occ.entrySet()) {
            String text = a.textOf(e.getKey());
            StringBuilder sb = new StringBuilder();
            int last = 0;
            for (int[] o : e.getValue()) {
                if (e.getKey().equals(s.path()) && o[0] == s.start) newDeclStart = sb.length() + (o[0] - last);
                sb.append(text, last, o[0]).append(newName);
                last = o[1];
            }
            sb.append(text.substring(last));
            renamed.put(e.getKey(), sb.toString());
        }
        Analysis after = Analysis.run(a.entry(), a.version(), renamed);
        if (errors(after) > errors(a)) {
            throw refused("renaming '" + s.name + "' to '" + newName + "' makes the program fail to check: "
                    + firstError(after));
        }
        SymbolIndex.FileIndex declFile = after.index().file(s.path());
        Symbol moved = declFile == null ? null : declFile.declarationAt(newDeclStart);
        int usesBefore = occ.values().stream().mapToInt(List::size).sum();
        int usesAfter = moved == null ? -1 : occurrences(after, moved).values().stream().mapToInt(List::size).sum();
        if (moved == null || !moved.name.equals(newName) || usesAfter != usesBefore) {
            throw refused("renaming '" + s.name + "' to '" + newName + "' would clash with or shadow another '"
                    + newName + "'");
        }
        Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
        for (Map.Entry<Path, List<int[]>> e : occ.entrySet()) {
            LineMap lines = new LineMap(a.textOf(e.getKey()));
            List<TextEdit> edits = new ArrayList<>();
            for (int[] o : e.getValue()) edits.add(new TextEdit(lines.range(o[0], o[1]), newName));
            changes.put(e.getKey().toUri().toString(), edits);
        }
        return new WorkspaceEdit(changes);
    }

    private static long errors(Analysis a) {
        return a.diagnostics().values().stream().flatMap(List::stream)
                .filter(d -> d.severity() == dev.ngnc.diag.Severity.ERROR).count();
    }

    private static String firstError(Analysis a) {
        return a.diagnostics().values().stream().flatMap(List::stream)
                .filter(d -> d.severity() == dev.ngnc.diag.Severity.ERROR).map(dev.ngnc.diag.Diagnostic::message)
                .findFirst().orElse("");
    }

    static ResponseErrorException refused(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }
}
