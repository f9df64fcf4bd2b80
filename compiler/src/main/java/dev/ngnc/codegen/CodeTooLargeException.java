package dev.ngnc.codegen;

import dev.ngnc.source.Span;

/**
 * Generated code that the JVM cannot hold even after {@link MethodSplitter} split it: one statement of a function
 * over the 64 KB method limit, or a class over the constant-pool limit. The driver turns it into a positioned
 * diagnostic; it is never an internal compiler error.
 */
public final class CodeTooLargeException extends RuntimeException {
    /** Where the offending code starts (null when only the generated name is known). */
    public final Span span;
    public final String hint;

    CodeTooLargeException(Span span, String message, String hint) {
        super(message, null, false, false);
        this.span = span;
        this.hint = hint;
    }
}
