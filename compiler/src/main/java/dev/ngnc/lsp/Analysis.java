package dev.ngnc.lsp;

import dev.ngnc.check.ModuleSource;
import dev.ngnc.check.SymbolIndex;
import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.Compiler;
import dev.ngnc.driver.SourceReader;
import dev.ngnc.source.SourceFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One check of a document and every module it imports, open documents read from the editor's buffers: the checker's
 * diagnostics (per file) and its symbol index. Immutable once made; requests read the latest one.
 */
record Analysis(Path entry, int version, SourceFile file, SymbolIndex index, Map<Path, List<Diagnostic>> diagnostics) {

    /** Checks {@code entry}; a file without main/export default is checked as a library, as an importer sees it. */
    static Analysis run(Path entry, int version, Map<Path, String> texts) {
        String text = texts.get(entry);
        SourceFile file = new SourceFile(entry.toString(), entry, text);
        Diagnostics diagnostics = new Diagnostics();
        SymbolIndex index = new SymbolIndex();
        ModuleSource source = (path, display, d) -> {
            String open = texts.get(SymbolIndex.keyOf(path));
            if (open != null) return PARSED.parse(path, display, open, d);
            SourceFile f = SourceReader.read(path, display, d);
            return f == null ? null : PARSED.parse(path, display, f.text(), d);
        };
        Compiler.checkForTools(file, source, index, diagnostics);
        Map<Path, List<Diagnostic>> byFile = new LinkedHashMap<>();
        byFile.put(entry, new ArrayList<>());
        for (SymbolIndex.FileIndex fi : index.files()) byFile.putIfAbsent(SymbolIndex.keyOf(fi.file.path()), new ArrayList<>());
        for (Diagnostic d : diagnostics.inSourceOrder()) {
            Path p = d.file() == null ? entry : SymbolIndex.keyOf(d.file().path());
            byFile.computeIfAbsent(p, k -> new ArrayList<>()).add(d);
        }
        return new Analysis(entry, version, file, index, byFile);
    }

    /** Imported modules parsed before, by content (shared by all servers of the JVM: the key is the whole text). */
    static final ParseCache PARSED = new ParseCache(64);

    /** The text of {@code path} as this analysis saw it, or null when it did not read that file. */
    String textOf(Path path) {
        if (path.equals(entry)) return file.text();
        SymbolIndex.FileIndex fi = index.file(path);
        return fi == null ? null : fi.file.text();
    }

    Set<Path> files() { return new LinkedHashSet<>(diagnostics.keySet()); }
}
