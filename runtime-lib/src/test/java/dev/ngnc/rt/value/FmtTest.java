package dev.ngnc.rt.value;

import dev.ngnc.rt.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ngnc.rt.Fixtures.Point;
import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void floatsPrintShortestRoundTripDigits() {
        assertEquals("2.5", Fmt.str(2.5));
        assertEquals("0.30000000000000004", Fmt.str(0.1 + 0.2));
        assertEquals("0.3333333333333333", Fmt.str(1.0 / 3));
        assertEquals("123456789.125", Fmt.str(123456789.125));
        assertEquals("-0.5", Fmt.str(-0.5));
        assertEquals("1.4142135623730951", Fmt.str(Math.sqrt(2)));
    }

    @Test
    void integralFloatsHaveNoPointZero() {
        assertEquals("2", Fmt.str(2.0));
        assertEquals("100", Fmt.str(100.0));
        assertEquals("12345678912345", Fmt.str(12345678912345.0));
        assertEquals("-4", Fmt.str(-4.0));
    }

    @Test
    void floatsPrintWithoutExponent() {
        assertEquals("1000000000000000000000", Fmt.str(1e21));
        assertEquals("0.0000001", Fmt.str(1e-7));
        assertEquals("0.000001", Fmt.str(0.000001));
        assertEquals("1000000000000000", Fmt.str(1e15));
        assertEquals("12345000000000000000000", Fmt.str(1.2345e22));
        assertEquals("-0.00000000012", Fmt.str(-1.2e-10));
        assertEquals("9007199254740992", Fmt.str(9007199254740992.0));
        assertEquals("17976931348623157" + "0".repeat(292), Fmt.str(Double.MAX_VALUE));
        assertEquals("0." + "0".repeat(323) + "5", Fmt.str(Double.MIN_VALUE));
        assertEquals("0." + "0".repeat(322) + "1", Fmt.str(2 * Double.MIN_VALUE));
        assertEquals("0." + "0".repeat(322) + "15", Fmt.str(3 * Double.MIN_VALUE));
    }

    @Test
    void specialFloatsPrintLikeRust() {
        assertEquals("NaN", Fmt.str(Double.NaN));
        assertEquals("inf", Fmt.str(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Fmt.str(Double.NEGATIVE_INFINITY));
        assertEquals("-0", Fmt.str(-0.0));
        assertEquals("0", Fmt.str(0.0));
    }

    @Test
    void scalarsPrintPlainly() {
        assertEquals("-9223372036854775808", Fmt.str(Long.MIN_VALUE));
        assertEquals("true", Fmt.str(true));
        assertEquals("false", Fmt.str((Object) false));
        assertEquals("void", Fmt.str(Unit.VOID));
        assertEquals("42", Fmt.str((Object) 42L));
        assertEquals("2.5", Fmt.str((Object) 2.5));
    }

    @Test
    void stringsAreRawAtEveryNestingLevel() {
        NgnArray words = NgnArray.of(NgnArray.of("a"), NgnArray.of("b", "c"));
        assertEquals("[[a], [b, c]]", Fmt.str(words));
        assertEquals("(1, two, false, 4.5)", Fmt.str(NgnTuple.of(1L, "two", false, 4.5)));
        assertEquals("[red, green, , blue]", Fmt.str(NgnArray.of("red", "green", "", "blue")));
    }

    @Test
    void containersUseSpecFormats() {
        assertEquals("[]", Fmt.str(NgnArray.empty()));
        assertEquals("()", Fmt.str(NgnTuple.of()));
        assertEquals("((1, 2), [3, 4], s)",
                Fmt.str(NgnTuple.of(NgnTuple.of(1L, 2L), Fixtures.longs(3, 4), "s")));
        assertEquals("{inner: {deep: yes}}", Fmt.str(NgnObject.of(new String[] {"inner"},
                new Object[] {NgnObject.of(new String[] {"deep"}, new Object[] {"yes"})})));
        assertEquals("{}", Fmt.str(NgnObject.empty()));
        assertEquals("Point {x: 3, tags: [a]}", Fmt.str(new Point(3, NgnArray.of("a"))));
    }

    @Test
    void mapsAndSetsPrintInInsertionOrder() {
        NgnMap m = NgnMap.empty();
        assertEquals("map{}", Fmt.str(m));
        m.set("k", 5L);
        m.set(1L, "one");
        assertEquals("map{k: 5, 1: one}", Fmt.str(m));
        NgnSet s = NgnSet.of(NgnArray.of("one", "two", "one", "three"));
        assertEquals("set{one, two, three}", Fmt.str(s));
        assertEquals("set{}", Fmt.str(NgnSet.empty()));
    }

    @Test
    void enumsPrintWithOneSpaceBeforePayload() {
        assertEquals("Maybe::Value (2)", Fmt.str(NgnEnum.value(2L)));
        assertEquals("Maybe::Null", Fmt.str(NgnEnum.NULL));
        assertEquals("Result::Ok (5)", Fmt.str(NgnEnum.ok(5L)));
        assertEquals("Result::Error (disk)", Fmt.str(NgnEnum.error("disk")));
        assertEquals("Color::Red", Fmt.str(NgnEnum.unit("Color", "Red")));
        assertEquals("[Dir::North, Event::Key (q)]",
                Fmt.str(NgnArray.of(NgnEnum.unit("Dir", "North"), new NgnEnum("Event", "Key", "q", true))));
    }

    @Test
    void otherValuesPrintTheirTags() {
        assertEquals("1..5", Fmt.str(new NgnRange(1, 5, true)));
        assertEquals("1..<5", Fmt.str(new NgnRange(1, 5, false)));
        assertEquals("<closure>", Fmt.str(Fixtures.fn1(x -> x)));
        NgnFn named = new NgnFn() {
            @Override
            public int arity() {
                return 0;
            }

            @Override
            public String displayName() {
                return NgnFn.fnName("named");
            }
        };
        assertEquals("<fn named>", Fmt.str(named));
        assertEquals("<bytes len=5>", Fmt.str(NgnBytes.of("hello")));
        assertEquals("/(?i)abc/", Fmt.str(new NgnRegex("abc", "gi")));
        assertEquals("/abc/", Fmt.str(new NgnRegex("abc", "")));
        assertEquals("18", Fmt.str(new NgnState(18L)));
        assertEquals("[1, 2]", Fmt.str(new NgnState(Fixtures.longs(1, 2))));
    }
}
