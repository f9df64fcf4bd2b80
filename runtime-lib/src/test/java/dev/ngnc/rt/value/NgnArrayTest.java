package dev.ngnc.rt.value;

import dev.ngnc.rt.Fixtures;
import dev.ngnc.rt.base.NgnError;

import static dev.ngnc.rt.Fixtures.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NgnArrayTest {
    private static void assertError(NgnError.Kind kind, String text, Runnable r) {
        NgnError e = assertThrows(NgnError.class, r::run);
        assertEquals(kind, e.kind());
        assertEquals(text, e.detail());
    }

    @Test
    void indexingReturnsElementsAndRejectsOutOfBounds() {
        NgnArray xs = longs(3, 1, 4, 1, 5);
        assertEquals(5, xs.size());
        assertEquals(3L, xs.get(0));
        assertEquals(5L, xs.get(4));
        assertError(NgnError.Kind.RUNTIME, "Array index out of bounds: 5", () -> xs.get(5));
        assertError(NgnError.Kind.RUNTIME, "Array index out of bounds: -5", () -> xs.get(-5));
    }

    @Test
    void pushAppendsOrInsertsAndReturnsNewSize() {
        NgnArray xs = NgnArray.of("b", "c");
        assertEquals(3, xs.push("d"));
        assertEquals(4, xs.push("a", 0));
        assertEquals("[a, b, c, d]", xs.toString());
        assertEquals(5, xs.push("e", 4));
        assertError(NgnError.Kind.INTERNAL, "push() index out of bounds", () -> xs.push("z", 6));
    }

    @Test
    void popRemovesLastOrIndexedElement() {
        NgnArray xs = NgnArray.of("a", "b", "c", "d");
        assertEquals("d", xs.pop());
        assertEquals("a", xs.pop(0));
        assertEquals("[b, c]", xs.toString());
        assertError(NgnError.Kind.INTERNAL, "pop() index out of bounds", () -> xs.pop(2));
        NgnArray empty = NgnArray.empty();
        assertError(NgnError.Kind.INTERNAL, "pop() from empty array", empty::pop);
        assertError(NgnError.Kind.INTERNAL, "pop() from empty array", () -> empty.pop(0));
    }

    @Test
    void copyTakesByteLikeRangeWithoutChangingOriginal() {
        NgnArray xs = longs(10, 20, 30, 40, 50);
        assertEquals("[10, 20, 30, 40, 50]", xs.copy().toString());
        assertEquals("[30, 40, 50]", xs.copy(2).toString());
        assertEquals("[20, 30]", xs.copy(1, 3).toString());
        assertEquals("[]", xs.copy(5).toString());
        assertEquals("[10, 20, 30, 40, 50]", xs.copy(-3, -1).toString());
        assertError(NgnError.Kind.INTERNAL, "Range out of bounds", () -> xs.copy(1, 10));
        assertError(NgnError.Kind.INTERNAL, "Range out of bounds", () -> xs.copy(3, 2));
        assertEquals("[10, 20, 30, 40, 50]", xs.toString());
    }

    @Test
    void sliceRemovesAndReturnsRange() {
        NgnArray xs = longs(1, 2, 3, 4, 5, 6);
        assertEquals("[2, 3, 4]", xs.slice(1, 4).toString());
        assertEquals("[1, 5, 6]", xs.toString());
        assertEquals("[5, 6]", xs.slice(1).toString());
        assertEquals("[1]", xs.toString());
        assertError(NgnError.Kind.INTERNAL, "slice() start must be integer", () -> xs.slice(-1));
        assertError(NgnError.Kind.INTERNAL, "Range out of bounds", () -> xs.slice(0, 2));
    }

    @Test
    void spliceInsertsAllItems() {
        NgnArray xs = longs(1, 2, 3);
        assertEquals(5, xs.splice(longs(4, 5)));
        assertEquals("[1, 2, 3, 4, 5]", xs.toString());
        assertEquals(7, xs.splice(longs(9, 8), 1));
        assertEquals("[1, 9, 8, 2, 3, 4, 5]", xs.toString());
        xs.splice(longs(0), 0);
        assertEquals("[0, 1, 9, 8, 2, 3, 4, 5]", xs.toString());
        assertError(NgnError.Kind.INTERNAL, "Index out of bounds", () -> xs.splice(longs(1), 9));
    }

    @Test
    void spliceOfItselfDoesNotLoseElements() {
        NgnArray xs = longs(1, 2);
        NgnArray alias = xs.share();
        xs = xs.writable();
        xs.splice(alias, 1);
        assertEquals("[1, 1, 2, 2]", xs.toString());
        assertEquals("[1, 2]", alias.toString());
    }

    @Test
    void copyOnWriteKeepsOriginalAfterPushOnCopy() {
        NgnArray a = longs(1, 2, 3);
        NgnArray b = a.share(); // var b = a
        b = b.writable();
        b.push(4L);
        assertEquals("[1, 2, 3]", a.toString());
        assertEquals("[1, 2, 3, 4]", b.toString());
        a = a.writable();
        a.pop();
        assertEquals("[1, 2]", a.toString());
        assertEquals("[1, 2, 3, 4]", b.toString());
    }

    @Test
    void writableOfUnsharedArrayIsTheSameObject() {
        NgnArray a = longs(1);
        assertSame(a, a.writable());
        assertFalse(a.isShared());
        assertTrue(a.share().isShared());
    }

    @Test
    void nestedArraysStayIndependentAfterCopy() {
        NgnArray inner = longs(1, 2);
        NgnArray outer = NgnArray.of(inner);
        NgnArray alias = outer.share();
        // alias.get(0).push(3) done the generated way: read-modify-write through writable()
        NgnArray aw = alias.writable();
        NgnArray row = ((NgnArray) aw.get(0)).writable();
        row.push(3L);
        assertEquals("[[1, 2]]", outer.toString());
        assertEquals("[1, 2, 3]", row.toString());
    }

    @Test
    void mutatingASharedArrayIsAnInternalError() {
        NgnArray a = longs(1).share();
        assertError(NgnError.Kind.INTERNAL, "mutation of a shared array (missing writable())", () -> a.push(2L));
    }

    @Test
    void eachPassesItemAndOptionalIndex() {
        List<String> seen = new ArrayList<>();
        NgnArray names = NgnArray.of("ann", "bo");
        names.each(new NgnFn() {
            @Override
            public int arity() {
                return 2;
            }

            @Override
            public Object call2(Object item, Object idx) {
                seen.add(idx + "=" + item);
                return Unit.VOID;
            }
        });
        names.each(Fixtures.fn1(x -> seen.add("x" + x)));
        assertEquals(List.of("0=ann", "1=bo", "xann", "xbo"), seen);
    }

    @Test
    void manyPushesGrowTheArray() {
        NgnArray xs = NgnArray.empty();
        for (long i = 0; i < 100_000; i++) {
            xs.push(i);
        }
        assertEquals(100_000, xs.size());
        assertEquals(99_999L, xs.rawGet(99_999));
    }

    @Test
    void arraysCompareElementWise() {
        assertTrue(Values.equals(longs(1, 2, 3), longs(1, 2, 3)));
        assertFalse(Values.equals(longs(1, 2), longs(1, 2, 3)));
        assertFalse(Values.equals(longs(1, 2), longs(2, 1)));
        assertTrue(Values.equals(NgnArray.of("a"), NgnArray.of("a")));
    }
}
