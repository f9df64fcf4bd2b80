package dev.ngnc.diag;

import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;

/**
 * A problem found in a source file. Data only: {@link DiagnosticRenderer} is the one place it becomes text.
 * {@code tag} classifies warnings for tools (null for most): editors fade {@link Tag#UNNECESSARY} code.
 */
public record Diagnostic(Severity severity, SourceFile file, Span span, String message, String hint, Tag tag) {

    /** What a warning says about its code, beyond the message (the LSP's DiagnosticTag). */
    public enum Tag {
        /** The code can go without changing what the program does: unused names and imports, unreachable code. */
        UNNECESSARY
    }

    public Diagnostic(Severity severity, SourceFile file, Span span, String message, String hint) {
        this(severity, file, span, message, hint, null);
    }

    public static Diagnostic error(SourceFile file, Span span, String message) {
        return new Diagnostic(Severity.ERROR, file, span, message, null);
    }

    /**
     * The reference's error class when the message starts with it ({@code "Type Error: ..."}), else null. The checker
     * keeps the reference's wording because users (and the conformance corpus) search for it; the renderer shows it
     * once, after the message, instead of {@code error: Type Error: ...}.
     */
    public String category() {
        int colon = message.indexOf(": ");
        return colon > 0 && message.startsWith(" Error", colon - 6) && message.indexOf(' ') == colon - 6
                ? message.substring(0, colon) : null;
    }

    /** The message without its {@link #category()} prefix. */
    public String text() {
        String category = category();
        return category == null ? message : message.substring(category.length() + 2);
    }

    public Diagnostic withHint(String newHint) {
        return new Diagnostic(severity, file, span, message, newHint, tag);
    }
}
