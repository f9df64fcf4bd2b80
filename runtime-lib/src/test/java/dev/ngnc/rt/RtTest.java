package dev.ngnc.rt;

import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RtTest {
    private static final StackTraceElement[] NGN_TRACE = {
        new StackTraceElement("dev.ngnc.rt.value.NgnArray", "get", "NgnArray.java", 10),
        new StackTraceElement("Main", "fn_main", "main.ngn", 5),
        new StackTraceElement("Main", "main", "main.ngn", 1),
    };

    private static String[] runCapturing(Runnable body, int expectedStatus) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] out = new String[1];
        out[0] = Fixtures.captureOut(() -> {
            int status = Rt.run(body, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(expectedStatus, status);
        });
        return new String[] {out[0], err.toString(StandardCharsets.UTF_8)};
    }

    private static long depth(long n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    @Test
    void successfulRunExitsZeroAndFlushesStdout() {
        String[] r = runCapturing(() -> Out.println("hi"), 0);
        assertEquals("hi\n", r[0]);
        assertEquals("", r[1]);
    }

    @Test
    void runtimeErrorIsReportedWithNgnLocation() {
        String[] r = runCapturing(() -> {
            Out.println("line 1");
            NgnError e = NgnError.runtime("Array index out of bounds: 3");
            e.setStackTrace(NGN_TRACE);
            throw e;
        }, 1);
        assertEquals("line 1\n", r[0]);
        assertTrue(r[1].startsWith("[ngn] Runtime Error: Array index out of bounds: 3\n --> main.ngn:5\n"), r[1]);
    }

    @Test
    void panicAndForeignExceptionsUseTheirPrefixes() {
        assertEquals("Thread panicked: negative input: -8", Rt.message(NgnError.panic("negative input: -8")));
        assertEquals("Internal error: ClassCastException: boom", Rt.message(new ClassCastException("boom")));
        assertEquals("Runtime Error: Modulo failed",
                Rt.message(new ExceptionInInitializerError(NgnError.runtime("Modulo failed"))));
        String[] r = runCapturing(() -> {
            throw new IllegalStateException("bad");
        }, 1);
        assertEquals("[ngn] Internal error: IllegalStateException: bad\n", r[1]);
    }

    @Test
    void locationIsEmptyWithoutNgnFrames() {
        assertEquals("", Rt.location(new RuntimeException()));
        NgnError e = NgnError.internal("x");
        e.setStackTrace(NGN_TRACE);
        assertEquals(" --> main.ngn:5", Rt.location(e));
    }

    @Test
    void deepRecursionWorksOnTheProgramThread() {
        long[] result = new long[1];
        assertNull(Rt.runOnLargeStack(() -> result[0] = depth(200_000)));
        assertEquals(200_000, result[0]);
    }

    @Test
    void stackOverflowIsReportedAsRecursionTooDeep() {
        Throwable t = Rt.runOnStack(() -> depth(Long.MAX_VALUE), 16L << 20);
        assertInstanceOf(StackOverflowError.class, t);
        assertEquals("Runtime Error: stack overflow (recursion too deep)", Rt.message(t));
        assertTrue(Rt.location(t).isEmpty()); // no .ngn frames in a unit test
    }

    @Test
    void backtraceListsNgnFramesInnermostFirstWithReadableNames() {
        StackTraceElement[] trace = {
            new StackTraceElement("dev.ngnc.rt.value.NgnArray", "get", "NgnArray.java", 10),
            new StackTraceElement("ngn.Main", "fn$total", "main.ngn", 2),
            new StackTraceElement("ngn.Main", "ext$model$User$bad", "main.ngn", 14),
            new StackTraceElement("ngn.Main$Closure1", "call1", "main.ngn", 19),
            new StackTraceElement("ngn.m1_util.Main", "ext$array$sum2", "util.ngn", 3),
            new StackTraceElement("ngn.Main", "fn$main", "main.ngn", 6),
            new StackTraceElement("ngn.Main", "$run", "main.ngn", -1),
        };
        assertEquals(java.util.List.of("  at fn total (main.ngn:2)", "  at User.bad (main.ngn:14)",
                "  at closure (main.ngn:19)", "  at array.sum2 (util.ngn:3)", "  at fn main (main.ngn:6)"),
                Backtrace.lines(trace));
    }

    @Test
    void backtraceOfAFiberEndsAtItsContinuationEntry() {
        // a thread's closure failing while main, blocked in `<- t` at line 7, runs the scheduler inline
        StackTraceElement[] trace = {
            new StackTraceElement("ngn.Main$Closure1", "call0", "main.ngn", 5),
            new StackTraceElement("dev.ngnc.rt.fiber.Fiber", "run", "Fiber.java", 40),
            new StackTraceElement("jdk.internal.vm.Continuation", "run", "Continuation.java", 251),
            new StackTraceElement("dev.ngnc.rt.fiber.Scheduler", "runNext", "Scheduler.java", 90),
            new StackTraceElement("ngn.Main", "fn$main", "main.ngn", 7),
        };
        assertEquals(java.util.List.of("  at closure (main.ngn:5)"), Backtrace.lines(trace));
        NgnError e = NgnError.runtime("x");
        e.setStackTrace(java.util.Arrays.copyOfRange(trace, 1, trace.length)); // no ngn frame of the fiber's own
        assertEquals("", Rt.location(e));
    }

    @Test
    void backtraceIsCappedAtTwentyFrames() {
        StackTraceElement[] trace = new StackTraceElement[25];
        for (int i = 0; i < trace.length; i++) {
            trace[i] = new StackTraceElement("ngn.Main", "fn$f", "main.ngn", i + 1);
        }
        java.util.List<String> lines = Backtrace.lines(trace);
        assertEquals(21, lines.size());
        assertEquals("  at fn f (main.ngn:20)", lines.get(19));
        assertEquals("  … 5 more", lines.get(20));
    }
}
