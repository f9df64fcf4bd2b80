package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import static dev.ngnc.rt.Fixtures.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ngnc.rt.Fixtures.Point;
import org.junit.jupiter.api.Test;

class NgnModelTest {
    @Test
    void modelsPrintNameAndFieldsInDeclarationOrder() {
        assertEquals("Point {x: 5, tags: [a, b]}", Fmt.str(new Point(5, NgnArray.of("a", "b"))));
    }

    @Test
    void writableCopiesSharedModelAndSharesItsFields() {
        Point p = new Point(1, longs(1));
        Point q = (Point) p.share().writable();
        assertNotSame(p, q);
        assertFalse(q.isShared());
        assertSame(p.tags, q.tags);
        assertTrue(p.tags.isShared());
        q.x = 2;
        q.tags = q.tags.writable();
        q.tags.push(2L);
        assertEquals("Point {x: 1, tags: [1]}", p.toString());
        assertEquals("Point {x: 2, tags: [1, 2]}", q.toString());
        Point r = new Point(3, longs());
        assertSame(r, r.writable());
    }

    @Test
    void modelsCompareStructurally() {
        assertTrue(Values.equals(new Point(1, NgnArray.of("k")), new Point(1, NgnArray.of("k"))));
        assertFalse(Values.equals(new Point(1, NgnArray.of("k")), new Point(2, NgnArray.of("k"))));
        assertEquals(Values.hash(new Point(1, longs(2))), Values.hash(new Point(1, longs(2))));
    }

    @Test
    void dynamicFieldAccessByName() {
        Point p = new Point(7, longs());
        assertEquals(7L, Dyn.field(p, "x"));
        assertEquals(1, p.fieldIndex("tags"));
        NgnError e = assertThrows(NgnError.class, () -> p.field("nope"));
        assertEquals("Runtime Error: Field 'nope' not found in object", e.ngnMessage());
        assertEquals("Model(\"Point\")", Values.kindName(p));
    }
}
