package dev.ngnc.check;

import dev.ngnc.types.RtApi;
import dev.ngnc.ast.Expr;
import dev.ngnc.source.Span;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * Fibers and channels (spec 10): {@code thread}, {@code channel<T>()}, send/receive operators,
 * {@code sleep}, and the {@code spawn.*} pools. All map to runtime-lib's {@code Fibers}, {@code NgnChannel}
 * and {@code Spawn}.
 */
final class Concurrency {
    private final ExprChecker exprs;

    Concurrency(ExprChecker exprs) { this.exprs = exprs; }

    static final String CHANNEL = RtApi.desc("NgnChannel");
    static final String OBJ = "Ljava/lang/Object;";
    static final String ARR = RtApi.desc("NgnArray");

    /** The type a channel delivers; reports and returns null when {@code t} is not a channel. */
    private Type element(TExpr channel, Span span) {
        Type t = channel.type();
        if (t instanceof Type.Channel c) return c.element();
        if (Types.isDynamic(t)) return Type.ANY;
        exprs.error(span, "Type Error: expected a channel, got " + Types.display(t));
        return null;
    }

    TExpr channel(Expr.Call c, Type expected) {
        Type element = c.typeArgs().isEmpty() ? null : exprs.checker.types.resolve(c.typeArgs().get(0));
        if (element == null && expected instanceof Type.Channel ch) element = ch.element();
        if (element == null) {
            exprs.error(c.span(), "Type Error: channel() needs its message type", "write `channel<string>()`");
            return new TExpr.Invalid(c.span());
        }
        if (!c.args().isEmpty()) {
            exprs.error(c.span(), "channel() takes no arguments (every channel buffers 10 messages)");
        }
        return new TExpr.Builtin(RtMethod.stat("NgnChannel", "create", "()" + CHANNEL), List.of(),
                new Type.Channel(element), c.span());
    }

    TExpr thread(Expr.Call c) {
        if (c.args().size() != 1) {
            exprs.calls.arityError(c.span(), "thread", 1, 1, c.args().size());
            return new TExpr.Invalid(c.span());
        }
        TExpr task = exprs.check(c.args().get(0));
        Type result = Type.ANY;
        if (task.type() instanceof Type.Fn f) {
            if (!f.params().isEmpty()) {
                exprs.error(c.args().get(0).span(), "Type Error: thread() needs a closure without parameters");
            }
            // The channel receives the closure's value, or Error("…") when the fiber dies: only a Result-typed
            // closure keeps a precise type.
            if (Types.isResult(f.result())) result = f.result();
        } else if (!Types.isDynamic(task.type())) {
            exprs.error(c.args().get(0).span(), "Type Error: thread() expects a closure, got "
                    + Types.display(task.type()));
        }
        return new TExpr.Builtin(RtMethod.stat("Fibers", "thread", "(" + OBJ + ")" + CHANNEL), List.of(task),
                new Type.Channel(result), c.span());
    }

    TExpr sleep(Expr.Call c) {
        if (c.args().size() != 1) {
            exprs.calls.arityError(c.span(), "sleep", 1, 1, c.args().size());
            return new TExpr.Invalid(c.span());
        }
        TExpr ms = exprs.check(c.args().get(0));
        String desc = Types.isInt(ms.type()) ? "(J)V" : "(" + OBJ + ")V";
        return new TExpr.Builtin(RtMethod.stat("Fibers", "sleep", desc), List.of(ms), Prim.VOID, c.span());
    }

    TExpr send(Expr.Send s) {
        TExpr channel = exprs.check(s.channel());
        Type element = element(channel, s.channel().span());
        if (element == null) return new TExpr.Invalid(s.span());
        TExpr value = exprs.checkExpecting(s.value(), element);
        exprs.requireAssignable(element, value, s.value().span(), "Channel message mismatch");
        return new TExpr.Builtin(RtMethod.virt("NgnChannel", "send", "(" + OBJ + ")V"), List.of(channel, value),
                Prim.VOID, s.span());
    }

    TExpr receive(Expr.Receive r) {
        TExpr channel = exprs.check(r.channel());
        Type element = element(channel, r.channel().span());
        if (element == null) return new TExpr.Invalid(r.span());
        return new TExpr.Builtin(RtMethod.virt("NgnChannel", "receive", "()" + OBJ), List.of(channel), element,
                r.span());
    }

