package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

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
        assertEquals("#b", rep("ab", "[[:alpha:][x]]", "", "#"));
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

    @Test
    void lookAroundAndBackReferencesAreRejectedAsRustDoes() {
        for (String p : new String[] {"a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", "(a)\\1", "[[:alpha:]&&[a]]", "[a--b]"}) {
            NgnError e = assertThrows(NgnError.class, () -> new NgnRegex(p, "").replace("ab", "x"), p);
            assertTrue(e.detail().startsWith("Invalid regex '" + p + "': "), e.detail());
        }
    }

    @Test
    void verboseFlagDropsWhitespaceAndComments() {
        assertEquals("#-x", rep("12-x", "[0-9] +  # digits\n", "x", "#"));
        assertEquals("a#", rep("a b", "[ ]b", "x", "#"), "whitespace inside a class stays");
    }

    @Test
    void inlineVerboseFlagIsScopedToItsGroup() {
        assertEquals("J", rep("x y", "(?x) x \\s y ", "", "J"));
        assertEquals("J", rep("X Y", "(?xi) x \\s y", "", "J"));
        assertEquals("J!", rep("ab c!", "(?x: a b ) c", "", "J"));
        assertEquals("<ab>", rep("ab c", "((?x) a b ) c", "", "<$1>"), "(?x) ends with its group");
        assertEquals("J", rep("ab c", "(?x) a b (?-x) c", "", "J"));
        assertEquals("<b>", rep("ab", "(?x) a (?P<n> b )", "", "<$n>"));
        assertEquals("<ab>", rep("ab", "(?x)(?i: A B )", "", "<$0>"));
        assertEquals("J", rep("a B", "(?x) a (?i-x) b", "", "J"));
    }

    /** Patterns that make a backtracking engine take exponential or polynomial time on a near-miss input. */
    private static final String[][] HOSTILE = {
        {"^(a+)+$", "a", "!"}, {"^(a*)*$", "a", "!"}, {"^(a|a)+$", "a", "!"}, {"^(a|aa)+$", "a", "!"},
        {"^(a|a?)+$", "a", "!"}, {"^(.*a){12}$", "a", "!"}, {"^(a+)+b", "a", "c"}, {"(x+x+)+y", "x", "z"},
        {"^(\\w+\\s?)+$", "word", "!"}, {"^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@)", "a", "!"},
        {"(a|b|ab)*c", "ab", "d"}, {"^(([a-z])+.)+[A-Z]([a-z])+$", "aa", "!"}, {"(.*){1,100}[bc]", "a", "!"},
        {"^(\\d+)*$", "1", "x"}, {"^(\\s*,*)*$", " ,", "x"}, {"(a?){25}a{25}", "a", ""},
        {"^(([ab])*)*c$", "ab", "d"}, {"(\\.|[^.])*z", ".a", "!"}, {"^(a+|b+)*c$", "ab", "d"}, {"^(ab|a)*b?c$", "ab", "d"},
    };

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * The least CPU time of {@code runs} matches, in ns. CPU time of this thread, not wall time: on a loaded machine
     * (2 cores, several builds) a wall-clock run can lose whole time slices and fake super-linear growth; the
     * minimum also drops a GC or JIT pause. A backtracking engine keeps its exponential cost either way.
     */
    private static long nanos(NgnRegex re, String input, int runs) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            re.replace(input, "");
            best = Math.min(best, THREADS.getCurrentThreadCpuTime() - t0);
        }
        return best;
    }

    @Test
    void hostilePatternsTakeLinearTime() {
        // 20 patterns × (plain, case-insensitive, multiline) = 60 pattern/input pairs; each input is a long near miss.
        // Linear: 8× the input costs about 8× the time (allow 40×, for noise and warm-up); a backtracking engine
        // would not finish the small input at all.
        StringBuilder report = new StringBuilder();
        for (String[] h : HOSTILE) {
            for (String flags : new String[] {"", "i", "m"}) {
                NgnRegex re = new NgnRegex(h[0], flags);
                String small = h[1].repeat(2_000) + h[2];
                String large = h[1].repeat(16_000) + h[2];
                nanos(re, small, 3); // warm-up
                long s = Math.max(nanos(re, small, 5), 200_000);
                long l = nanos(re, large, 3);
                if (l > 40 * s) report.append(h[0]).append(" /").append(flags).append(": ").append(s / 1000)
                        .append(" µs → ").append(l / 1000).append(" µs\n");
            }
        }
        assertEquals("", report.toString(), "super-linear growth");
    }
}
