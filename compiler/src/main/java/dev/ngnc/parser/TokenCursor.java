package dev.ngnc.parser;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.lexer.Token;
import dev.ngnc.lexer.TokenKind;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The token stream shared by the expression, statement, type and declaration parsers.
 *
 * <p>Newline significance is a stack of modes: inside parentheses, brackets, argument lists and
 * object/model literals newlines are skipped, while a {@code { … }} block makes them statement
 * separators again, even when that block sits inside call parentheses (a closure body). In
 * skipping mode {@link #peek()} simply steps over newline tokens.
 */
final class TokenCursor {
    /** Nesting deeper than this is reported instead of recursing on towards a stack overflow. */
    static final int MAX_NESTING = 120;

    private final SourceFile file;
    private final Diagnostics diags;
    private final List<Token> tokens;
    private int pos;
    private Token previous;

    private boolean[] skipModes = new boolean[16];
    private int modeDepth;
    private int nesting;
    private int lastErrorOffset = -1;

    TokenCursor(SourceFile file, List<Token> tokens, Diagnostics diags, boolean skipNewlines, int nesting) {
        this.file = file;
        this.diags = diags;
        this.tokens = new ArrayList<>(tokens);
        if (this.tokens.isEmpty() || !this.tokens.get(this.tokens.size() - 1).is(TokenKind.EOF)) {
            Span end = this.tokens.isEmpty() ? Span.NONE : this.tokens.get(this.tokens.size() - 1).span();
            this.tokens.add(new Token(TokenKind.EOF, "", null, new Span(end.end(), end.end(), end.line(), end.col())));
        }
        this.skipModes[0] = skipNewlines;
        this.nesting = nesting;
    }

    SourceFile file() { return file; }
    Diagnostics diagnostics() { return diags; }
    int nesting() { return nesting; }

    // ---------------------------------------------------------------- looking

    Token peek() {
        if (skipping()) skipNewlines();
        return tokens.get(pos);
    }

    boolean at(TokenKind kind) { return peek().is(kind); }

    /** The token right after the current one with nothing (not even a newline) skipped. */
    Token rawAfterCurrent() {
        peek();
        return tokens.get(Math.min(pos + 1, tokens.size() - 1));
    }

    /** The current token without skipping newlines, whatever the mode. */
    Token peekRaw() { return tokens.get(pos); }

    Token tokenAt(int index) { return tokens.get(Math.min(Math.max(index, 0), tokens.size() - 1)); }

    int size() { return tokens.size(); }

    // ---------------------------------------------------------------- moving

    Token advance() {
        Token t = peek();
        if (!t.is(TokenKind.EOF)) pos++;
        previous = t;
        return t;
    }

    boolean accept(TokenKind kind) {
        if (!at(kind)) return false;
        advance();
        return true;
    }

    void skipNewlines() {
        while (tokens.get(pos).is(TokenKind.NEWLINE)) pos++;
    }

    int position() { return pos; }

    /** Backtracks (or jumps forward) to a position obtained from {@link #position()}. */
    void reset(int position) {
        pos = Math.min(Math.max(position, 0), tokens.size() - 1);
        previous = null;
        for (int i = pos - 1; i >= 0; i--) {
            if (!tokens.get(i).is(TokenKind.NEWLINE)) {
                previous = tokens.get(i);
                break;
            }
        }
    }

    /**
     * Splits a {@code >=} at the cursor into {@code >} and {@code =}; needed where a type argument
     * list closes right before an initializer, as in {@code const xs<i64>= [1]}.
     */
    void splitGreaterEquals() {
        Token t = peek();
        if (!t.is(TokenKind.GT_EQ)) return;
        Span s = t.span();
        tokens.set(pos, new Token(TokenKind.GT, ">", null, new Span(s.start(), s.start() + 1, s.line(), s.col())));
        tokens.add(pos + 1, new Token(TokenKind.EQ, "=", null, new Span(s.start() + 1, s.end(), s.line(), s.col() + 1)));
    }

    // ---------------------------------------------------------------- newline modes

    boolean skipping() { return skipModes[modeDepth]; }

    void pushMode(boolean skipNewlines) {
        if (++modeDepth == skipModes.length) skipModes = Arrays.copyOf(skipModes, modeDepth * 2);
        skipModes[modeDepth] = skipNewlines;
    }

    void popMode() {
        if (modeDepth > 0) modeDepth--;
    }

    int modeMark() { return modeDepth; }

    void resetModes(int mark) { modeDepth = Math.max(0, Math.min(mark, modeDepth)); }

    // ---------------------------------------------------------------- nesting guard

    /** Call on entering a recursive construct; pair with {@link #exit()} in a finally block. */
    void enter() {
        if (++nesting > MAX_NESTING) {
            nesting--;
            throw errorAt(peek(), "code is nested too deeply", "split it into smaller functions or variables");
        }
    }

    void exit() { nesting--; }

    // ---------------------------------------------------------------- spans

    /** From {@code start} to the end of the last consumed token. */
    Span spanFrom(Span start) {
        int end = previous == null ? start.end() : Math.max(previous.span().end(), start.end());
        return new Span(start.start(), end, start.line(), start.col());
    }

    // ---------------------------------------------------------------- errors

    Token expect(TokenKind kind, String context) {
        if (at(kind)) return advance();
        throw errorAt(peek(), "expected " + kind.quoted() + " " + context + ", found " + peek().describe(), null);
    }

    /**
     * Expects a closing bracket. When it is missing and the next token sits on a later line, the
     * bracket is treated as if it closed at the end of the line: the most common slip (a missing
     * ')' at the end of a line) then costs one diagnostic instead of a cascade.
     */
    Token expectClosing(TokenKind kind, String context) {
        if (at(kind)) return advance();
        int nl = skippedNewlineBeforeCurrent();
        if (nl >= 0) {
            report(tokens.get(nl).span(), "expected " + kind.quoted() + " " + context + ", found newline", null);
            pos = nl;
            return null;
        }
        throw errorAt(peek(), "expected " + kind.quoted() + " " + context + ", found " + peek().describe(), null);
    }

    /** Index of a newline token that skipping mode stepped over right before the current token, or -1. */
    private int skippedNewlineBeforeCurrent() {
        peek();
        int i = pos - 1;
        if (i < 0 || !tokens.get(i).is(TokenKind.NEWLINE)) return -1;
        if (previous != null && tokens.get(i).span().start() < previous.span().end()) return -1;
        return i;
    }

    ParseError errorAt(Token at, String message, String hint) {
        report(at.span(), message, hint != null ? hint : autoHint(at));
        return new ParseError();
    }

    ParseError errorExpected(String what) {
        Token t = peek();
        return errorAt(t, "expected " + what + ", found " + t.describe(), null);
    }

    void report(Span span, String message, String hint) {
        // The same spot is often reached again while unwinding; one message per spot is enough.
        if (span.start() == lastErrorOffset) return;
        lastErrorOffset = span.start();
        diags.error(file, span, message, hint);
    }

    /** Hints for slips whose error shows up one token later than their cause. */
    private String autoHint(Token at) {
        if (previous != null && previous.is(TokenKind.FLOAT) && previous.text().endsWith(".")
                && at.is(TokenKind.IDENT) && previous.span().end() == at.span().start()) {
            String n = previous.text().substring(0, previous.text().length() - 1);
            return "'" + n + ".' is the float " + n + ".0; to call a method on a number write (" + n + ")." + at.text() + "(…)";
        }
        return null;
    }
}
