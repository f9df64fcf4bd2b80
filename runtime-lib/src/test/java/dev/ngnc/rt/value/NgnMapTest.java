package dev.ngnc.rt.value;

import dev.ngnc.rt.Fixtures;
import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NgnMapTest {
    @Test
    void seededMapAnswersSizeHasGet() {
        NgnMap m = NgnMap.of(NgnArray.of(NgnTuple.of("one", 1L), NgnTuple.of("two", 2L)));
        assertEquals(2, m.size());
        assertTrue(m.has("one"));
        assertFalse(m.has("three"));
        assertEquals("Maybe::Value (2)", m.get("two").toString());
        assertSame(NgnEnum.NULL, m.get("zzz"));
    }

    @Test
    void laterSeedEntriesWin() {
        NgnMap m = NgnMap.of(NgnArray.of(NgnTuple.of("a", 1L), NgnTuple.of("a", 2L)));
        assertEquals("map{a: 2}", m.toString());
    }

    @Test
    void setChainsAndRemoveReturnsValueOrVoid() {
        NgnMap m = NgnMap.empty();
        m.set("a", 1L).set("b", 2L).set("c", 3L);
        assertEquals(3, m.size());
        assertEquals(2L, m.remove("b"));
        assertSame(Unit.VOID, m.remove("b"));
        m.set("a", 10L);
        assertEquals("map{a: 10, c: 3}", m.toString());
    }

    @Test
    void keysCompareByNgnEqualityButKeepTheirOriginalForm() {
        NgnMap m = NgnMap.empty();
        m.set(1.0, "x");
        assertTrue(m.has(1L));
        m.set(1L, "y");
        assertEquals("map{1: y}", m.toString());
        assertEquals(1.0, m.keys()[0]);
        m.set(2.5, "z");
        assertEquals("Maybe::Value (z)", m.get(2.5).toString());
        m.set(NgnBytes.of("k"), true);
        assertTrue(m.has(NgnBytes.of("k")));
    }

    @Test
    void invalidKeyKindsAreRuntimeErrors() {
        NgnMap m = NgnMap.empty();
        NgnError e = assertThrows(NgnError.class, () -> m.set(NgnEnum.NULL, 1L));
        assertEquals("Runtime Error: Enums cannot be used as map keys or set values", e.ngnMessage());
        assertThrows(NgnError.class, () -> m.has(Fixtures.longs(1)));
    }

    @Test
    void copyOnWriteKeepsOriginalAfterSetOnCopy() {
        NgnMap m = NgnMap.of(NgnArray.of(NgnTuple.of("x", 1L)));
        NgnMap n = m.share().writable();
        n.set("y", 2L);
        assertEquals(1, m.size());
        assertEquals(2, n.size());
    }

    @Test
    void mapsAreNeverEqual() {
        NgnMap m = NgnMap.empty();
        assertFalse(Values.equals(m, m));
    }
}
