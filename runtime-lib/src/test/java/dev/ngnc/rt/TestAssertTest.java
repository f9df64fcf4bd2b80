package dev.ngnc.rt;

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
}
