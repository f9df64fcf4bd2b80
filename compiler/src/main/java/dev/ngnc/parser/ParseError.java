package dev.ngnc.parser;

/**
 * Unwinds the parser to the nearest recovery point after a diagnostic has been reported.
 * Never escapes {@link Parser}; it carries no stack trace because it is control flow.
 */
final class ParseError extends RuntimeException {
    ParseError() {
        super(null, null, false, false);
    }
}