    TExpr receiveCount(Expr.ReceiveCount r) {
        TExpr count = exprs.check(r.count());
        if (!Types.isInt(count.type()) && !Types.isDynamic(count.type())) {
            exprs.error(r.count().span(), "Type Error: the count of `<-N` must be an integer, got "
                    + Types.display(count.type()));
        }
        TExpr channel = exprs.check(r.channel());
        Type element = element(channel, r.channel().span());
        if (element == null) return new TExpr.Invalid(r.span());
        return new TExpr.Builtin(RtMethod.virt("NgnChannel", "receiveCount", "(J)" + ARR), List.of(channel, count),
                new Type.Array(element), r.span());
    }

    TExpr tryReceive(Expr.TryReceive r) {
        TExpr channel = exprs.check(r.channel());
        Type element = element(channel, r.channel().span());
        if (element == null) return new TExpr.Invalid(r.span());
        return new TExpr.Builtin(RtMethod.virt("NgnChannel", "tryReceive", "()" + RtApi.desc("NgnEnum")),
                List.of(channel), Types.maybe(element), r.span());
    }

    /** The channel a {@code for} loop iterates: {@code for (m in ch)} and {@code for (m in <-? ch)} are the same. */
    TExpr loopChannel(Expr iterable) {
        Expr source = iterable instanceof Expr.TryReceive t ? t.channel() : iterable;
        return exprs.check(source);
    }

    // ---- spawn ----------------------------------------------------------------------------------

    /** {@code spawn.cpu(f)}, {@code spawn.block(f)}, {@code spawn.all(fs, opts?)}, {@code spawn.try(…)}, {@code spawn.race(fs)}. */
    TExpr spawn(Expr.MethodCall m) {
        List<TExpr> args = new ArrayList<>();
        for (Expr a : m.args()) args.add(exprs.check(a));
        switch (m.name()) {
            case "cpu", "block" -> {
                if (args.size() != 1) return arity(m, 1, 1);
                Type result = taskResult(args.get(0).type());
                return new TExpr.Builtin(RtMethod.stat("Spawn", m.name(), "(" + OBJ + ")" + CHANNEL), args,
                        new Type.Channel(result), m.span());
            }
            case "all", "try" -> {
                if (args.isEmpty() || args.size() > 2) return arity(m, 1, 2);
                Type result = tasksResult(args.get(0), m);
                String name = m.name().equals("all") ? "all" : "tryAll";
                String desc = args.size() == 1 ? "(" + ARR + ")" + ARR : "(" + ARR + OBJ + ")" + ARR;
                return new TExpr.Builtin(RtMethod.stat("Spawn", name, desc), args, new Type.Array(result), m.span());
            }
            case "race" -> {
                if (args.size() != 1) return arity(m, 1, 1);
                Type result = tasksResult(args.get(0), m);
                return new TExpr.Builtin(RtMethod.stat("Spawn", "race", "(" + ARR + ")" + RtApi.desc("NgnEnum")), args,
                        result, m.span());
            }
            default -> {
                exprs.error(m.span(), "'spawn." + m.name() + "' does not exist",
                        "spawn has cpu, block, all, try and race");
                return new TExpr.Invalid(m.span());
            }
        }
    }

    private TExpr arity(Expr.MethodCall m, int min, int max) {
        exprs.calls.arityError(m.span(), "spawn." + m.name(), min, max, m.args().size());
        return new TExpr.Invalid(m.span());
    }

    /** Tasks' values arrive as Results: a Result passes through, anything else is wrapped in Ok. */
    private static Type taskResult(Type task) {
        if (task instanceof Type.Fn f) {
            if (Types.isResult(f.result())) return f.result();
            Type ok = f.result() == Prim.VOID ? Type.ANY : f.result();
            return Types.result(ok, Prim.STRING);
        }
        return Types.result(Type.ANY, Type.ANY);
    }

    private Type tasksResult(TExpr tasks, Expr.MethodCall m) {
        if (tasks.type() instanceof Type.Array a) return taskResult(a.element());
        if (!Types.isDynamic(tasks.type())) {
            exprs.error(m.args().get(0).span(), "Type Error: spawn." + m.name() + "() expects an array of functions, got "
                    + Types.display(tasks.type()));
        }
        return Types.result(Type.ANY, Type.ANY);
    }
}
