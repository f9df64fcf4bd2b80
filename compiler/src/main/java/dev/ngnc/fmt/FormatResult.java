package dev.ngnc.fmt;

import dev.ngnc.diag.Diagnostic;

import java.util.List;

/**
 * What {@link Formatter#format} gives back: the formatted text, or (when the file does not parse) the
 * diagnostics that say why and no text. {@code changed} tells whether the text differs from the input.
 */
public record FormatResult(String text, boolean changed, List<Diagnostic> diagnostics) {
    public boolean ok() { return text != null; }

    static FormatResult failed(List<Diagnostic> diagnostics) { return new FormatResult(null, false, List.copyOf(diagnostics)); }
}
