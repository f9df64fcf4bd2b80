package dev.ngnc.rt.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NgnEnumTest {
    @Test
    void maybeEqualityUnwrapsValue() {
        assertTrue(Values.equals(NgnEnum.value(42L), 42L));
        assertTrue(Values.equals(42L, NgnEnum.value(42L)));
        assertTrue(Values.equals(NgnEnum.value(3L), 3.0));
        assertFalse(Values.equals(NgnEnum.value(3L), 4L));
        assertTrue(Values.equals(NgnEnum.NULL, NgnEnum.NULL));
        assertTrue(Values.equals(NgnEnum.NULL, new NgnEnum("Maybe", "Null", null, false)));
        assertFalse(Values.equals(NgnEnum.NULL, 3L));
        assertFalse(Values.equals(NgnEnum.value(NgnEnum.NULL), NgnEnum.NULL));
    }

    @Test
    void resultIsNotUnwrapped() {
        assertFalse(Values.equals(NgnEnum.ok(1L), 1L));
        assertTrue(Values.equals(NgnEnum.ok(1L), NgnEnum.ok(1L)));
        assertFalse(Values.equals(NgnEnum.ok(1L), NgnEnum.error(1L)));
    }

    @Test
    void userEnumsCompareByEnumVariantAndPayload() {
        assertTrue(Values.equals(NgnEnum.unit("Color", "Red"), NgnEnum.unit("Color", "Red")));
        assertFalse(Values.equals(NgnEnum.unit("Color", "Red"), NgnEnum.unit("Color", "Blue")));
        assertFalse(Values.equals(NgnEnum.unit("A", "X"), NgnEnum.unit("B", "X")));
        assertTrue(Values.equals(new NgnEnum("S", "Circle", 2L, true), new NgnEnum("S", "Circle", 2.0, true)));
    }

    @Test
    void helpersClassifyVariants() {
        assertTrue(NgnEnum.value(1L).isPresent());
        assertTrue(NgnEnum.ok(1L).isPresent());
        assertFalse(NgnEnum.NULL.isPresent());
        assertFalse(NgnEnum.error("e").isPresent());
        assertTrue(NgnEnum.NULL.isNull());
        assertTrue(NgnEnum.error("e").isError());
        assertTrue(NgnEnum.unit("Status", "Inactive").is("Inactive"));
        assertTrue(NgnEnum.unit("Status", "Inactive").is("Status", "Inactive"));
        assertFalse(NgnEnum.unit("Status", "Inactive").is("Other", "Inactive"));
    }

    @Test
    void coalesceReturnsPayloadFallbackOrItself() {
        assertEquals(2L, NgnEnum.value(2L).orElse(0L));
        assertEquals(-1L, NgnEnum.NULL.orElse(-1L));
        NgnEnum err = NgnEnum.error("x");
        assertSame(err, err.orElse(0L));
    }
}
