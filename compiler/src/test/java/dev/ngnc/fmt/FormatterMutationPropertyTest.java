package dev.ngnc.fmt;

import dev.ngnc.lexer.Lexer;
import dev.ngnc.lexer.Token;
import dev.ngnc.lexer.TokenKind;
import dev.ngnc.source.SourceFile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Layout the formatter owns does not survive it: a parsing corpus program with its whitespace randomly changed
 * where the language allows (re-indented lines, extra spaces between tokens, trailing spaces, runs of blank
 * lines lengthened, line breaks after commas inside parentheses and brackets) formats to exactly what the
 * original formats to.
 */
class FormatterMutationPropertyTest {

    @Provide
    Arbitrary<SourceFile> programs() {
        List<SourceFile> parsing = new ArrayList<>();
        for (SourceFile f : Programs.under(Programs.corpus(), "corpus").values()) {
            if (Programs.parse(f) != null) parsing.add(f);
        }
        if (parsing.isEmpty()) { // no corpus here: the examples still give programs to mutate
            for (SourceFile f : Programs.under(Programs.REPO.resolve("examples"), "examples").values()) {
                if (Programs.parse(f) != null) parsing.add(f);
            }
        }
        return Arbitraries.of(parsing);
    }

    @Property(tries = 150)
    void changingWhitespaceWhereAllowedDoesNotChangeTheFormattedText(@ForAll("programs") SourceFile original,
                                                                    @ForAll long seed) {
        String mutated = mutate(original, new Random(seed));
        assertEquals(Programs.format(original), Programs.format(Programs.withText(original, mutated)),
                () -> original.displayPath() + " mutated:\n" + mutated);
    }

    /** Rewrites only the gaps between top-level tokens, and only where the gap holds no comment. */
    static String mutate(SourceFile file, Random rnd) {
        String src = file.text();
        List<Token> tokens = Lexer.lex(file, new dev.ngnc.diag.Diagnostics());
        StringBuilder out = new StringBuilder();
        Deque<TokenKind> open = new ArrayDeque<>();
        int pos = 0;
        for (Token t : tokens) {
            if (t.is(TokenKind.NEWLINE)) continue; // its '\n' is part of the gap around it
            String gap = src.substring(pos, t.span().start());
            boolean lineBreaksAllowed = !open.isEmpty() && open.peek() != TokenKind.LBRACE;
            out.append(gap.contains("/") ? gap : mutateGap(gap, rnd, out, lineBreaksAllowed));
            out.append(src, t.span().start(), t.span().end());
            pos = t.span().end();
            switch (t.kind()) {
                case LPAREN, LBRACKET, LBRACE -> open.push(t.kind());
                case RPAREN, RBRACKET, RBRACE -> {
                    if (!open.isEmpty()) open.pop();
                }
                default -> { }
            }
        }
        out.append(src.substring(pos));
        return out.toString();
    }

    private static String mutateGap(String gap, Random rnd, StringBuilder before, boolean lineBreaksAllowed) {
        int newlines = (int) gap.chars().filter(c -> c == '\n').count();
        StringBuilder g = new StringBuilder();
        if (newlines == 0) {
            if (gap.isEmpty()) {
                boolean afterComma = before.length() > 0 && before.charAt(before.length() - 1) == ',';
                if (afterComma && lineBreaksAllowed && rnd.nextInt(4) == 0) return "\n" + indent(rnd);
                return gap;
            }
            g.append(" ".repeat(1 + rnd.nextInt(3)));
            if (lineBreaksAllowed && before.length() > 0 && before.charAt(before.length() - 1) == ',' && rnd.nextInt(4) == 0) {
                return "\n" + indent(rnd);
            }
            return g.toString();
        }
        // keep one line break, or a blank line (made longer, with stray spaces) where there was one
        int lines = newlines >= 2 ? 2 + rnd.nextInt(3) : 1;
        for (int i = 0; i < lines; i++) g.append(rnd.nextBoolean() ? "  " : "").append('\n');
        return g.append(indent(rnd)).toString();
    }

    private static String indent(Random rnd) {
        return rnd.nextInt(3) == 0 ? "\t" : " ".repeat(rnd.nextInt(9));
    }
}
