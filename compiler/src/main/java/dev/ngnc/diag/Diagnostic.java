package dev.ngnc.diag;

import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;

/** A problem found in a source file. Data only: {@link DiagnosticRenderer} is the one place it becomes text. */
public record Diagnostic(Severity severity, SourceFile file, Span span, String message, String hint) {

    public static Diagnostic error(SourceFile file, Span span, String message) {
        return new Diagnostic(Severity.ERROR, file, span, message, null);
    }

    public Diagnostic withHint(String newHint) {
        return new Diagnostic(severity, file, span, message, newHint);
    }
}
