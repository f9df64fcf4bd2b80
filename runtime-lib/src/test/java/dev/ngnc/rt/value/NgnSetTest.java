package dev.ngnc.rt.value;

import dev.ngnc.rt.Fixtures;
import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NgnSetTest {
    @Test
    void setDeduplicatesInInsertionOrder() {
        NgnSet s = NgnSet.of(NgnArray.of("one", "two", "one", "three"));
        assertEquals(3, s.size());
        assertTrue(s.has("two"));
        assertFalse(s.has("four"));
        s.add("four").add("five").add("six");
        assertEquals(6, s.size());
        assertTrue(s.remove("one"));
        assertFalse(s.remove("nope"));
        assertEquals("set{two, three, four, five, six}", s.toString());
    }

    @Test
    void iterationFollowsInsertionOrder() {
        NgnSet s = NgnSet.empty();
        s.add(30L);
        s.add(10L);
        s.add(20L);
        s.add(10L);
        List<Object> seen = new ArrayList<>();
        for (Object v : s) {
            seen.add(v);
        }
        assertEquals(List.of(30L, 10L, 20L), seen);
        assertArrayEquals(new Object[] {30L, 10L, 20L}, s.toArray());
        s.clear();
        assertEquals("set{}", s.toString());
    }

    @Test
    void copyOnWriteKeepsOriginalAfterAddOnCopy() {
        NgnSet a = NgnSet.of(Fixtures.longs(1, 2));
        NgnSet b = a.share().writable();
        b.add(3L);
        assertEquals(2, a.size());
        assertEquals(3, b.size());
        assertThrows(NgnError.class, () -> a.add(4L));
    }

    @Test
    void integralFloatsAndIntsAreOneElement() {
        NgnSet s = NgnSet.of(NgnArray.of(1L, 1.0, 2.5));
        assertEquals("set{1, 2.5}", s.toString());
        NgnError e = assertThrows(NgnError.class, () -> s.add(Fixtures.longs(1)));
        assertEquals("Arrays cannot be used as map keys or set values", e.detail());
        assertFalse(Values.equals(s, s));
    }
}
