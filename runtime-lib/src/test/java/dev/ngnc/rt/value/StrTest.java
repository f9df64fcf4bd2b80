package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StrTest {
    private static void assertError(NgnError.Kind kind, String text, Runnable r) {
        NgnError e = assertThrows(NgnError.class, r::run);
        assertEquals(kind, e.kind());
        assertEquals(text, e.detail());
    }

    @Test
    void lengthCountsUtf8Bytes() {
        assertEquals(3, Str.length("abc"));
        assertEquals(2, Str.length("é"));
        assertEquals(6, Str.length("日本"));
        assertEquals(5, Str.length("a😀"));
        assertEquals(0, Str.length(""));
        String longAscii = "x".repeat(1000);
        assertEquals(1000, Str.length(longAscii));
        assertEquals(1000, Str.length(longAscii)); // cached path
        assertEquals(2000, Str.length("é".repeat(1000)));
    }

    @Test
    void indexingUsesCodePoints() {
        assertEquals("h", Str.charAt("hello", 0));
        assertEquals("o", Str.charAt("hello", 4));
        assertEquals("😀", Str.charAt("a😀b", 1));
        assertEquals("b", Str.charAt("a😀b", 2));
        assertError(NgnError.Kind.RUNTIME, "String index out of bounds: 5", () -> Str.charAt("hello", 5));
        // in range of the byte length but past the last code point
        assertError(NgnError.Kind.INTERNAL, "String index out of bounds: 1", () -> Str.charAt("é", 1));
    }

    @Test
    void indexSearchesByteOffsets() {
        String s = "the cat sat on the mat";
        assertEquals(0, Str.index(s, "the"));
        assertEquals(15, Str.index(s, "the", 1));
        assertEquals(-1, Str.index(s, "dog"));
        assertEquals(9, Str.index(s, "at", 6));
        assertEquals(-1, Str.index(s, "t", 100));
        assertEquals(0, Str.index(s, "the", -4));
        assertEquals(3, Str.index("héllo", "l"));
        assertEquals(4, Str.index("héllo", "l", 4));
        assertError(NgnError.Kind.INTERNAL, "byte index 2 is not a char boundary", () -> Str.index("héllo", "l", 2));
    }

    @Test
    void includesStartsEnds() {
        assertTrue(Str.includes("framework", "me"));
        assertFalse(Str.includes("framework", "xyz"));
        assertTrue(Str.starts("framework", "frame"));
        assertTrue(Str.ends("framework", "work"));
        assertTrue(Str.includes("framework", ""));
    }

    @Test
    void splitKeepsEmptyPieces() {
        assertEquals("[red, green, , blue]", Str.split("red,green,,blue", ",").toString());
        assertEquals("[a, b, c]", Str.split("abc").toString());
        assertEquals("[a, b, c]", Str.split("a--b--c", "--").toString());
        assertEquals("[nosep]", Str.split("nosep", ",").toString());
        assertEquals("[x, ]", Str.split("x.", ".").toString());
        assertEquals("[, a, b, ]", Str.split("ab", "").toString());
        assertEquals("[h, é, 😀]", Str.split("hé😀").toString());
    }

    @Test
    void replaceChangesFirstOccurrenceOnly() {
        assertEquals("bonana", Str.replace("banana", "a", "o"));
        assertEquals("baNAna", Str.replace("banana", "na", "NA"));
        assertEquals("banana", Str.replace("banana", "zz", "y"));
        assertEquals("mixed_case words", Str.replace("mixed case words", " ", "_"));
    }

    @Test
    void copyUsesByteRanges() {
        assertEquals("Workbench", Str.copy("Workbench"));
        assertEquals("bench", Str.copy("Workbench", 4));
        assertEquals("Work", Str.copy("Workbench", 0, 4));
        assertEquals("", Str.copy("Workbench", 2, 2));
        assertEquals("llo", Str.copy("héllo", 3));
        assertError(NgnError.Kind.INTERNAL, "Range out of bounds", () -> Str.copy("abc", 1, 10));
        assertError(NgnError.Kind.INTERNAL, "byte index 2 is not a char boundary", () -> Str.copy("héllo", 2));
    }

    @Test
    void sliceIsTwoCallsTakenAndRest() {
        String s = "abcdefgh";
        assertEquals("cde", Str.sliceTaken(s, 2, 5));
        s = Str.sliceRest(s, 2, 5);
        assertEquals("abfgh", s);
        assertEquals("gh", Str.sliceTaken(s, 3));
        assertEquals("abf", Str.sliceRest(s, 3));
        assertEquals("é", Str.sliceTaken("aéb", 1, 3));
        assertEquals("ab", Str.sliceRest("aéb", 1, 3));
        assertError(NgnError.Kind.INTERNAL, "slice() start must be integer", () -> Str.sliceTaken("abc", -1));
    }

    @Test
    void caseMappingIsFullUnicode() {
        assertEquals("STRASSE", Str.upper("straße"));
        assertEquals("àéî", Str.lower("ÀÉÎ"));
        assertEquals("HELLO WORLD", Str.upper("Hello World"));
    }

    @Test
    void trimStripsUnicodeWhiteSpace() {
        assertEquals("spaced out", Str.trim("   spaced out \t\n"));
        assertEquals("x", Str.trim("\u00A0\u3000x\u2029"));
        assertEquals("\u001Fx", Str.trim("\u001Fx")); // not White_Space
        assertEquals("", Str.trim("   "));
    }

    @Test
    void repeatRejectsNegativeCounts() {
        assertEquals("ababab", Str.repeat("ab", 3));
        assertEquals("", Str.repeat("x", 0));
        assertError(NgnError.Kind.INTERNAL, "repeat() expects integer count", () -> Str.repeat("x", -1));
    }
}
