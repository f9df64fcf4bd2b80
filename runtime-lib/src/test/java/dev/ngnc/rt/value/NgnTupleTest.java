package dev.ngnc.rt.value;

import dev.ngnc.rt.Fixtures;
import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NgnTupleTest {
    @Test
    void indexingIsCheckedWithTupleText() {
        NgnTuple t = NgnTuple.of(3L, 4L);
        assertEquals(4L, t.get(1));
        NgnError e = assertThrows(NgnError.class, () -> t.get(2));
        assertEquals("Runtime Error: Tuple index out of bounds: 2", e.ngnMessage());
    }

    @Test
    void includesAndIndexUseNgnEquality() {
        NgnTuple t = NgnTuple.of(10L, "x", true);
        assertTrue(t.includes("x"));
        assertFalse(t.includes(11L));
        assertTrue(t.includes(10.0));
        assertEquals(2, t.index(true));
        assertEquals(-1, t.index("nope"));
        assertEquals(0, t.index(10L));
    }

    @Test
    void copyToArrayAndJoin() {
        NgnTuple t = NgnTuple.of(5L, 6L, 7L, 8L);
        assertSame(t, t.copy());
        assertEquals("(7, 8)", t.copy(2).toString());
        assertEquals("(6, 7)", t.copy(1, 3).toString());
        assertEquals("[5, 6, 7, 8]", t.toArray().toString());
        assertEquals("5-6-7-8", t.join("-"));
        assertEquals("1, z, true", NgnTuple.of(1L, "z", true).join(", "));
        NgnError e = assertThrows(NgnError.class, () -> t.copy(-1));
        assertEquals("Internal error: copy() start must be integer", e.ngnMessage());
    }

    @Test
    void toArrayRejectsMixedKinds() {
        NgnError e = assertThrows(NgnError.class, () -> NgnTuple.of(1L, "two").toArray());
        assertEquals(NgnError.Kind.RUNTIME, e.kind());
        assertTrue(e.detail().startsWith("Cannot convert mixed-type tuple to array"));
        assertThrows(NgnError.class, () -> NgnTuple.of(1L, 2.5).toArray());
        assertEquals("[]", NgnTuple.of().toArray().toString());
    }

    @Test
    void tuplesCompareStructurally() {
        assertTrue(Values.equals(NgnTuple.of(1L, 2L), NgnTuple.of(1L, 2L)));
        assertFalse(Values.equals(NgnTuple.of(1L, 2L), NgnTuple.of(2L, 1L)));
        assertFalse(Values.equals(NgnTuple.of(1L, 2L), Fixtures.longs(1, 2)));
    }
}
