package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NgnFnTest {
    static final class Add extends NgnFn {
        @Override
        public int arity() {
            return 2;
        }

        @Override
        public Object call2(Object a, Object b) {
            return (Long) a + (Long) b;
        }
    }

    static final class Sum6 extends NgnFn {
        @Override
        public int arity() {
            return 6;
        }

        @Override
        public Object callN(Object[] args) {
            long s = 0;
            for (Object a : args) {
                s += (Long) a;
            }
            return s;
        }
    }

    @Test
    void callNRoutesToOverriddenFixedArity() {
        assertEquals(5L, new Add().callN(new Object[] {2L, 3L}));
        assertEquals(5L, new Add().call2(2L, 3L));
    }

    @Test
    void fixedArityCallsRouteToCallN() {
        assertEquals(21L, new Sum6().callN(new Object[] {1L, 2L, 3L, 4L, 5L, 6L}));
        assertEquals(3L, new Sum6().call2(1L, 2L)); // callN decides what to do with it
    }

    @Test
    void wrongArityIsAnErrorNotALoop() {
        NgnError e = assertThrows(NgnError.class, () -> new Add().call1(1L));
        assertEquals("Runtime Error: Function expects 2 arguments, got 1", e.ngnMessage());
        NgnFn none = new NgnFn() {
            @Override
            public int arity() {
                return 1;
            }
        };
        assertThrows(NgnError.class, () -> none.call1(1L));
        assertThrows(NgnError.class, () -> none.callN(new Object[] {1L}));
    }

    @Test
    void closuresAndNamedFunctionsPrintDifferently() {
        assertEquals("<closure>", Fmt.str(new Add()));
        assertEquals("<fn add>", NgnFn.fnName("add"));
    }
}
