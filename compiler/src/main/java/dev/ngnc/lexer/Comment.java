package dev.ngnc.lexer;

import dev.ngnc.source.Span;

/**
 * A comment the lexer skipped: trivia recorded on the side (the token stream never contains it), kept for
 * tools that reprint source, such as the formatter. {@code text} is the comment as written, delimiters
 * included; a line comment loses trailing whitespace (and a CR), which carries no meaning.
 */
public record Comment(String text, boolean block, Span span) {}
