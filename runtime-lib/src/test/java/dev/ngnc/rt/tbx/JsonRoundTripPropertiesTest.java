package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnObject;
import dev.ngnc.rt.value.Values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonRoundTripPropertiesTest {
    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                // any UTF-16 text without lone surrogates (ngn strings are valid UTF-8)
                Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff').ofMaxLength(12),
                Arbitraries.of("a", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "é", "ü", "😀", " ")
                        .list().ofMaxSize(8).map(l -> String.join("", l)),
                Arbitraries.strings().alpha().ofMaxLength(6));
    }

    private static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(strings().map(s -> (Object) s), Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(true, false).map(b -> (Object) b));
    }

    private static Arbitrary<Object> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<Object> inner = Arbitraries.lazy(() -> values(depth - 1));
        Arbitrary<Object> arrays = inner.list().ofMaxSize(4).map(l -> (Object) NgnArray.of(l.toArray()));
        Arbitrary<Object> objects = Arbitraries.maps(strings(), inner).ofMaxSize(4).map(JsonRoundTripPropertiesTest::object);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalars()), net.jqwik.api.Tuple.of(2, arrays), net.jqwik.api.Tuple.of(2, objects));
    }

    private static Object object(Map<String, Object> m) {
        List<String> keys = List.copyOf(m.keySet());
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = m.get(keys.get(i));
        }
        return NgnObject.of(keys.toArray(new String[0]), values);
    }

    @Provide
    Arbitrary<Object> nested() {
        return values(4);
    }

    @Property(tries = 1500)
    void parseOfStringifyGivesAnEqualValue(@ForAll("nested") Object v) {
        String json = Json.stringify(v);
        NgnEnum back = Json.parse(json);
        assertTrue(back.isOk(), () -> json + " ⇒ " + Fmt.str(back));
        assertTrue(Values.equals(v, back.payload()), () -> json + " ⇒ " + Fmt.str(back));
        assertEquals(json, Json.stringify(back.payload()));
    }

    @Property(tries = 1500)
    void finiteDoublesSurviveTheRoundTripBitForBit(@ForAll double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return;
        }
        Object back = Json.parse(Json.stringify(d)).payload();
        assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits((Double) back), Json.stringify(d));
    }
}
