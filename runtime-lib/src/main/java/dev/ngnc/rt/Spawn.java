package dev.ngnc.rt;

import dev.ngnc.rt.value.Dyn;
import dev.ngnc.rt.fiber.FiberEngine;
import dev.ngnc.rt.fiber.FiberWaiter;
import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.base.NgnError;
import dev.ngnc.rt.value.NgnFn;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.value.NgnObject;
import dev.ngnc.rt.fiber.Scheduler;
import dev.ngnc.rt.fiber.SchedulerDeadlock;
import dev.ngnc.rt.fiber.SchedulerGroup;
import dev.ngnc.rt.value.Unit;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * ngn's {@code spawn} global (spec 10.5): tasks on real OS threads, in parallel with the
 * program's fibers. Each task runs as the root fiber of its own {@link Scheduler} on the worker
 * thread, so inside a task {@code sleep}, blocking channel operations and {@code thread(…)} work
 * as in {@code main} (the reference ends the task early there; the corpus follows the docs).
 *
 * <p>Results: a returned {@code Result} passes through; any other value ⇒ {@code Ok(value)}
 * ({@code Ok(void)} if none); a failure ⇒ {@code Error("Thread panicked: <message>\n --> loc")}
 * (for {@code panic(msg)}: {@code Thread panicked: msg}), with nothing printed on stderr.
 * A blocked caller ({@code <-} on a result channel, {@code spawn.all}…) parks only its fiber.
 */
public final class Spawn {
    /** Stack size of spawn worker threads: 256 MiB, or {@code -Dngnc.workerStackMiB=N}. */
    static final long WORKER_STACK_SIZE = Long.getLong("ngnc.workerStackMiB", 256L) << 20;
    /** Queue length of the cpu/block pools (spec 10.5). */
    static final int QUEUE_CAPACITY = 1024;
    /** Most threads one {@code spawn.all}/{@code try} call starts (and {@code race} runs at once). */
    static final int MAX_TASK_THREADS = 256;

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static volatile ThreadPoolExecutor cpuPool;
    private static volatile ThreadPoolExecutor blockPool;

    private Spawn() {
    }

    /**
     * ngn {@code spawn.cpu(task)}: runs {@code task()} on the CPU pool (#cores threads, queue
     * 1024) and returns at once a channel that receives the Result and is then closed (a second
     * receive ⇒ RT error). Queue full ⇒ the channel holds {@code Error("spawn.cpu() queue is
     * full")}; not callable ⇒ {@code Error("spawn.cpu() expects a function or closure")}.
     */
    public static NgnChannel cpu(Object task) {
        return submit(task, "spawn.cpu()", "spawn_cpu_result", cpuPool());
    }

    /**
     * ngn {@code spawn.block(task)}: as {@link #cpu} on the blocking pool
     * (min(#cores × 4, 64) threads, queue 1024); texts say {@code spawn.block()}.
     */
    public static NgnChannel block(Object task) {
        return submit(task, "spawn.block()", "spawn_block_result", blockPool());
    }

    /** ngn {@code spawn.all(tasks)}: see {@link #all(NgnArray, Object)}. */
    public static NgnArray all(NgnArray tasks) {
        return all(tasks, null);
    }

    /**
     * ngn {@code spawn.all(tasks, options?)}: runs every task on worker threads and returns
     * their Results in input order; the calling fiber waits (other fibers keep running).
     * Workers: {@code options.concurrency} (object field or map key; an integer, or a float
     * rounded down) — a value {@code <= 0} means 1 (the docs; the reference uses one per task) —
     * else one per task; at most {@value #MAX_TASK_THREADS}.
     */
    public static NgnArray all(NgnArray tasks, Object options) {
        return runMany(tasks, options, false, "spawn.all()");
    }

    /** ngn {@code spawn.try(tasks)}: see {@link #tryAll(NgnArray, Object)}. */
    public static NgnArray tryAll(NgnArray tasks) {
        return tryAll(tasks, null);
    }

    /**
     * ngn {@code spawn.try(tasks, options?)}: as {@link #all}, but once a task returns an
     * {@code Error} no new task starts; the result is the input-order prefix up to and including
     * the lowest-index {@code Error} (all of it when none failed). Tasks past that index that are
     * still running are cancelled ({@link Scheduler#cancel}): one blocked or asleep (channel,
     * {@code state.update}, join, {@code sleep}) is woken and ended at once, one computing is
     * ended at its next such point or runs to its end; either way its result (then
     * {@code Error("Task cancelled")}) is dropped. Tasks not started yet never start.
     */
    public static NgnArray tryAll(NgnArray tasks, Object options) {
        return runMany(tasks, options, true, "spawn.try()");
    }

