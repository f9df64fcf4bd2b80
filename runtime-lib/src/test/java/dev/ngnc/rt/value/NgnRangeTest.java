package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NgnRangeTest {
    @Test
    void rangeLiteralsExpandToArrays() {
        assertEquals("[1, 2, 3, 4, 5]", new NgnRange(1, 5, true).toArray().toString());
        assertEquals("[0, 1, 2]", new NgnRange(0, 3, false).toArray().toString());
        assertEquals("[]", new NgnRange(3, 1, true).toArray().toString());
        assertEquals(0, new NgnRange(5, 5, false).count());
    }

    @Test
    void dynamicBoundsMustBeIntegers() {
        assertEquals("1..<4", NgnRange.of(1L, 4L, false).toString());
        NgnError e = assertThrows(NgnError.class, () -> NgnRange.of(1L, 2.5, true));
        assertEquals("Runtime Error: Range bounds must be integers", e.ngnMessage());
    }

    @Test
    void containsHonoursInclusiveness() {
        NgnRange r = new NgnRange(4, 9, true);
        assertTrue(r.contains(9));
        assertTrue(r.contains(4.5));
        assertFalse(new NgnRange(4, 9, false).contains(9));
        assertTrue(Values.equals(r, new NgnRange(4, 9, true)));
    }
}
