package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MathLibTest {
    private static String f(double d) {
        return Fmt.str(d);
    }

    @Test
    void roundIsHalfAwayFromZero() {
        assertEquals("5", f(MathLib.round(4.5)));
        assertEquals("-3", f(MathLib.round(-2.5)));
        assertEquals("2", f(MathLib.round(2.4)));
        assertEquals("0", f(MathLib.round(0.49999999999999994)));
        assertEquals("-0", f(MathLib.round(-0.4)));
        assertEquals(7L, MathLib.round(7L));
        assertEquals(7L, MathLib.round((Object) 7L));
    }

    @Test
    void roundingFamilyKeepsKinds() {
        assertEquals("3", f(MathLib.floor(3.9)));
        assertEquals("-4", f(MathLib.floor(-3.1)));
        assertEquals("4", f(MathLib.ceil(3.2)));
        assertEquals("-3", f(MathLib.ceil(-3.8)));
        assertEquals("-3", f(MathLib.trunc(-3.9)));
        assertEquals("3", f(MathLib.trunc(3.9)));
        assertEquals("2.5", f(MathLib.abs(-2.5)));
        assertEquals(Long.MIN_VALUE, MathLib.abs(Long.MIN_VALUE));
        assertEquals(2.5, MathLib.abs((Object) (-2.5)));
    }

    @Test
    void signMinMaxClampReturnFloats() {
        assertEquals("-1", f(MathLib.sign(-5)));
        assertEquals("0", f(MathLib.sign(0)));
        assertEquals("1", f(MathLib.sign(12)));
        assertEquals("3", f(MathLib.min(5, 3)));
        assertEquals("-2", f(MathLib.min(4, -2, 9)));
        assertEquals("1.5", f(MathLib.max(1.5, 0.5)));
        assertEquals("1", f(MathLib.max(Double.NaN, 1)));
        assertEquals("10", f(MathLib.clamp(15, 0, 10)));
        assertEquals("0", f(MathLib.clamp(-3, 0, 10)));
        assertEquals("4", f(MathLib.clamp(4, 0, 10)));
        NgnError e = assertThrows(NgnError.class, () -> MathLib.clamp(1, 10, 0));
        assertEquals("Internal error: min > max, or either was NaN. min = 10.0, max = 0.0", e.ngnMessage());
    }

    @Test
    void powersRootsAndLogs() {
        assertEquals("3", f(MathLib.sqrt(9)));
        assertEquals("1.4142135623730951", f(MathLib.sqrt(2)));
        assertEquals("8", f(MathLib.pow(2, 3)));
        assertEquals("1", f(MathLib.exp(0)));
        assertEquals("0", f(MathLib.log(1)));
        assertEquals("3", f(MathLib.log10(1000)));
        assertEquals("3", f(MathLib.log2(8)));
        assertEquals("-1", f(MathLib.log2(0.5)));
        assertEquals(Math.log(10) / Math.log(2), MathLib.log2(10), 1e-15);
        assertEquals("NaN", f(MathLib.sqrt(-1)));
        assertEquals("inf", f(MathLib.exp(1000)));
        assertTrue(Double.isNaN(MathLib.log2(-1)));
    }

    @Test
    void trigonometry() {
        assertEquals("3.141592653589793", f(MathLib.PI()));
        assertEquals("0", f(MathLib.sin(0)));
        assertEquals("1", f(MathLib.cos(0)));
        assertEquals("1.5707963267948966", f(MathLib.asin(1)));
        assertEquals("0", f(MathLib.acos(1)));
        assertEquals("0.7853981633974483", f(MathLib.atan(1)));
        assertEquals("0.7853981633974483", f(MathLib.atan2(1, 1)));
    }
}
