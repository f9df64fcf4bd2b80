package dev.ngnc.parser;

import dev.ngnc.lexer.Token;
import dev.ngnc.lexer.TokenKind;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Which {@code '{'} a file that ends inside a block most likely forgot to close. The parser only knows that the
 * outermost block is still open at the end of the file — usually the enclosing function, far from the mistake,
 * because the function's own {@code '}'} closed the inner block that lacked one. Indentation tells the truth: the
 * first brace pair whose {@code '}'} line is indented less than its {@code '{'} line is the likely culprit, and the
 * first line after the {@code '{'} at the opening line's indentation is where its {@code '}'} belongs.
 */
final class UnclosedBrace {
    private UnclosedBrace() { }

    /** The likely unclosed brace and the line its {@code '}'} should go before (0 when unknown). */
    record Guess(Span brace, int closeBeforeLine) { }

    /** A better guess than the outermost open brace, or null when indentation gives no clue. */
    static Guess find(SourceFile file, List<Token> tokens) {
        Deque<Token> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.LBRACE) {
                open.push(t);
            } else if (t.kind() == TokenKind.RBRACE && !open.isEmpty()) {
                Token opener = open.pop();
                int openLine = opener.span().line();
                int closeLine = t.span().line();
                if (closeLine == openLine || !firstOnItsLine(file, t)) continue;
                int openIndent = indent(file.lineText(openLine));
                if (indent(file.lineText(closeLine)) < openIndent) {
                    return new Guess(opener.span(), firstLineBackAtIndent(file, openLine, closeLine, openIndent));
                }
            }
        }
        // no '}' went astray: an open block whose following lines come back to its own indentation (a function
        // missing its '}' before the next function) ends there; the innermost such block is the likeliest
        int lastLine = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).span().line() + 1;
        for (Token opener : open) {
            int openLine = opener.span().line();
            int back = firstLineBackAtIndent(file, openLine, lastLine, indent(file.lineText(openLine)));
            if (back < lastLine) return new Guess(opener.span(), back);
        }
        return null;
    }

    /** The first non-blank line after {@code openLine} (before {@code closeLine}) indented no deeper than the opener. */
    private static int firstLineBackAtIndent(SourceFile file, int openLine, int closeLine, int openIndent) {
        for (int line = openLine + 1; line < closeLine; line++) {
            String text = file.lineText(line);
            if (!text.isBlank() && indent(text) <= openIndent && !text.strip().startsWith("//")) return line;
        }
        return closeLine;
    }

    private static boolean firstOnItsLine(SourceFile file, Token t) {
        String line = file.lineText(t.span().line());
        int col = t.span().col() - 1;
        return col <= line.length() && line.substring(0, Math.min(col, line.length())).isBlank();
    }

    /** Leading whitespace width; a tab counts as 4 columns. */
    static int indent(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == ' ') width++;
            else if (ch == '\t') width += 4;
            else break;
        }
        return width;
    }
}
