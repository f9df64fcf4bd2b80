package dev.ngnc.lsp;

import dev.ngnc.ast.Program;
import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.parser.Parser;
import dev.ngnc.source.SourceFile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed imported modules keyed by path, display path and exact text, so an edit to one document does not re-parse
 * the unchanged modules it imports (the tree is immutable and each check builds its own checker state on it). The
 * parser's diagnostics are kept and replayed into the caller's {@link Diagnostics}. Least recently used entries go
 * first beyond {@code capacity}.
 */
final class ParseCache {
    private record Key(Path path, String display, String text) {}

    private record Parsed(Program program, List<Diagnostic> diagnostics) {}

    private final Map<Key, Parsed> entries;

    ParseCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<Key, Parsed> eldest) { return size() > capacity; }
        };
    }

    Program parse(Path path, String display, String text, Diagnostics into) {
        Key key = new Key(path, display, text);
        Parsed e;
        synchronized (entries) {
            e = entries.get(key);
        }
        if (e == null) {
            Diagnostics own = new Diagnostics();
            Program program = Parser.parse(new SourceFile(display, path, text), own);
            e = new Parsed(program, List.copyOf(own.all()));
            synchronized (entries) {
                entries.put(key, e);
            }
        }
        for (Diagnostic d : e.diagnostics()) into.add(d);
        return e.program();
    }

    /** Whether the tree of this text is kept (tests). */
    boolean holds(Path path, String display, String text) {
        synchronized (entries) {
            return entries.containsKey(new Key(path, display, text));
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