    /**
     * ngn {@code spawn.race(tasks)}: one thread per task; returns the first {@code Ok} (a
     * non-Result value counts as {@code Ok(value)}) as soon as it arrives, else, when all failed,
     * the first {@code Error} received. No callable task ⇒ {@code Error("All tasks failed")}.
     * Once a task wins, the others are cancelled as in {@link #tryAll} (their results dropped).
     */
    public static NgnEnum race(NgnArray tasks) {
        int n = tasks.length();
        NgnFn[] fns = new NgnFn[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (tasks.rawGet(i) instanceof NgnFn fn) {
                fns[count++] = fn;
            }
        }
        if (count == 0) {
            return NgnEnum.error("All tasks failed");
        }
        SchedulerGroup group = currentGroup();
        NgnChannel done = new NgnChannel(count, "spawn_race");
        Task[] running = new Task[count];
        for (int i = 0; i < count; i++) {
            running[i] = new Task();
        }
        try {
            for (int i = 0; i < count; i++) {
                NgnFn fn = fns[i];
                Task task = running[i];
                startTaskThread(group, "ngn-spawn-race", () -> done.deliver(runTask(group, fn, task), false));
            }
            NgnEnum firstError = null;
            for (int i = 0; i < count; i++) {
                NgnEnum r = (NgnEnum) done.receive();
                if (r.isOk()) {
                    return r;
                }
                if (firstError == null) {
                    firstError = r;
                }
            }
            return firstError;
        } finally {
            for (Task t : running) {
                t.cancel(); // the losers (no-op for finished ones)
            }
        }
    }

    // ---- implementation ------------------------------------------------------------------

