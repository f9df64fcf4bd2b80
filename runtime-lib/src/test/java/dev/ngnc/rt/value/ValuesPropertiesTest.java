package dev.ngnc.rt.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ValuesPropertiesTest {
    /** Small ngn values with many accidental equalities (1 vs 1.0, Value(x) vs x, nesting). */
    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.longs().between(-3, 3).map(l -> (Object) l),
                () -> Arbitraries.of(-1.0, 0.0, -0.0, 1.0, 2.0, 2.5, Double.NaN, 1e20).map(d -> (Object) d),
                () -> Arbitraries.of("a", "b", "").map(s -> (Object) s),
                () -> Arbitraries.of(true, false).map(b -> (Object) b),
                () -> Arbitraries.of(Unit.VOID, NgnEnum.NULL, NgnEnum.unit("C", "Red")),
                () -> values().map(NgnEnum::value),
                () -> values().map(NgnEnum::ok),
                () -> values().list().ofMaxSize(3).map(l -> (Object) NgnArray.of(l.toArray())),
                () -> values().list().ofMaxSize(3).map(l -> (Object) NgnTuple.of(l.toArray())),
                () -> values().list().ofMaxSize(2).map(ValuesPropertiesTest::object),
                () -> Arbitraries.of("hi", "").map(s -> (Object) NgnBytes.of(s)));
    }

    private static Object object(List<Object> vals) {
        String[] keys = new String[vals.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "k" + (keys.length - i) % 2;
        }
        return NgnObject.of(keys, vals.toArray());
    }

    @Property(tries = 3000)
    void equalValuesHaveEqualHashes(@ForAll("values") Object a, @ForAll("values") Object b) {
        if (Values.equals(a, b)) {
            assertEquals(Values.hash(a), Values.hash(b), Fmt.str(a) + " == " + Fmt.str(b));
        }
    }

    @Property(tries = 3000)
    void equalityIsSymmetric(@ForAll("values") Object a, @ForAll("values") Object b) {
        assertEquals(Values.equals(a, b), Values.equals(b, a), Fmt.str(a) + " vs " + Fmt.str(b));
    }

    @Property(tries = 2000)
    void valuesWithoutNaNEqualThemselves(@ForAll("values") Object a) {
        if (!Fmt.str(a).contains("NaN")) {
            assertTrue(Values.equals(a, a), Fmt.str(a));
            assertEquals(Values.hash(a), Values.hash(a));
        }
    }
}
