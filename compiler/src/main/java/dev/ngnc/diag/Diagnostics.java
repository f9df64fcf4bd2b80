package dev.ngnc.diag;

import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects diagnostics across phases; a phase reports and carries on so one run shows many errors. */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();

    public void add(Diagnostic d) { all.add(d); }

    public void error(SourceFile file, Span span, String message) {
        all.add(Diagnostic.error(file, span, message));
    }

    public void error(SourceFile file, Span span, String message, String hint) {
        all.add(new Diagnostic(Severity.ERROR, file, span, message, hint));
    }

    public void warning(SourceFile file, Span span, String message) {
        all.add(new Diagnostic(Severity.WARNING, file, span, message, null));
    }

    public boolean hasErrors() {
        for (Diagnostic d : all) if (d.severity() == Severity.ERROR) return true;
        return false;
    }

    public int errorCount() {
        int n = 0;
        for (Diagnostic d : all) if (d.severity() == Severity.ERROR) n++;
        return n;
    }

    public int warningCount() {
        int n = 0;
        for (Diagnostic d : all) if (d.severity() == Severity.WARNING) n++;
        return n;
    }

    public List<Diagnostic> all() { return Collections.unmodifiableList(all); }

    /**
     * The diagnostics in reading order: grouped by file (in order of first report), then by position, so
     * parser and checker findings interleave as a user reads the file.
     */
    public List<Diagnostic> inSourceOrder() {
        java.util.Map<String, Integer> fileOrder = new java.util.HashMap<>();
        for (Diagnostic d : all) {
            fileOrder.putIfAbsent(d.file() == null ? "" : d.file().displayPath(), fileOrder.size());
        }
        List<Diagnostic> sorted = new java.util.ArrayList<>(all);
        sorted.sort(java.util.Comparator
                .comparingInt((Diagnostic d) -> fileOrder.get(d.file() == null ? "" : d.file().displayPath()))
                .thenComparingInt(d -> d.span() == null ? 0 : d.span().start()));
        return sorted;
    }
}