    private static NgnChannel submit(Object task, String name, String kind, ThreadPoolExecutor pool) {
        NgnChannel ch = new NgnChannel(1, kind);
        if (!(task instanceof NgnFn fn)) {
            ch.deliver(NgnEnum.error(name + " expects a function or closure"), true);
            return ch;
        }
        SchedulerGroup group = currentGroup();
        if (group != null) {
            group.hold(); // the queued task counts as live work; its scheduler adopts the unit
        }
        try {
            pool.execute(() -> {
                try {
                    runTaskAsRoot(group, fn, r -> ch.deliver(r, true));
                } finally {
                    if (group != null) {
                        group.release();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            if (group != null) {
                group.release();
            }
            ch.deliver(NgnEnum.error(name + " queue is full"), true);
        }
        return ch;
    }

    private static NgnArray runMany(NgnArray tasks, Object options, boolean failFast, String name) {
        int n = tasks.length();
        if (n == 0) {
            return NgnArray.empty();
        }
        int workers = concurrency(options, n);
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger lowestError = new AtomicInteger(n); // spawn.try: lowest index of an Error so far
        AtomicReferenceArray<Task> started = new AtomicReferenceArray<>(n);
        SchedulerGroup group = currentGroup();
        NgnChannel done = new NgnChannel(n, "spawn_all");
        try {
            for (int w = 0; w < workers; w++) {
                startTaskThread(group, "ngn-spawn-all", () -> {
                    while (!stop.get()) {
                        int i = next.getAndIncrement();
                        if (i >= n || stop.get()) {
                            return; // after an Error (spawn.try): queued tasks never start
                        }
                        Object r;
                        if (tasks.rawGet(i) instanceof NgnFn fn) {
                            Task task = new Task();
                            started.set(i, task);
                            if (i > lowestError.get()) {
                                task.cancel(); // claimed just before an Error at a lower index
                            }
                            r = runTask(group, fn, task);
                        } else {
                            r = NgnEnum.error(name + " expects a function or closure");
                        }
                        results[i] = r;
                        if (failFast && ((NgnEnum) r).isError()) {
                            int at = i;
                            lowestError.accumulateAndGet(at, Math::min);
                            stop.set(true);
                        }
                        done.deliver((long) i, false);
                    }
                });
            }
            boolean[] finished = new boolean[n];
            int prefix = 0; // tasks [0, prefix) are finished
            int firstError = n;
            while (true) {
                int i = (int) (long) (Long) done.receive();
                finished[i] = true;
                if (failFast && i < firstError && ((NgnEnum) results[i]).isError()) {
                    firstError = i;
                    for (int j = i + 1; j < n; j++) {
                        cancel(started, j); // no longer wanted: wake and end them now
                    }
                }
                while (prefix < n && finished[prefix]) {
                    prefix++;
                }
                int target = firstError < n ? firstError + 1 : n;
                if (prefix >= target) {
                    Object[] out = new Object[target];
                    System.arraycopy(results, 0, out, 0, target);
                    return NgnArray.of(out);
                }
            }
        } finally {
            // normally nothing is left (spawn.all) or only tasks past the Error (spawn.try); if the
            // caller itself ends abnormally (its task cancelled, a deadlock), all of them
            stop.set(true);
            for (int j = 0; j < n; j++) {
                cancel(started, j);
            }
        }
    }

    private static void cancel(AtomicReferenceArray<Task> started, int i) {
        Task t = started.get(i);
        if (t != null) {
            t.cancel();
        }
    }

    /**
     * A started {@code spawn.all/try/race} task, so that it can be cancelled: set up on its worker
     * thread with its scheduler ({@link #attach}), cancelled from the caller's fiber.
     */
    static final class Task {
        private Scheduler sched;
        private boolean cancelled;
        private boolean finished;

        /** The task's scheduler is running (on the worker); applies an earlier {@link #cancel}. */
        synchronized void attach(Scheduler s) {
            sched = s;
            if (cancelled) {
                s.cancel();
            }
        }

        synchronized void finish() {
            finished = true;
            sched = null;
        }

        synchronized boolean cancelled() {
            return cancelled;
        }

        /** Cancels the task if it has not finished ({@link Scheduler#cancel}). */
        synchronized void cancel() {
            if (finished || cancelled) {
                return;
            }
            cancelled = true;
            if (sched != null) {
                sched.cancel();
            }
        }
    }

    /** Worker count for {@code spawn.all}/{@code try}: see {@link #all(NgnArray, Object)}. */
    static int concurrency(Object options, int tasks) {
        Object o = unwrapMaybe(options);
        Object c = null;
        if (o instanceof NgnObject obj && obj.has("concurrency")) {
            c = unwrapMaybe(obj.get("concurrency"));
        } else if (o instanceof NgnMap m) {
            NgnEnum v = m.get("concurrency");
            c = v.isValue() ? unwrapMaybe(v.payload()) : null;
        }
        long k;
        if (Dyn.isInt(c)) {
            k = Dyn.intValue(c);
        } else if (c instanceof Double d && !d.isNaN()) {
            k = d >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.floor(d);
        } else {
            k = tasks;
        }
        if (k <= 0) {
            k = 1;
        }
        return (int) Math.min(Math.min(k, tasks), MAX_TASK_THREADS);
    }

    private static Object unwrapMaybe(Object o) {
        if (o instanceof NgnEnum e && e.isMaybe()) {
            return e.isValue() ? e.payload() : null;
        }
        return o;
    }

    /**
     * Starts a platform thread counted as live work of {@code group} until it ends (each task's
     * scheduler adopts that unit while it runs).
     */
    private static void startTaskThread(SchedulerGroup group, String name, Runnable body) {
        if (group != null) {
            group.hold();
        }
        // a Carrier keeps its fiber context in a field: no ThreadLocal lookup per fiber operation
        Thread t = new FiberWaiter.Carrier(() -> {
            try {
                body.run();
            } finally {
                if (group != null) {
                    group.release();
                }
            }
        }, name, WORKER_STACK_SIZE);
        t.setDaemon(true);
        try {
            t.start();
        } catch (Throwable e) {
            if (group != null) {
                group.release();
            }
            throw NgnError.internal("cannot start a spawn thread: " + e);
        }
    }

    /** Result of a task cancelled before its end (never part of a returned result). */
    static final String CANCELLED = "Task cancelled";

    /**
     * Runs one task to its Result on the current (worker) thread, which holds a liveness unit;
     * {@code Error("Task cancelled")} if {@code task} was cancelled before it ended.
     */
    private static Object runTask(SchedulerGroup group, NgnFn fn, Task task) {
        Object[] out = new Object[1];
        if (!task.cancelled()) {
            runTaskAsRoot(group, fn, r -> out[0] = r, task);
        }
        task.finish();
        return out[0] != null ? out[0] : NgnEnum.error(CANCELLED);
    }

    private static void runTaskAsRoot(SchedulerGroup group, NgnFn fn, java.util.function.Consumer<Object> sink) {
        runTaskAsRoot(group, fn, sink, null);
    }

    private static void runTaskAsRoot(SchedulerGroup group, NgnFn fn, java.util.function.Consumer<Object> sink,
            Task task) {
        Runnable body = () -> {
            if (task != null) {
                task.attach(Scheduler.currentScheduler());
            }
            sink.accept(callTask(fn));
        };
        try {
            if (group != null) {
                Scheduler.runRootAdopting(group, body);
            } else {
                Scheduler.runRoot(new SchedulerGroup(FiberEngine.defaultEngine(), System.err, false), body);
            }
        } catch (SchedulerDeadlock d) {
            // the whole program is deadlocked and ends; the main fiber reports it
        } catch (Scheduler.Cancelled c) {
            // the task was cancelled at a blocking point: no result
        }
    }

    /** Calls the task and turns its outcome into a Result (see the class comment). */
    static NgnEnum callTask(NgnFn fn) {
        try {
            Object r = fn.call0();
            if (r instanceof NgnEnum e && e.isResult()) {
                return e;
            }
            return NgnEnum.ok(r == null ? Unit.VOID : r);
        } catch (FiberEngine.Killed | SchedulerDeadlock | Scheduler.Cancelled e) {
            throw e;
        } catch (Throwable t) {
            String msg = Rt.message(t);
            if (!msg.startsWith(NgnError.Kind.PANIC.prefix())) {
                msg = NgnError.Kind.PANIC.prefix() + msg;
            }
            String loc = Rt.location(t);
            return NgnEnum.error(loc.isEmpty() ? msg : msg + "\n" + loc);
        }
    }

    private static SchedulerGroup currentGroup() {
        Scheduler s = Scheduler.currentScheduler();
        return s == null ? null : s.group;
    }

    private static ThreadPoolExecutor cpuPool() {
        ThreadPoolExecutor p = cpuPool;
        if (p == null) {
            synchronized (Spawn.class) {
                p = cpuPool;
                if (p == null) {
                    p = newPool(CORES, "ngn-spawn-cpu");
                    cpuPool = p;
                }
            }
        }
        return p;
    }

    private static ThreadPoolExecutor blockPool() {
        ThreadPoolExecutor p = blockPool;
        if (p == null) {
            synchronized (Spawn.class) {
                p = blockPool;
                if (p == null) {
                    p = newPool(Math.min(CORES * 4, 64), "ngn-spawn-block");
                    blockPool = p;
                }
            }
        }
        return p;
    }

    /** Most threads a pool grows to while its tasks wait on each other (see {@link #newPool}). */
    static final int MAX_POOL_THREADS = 1024;

    /**
     * A pool of {@code threads} workers. A worker whose task waits with every fiber blocked (a producer on a full
     * channel whose consumer is still queued) does not count: the pool grows by one while it waits, so a queued
     * task can run and unblock it, and shrinks back after (extra threads end when idle). CPU-bound tasks still get
     * {@code threads} workers at a time; tasks that wait on each other never deadlock the pool.
     */
    private static ThreadPoolExecutor newPool(int threads, String name) {
        AtomicInteger seq = new AtomicInteger();
        ThreadPoolExecutor[] self = new ThreadPoolExecutor[1];
        AtomicInteger waiting = new AtomicInteger();
        java.util.function.IntConsumer onBlocked = delta -> {
            int n = waiting.addAndGet(delta);
            ThreadPoolExecutor p = self[0];
            synchronized (p) {
                int size = Math.min(MAX_POOL_THREADS, threads + Math.max(0, n));
                if (size > p.getMaximumPoolSize()) {
                    p.setMaximumPoolSize(size);
                    p.setCorePoolSize(size); // starts a thread for a queued task, if any
                } else if (size < p.getCorePoolSize()) {
                    p.setCorePoolSize(size);
                    p.setMaximumPoolSize(size);
                }
            }
        };
        ThreadFactory factory = r -> {
            FiberWaiter.Carrier t = new FiberWaiter.Carrier(r, name + "-" + seq.incrementAndGet(), WORKER_STACK_SIZE);
            t.onBlocked = onBlocked;
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor p = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), factory, new ThreadPoolExecutor.AbortPolicy());
        p.allowCoreThreadTimeOut(true);
        self[0] = p;
        return p;
    }
}
