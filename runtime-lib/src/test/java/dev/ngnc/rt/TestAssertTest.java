package dev.ngnc.rt;

import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TestAssertTest {
    @Test
    void passingAssertPrintsCheckMark() {
        assertEquals("✅ Assertion passed\n✅ two times two\n", Fixtures.captureOut(() -> {
            TestAssert.check(true);
            TestAssert.check(true, "two times two");
        }));
    }

    @Test
    void failingAssertPrintsCrossThenThrows() {
        NgnError[] err = new NgnError[1];
        String out = Fixtures.captureOut(() ->
                err[0] = assertThrows(NgnError.class, () -> TestAssert.check(false, "math is broken")));
        assertEquals("❌ math is broken\n", out);
        assertEquals("Runtime Error: Assertion failed: math is broken", err[0].ngnMessage());
    }

    @Test
    void nonBoolConditionIsTypeError() {
        NgnError e = assertThrows(NgnError.class, () -> TestAssert.check(1L, "x"));
        assertEquals("Type error: assert expects boolean condition", e.detail());
    }

    @Test
    void failedComparisonNamesTheExpressionAndBothValues() {
        NgnError[] err = new NgnError[2];
        String out = Fixtures.captureOut(() -> {
            TestAssert.compare(true, "a == b", "3", "3");
            err[0] = assertThrows(NgnError.class, () -> TestAssert.compare(false, "a == b", "3", "4"));
            err[1] = assertThrows(NgnError.class, () -> TestAssert.compare(false, "a < b", "sorted", "4", "3"));
        });
        assertEquals("✅ Assertion passed\n❌ Assertion failed\n❌ sorted\n", out);
        assertEquals("Runtime Error: Assertion failed: a == b\n  left: 3, right: 4", err[0].ngnMessage());
        assertEquals("Runtime Error: Assertion failed: sorted\n  left: 4, right: 3", err[1].ngnMessage());
    }

    @Test
    void plainConditionNamesItsSourceTextUnlessThereIsAMessage() {
        NgnError[] err = new NgnError[2];
        Fixtures.captureOut(() -> {
            err[0] = assertThrows(NgnError.class, () -> TestAssert.that(false, "ready && ok"));
            err[1] = assertThrows(NgnError.class, () -> TestAssert.that(false, "ready", "not ready"));
        });
        assertEquals("Runtime Error: Assertion failed: ready && ok", err[0].ngnMessage());
        assertEquals("Runtime Error: Assertion failed: not ready", err[1].ngnMessage());
        NgnError e = assertThrows(NgnError.class, () -> TestAssert.that((Object) 1L, "n"));
        assertEquals("Type error: assert expects boolean condition", e.detail());
    }

    @Test
    void quotedStringsEscapeQuotesBackslashesAndLineBreaks() {
        assertEquals("\"a\\\"b\\\\c\\nd\"", TestAssert.quote("a\"b\\c\nd"));
        assertEquals("\"\"", TestAssert.quote(""));
    }
}
