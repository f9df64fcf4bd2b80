package dev.ngnc.rt.tbx;

import dev.ngnc.rt.Fixtures;
import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.value.NgnBytes;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.value.NgnObject;
import dev.ngnc.rt.value.NgnRange;
import dev.ngnc.rt.value.NgnSet;
import dev.ngnc.rt.value.NgnState;
import dev.ngnc.rt.value.NgnTuple;
import dev.ngnc.rt.value.Unit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ngnc.rt.Fixtures.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonStringifyTest {
    private static NgnObject obj(String[] keys, Object... values) {
        return NgnObject.of(keys, values);
    }

    // ---- conformance corpus: json/stringify_*

    @Test
    void scalarsArraysAndObjectsAreCompactWithSortedKeys() {
        assertEquals("[1,2,3]", Json.stringify(Fixtures.longs(1, 2, 3)));
        assertEquals("{\"name\":\"ngn\"}", Json.stringify(obj(new String[] {"name"}, "ngn")));
        assertEquals("{\"a\":1,\"b\":2,\"c\":[true,false]}",
                Json.stringify(obj(new String[] {"b", "a", "c"}, 2L, 1L, NgnArray.of(true, false))));
        assertEquals("\"quote\\\"d\"", Json.stringify("quote\"d"));
        assertEquals("42", Json.stringify(42L));
        assertEquals("2.5", Json.stringify(2.5));
        assertEquals("[]", Json.stringify(NgnArray.empty()));
    }

    @Test
    void modelsBecomeObjectsAndTuplesArrays() {
        Point it = new Point(9, NgnArray.of("x", "y"));
        assertEquals("{\"tags\":[\"x\",\"y\"],\"x\":9}", Json.stringify(it));
        assertEquals("[{\"tags\":[\"x\",\"y\"],\"x\":9},{\"tags\":[\"x\",\"y\"],\"x\":9}]", Json.stringify(NgnArray.of(it, it)));
        assertEquals("[1,\"two\"]", Json.stringify(NgnTuple.of(1L, "two")));
        assertEquals("[]", Json.stringify(NgnTuple.of()));
    }

    // ---- other kinds

    @Test
    void setsAreArraysInInsertionOrder() {
        NgnSet s = NgnSet.empty();
        s.add("b");
        s.add("a");
        s.add(3L);
        assertEquals("[\"b\",\"a\",3]", Json.stringify(s));
    }

    @Test
    void mapsAreObjectsWithOnlyTheirStringKeys() {
        NgnMap m = NgnMap.empty();
        m.set("z", 1L);
        m.set(5L, "dropped");
        m.set(true, "dropped");
        m.set("a", NgnArray.of(2.0));
        assertEquals("{\"a\":[2.0],\"z\":1}", Json.stringify(m));
        assertEquals("{}", Json.stringify(NgnMap.empty()));
    }

    @Test
    void voidEnumsBytesRangesFunctionsStatesAndNonFiniteFloatsAreNull() {
        Object[] nulls = {
            Unit.VOID, null, NgnEnum.NULL, NgnEnum.value(1L), NgnEnum.ok("x"), NgnEnum.error("e"),
            NgnEnum.unit("Color", "Red"), NgnBytes.of("hi"), new NgnRange(1, 3, true),
            Fixtures.fn1(x -> x), NgnState.of(1L), Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            new Object()};
        for (Object v : nulls) {
            assertEquals("null", Json.stringify(v), () -> String.valueOf(v));
        }
        assertEquals("{\"m\":null,\"v\":null}",
                Json.stringify(obj(new String[] {"v", "m"}, Unit.VOID, NgnEnum.value(3L))));
    }

    @Test
    void keysSortByCodePointLikeRustStrings() {
        // UTF-16 order would put U+1F600 (a surrogate pair) before U+FF01
        assertEquals("{\"B\":2,\"a\":1,\"é\":3,\"！\":4,\"😀\":5}",
                Json.stringify(obj(new String[] {"😀", "！", "é", "a", "B"}, 5L, 4L, 3L, 1L, 2L)));
        assertEquals("{\"a\":1,\"ab\":2}", Json.stringify(obj(new String[] {"ab", "a"}, 2L, 1L)));
    }

    @Test
    void stringsEscapeQuotesBackslashesAndControlCharactersOnly() {
        assertEquals("\"a\\\\b\\n\\r\\t\\b\\f\\u0000\\u001f\u007f/é😀\"",
                Json.stringify("a\\b\n\r\t\b\f\u0000\u001f\u007f/é😀"));
        assertEquals("{\"k\\\"\\n\":\"v\"}", Json.stringify(obj(new String[] {"k\"\n"}, "v")));
    }

    @ParameterizedTest(name = "{0} ⇒ {1}")
    @CsvSource({
        "1e16, 1e16",
        "1.2345678901234568e16, 1.2345678901234568e16",
        "9.9e-6, 9.9e-6",
        "1e-6, 1e-6",
        "1000000000000000.0, 1000000000000000.0",
        "9999999999999998.0, 9999999999999998.0",
        "0.00001, 0.00001",
        "0.000012345, 0.000012345",
        "2.0, 2.0",
        "-3.0, -3.0",
        "0.1, 0.1",
        "0.30000000000000004, 0.30000000000000004",
        "123.456, 123.456",
        "-0.0, -0.0",
        "0.0, 0.0",
        "1e21, 1e21",
        "-1.5e300, -1.5e300",
        "1.7976931348623157e308, 1.7976931348623157e308",
        "5e-324, 5e-324",
        "1e-7, 1e-7",
        "2.2250738585072014e-308, 2.2250738585072014e-308",
    })
    void floatsUseShortestDigitsWithDotZeroOrExponentLikeSerdeJson(double value, String json) {
        assertEquals(json, Json.stringify(value));
    }

    @Test
    void longsStayIntegers() {
        assertEquals("-9223372036854775808", Json.stringify(Long.MIN_VALUE));
        assertEquals("[0,-1]", Json.stringify(Fixtures.longs(0, -1)));
    }

    @Test
    void dateTimeStringifiesAsAnObject() {
        DateTime dt = new DateTime(2026, 1, 21, 15, 30, 45, 2, 1769009445L, 1769009445000L);
        assertEquals("{\"day\":21,\"hour\":15,\"minute\":30,\"month\":1,\"second\":45,\"timestamp\":1769009445,"
                + "\"timestampMs\":1769009445000,\"weekday\":2,\"year\":2026}", Json.stringify(dt));
    }
}
