package dev.ngnc.rt;

import dev.ngnc.rt.fiber.Fiber;
import dev.ngnc.rt.fiber.FiberEngine;
import dev.ngnc.rt.fiber.FiberWaiter;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.base.NgnError;
import dev.ngnc.rt.value.NgnFn;
import dev.ngnc.rt.fiber.Scheduler;
import dev.ngnc.rt.fiber.SchedulerDeadlock;
import dev.ngnc.rt.fiber.SchedulerGroup;
import dev.ngnc.rt.value.Unit;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ngn's green threads: {@code thread(…)}, {@code sleep(ms)}, and the entry points used by
 * {@link Rt#runMain}, {@link Spawn} and I/O code. See {@link Scheduler} for the scheduling rules
 * (spec 10.1: cooperative, one carrier, a new fiber first runs when its creator blocks or ends,
 * ready fibers in the reference's round-robin order) and {@link FiberEngine} for how fibers are
 * suspended.
 */
public final class Fibers {
    private Fibers() {
    }

    /**
     * Runs a whole program: {@code body} is the root fiber of the main scheduler on the
     * current thread (which should have a large stack). Returns when {@code body} ends — fibers
     * still running are abandoned — and rethrows its failure; a deadlock ends it with an
     * error whose {@link Rt#message} is the report. Errors of other fibers are reported on
     * {@code err} as they happen.
     */
    static void runProgram(Runnable body, PrintStream err, FiberEngine engine) {
        SchedulerGroup group = new SchedulerGroup(engine, err, true);
        Scheduler.runRoot(group, () -> {
            try {
                body.run();
            } finally {
                group.end(); // main is over: the rest is abandoned, no deadlock from here on
            }
        });
    }

    /**
     * Runs {@code body} as the root fiber of a fresh scheduler on the current thread, so it may
     * use {@code thread}, channels and {@code sleep} cooperatively (e.g. an HTTP handler on a
     * server thread). Returns when {@code body} ends; its unfinished fibers are abandoned (the
     * body may end with {@link #awaitOtherFibers()} to let them finish). No deadlock detection
     * (other threads may wake it).
     */
    public static void runRoot(Runnable body) {
        runRoot(body, System.err, FiberEngine.defaultEngine());
    }

    /** {@link #runRoot(Runnable)} with the stream for fiber errors and the engine (tests). */
    static void runRoot(Runnable body, PrintStream err, FiberEngine engine) {
        Scheduler.runRoot(new SchedulerGroup(engine, err, false), body);
    }

    /**
     * True when fibers other than the running one are still live (not ended: ready, running,
     * sleeping or blocked) in the current scheduler; false outside fibers.
     *
     * <p>Why: a root fiber run by {@link #runRoot} (an HTTP handler) abandons its unfinished
     * fibers when its body returns; the caller can check this after its main work (e.g. after
     * the response is sent) to decide whether to {@link #awaitOtherFibers() wait} for them.
     */
    public static boolean hasOtherFibers() {
        Scheduler s = Scheduler.currentScheduler();
        return s != null && s.liveCount() > 1;
    }

    /**
     * Blocks the calling root fiber until every other fiber of its scheduler has ended, fibers
     * started meanwhile included; the scheduler runs normally meanwhile (the root is parked like
     * any blocked fiber, so there is no polling). Returns at once if there are none. No-op
     * outside fibers; called from a non-root fiber, throws {@link IllegalStateException}.
     *
     * <p>Why: a {@link #runRoot} body (an HTTP handler on its connection's thread) abandons the
     * fibers it started with ngn {@code thread(…)} when it returns; the server calls this after
     * sending the response so that such fibers can finish their work first.
     *
     * <p>Errors of those fibers are reported on the scheduler's error stream as they happen
     * ({@code [ngn] …}, as always) and their result channels get the {@code Error}; nothing is
     * thrown to the caller.
     *
     * <p><b>When the others cannot finish.</b> Fibers sleeping, ready, waiting for a
     * {@code spawn} task of this program, or waiting for work registered with
     * {@link #pendingWork()} (fetch, processes, a plain thread that holds a token until its last
     * send/close) keep the wait going: they count in the scheduler group's liveness, as for
     * deadlock detection. When that count drops to zero while the root waits — every other
     * fiber is blocked on a channel, lock or join that nothing registered can ever feed — the
     * wait ends and the caller goes on; the stuck fibers are then abandoned when the root's body
     * returns, as before this method existed. A {@link #runRoot} group has no deadlock detection,
     * so without this rule such a wait would hang forever; in a program with detection
     * ({@code main}, spawn tasks) the awaiting root is likewise never reported as deadlocked
     * (the wait ends instead). Consequence: a fiber waiting for a plain thread or for ngn code of
     * <em>another</em> scheduler group (another request's handler, the program's {@code main})
     * that holds no {@link #pendingWork()} token may be given up on early; register such feeders
     * with {@link #pendingWork()} (taken in this scheduler, e.g. by the root before it waits).
     */
    public static void awaitOtherFibers() {
        Fiber f = FiberWaiter.currentFiber();
        if (f == null) {
            return;
        }
        if (!f.root) {
            throw new IllegalStateException("Fibers.awaitOtherFibers() must be called by a root fiber");
        }
        f.awaitOthers();
    }

    /**
     * ngn {@code thread(closure)}: creates a fiber running {@code closure()} and returns its
     * result channel (capacity 1, never closed, prints {@code <channel thread_result>}). The
     * caller continues; the fiber first runs when the caller blocks or ends. The channel receives
     * the closure's return value ({@code void} if none); if the fiber dies, its error is printed
     * on stderr ({@code [ngn] …} + location, spec 9.2) and the channel receives
     * {@code Error("<message>\n --> file:line")}. Not a closure (a named function, a non-function)
     * ⇒ RT {@code Spawn expects a closure} in the caller.
     */
    public static NgnChannel thread(Object closure) {
        if (!(closure instanceof NgnFn fn) || isNamedFunction(fn.displayName())) {
            throw NgnError.runtime("Spawn expects a closure");
        }
        NgnChannel result = new NgnChannel(1, "thread_result");
        Scheduler s = Scheduler.currentScheduler();
        if (s == null) {
            // not inside an ngn program (plain thread): run it on a thread of its own
            Thread t = new Thread(null, () -> runRoot(new ThreadBody(fn, result, System.err)),
                    "ngn-thread", Spawn.WORKER_STACK_SIZE);
            t.setDaemon(true);
            t.start();
            return result;
        }
        s.spawn(new ThreadBody(fn, result, s.group.err));
        return result;
    }

    /**
     * A named function's display name ({@code <fn name>}, as opposed to {@code <closure>}):
     * {@code name.startsWith("<fn ")}, spelled out so that every {@code thread(…)} does not
     * need {@code String.startsWith} compiled (one JIT compilation fewer before short programs
     * run at full speed).
     */
    private static boolean isNamedFunction(String name) {
        return name.length() >= 4 && name.charAt(0) == '<' && name.charAt(1) == 'f'
                && name.charAt(2) == 'n' && name.charAt(3) == ' ';
    }

    /**
     * The body of a {@code thread(…)} fiber: runs the closure and delivers its result (or its
     * error, reported on {@code err}). A class rather than a lambda calling a helper: a blocked
     * fiber's saved stack then holds one frame here instead of three.
     */
    private static final class ThreadBody implements Runnable {
        private final NgnFn fn;
        private final NgnChannel result;
        private final PrintStream err;

        ThreadBody(NgnFn fn, NgnChannel result, PrintStream err) {
            this.fn = fn;
            this.result = result;
            this.err = err;
        }

        @Override
        public void run() {
            Object value;
            try {
                Object r = fn.call0();
                value = r == null ? Unit.VOID : r;
            } catch (FiberEngine.Killed | SchedulerDeadlock | Scheduler.Cancelled e) {
                throw e;
            } catch (Throwable t) {
                Rt.report(t, err, fiberName());
                value = NgnEnum.error(errorText(t));
            }
            result.deliver(value, false);
        }
    }

    /** The failing fiber, for the backtrace: {@code thread 3} (threads are numbered in start order). */
    private static String fiberName() {
        Scheduler s = Scheduler.currentScheduler();
        Fiber f = s == null ? null : s.running();
        return f == null ? "a thread" : "thread " + f.number;
    }

    /** The payload of a dead fiber's {@code Error(…)}: message, then the location line if any. */
    static String errorText(Throwable t) {
        String loc = Rt.location(t);
        String msg = Rt.message(t);
        return loc.isEmpty() ? msg : msg + "\n" + loc;
    }

    /**
     * ngn {@code sleep(ms)}: suspends only the calling fiber for {@code ms} milliseconds (other
     * fibers keep running). {@code ms <= 0} lets every other ready fiber run once. Outside fibers,
     * {@link Thread#sleep}.
     */
    public static void sleep(long ms) {
        Fiber f = FiberWaiter.currentFiber();
        if (f == null) {
            if (ms > 0) {
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return;
        }
        if (ms <= 0) {
            f.yieldNow();
            return;
        }
        long now = System.nanoTime();
        long deadline = ms >= Long.MAX_VALUE / 1_000_000 - 1 ? now + Long.MAX_VALUE / 2 : now + ms * 1_000_000;
        while (deadline - System.nanoTime() > 0) {
            f.armSleep(deadline);
            f.park("sleep");
        }
    }

    /** ngn {@code sleep(x)} with a dynamically typed argument: integers sleep, anything else is a no-op (spec 10.1). */
    public static void sleep(Object ms) {
        if (ms instanceof Long l) {
            sleep(l.longValue());
        } else if (ms instanceof Integer i) {
            sleep(i.longValue());
        }
    }

    /** Lets the other ready fibers of this scheduler run once (no-op outside fibers). */
    public static void yieldNow() {
        Fiber f = FiberWaiter.currentFiber();
        if (f != null) {
            f.yieldNow();
        }
    }

    /**
     * Registers work that may later wake a blocked fiber from outside the schedulers (an I/O
     * thread that will send to a channel, a server accepting requests…), so the deadlock
     * detector counts the program as live until the token is closed. Call it in the fiber that
     * starts the work; close it (once, from any thread) when the work can no longer wake
     * anybody — after its last send/close. Outside a program it is a no-op token.
     */
    public static Pending pendingWork() {
        Scheduler s = Scheduler.currentScheduler();
        if (s == null) {
            return new Pending(null);
        }
        s.group.hold();
        return new Pending(s.group);
    }

    /** A unit of external work counted as live by the deadlock detector; see {@link #pendingWork()}. */
    public static final class Pending implements AutoCloseable {
        private final SchedulerGroup group;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Pending(SchedulerGroup group) {
            this.group = group;
        }

        /** Ends the unit of work (idempotent). */
        @Override
        public void close() {
            if (open.compareAndSet(true, false) && group != null) {
                group.release();
            }
        }
    }

    /** Name of the engine in use ({@code continuation} or {@code threads}), for diagnostics. */
    public static String engineName() {
        return FiberEngine.defaultEngine().name();
    }
}
