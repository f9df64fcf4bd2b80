package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NgnObjectTest {
    private static NgnObject obj(Object... kv) {
        String[] keys = new String[kv.length / 2];
        Object[] values = new Object[kv.length / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (String) kv[2 * i];
            values[i] = kv[2 * i + 1];
        }
        return NgnObject.of(keys, values);
    }

    @Test
    void fieldsKeepInsertionOrder() {
        NgnObject o = obj("label", "lamp", "price", 25L, "inStock", true);
        assertEquals("{label: lamp, price: 25, inStock: true}", o.toString());
        assertArrayEquals(new String[] {"label", "price", "inStock"}, o.keys());
        assertEquals(25L, o.get("price"));
    }

    @Test
    void missingFieldIsRuntimeError() {
        NgnError e = assertThrows(NgnError.class, () -> obj("a", 1L).get("b"));
        assertEquals("Runtime Error: Field 'b' not found in object", e.ngnMessage());
    }

    @Test
    void getMaybeWrapsPresentFields() {
        NgnObject o = obj("a", 1L);
        assertEquals("Maybe::Value (1)", o.getMaybe("a").toString());
        assertSame(NgnEnum.NULL, o.getMaybe("z"));
        assertTrue(o.has("a"));
        assertFalse(o.has("z"));
    }

    @Test
    void copyOnWriteKeepsOriginalAfterFieldAssignment() {
        NgnObject a = obj("n", 1L);
        NgnObject b = a.share();
        b = b.writable();
        b.set("n", 2L);
        b.set("extra", "x");
        assertEquals("{n: 1}", a.toString());
        assertEquals("{n: 2, extra: x}", b.toString());
    }

    @Test
    void duplicateLiteralKeysKeepLastValue() {
        assertEquals("{a: 3, b: 2}", obj("a", 1L, "b", 2L, "a", 3L).toString());
    }

    @Test
    void manyFieldsUseIndexedLookup() {
        NgnObject o = NgnObject.empty();
        for (int i = 0; i < 50; i++) {
            o.set("k" + i, (long) i);
        }
        assertEquals(50, o.fieldCount());
        assertEquals(37L, o.get("k37"));
        o.set("k37", "x");
        assertEquals("x", o.get("k37"));
        assertEquals("{k0: 0, k2: 2}", obj("k0", 0L, "k1", 1L, "k2", 2L).without("k1").toString());
    }

    @Test
    void objectsCompareIgnoringOrder() {
        assertTrue(Values.equals(obj("a", 1L, "b", "x"), obj("b", "x", "a", 1.0)));
        assertFalse(Values.equals(obj("a", 1L), obj("a", 1L, "b", 2L)));
        assertEquals(Values.hash(obj("a", 1L, "b", "x")), Values.hash(obj("b", "x", "a", 1L)));
    }
}
