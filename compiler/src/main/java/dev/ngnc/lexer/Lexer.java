package dev.ngnc.lexer;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns ngn source text into tokens. Problems become diagnostics; the lexer never throws and
 * the result always ends with an EOF token.
 *
 * <p>Newlines are tokens because they end statements; runs of blank lines (and comment-only
 * lines) collapse into a single {@link TokenKind#NEWLINE}. A string's {@code ${…}} parts are
 * lexed recursively into nested token lists, so quotes of either kind nest per level.
 */
public final class Lexer {
    /** Deeper string-in-interpolation nesting than this is rejected instead of risking the stack. */
    private static final int MAX_INTERPOLATION_DEPTH = 64;

    private final SourceFile file;
    private final String src;
    private final Diagnostics diags;
    private final int[] lineStarts;
    private int pos;
    private int interpolationDepth;
    /** Where skipped comments are recorded, or null when nobody asked for them. */
    private List<Comment> comments;

    private Lexer(SourceFile file, Diagnostics diags) {
        this.file = file;
        this.src = file.text() == null ? "" : file.text();
        this.diags = diags;
        this.lineStarts = computeLineStarts(src);
    }

    public static List<Token> lex(SourceFile file, Diagnostics diags) {
        Lexer lexer = new Lexer(file, diags);
        List<Token> out = new ArrayList<>();
        try {
            lexer.lexUntilEof(out);
        } catch (RuntimeException | StackOverflowError e) {
            // Defensive: a lexer bug must surface as a diagnostic, never as a crash of the compiler.
            diags.error(file, lexer.span(lexer.pos, lexer.pos), "internal lexer error: " + e);
            if (out.isEmpty() || !out.get(out.size() - 1).is(TokenKind.EOF)) {
                out.add(lexer.eofToken(lexer.src.length()));
            }
        }
        return out;
    }

    /**
     * Every comment of {@code file} in source order, including those inside string interpolations. The
     * tokens (and their diagnostics, which go nowhere here) are exactly those of {@link #lex}: comments are
     * only noted on the side.
     */
    public static List<Comment> comments(SourceFile file) {
        Lexer lexer = new Lexer(file, new Diagnostics());
        lexer.comments = new ArrayList<>();
        try {
            lexer.lexUntilEof(new ArrayList<>());
        } catch (RuntimeException | StackOverflowError e) {
            // lex() reports this as a diagnostic; the comments seen so far are all there is
        }
        lexer.comments.sort(java.util.Comparator.comparingInt(c -> c.span().start()));
        return List.copyOf(lexer.comments);
    }

    private void lexUntilEof(List<Token> out) {
        Token prev = null;
        while (true) {
            Token t = next(prev);
            if (addCollapsingNewlines(out, t)) prev = t;
            if (t.is(TokenKind.EOF)) return;
        }
    }

    /** Adds {@code t} unless it is a newline right after another newline or at the very start. */
    private static boolean addCollapsingNewlines(List<Token> out, Token t) {
        if (t.is(TokenKind.NEWLINE) && (out.isEmpty() || out.get(out.size() - 1).is(TokenKind.NEWLINE))) {
            return false;
        }
        out.add(t);
        return true;
    }

    // ---------------------------------------------------------------- dispatch

    /** Lexes one token; {@code prev} (the last significant token, or null) decides whether '/' starts a regex. */
    private Token next(Token prev) {
        while (true) {
            Token t = nextOrNull(prev);
            if (t != null) return t;
        }
    }

    /** One step of {@link #next}: null when it only skipped an unknown character (looping, not recursing, keeps the stack flat). */
    private Token nextOrNull(Token prev) {
        while (true) {
            if (pos >= src.length()) return eofToken(src.length());
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\uFEFF') {
                pos++;
                continue;
            }
            if (c == '/' && peekChar(1) == '/') {
                int start = pos;
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
                if (comments != null) {
                    comments.add(new Comment(src.substring(start, pos).stripTrailing(), false, span(start, pos)));
                }
                continue;
            }
            if (c == '/' && peekChar(1) == '*') {
                Token nl = skipBlockComment();
                if (nl != null) return nl;
                continue;
            }
            break;
        }
        int start = pos;
        char c = src.charAt(pos);
        if (c == '\n') {
            pos++;
            return token(TokenKind.NEWLINE, start, null);
        }
        if (c >= '0' && c <= '9') return lexNumber(start);
        if (c == '"' || c == '\'') return lexString(start, c);
        if (c == '/' && !slashIsDivision(prev)) return lexRegex(start);
        int cp = src.codePointAt(pos);
        if (IdentifierChars.isStart(cp)) return lexIdentifier(start);
        Token op = lexOperator(start);
        if (op != null) return op;
        pos += Character.charCount(cp);
        reportUnknown(start, cp);
        return null;
    }

    /** Skips a block comment; one that spans lines still ends the statement, so it yields a newline token. */
    private Token skipBlockComment() {
        int start = pos;
        int close = src.indexOf("*/", pos + 2);
        int end = close < 0 ? src.length() : close + 2;
        if (close < 0) {
            diags.warning(file, span(start, start + 2), "Unterminated block comment runs to the end of the file");
        }
        boolean multiline = src.indexOf('\n', start) >= 0 && src.indexOf('\n', start) < end;
        pos = end;
        if (comments != null) comments.add(new Comment(src.substring(start, end), true, span(start, end)));
        return multiline ? token(TokenKind.NEWLINE, start, null) : null;
    }

    private void reportUnknown(int start, int cp) {
        String ch = new String(Character.toChars(cp));
        String hint = switch (cp) {
            case ';' -> "ngn has no semicolons; end a statement with a newline";
            case '&' -> "logical and is '&&'";
            case '#' -> "comments start with '//'";
            case '`' -> "strings use \"…\" or '…'";
            default -> null;
        };
        diags.error(file, span(start, pos), "Unknown character: " + ch, hint);
    }

    /** The regex rule: after something that ends a value, '/' divides; anywhere else it opens a regex. */
    private static boolean slashIsDivision(Token prev) {
        if (prev == null) return false;
        return switch (prev.kind()) {
            // '$' is included (unlike the reference) so that pipe stages like `x |> $ / 2` divide.
            case IDENT, INT, FLOAT, STRING, TRUE, FALSE, REGEX, RPAREN, RBRACKET, RBRACE, THIS, DOLLAR -> true;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- literals

    private Token lexNumber(int start) {
        while (pos < src.length() && isAsciiDigit(src.charAt(pos))) pos++;
        boolean isFloat = false;
        if (peekChar(0) == '.' && peekChar(1) != '.') {
            // "5." followed by a non-digit is still the float 5.0; "1..5" is an int range.
            isFloat = true;
            pos++;
            while (pos < src.length() && isAsciiDigit(src.charAt(pos))) pos++;
        }
        String text = src.substring(start, pos);
        if (isFloat) {
            String digits = text.endsWith(".") ? text + "0" : text;
            return token(TokenKind.FLOAT, start, Double.parseDouble(digits));
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            diags.error(file, span(start, pos), "Invalid number literal: " + text,
                    "integers must fit in i64 (at most 9223372036854775807)");
            value = 0;
        }
        return token(TokenKind.INT, start, value);
    }

    private Token lexString(int start, char quote) {
        pos++;
        List<StringSegment> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int textStart = pos;
        boolean terminated = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == quote) {
                terminated = true;
                break;
            }
            if (c == '\\') {
                if (pos + 1 >= src.length()) {
                    pos++;
                    break;
                }
                int escaped = src.codePointAt(pos + 1);
                text.appendCodePoint(decodeEscape(escaped));
                pos += 1 + Character.charCount(escaped);
                continue;
            }
            if (c == '$' && peekChar(1) == '{') {
                addText(segments, text, textStart, pos);
                segments.add(lexInterpolation());
                textStart = pos;
                continue;
            }
            text.append(c);
            pos++;
        }
        addText(segments, text, textStart, pos);
        if (terminated) {
            pos++;
        } else {
            diags.error(file, span(start, start + 1), "Unterminated string literal",
                    "close it with " + quote + "; strings may span lines, so the rest of the file was swallowed");
        }
        return token(TokenKind.STRING, start, List.copyOf(segments));
    }

    private static int decodeEscape(int c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            // \\ \" \' \$ and every other escaped character stand for themselves
            default -> c;
        };
    }

    private void addText(List<StringSegment> segments, StringBuilder text, int from, int to) {
        if (text.isEmpty()) return;
        segments.add(new StringSegment.Text(text.toString(), span(from, to)));
        text.setLength(0);
    }

    /** Lexes {@code ${ … }} starting at '$'; stops after the brace that balances the opening one. */
    private StringSegment lexInterpolation() {
        int start = pos;
        pos += 2;
        List<Token> tokens = new ArrayList<>();
        if (++interpolationDepth > MAX_INTERPOLATION_DEPTH) {
            interpolationDepth--;
            diags.error(file, span(start, start + 2), "String interpolation is nested too deeply");
            pos = src.length();
            tokens.add(eofToken(start));
            return new StringSegment.Interpolation(List.copyOf(tokens), span(start, pos));
        }
        int depth = 0;
        Token prev = null;
        while (true) {
            Token t = next(prev);
            if (t.is(TokenKind.EOF)) {
                // The enclosing string reports itself as unterminated; one message is enough.
                tokens.add(t);
                break;
            }
            if (t.is(TokenKind.LBRACE)) depth++;
            if (t.is(TokenKind.RBRACE)) {
                if (depth == 0) {
                    tokens.add(new Token(TokenKind.EOF, "}", null, t.span()));
                    break;
                }
                depth--;
            }
            if (addCollapsingNewlines(tokens, t)) prev = t;
        }
        interpolationDepth--;
        return new StringSegment.Interpolation(List.copyOf(tokens), span(start, pos));
    }

    private Token lexRegex(int start) {
        pos++;
        StringBuilder pattern = new StringBuilder();
        boolean closed = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') break;
            if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) != '\n') {
                pattern.append(c).append(src.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == '/') {
                closed = true;
                pos++;
                break;
            }
            pattern.append(c);
            pos++;
        }
        if (!closed) {
            diags.error(file, span(start, pos), "Unterminated regex literal",
                    "a regex ends with '/' on the same line; to divide, put a value before '/'");
        }
        int flagsStart = pos;
        while (closed && pos < src.length() && isAsciiLetter(src.charAt(pos))) pos++;
        String flags = src.substring(flagsStart, pos);
        return token(TokenKind.REGEX, start, new Token.Regex(pattern.toString(), flags));
    }

    private Token lexIdentifier(int start) {
        while (pos < src.length()) {
            int cp = src.codePointAt(pos);
            if (!IdentifierChars.isContinue(cp)) break;
            pos += Character.charCount(cp);
        }
        String text = src.substring(start, pos);
        TokenKind keyword = TokenKind.keyword(text);
        return token(keyword != null ? keyword : TokenKind.IDENT, start, null);
    }

    // ---------------------------------------------------------------- operators

    /** Longest-match operator lexing; null when the character starts no token at all. */
    private Token lexOperator(int start) {
        char c = src.charAt(pos);
        char c1 = peekChar(1);
        char c2 = peekChar(2);
        TokenKind kind;
        int len = 1;
        switch (c) {
            case '(' -> kind = TokenKind.LPAREN;
            case ')' -> kind = TokenKind.RPAREN;
            case '[' -> kind = TokenKind.LBRACKET;
            case ']' -> kind = TokenKind.RBRACKET;
            case '{' -> kind = TokenKind.LBRACE;
            case '}' -> kind = TokenKind.RBRACE;
            case ',' -> kind = TokenKind.COMMA;
            case '_' -> kind = TokenKind.UNDERSCORE;
            case '$' -> {
                return lexDollar(start);
            }
            case '.' -> {
                if (c1 == '.' && c2 == '.') { kind = TokenKind.ELLIPSIS; len = 3; }
                else if (c1 == '.' && c2 == '<') { kind = TokenKind.DOT_DOT_LT; len = 3; }
                else if (c1 == '.') { kind = TokenKind.DOT_DOT; len = 2; }
                else kind = TokenKind.DOT;
            }
            case ':' -> {
                if (c1 == ':') { kind = TokenKind.COLON_COLON; len = 2; }
                else kind = TokenKind.COLON;
            }
            case '?' -> {
                if (c1 == '?') { kind = TokenKind.QUESTION_QUESTION; len = 2; }
                else if (c1 == '.') { kind = TokenKind.QUESTION_DOT; len = 2; }
                else kind = TokenKind.QUESTION;
            }
            case '=' -> {
                if (c1 == '=') { kind = TokenKind.EQ_EQ; len = 2; }
                else if (c1 == '>') { kind = TokenKind.FAT_ARROW; len = 2; }
                else kind = TokenKind.EQ;
            }
            case '|' -> {
                if (c1 == '>') { kind = TokenKind.PIPE_GT; len = 2; }
                else if (c1 == '|') { kind = TokenKind.PIPE_PIPE; len = 2; }
                else kind = TokenKind.PIPE;
            }
            case '<' -> {
                // '<-' is greedy: `a<-1` is a send, as in the reference.
                if (c1 == '-' && c2 == '?') { kind = TokenKind.ARROW_LEFT_QUESTION; len = 3; }
                else if (c1 == '-') { kind = TokenKind.ARROW_LEFT; len = 2; }
                else if (c1 == '=') { kind = TokenKind.LT_EQ; len = 2; }
                else kind = TokenKind.LT;
            }
            case '>' -> {
                if (c1 == '=') { kind = TokenKind.GT_EQ; len = 2; }
                else kind = TokenKind.GT;
            }
            case '!' -> {
                if (c1 == '=') { kind = TokenKind.BANG_EQ; len = 2; }
                else kind = TokenKind.BANG;
            }
            case '&' -> {
                if (c1 != '&') return null;
                kind = TokenKind.AMP_AMP;
                len = 2;
            }
            case '+' -> { if (c1 == '=') { kind = TokenKind.PLUS_EQ; len = 2; } else kind = TokenKind.PLUS; }
            case '-' -> { if (c1 == '=') { kind = TokenKind.MINUS_EQ; len = 2; } else kind = TokenKind.MINUS; }
            case '/' -> { if (c1 == '=') { kind = TokenKind.SLASH_EQ; len = 2; } else kind = TokenKind.SLASH; }
            case '%' -> { if (c1 == '=') { kind = TokenKind.PERCENT_EQ; len = 2; } else kind = TokenKind.PERCENT; }
            case '^' -> { if (c1 == '=') { kind = TokenKind.CARET_EQ; len = 2; } else kind = TokenKind.CARET; }
            case '*' -> {
                if (c1 == '*' && c2 == '=') { kind = TokenKind.STAR_STAR_EQ; len = 3; }
                else if (c1 == '*') { kind = TokenKind.STAR_STAR; len = 2; }
                else if (c1 == '=') { kind = TokenKind.STAR_EQ; len = 2; }
                else kind = TokenKind.STAR;
            }
            default -> {
                return null;
            }
        }
        pos += len;
        return token(kind, start, null);
    }

    /** {@code $} is placeholder 0; {@code $N} is placeholder N. */
    private Token lexDollar(int start) {
        pos++;
        int digitsStart = pos;
        while (pos < src.length() && isAsciiDigit(src.charAt(pos))) pos++;
        int index = 0;
        if (pos > digitsStart) {
            try {
                index = Integer.parseInt(src.substring(digitsStart, pos));
            } catch (NumberFormatException e) {
                diags.error(file, span(start, pos), "Placeholder index is too large: " + src.substring(start, pos));
            }
        }
        return token(TokenKind.DOLLAR, start, index);
    }

    // ---------------------------------------------------------------- positions

    private char peekChar(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private static boolean isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    private Token token(TokenKind kind, int start, Object value) {
        return new Token(kind, src.substring(start, pos), value, span(start, pos));
    }

    private Token eofToken(int at) {
        return new Token(TokenKind.EOF, "", null, span(at, at));
    }

    private static int[] computeLineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private Span span(int start, int end) {
        int idx = Arrays.binarySearch(lineStarts, start);
        int line = idx >= 0 ? idx : -idx - 2;
        int lineStart = lineStarts[Math.max(line, 0)];
        int col = src.codePointCount(lineStart, Math.min(start, src.length())) + 1;
        return new Span(start, end, line + 1, col);
    }
}
