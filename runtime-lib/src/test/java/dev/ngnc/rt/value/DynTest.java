package dev.ngnc.rt.value;

import dev.ngnc.rt.Fixtures;
import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DynTest {
    @Test
    void integerOperationsWrapAndStayIntegers() {
        assertEquals(Long.MIN_VALUE, Dyn.add(Long.MAX_VALUE, 1L));
        assertEquals(-9223372036854775808L, Dyn.mul(-4611686018427387904L, 2L));
        assertEquals(-15L, Dyn.sub(10L, 25L));
        assertEquals(Long.MIN_VALUE, Dyn.neg(Long.MIN_VALUE));
        assertEquals(2L, Dyn.mod(17L, 5L));
    }

    @Test
    void mixedOperandsPromoteToFloat() {
        assertEquals(1.5, Dyn.add(1L, 0.5));
        assertEquals(10.0, Dyn.mul(4L, 2.5));
        assertEquals(3.5, Dyn.div(7L, 2L));
        assertEquals(2.0, Dyn.mod(7L, 2.5));
        assertEquals(1024.0, Dyn.pow(2L, 10L));
        assertEquals(-2.5, Dyn.neg(2.5));
    }

    @Test
    void stringsConcatenate() {
        assertEquals("foobar", Dyn.add("foo", "bar"));
    }

    @Test
    void unsupportedOperandsAreRuntimeErrors() {
        NgnError e = assertThrows(NgnError.class, () -> Dyn.add("a", 1L));
        assertEquals("Runtime Error: Cannot perform binary operation on String and I64", e.ngnMessage());
        assertThrows(NgnError.class, () -> Dyn.div(1L, 0L));
        e = assertThrows(NgnError.class, () -> Dyn.ge("a", 1L));
        assertEquals("GreaterThanEqual expects numeric types, got String", e.detail());
    }

    @Test
    void comparisonsAreNumeric() {
        assertTrue(Dyn.lt(3L, 5L));
        assertFalse(Dyn.lt(5L, 3L));
        assertTrue(Dyn.le(3L, 3.0));
        assertTrue(Dyn.gt(1.5, 1L));
        assertFalse(Dyn.gt(Double.NaN, 1L));
        assertFalse(Dyn.ge(Double.NaN, Double.NaN));
        assertTrue(Dyn.eq(2L, 2.0));
    }

    @Test
    void notHandlesBoolsAndMaybe() {
        assertFalse(Dyn.not(true));
        assertTrue(Dyn.not(NgnEnum.NULL));
        assertFalse(Dyn.not(NgnEnum.value(1L)));
        assertThrows(NgnError.class, () -> Dyn.not(1L));
    }

    @Test
    void conversionsCheckKinds() {
        assertEquals(5L, Dyn.asLong(5L));
        assertEquals(5.0, Dyn.asDouble(5L));
        assertTrue(Dyn.asBool(true));
        assertThrows(NgnError.class, () -> Dyn.asLong(2.5));
        assertThrows(NgnError.class, () -> Dyn.asBool(1L));
        assertThrows(NgnError.class, () -> Dyn.asDouble("x"));
    }

    @Test
    void indexDispatchesOnReceiverKind() {
        assertEquals(30L, Dyn.index(Fixtures.longs(10, 20, 30), 2L));
        assertEquals("b", Dyn.index(NgnTuple.of("a", "b"), 1L));
        assertEquals("é", Dyn.index("héllo", 1L));
        // bytes elements are the u8 run-time kind (spec 3.1)
        assertEquals(U8.of(120), Dyn.index(NgnBytes.of("xyz"), 0L));
        NgnError e = assertThrows(NgnError.class, () -> Dyn.index(Fixtures.longs(1), 0.0));
        assertEquals("Runtime Error: Invalid indexing operation", e.ngnMessage());
        assertThrows(NgnError.class, () -> Dyn.index(5L, 0L));
    }

    @Test
    void fieldReadsObjectsAndModels() {
        NgnObject o = NgnObject.of(new String[] {"a"}, new Object[] {1L});
        assertEquals(1L, Dyn.field(o, "a"));
        NgnError e = assertThrows(NgnError.class, () -> Dyn.field(o, "b"));
        assertEquals("Runtime Error: Field 'b' not found in object", e.ngnMessage());
    }
}
