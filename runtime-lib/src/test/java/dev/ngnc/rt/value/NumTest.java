package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumTest {
    @Test
    void integerDivisionAlwaysYieldsFloat() {
        assertEquals(3.5, Num.div(7, 2));
        assertEquals("2", Fmt.str(Num.div(10, 5)));
        assertEquals(-4.5, Num.div(-9, 2));
    }

    @Test
    void zeroDivisorIsRuntimeError() {
        NgnError e = assertThrows(NgnError.class, () -> Num.div(1, 0));
        assertEquals("Runtime Error: Division failed", e.ngnMessage());
        assertThrows(NgnError.class, () -> Num.div(1.0, 0.0));
        assertThrows(NgnError.class, () -> Num.div(1.0, -0.0));
        e = assertThrows(NgnError.class, () -> Num.mod(10, 0));
        assertEquals("Runtime Error: Modulo failed", e.ngnMessage());
    }

    @Test
    void remainderTruncatesAndDetectsOverflow() {
        assertEquals(2, Num.mod(17, 5));
        assertEquals(-2, Num.mod(-17, 5));
        assertEquals(0, Num.mod(5, -1));
        NgnError e = assertThrows(NgnError.class, () -> Num.mod(Long.MIN_VALUE, -1));
        assertEquals("Internal error: attempt to calculate the remainder with overflow", e.ngnMessage());
    }

    @Test
    void floatRemainderIsFmod() {
        assertEquals(1.5, Num.mod(10.5, 3));
        assertEquals(2.0, Num.mod(7, 2.5));
        assertTrue(Double.isNaN(Num.mod(1.0, 0.0)));
    }

    @Test
    void powerIsAlwaysFloat() {
        assertEquals("1024", Fmt.str(Num.pow(2, 10)));
        assertEquals(0.5, Num.pow(2, -1));
        assertEquals(512.0, Num.pow(2, Num.pow(3, 2)));
        assertEquals(2.0, Num.pow(4, 0.5));
    }
}
