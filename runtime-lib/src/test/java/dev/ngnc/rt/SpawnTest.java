package dev.ngnc.rt;

import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.base.NgnError;
import dev.ngnc.rt.value.NgnFn;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.value.NgnObject;
import dev.ngnc.rt.value.NgnState;
import dev.ngnc.rt.value.Unit;

import static dev.ngnc.rt.FiberFixtures.closure;
import static dev.ngnc.rt.FiberFixtures.named;
import static dev.ngnc.rt.FiberFixtures.print;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ngnc.rt.FiberFixtures.Run;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** spawn.* (spec 10.5 and the corpus, with the documented behaviour where the reference deviates). */
class SpawnTest {
    static List<String> engines() {
        return FiberFixtures.engines();
    }

    private static NgnFn sumTo(long n) {
        return named("expensive", () -> {
            long acc = 0;
            for (long i = 1; i <= n; i++) {
                acc += i;
            }
            return acc;
        });
    }

    @ParameterizedTest
    @MethodSource("engines")
    void cpuAndBlockReturnResultChannels(String engine) {
        // spawn/cpu_basic, block_basic, cpu_closure_result
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel ch = Spawn.cpu(sumTo(1000));
            print(ch);
            print(ch.receive());
            print(Spawn.block(closure(() -> "blocking work done")).receive());
            long base = 21;
            NgnEnum ok = (NgnEnum) Spawn.cpu(closure(() -> NgnEnum.ok(base * 2))).receive();
            print("value " + Fmt.str(ok.payload()));
            print(Spawn.cpu(closure(() -> NgnEnum.error("nope"))).receive());
            print(Spawn.cpu(closure(() -> Unit.VOID)).receive());
            print(Spawn.block(closure(() -> null)));
        });
        assertEquals("<channel spawn_cpu_result>\nResult::Ok (500500)\nResult::Ok (blocking work done)\n"
                + "value 42\nResult::Error (nope)\nResult::Ok (void)\n<channel spawn_block_result>\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void resultChannelIsClosedAfterTheResult(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel ch = Spawn.cpu(closure(() -> 1L));
            print(ch.receive());
            print(ch.isClosed());
            ch.receive();
        });
        assertEquals("Result::Ok (1)\ntrue\n", r.out());
        assertEquals("[ngn] Runtime Error: Receive from closed and empty channel\n", r.err());
    }

    @Test
    void nonCallableTask() {
        assertEquals("Result::Error (spawn.cpu() expects a function or closure)", Fmt.str(Spawn.cpu(5L).receive()));
        assertEquals("Result::Error (spawn.block() expects a function or closure)",
                Fmt.str(Spawn.block("x").receive()));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void panicAndRuntimeErrorBecomeErrorsSilently(String engine) {
        // spawn/panic_becomes_error (documented behaviour; the reference yields Ok(void))
        Run r = FiberFixtures.run(engine, () -> {
            NgnFn explode = named("explode", () -> {
                throw FiberFixtures.ngnError(NgnError.panic("bad task"), 2);
            });
            NgnFn fails = named("fails", () -> {
                throw FiberFixtures.ngnError(NgnError.runtime("Division failed"), 3);
            });
            NgnArray rs = Spawn.all(NgnArray.of(explode, named("fine", () -> 2L), fails));
            print(rs.size());
            for (Object x : rs.toObjectArray()) {
                print(x);
            }
        });
        assertEquals("3\nResult::Error (Thread panicked: bad task\n --> main.ngn:2)\nResult::Ok (2)\n"
                + "Result::Error (Thread panicked: Runtime Error: Division failed\n --> main.ngn:3)\n", r.out());
        assertEquals("", r.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void allKeepsInputOrder(String engine) {
        // spawn/all_ordering, all_concurrency_option
        Run r = FiberFixtures.run(engine, () -> {
            NgnFn t1 = named("t1", () -> {
                Fibers.sleep(30);
                return NgnEnum.ok("one");
            });
            NgnFn t2 = named("t2", () -> NgnEnum.error("two failed"));
            NgnFn t3 = named("t3", () -> NgnEnum.ok("three"));
            print(Spawn.all(NgnArray.of(t1, t2, t3)));
            NgnArray tasks = NgnArray.of(closure(() -> 1L), closure(() -> 2L), closure(() -> 3L),
                    closure(() -> 4L), closure(() -> 5L));
            print(Spawn.all(tasks, NgnObject.of(new String[] {"concurrency"}, new Object[] {2L})));
            print(Spawn.all(tasks, NgnObject.of(new String[] {"concurrency"}, new Object[] {0L})).size());
            print(Spawn.all(NgnArray.empty()));
        });
        assertEquals("[Result::Ok (one), Result::Error (two failed), Result::Ok (three)]\n"
                + "[Result::Ok (1), Result::Ok (2), Result::Ok (3), Result::Ok (4), Result::Ok (5)]\n5\n[]\n", r.out());
    }

    @Test
    void concurrencyOption() {
        NgnObject two = NgnObject.of(new String[] {"concurrency"}, new Object[] {2L});
        assertEquals(2, Spawn.concurrency(two, 5));
        assertEquals(1, Spawn.concurrency(NgnObject.of(new String[] {"concurrency"}, new Object[] {0L}), 5));
        assertEquals(1, Spawn.concurrency(NgnObject.of(new String[] {"concurrency"}, new Object[] {-3L}), 5));
        assertEquals(2, Spawn.concurrency(NgnObject.of(new String[] {"concurrency"}, new Object[] {2.7}), 5));
        assertEquals(5, Spawn.concurrency(NgnObject.of(new String[] {"concurrency"}, new Object[] {"x"}), 5));
        assertEquals(5, Spawn.concurrency(null, 5));
        assertEquals(5, Spawn.concurrency(NgnEnum.NULL, 5));
        assertEquals(2, Spawn.concurrency(NgnEnum.value(two), 3));
        NgnMap m = NgnMap.empty();
        m.set("concurrency", 4L);
        assertEquals(4, Spawn.concurrency(m, 9));
        assertEquals(Spawn.MAX_TASK_THREADS, Spawn.concurrency(null, 10_000));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void concurrencyLimitsParallelTasks(String engine) {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        NgnFn task = closure(() -> {
            int now = running.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            Fibers.sleep(20);
            running.decrementAndGet();
            return Unit.VOID;
        });
        Run r = FiberFixtures.run(engine, () -> {
            NgnArray tasks = NgnArray.of(task, task, task, task, task, task);
            Spawn.all(tasks, NgnObject.of(new String[] {"concurrency"}, new Object[] {0L}));
            print(peak.get());
            Spawn.all(tasks, NgnObject.of(new String[] {"concurrency"}, new Object[] {3L}));
            print(peak.get());
        });
        assertEquals("1\n3\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void tryStopsAtTheFirstError(String engine) {
        // spawn/try_stops
        Run r = FiberFixtures.run(engine, () -> {
            NgnFn ok1 = named("ok1", () -> NgnEnum.ok("a"));
            NgnFn bad = named("bad", () -> NgnEnum.error("b failed"));
            NgnFn ok3 = named("ok3", () -> NgnEnum.ok("c"));
            print(Spawn.tryAll(NgnArray.of(ok1, bad, ok3), NgnObject.of(new String[] {"concurrency"}, new Object[] {1L})));
            print(Spawn.tryAll(NgnArray.of(ok1, ok3)));
            NgnFn slowBad = named("slowBad", () -> {
                Fibers.sleep(50);
                return NgnEnum.error("slow");
            });
            // the lowest-index error wins even if a later one finishes first
            print(Spawn.tryAll(NgnArray.of(ok1, slowBad, bad, ok3)));
        });
        assertEquals("[Result::Ok (a), Result::Error (b failed)]\n[Result::Ok (a), Result::Ok (c)]\n"
                + "[Result::Ok (a), Result::Error (slow)]\n", r.out());
    }

    /** Waits until every thread in {@code threads} has ended (a cancelled task's worker ends). */
    private static void assertAllEnd(List<Thread> threads) throws InterruptedException {
        for (Thread t : List.copyOf(threads)) {
            t.join(5_000);
            assertFalse(t.isAlive(), "task thread still running: " + t);
        }
    }

    /** {@code await} without checked exceptions (a plain Java block, not a scheduling point). */
    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "latch timed out");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void tryCancelsRunningTasksBlockedInChannelsSleepAndStateUpdates(String engine) throws Exception {
        List<Thread> taskThreads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean resumed = new AtomicBoolean();
        CountDownLatch blocked = new CountDownLatch(4);
        long start = System.nanoTime();
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel never = NgnChannel.create();
            NgnChannel gate = NgnChannel.create();
            NgnState cell = NgnState.of(0L);
            NgnFn bad = named("bad", () -> {
                await(blocked); // the others are (about to be) blocked
                Fibers.sleep(50);
                return NgnEnum.error("bad");
            });
            NgnFn receiver = closure(() -> {
                taskThreads.add(Thread.currentThread());
                blocked.countDown();
                never.receive();
                resumed.set(true);
                return 1L;
            });
            NgnFn sleeper = closure(() -> {
                taskThreads.add(Thread.currentThread());
                blocked.countDown();
                Fibers.sleep(60_000);
                resumed.set(true);
                return 2L;
            });
            NgnFn withFibers = closure(() -> { // the root waits for a fiber that waits on a channel
                taskThreads.add(Thread.currentThread());
                NgnChannel inner = Fibers.thread(closure(() -> never.receive()));
                blocked.countDown();
                inner.receive();
                resumed.set(true);
                return 3L;
            });
            NgnFn updater = closure(() -> { // blocks inside state.update, holding the cell's lock
                taskThreads.add(Thread.currentThread());
                blocked.countDown();
                cell.update(FiberFixtures.fn1Blocking(gate));
                resumed.set(true);
                return 4L;
            });
            NgnFn ok = named("ok", () -> NgnEnum.ok("a"));
            print(Spawn.tryAll(NgnArray.of(ok, bad, receiver, sleeper, withFibers, updater)));
            cell.update(Fixtures.fn1(t -> (Long) t + 10)); // the cancelled update released the lock
            print(cell.read());
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("[Result::Ok (a), Result::Error (bad)]\n10\n", r.out());
        assertEquals(0, r.status(), r.err());
        assertTrue(ms < 10_000, "spawn.try waited for the sleeper: " + ms + " ms");
        assertEquals(4, taskThreads.size());
        assertAllEnd(taskThreads);
        assertFalse(resumed.get(), "a cancelled task went on");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void tryDropsTheResultOfACpuBoundTaskAndDoesNotStartQueuedOnes(String engine) throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        AtomicBoolean busyEnded = new AtomicBoolean();
        AtomicInteger queuedRan = new AtomicInteger();
        CountDownLatch spinning = new CountDownLatch(1);
        Run r = FiberFixtures.run(engine, () -> {
            NgnFn busy = closure(() -> { // no scheduling point: cannot be interrupted
                spinning.countDown();
                while (!release.get()) {
                    Thread.onSpinWait();
                }
                busyEnded.set(true);
                return 1L;
            });
            NgnFn bad = named("bad", () -> {
                await(spinning);
                return NgnEnum.error("bad");
            });
            NgnFn queued = closure(() -> {
                queuedRan.incrementAndGet();
                return 0L;
            });
            NgnObject two = NgnObject.of(new String[] {"concurrency"}, new Object[] {2L});
            print(Spawn.tryAll(NgnArray.of(bad, busy, queued, queued, queued), two));
            print(busyEnded.get()); // returned without waiting for it
            release.set(true);
        });
        assertEquals("[Result::Error (bad)]\nfalse\n", r.out());
        for (int i = 0; i < 500 && !busyEnded.get(); i++) {
            Thread.sleep(10);
        }
        assertTrue(busyEnded.get());
        assertEquals(0, queuedRan.get(), "a queued task started after the Error");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aCancelledTaskDoesNotSwallowAnItemMeantForOthers(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel shared = NgnChannel.create();
            CountDownLatch blocked = new CountDownLatch(1);
            NgnFn receiver = closure(() -> {
                blocked.countDown();
                return shared.receive();
            });
            NgnFn bad = named("bad", () -> {
                await(blocked);
                Fibers.sleep(20);
                return NgnEnum.error("bad");
            });
            NgnChannel mine = Fibers.thread(closure(() -> shared.receive())); // a fiber of main waits too
            print(Spawn.tryAll(NgnArray.of(bad, receiver)));
            // a later task (its scheduler sorts after the cancelled one's) waits as well
            NgnChannel later = Spawn.cpu(closure(() -> shared.receive()));
            Fibers.sleep(20);
            shared.send(7L);
            shared.send(8L);
            long a = (Long) mine.receive();
            long b = (Long) ((NgnEnum) later.receive()).payload();
            print(a + b); // both arrive (in either order: the later task runs on another thread)
        });
        assertEquals("[Result::Error (bad)]\n15\n", r.out());
        assertEquals(0, r.status(), r.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void raceCancelsTheLosersOnceDecided(String engine) throws Exception {
        List<Thread> loserThreads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean resumed = new AtomicBoolean();
        CountDownLatch blocked = new CountDownLatch(3);
        long start = System.nanoTime();
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel never = NgnChannel.create();
            NgnFn sleeper = closure(() -> {
                loserThreads.add(Thread.currentThread());
                blocked.countDown();
                Fibers.sleep(60_000);
                resumed.set(true);
                return "late";
            });
            NgnFn receiver = closure(() -> {
                loserThreads.add(Thread.currentThread());
                blocked.countDown();
                never.receive();
                resumed.set(true);
                return "never";
            });
            NgnFn nested = closure(() -> { // waits in a spawn.all of its own: cancelled with it
                loserThreads.add(Thread.currentThread());
                return Spawn.all(NgnArray.of(closure(() -> {
                    loserThreads.add(Thread.currentThread());
                    blocked.countDown();
                    never.receive();
                    resumed.set(true);
                    return 0L;
                })));
            });
            NgnFn failing = closure(() -> NgnEnum.error("no"));
            NgnFn winner = closure(() -> {
                await(blocked);
                return NgnEnum.ok("winner");
            });
            print(Spawn.race(NgnArray.of(sleeper, failing, receiver, nested, winner)));
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("Result::Ok (winner)\n", r.out());
        assertTrue(ms < 10_000, "race waited for a loser: " + ms + " ms");
        assertAllEnd(loserThreads);
        assertEquals(4, loserThreads.size());
        assertFalse(resumed.get(), "a cancelled loser went on");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void raceReturnsTheFirstSuccess(String engine) {
        // spawn/race_single_success, race_all_fail
        long start = System.nanoTime();
        Run r = FiberFixtures.run(engine, () -> {
            NgnFn slowFail = named("slowFail", () -> NgnEnum.error("failed"));
            NgnFn winner = named("winner", () -> NgnEnum.ok("winner"));
            print(Spawn.race(NgnArray.of(slowFail, winner, slowFail)));
            print(Spawn.race(NgnArray.of(named("f1", () -> NgnEnum.error("only error")))));
            print(Spawn.race(NgnArray.of(1L, "x")));
            NgnFn sleepy = closure(() -> {
                Fibers.sleep(2_000);
                return "late";
            });
            print(Spawn.race(NgnArray.of(sleepy, closure(() -> 7L))));
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("Result::Ok (winner)\nResult::Error (only error)\nResult::Error (All tasks failed)\n"
                + "Result::Ok (7)\n", r.out());
        assertTrue(ms < 1_500, "race waited for the slow task: " + ms + " ms");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void tasksMaySleepBlockAndStartThreads(String engine) {
        // spawn/task_sleep (documented behaviour) plus channels and thread() inside a task
        Run r = FiberFixtures.run(engine, () -> {
            NgnFn napper = named("napper", () -> {
                Fibers.sleep(20);
                return NgnEnum.ok("rested");
            });
            print(Spawn.all(NgnArray.of(napper, napper)));
            print(Spawn.cpu(napper).receive());
            NgnChannel fromMain = NgnChannel.create();
            NgnChannel task = Spawn.block(closure(() -> {
                NgnChannel inner = Fibers.thread(closure(() -> "inner " + Fmt.str(fromMain.receive())));
                return inner.receive();
            }));
            Fibers.sleep(10);
            fromMain.send(5L);
            print(task.receive());
        });
        assertEquals("[Result::Ok (rested), Result::Ok (rested)]\nResult::Ok (rested)\nResult::Ok (inner 5)\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void stateIsAtomicAcrossWorkerThreads(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnState total = NgnState.of(0L);
            NgnFn inc = Fixtures.fn1(t -> (Long) t + 1);
            NgnFn task = closure(() -> {
                for (int i = 0; i < 2_000; i++) {
                    total.update(inc);
                }
                return Unit.VOID;
            });
            NgnChannel a = Spawn.cpu(task);
            NgnChannel b = Spawn.cpu(task);
            Spawn.all(NgnArray.of(task, task));
            a.receive();
            b.receive();
            print(total.read());
        });
        assertEquals("8000\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void deepRecursionWorksInTasks(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            print(Spawn.cpu(closure(() -> depth(150_000))).receive());
            print(Spawn.all(NgnArray.of(closure(() -> depth(150_000)))));
        });
        assertEquals("Result::Ok (150000)\n[Result::Ok (150000)]\n", r.out());
    }

    private static long depth(long n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void fibersAbandonedByAFinishedTaskDoNotSwallowWakeUps(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel ch = NgnChannel.create();
            NgnChannel t1 = Spawn.cpu(closure(() -> {
                Fibers.thread(closure(() -> ch.receive())); // still blocked when the task ends
                Fibers.sleep(0);
                return 1L;
            }));
            print(t1.receive());
            NgnChannel ready = NgnChannel.create();
            NgnChannel t2 = Spawn.cpu(closure(() -> {
                ready.send(true);
                return ch.receive();
            }));
            ready.receive();
            Fibers.sleep(20);
            ch.send(5L);
            print(t2.receive());
        });
        assertEquals("Result::Ok (1)\nResult::Ok (5)\n", r.out());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void fullQueueGivesTheReferenceError() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        NgnFn blocker = closure(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            return 1L;
        });
        int cores = Runtime.getRuntime().availableProcessors();
        NgnChannel[] accepted = new NgnChannel[cores + Spawn.QUEUE_CAPACITY];
        for (int i = 0; i < accepted.length; i++) {
            accepted[i] = Spawn.cpu(blocker);
        }
        NgnChannel rejected = Spawn.cpu(blocker);
        assertEquals("Result::Error (spawn.cpu() queue is full)", Fmt.str(rejected.receive()));
        release.countDown();
        for (NgnChannel ch : accepted) {
            assertEquals("Result::Ok (1)", Fmt.str(ch.receive()));
        }
    }
}
