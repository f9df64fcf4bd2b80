package dev.ngnc.diag;

import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;

/**
 * A problem found in a source file. Data only: {@link DiagnosticRenderer} is the one place it becomes text.
 * {@code tag} classifies warnings for tools (null for most): editors fade {@link Tag#UNNECESSARY} code.
 * {@code category} is the reference's error class ({@code "Type Error"}) or null; {@code message} is the text
 * without it. The checker keeps the reference's wording because users (and the conformance corpus) search for it;
 * the renderer shows the category once, after the message, instead of {@code error: Type Error: ...}.
 */
public record Diagnostic(Severity severity, SourceFile file, Span span, String message, String hint, Tag tag,
                         String category) {

    /** What a warning says about its code, beyond the message (the LSP's DiagnosticTag). */
    public enum Tag {
        /** The code can go without changing what the program does: unused names and imports, unreachable code. */
        UNNECESSARY
    }

    /**
     * A diagnostic whose {@code message} may start with its category, as the checker words its errors
     * ({@code "Type Error: Cannot ..."}): the category is split off here, where the diagnostic is made.
     */
    public Diagnostic(Severity severity, SourceFile file, Span span, String message, String hint, Tag tag) {
        this(severity, file, span, withoutCategory(message), hint, tag, categoryOf(message));
    }

    public Diagnostic(Severity severity, SourceFile file, Span span, String message, String hint) {
        this(severity, file, span, message, hint, null);
    }

    public static Diagnostic error(SourceFile file, Span span, String message) {
        return new Diagnostic(Severity.ERROR, file, span, message, null);
    }

    /** The message as the reference words it: {@code "Type Error: Cannot ..."} when it has a category. */
    public String fullMessage() {
        return category == null ? message : category + ": " + message;
    }

    public Diagnostic withHint(String newHint) {
        return new Diagnostic(severity, file, span, message, newHint, tag, category);
    }

    /** The error class a message starts with ({@code "Type Error: ..."}: one word, then " Error: "), else null. */
    private static String categoryOf(String message) {
        if (message == null) return null;
        int colon = message.indexOf(": ");
        return colon > 0 && message.startsWith(" Error", colon - 6) && message.indexOf(' ') == colon - 6
                ? message.substring(0, colon) : null;
    }

    private static String withoutCategory(String message) {
        String category = categoryOf(message);
        return category == null ? message : message.substring(category.length() + 2);
    }
}
