package dev.ngnc.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NgnRegexTest {
    private static String rep(String s, String pattern, String flags, String to) {
        return Str.replace(s, new NgnRegex(pattern, flags), to);
    }

    @Test
    void replacesFirstMatchOrAllWithG() {
        assertEquals("a#b22c333", rep("a1b22c333", "[0-9]+", "", "#"));
        assertEquals("a#b#c#", rep("a1b22c333", "[0-9]+", "g", "#"));
        assertEquals("bye bye", rep("Hello hello", "hello", "gi", "bye"));
        assertEquals("Forge @he@d", rep("Forge ahead", "a", "g", "@"));
    }

    @Test
    void expandsNumberedAndNamedGroups() {
        assertEquals("06/05/2024", rep("2024-05-06", "(\\d+)-(\\d+)-(\\d+)", "", "$3/$2/$1"));
        assertEquals("05.2024", rep("2024-05", "(?P<y>\\d+)-(?P<m_1>\\d+)", "", "${m_1}.$y"));
        assertEquals("x$y", rep("a", "a", "", "x$$y"));
        assertEquals("[]", rep("a", "(a)", "", "[$1a]")); // "$1a" names group "1a": empty
        assertEquals("[a]", rep("a", "(a)", "", "[${1}]"));
        assertEquals("5$", rep("a", "a", "", "5$"));
    }

    @Test
    void flagsBehaveLikeRust() {
        assertEquals("x\nx", rep("a\nb", "^.$", "gm", "x"));
        assertEquals("X", rep("a\nb", "a.b", "s", "X"));
        assertEquals("<a>ab", rep("aab", "(a+)", "U", "<$1>")); // U swaps greediness
        assertEquals("<aa>b", rep("aab", "(a+?)", "U", "<$1>"));
        assertEquals("<a>ab", rep("aab", "(a{1,3})", "U", "<$1>"));
        assertEquals("X", rep("abc", "a b c", "x", "X"));
    }

    @Test
    void dollarMeansEndOfTextWithoutMultiline() {
        assertEquals("abc\n", rep("abc\n", "c$", "", "X"));
        assertEquals("abX", rep("abc", "c$", "", "X"));
    }

    @Test
    void perlClassesAreUnicodeAware() {
        assertEquals("#", rep("٣", "\\d", "", "#"));
        assertEquals("__ ", rep("éx ", "\\w", "g", "_"));
        assertEquals("#b", rep("ab", "[[:alpha:]&&[a]]", "", "#"));
        assertEquals("a#", rep("a1", "[[:digit:]]", "", "#"));
    }

    @Test
    void invalidRegexIsInternalErrorWhenUsed() {
        NgnRegex bad = new NgnRegex("(abc", "i");
        NgnError e = assertThrows(NgnError.class, () -> bad.replace("abc", "x"));
        assertEquals(NgnError.Kind.INTERNAL, e.kind());
        assertTrue(e.detail().startsWith("Invalid regex '(?i)(abc': "), e.detail());
    }

    @Test
    void printsWithInlineFlags() {
        assertEquals("/(?i)abc/", new NgnRegex("abc", "i").toString());
        assertEquals("/a+/", new NgnRegex("a+", "g").toString());
    }
}
