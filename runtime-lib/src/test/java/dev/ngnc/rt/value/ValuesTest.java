package dev.ngnc.rt.value;

import dev.ngnc.rt.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void numbersCompareByValueAcrossKinds() {
        assertTrue(Values.equals(2L, 2.0));
        assertTrue(Values.equals(2.0, 2L));
        assertTrue(Values.equals(0L, -0.0));
        assertFalse(Values.equals(Double.NaN, Double.NaN));
        assertFalse(Values.equals(9007199254740993L, 9007199254740992.0));
        assertFalse(Values.equals(Long.MAX_VALUE, 0x1p63));
        assertEquals(Values.hash(2L), Values.hash(2.0));
        assertEquals(Values.hash(0L), Values.hash(-0.0));
    }

    @Test
    void differentKindsAreNotEqual() {
        assertFalse(Values.equals("1", 1L));
        assertFalse(Values.equals(true, 1L));
        assertTrue(Values.equals(Unit.VOID, Unit.VOID));
        assertFalse(Values.equals(Unit.VOID, NgnEnum.NULL));
    }

    @Test
    void functionsAndStatesCompareByIdentity() {
        NgnFn f = Fixtures.fn1(x -> x);
        assertTrue(Values.equals(f, f));
        assertFalse(Values.equals(f, Fixtures.fn1(x -> x)));
        NgnState s = new NgnState(1L);
        assertTrue(Values.equals(s, s));
        assertFalse(Values.equals(s, new NgnState(1L)));
    }

    @Test
    void shareAndWritableAreNoOpsForImmutableValues() {
        String s = "x";
        assertSame(s, Values.share(s));
        assertSame(s, Values.writable(s));
        NgnArray a = Fixtures.longs(1);
        assertSame(a, Values.share(a));
        assertTrue(a.isShared());
        Object w = Values.writable(a);
        assertFalse(((NgnArray) w).isShared());
    }

    @Test
    void kindNamesFollowReferenceStyle() {
        assertEquals("I64", Values.kindName(1L));
        assertEquals("F64", Values.kindName(1.5));
        assertEquals("String", Values.kindName("s"));
        assertEquals("Bool", Values.kindName(true));
        assertEquals("Void", Values.kindName(Unit.VOID));
        assertEquals("Array", Values.kindName(NgnArray.empty()));
        assertEquals("Enum(\"Maybe\")", Values.kindName(NgnEnum.NULL));
    }
}
