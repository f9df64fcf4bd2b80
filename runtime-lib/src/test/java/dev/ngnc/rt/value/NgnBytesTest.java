package dev.ngnc.rt.value;

import dev.ngnc.rt.Fixtures;
import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NgnBytesTest {
    @Test
    void constructorsAndIndexing() {
        assertEquals(0, NgnBytes.empty().length());
        assertEquals(5, NgnBytes.of("hello").length());
        NgnBytes r = NgnBytes.of(Fixtures.longs(0, 255, 16));
        assertEquals(3, r.length());
        assertEquals(255L, r.get(1));
        assertEquals(16L, r.get(2));
        NgnError e = assertThrows(NgnError.class, () -> r.get(3));
        assertEquals("Runtime Error: Bytes index out of bounds: 3", e.ngnMessage());
        e = assertThrows(NgnError.class, () -> NgnBytes.of(Fixtures.longs(256)));
        assertEquals("Runtime Error: bytes(array) expects array<u8>", e.ngnMessage());
    }

    @Test
    void copyAndSliceLikeStrings() {
        NgnBytes b = NgnBytes.of("abcdef");
        assertEquals("bc", b.copy(1, 3).toStringStrict());
        assertEquals("ef", b.copy(4).toStringStrict());
        assertEquals("bc", b.sliceTaken(1, 3).toStringStrict());
        b = b.sliceRest(1, 3);
        assertEquals("adef", b.toStringStrict());
        assertEquals("ef", b.sliceTaken(2).toStringStrict());
        assertEquals("ad", b.sliceRest(2).toStringStrict());
        NgnBytes fixed = b;
        assertThrows(NgnError.class, () -> fixed.copy(2, 10));
    }

    @Test
    void lossyDecodingReplacesInvalidSequences() {
        assertEquals("héllo", NgnBytes.of("héllo").toString());
        assertEquals("hi\uFFFD", NgnBytes.of(Fixtures.longs(104, 105, 255)).toString());
        // one replacement per maximal invalid subpart, as Rust's from_utf8_lossy
        assertEquals("\uFFFD\uFFFD", NgnBytes.of(Fixtures.longs(200, 201)).toString());
        assertEquals("a\uFFFDb", NgnBytes.of(Fixtures.longs(97, 0xE2, 0x82, 98)).toString());
    }

    @Test
    void strictDecodingReportsRustUtf8Error() {
        NgnError e = assertThrows(NgnError.class, () -> NgnBytes.of(Fixtures.longs(200, 201)).toStringStrict());
        assertEquals("Runtime Error: Invalid UTF-8 in bytes: invalid utf-8 sequence of 1 bytes from index 0",
                e.ngnMessage());
        e = assertThrows(NgnError.class, () -> NgnBytes.of(Fixtures.longs(97, 0xE2, 0x82)).toStringStrict());
        assertEquals("Invalid UTF-8 in bytes: incomplete utf-8 byte sequence from index 1", e.detail());
    }

    @Test
    void bytesCompareByContent() {
        assertTrue(Values.equals(NgnBytes.of("xyz"), NgnBytes.of("xyz")));
        assertFalse(Values.equals(NgnBytes.of("xyz"), NgnBytes.of("xy")));
        assertEquals(Values.hash(NgnBytes.of("xyz")), Values.hash(NgnBytes.of("xyz")));
        assertEquals("<bytes len=3>", Fmt.str(NgnBytes.of("xyz")));
    }
}
