package dev.ngnc.rt;

import dev.ngnc.rt.fiber.FiberEngine;
import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.base.NgnError;
import dev.ngnc.rt.value.NgnFn;
import dev.ngnc.rt.value.Unit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Helpers for fiber/channel/spawn tests: ngn-like programs written in Java. */
public final class FiberFixtures {
    private FiberFixtures() {
    }

    /** Both engines when continuations are available (they are under Maven: see the pom's argLine). */
    public static List<String> engines() {
        List<String> out = new ArrayList<>();
        if (FiberEngine.named("continuation") != null) {
            out.add("continuation");
        }
        out.add("threads");
        return out;
    }

    /** A zero-parameter closure {@code || body()}. */
    public static NgnFn closure(Supplier<Object> body) {
        return new NgnFn() {
            @Override
            public int arity() {
                return 0;
            }

            @Override
            public Object call0() {
                return body.get();
            }
        };
    }

    /** A closure returning void. */
    public static NgnFn closureV(Runnable body) {
        return closure(() -> {
            body.run();
            return Unit.VOID;
        });
    }

    /** A named top-level function value {@code <fn name>}. */
    public static NgnFn named(String name, Supplier<Object> body) {
        return new NgnFn() {
            @Override
            public int arity() {
                return 0;
            }

            @Override
            public Object call0() {
                return body.get();
            }

            @Override
            public String displayName() {
                return NgnFn.fnName(name);
            }
        };
    }

    /** ngn {@code print(x)}. */
    public static void print(Object x) {
        Out.println(Fmt.str(x));
    }

    /** Outcome of a program run. */
    public record Run(int status, String out, String err) {
    }

    /** Runs {@code body} as an ngn program (like {@code Rt.runMain}) on the given engine. */
    public static Run run(String engine, Runnable body) {
        FiberEngine e = FiberEngine.named(engine);
        if (e == null) {
            throw new IllegalStateException("engine unavailable: " + engine);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] status = new int[1];
        String out = Fixtures.captureOut(() ->
                status[0] = Rt.run(body, new PrintStream(err, true, StandardCharsets.UTF_8), e));
        return new Run(status[0], out, err.toString(StandardCharsets.UTF_8));
    }

    /** A stack trace whose top frame is an ngn source line, as generated code would have. */
    public static NgnError ngnError(NgnError e, int line) {
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("Main", "fn_main", "main.ngn", line)});
        return e;
    }

    /** {@code |t| t + (<- gate)}: an update closure that blocks on a channel. */
    public static NgnFn fn1Blocking(NgnChannel gate) {
        return Fixtures.fn1(t -> (Long) t + (Long) gate.receive());
    }
}
