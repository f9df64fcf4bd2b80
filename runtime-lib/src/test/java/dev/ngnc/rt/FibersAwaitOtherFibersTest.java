package dev.ngnc.rt;

import dev.ngnc.rt.fiber.FiberEngine;
import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.base.NgnError;

import static dev.ngnc.rt.FiberFixtures.closure;
import static dev.ngnc.rt.FiberFixtures.closureV;
import static dev.ngnc.rt.FiberFixtures.print;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ngnc.rt.FiberFixtures.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Fibers#hasOtherFibers()} and {@link Fibers#awaitOtherFibers()}: a {@link Fibers#runRoot}
 * body (an HTTP handler) letting the fibers it started finish — waiting without polling for
 * sleepers, chains, outside work registered with {@link Fibers#pendingWork()} and spawn tasks,
 * and giving up (instead of hanging) when the others are deadlocked among themselves. Every
 * case runs on both engines.
 */
class FibersAwaitOtherFibersTest {
    private static final Duration HANG_LIMIT = Duration.ofSeconds(10);

    static List<String> engines() {
        return FiberFixtures.engines();
    }

    /** Runs {@code body} like {@link Fibers#runRoot(Runnable)} on {@code engine}; returns what fibers reported on stderr. */
    private static String runRoot(String engine, Runnable body) {
        FiberEngine e = FiberEngine.named(engine);
        if (e == null) {
            throw new IllegalStateException("engine unavailable: " + engine);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertTimeoutPreemptively(HANG_LIMIT,
                () -> Fibers.runRoot(body, new PrintStream(err, true, StandardCharsets.UTF_8), e));
        return err.toString(StandardCharsets.UTF_8);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void outsideFibersThereAreNoOtherFibersAndAwaitIsANoOp() {
        assertFalse(Fibers.hasOtherFibers());
        assertTimeoutPreemptively(HANG_LIMIT, Fibers::awaitOtherFibers);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void awaitReturnsAtOnceWhenThereAreNoOtherFibers(String engine) {
        long[] waited = new long[1];
        boolean[] others = new boolean[1];
        String err = runRoot(engine, () -> {
            others[0] = Fibers.hasOtherFibers();
            long start = System.nanoTime();
            Fibers.awaitOtherFibers();
            waited[0] = millisSince(start);
        });
        assertFalse(others[0]);
        assertTrue(waited[0] < 1000, "waited " + waited[0] + " ms");
        assertEquals("", err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void awaitWaitsForAFiberThatSleepsThenRecords(String engine) {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        long[] waited = new long[1];
        boolean[] before = new boolean[1];
        boolean[] after = new boolean[1];
        String err = runRoot(engine, () -> {
            Fibers.thread(closureV(() -> {
                Fibers.sleep(50);
                log.add("slept");
            }));
            before[0] = Fibers.hasOtherFibers();
            log.add("response sent");
            long start = System.nanoTime();
            Fibers.awaitOtherFibers();
            waited[0] = millisSince(start);
            after[0] = Fibers.hasOtherFibers();
            log.add("awaited");
        });
        assertEquals(List.of("response sent", "slept", "awaited"), log);
        assertTrue(before[0]);
        assertFalse(after[0]);
        assertTrue(waited[0] >= 50, "waited only " + waited[0] + " ms");
        assertEquals("", err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void awaitWaitsForFibersStartedMeanwhileByOtherFibers(String engine) {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        String err = runRoot(engine, () -> {
            Fibers.thread(closureV(() -> {
                Fibers.sleep(20);
                log.add("a");
                Fibers.thread(closureV(() -> {
                    Fibers.sleep(30);
                    log.add("b");
                    Fibers.thread(closureV(() -> log.add("c")));
                }));
            }));
            Fibers.awaitOtherFibers();
            log.add("awaited");
        });
        assertEquals(List.of("a", "b", "c", "awaited"), log);
        assertEquals("", err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void awaitReturnsWhenTheOthersEndWhileUnrelatedOutsideWorkIsStillPending(String engine) {
        // the wait ends because the last other fiber ended, not because the group went quiet
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        String err = runRoot(engine, () -> {
            Fibers.Pending unrelated = Fibers.pendingWork();
            try {
                Fibers.thread(closureV(() -> {
                    Fibers.sleep(50);
                    log.add("slept");
                }));
                Fibers.awaitOtherFibers();
                log.add("awaited");
            } finally {
                unrelated.close();
            }
        });
        assertEquals(List.of("slept", "awaited"), log);
        assertEquals("", err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void awaitWaitsForAFiberReceivingFromAPlatformThreadThatHoldsPendingWork(String engine) {
        List<Object> log = Collections.synchronizedList(new ArrayList<>());
        String err = runRoot(engine, () -> {
            NgnChannel ch = NgnChannel.create();
            Fibers.thread(closureV(() -> log.add(ch.receive())));
            Fibers.Pending pending = Fibers.pendingWork(); // the documented way for outside feeders
            Thread feeder = new Thread(() -> {
                try {
                    Thread.sleep(50);
                    ch.send("from outside");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    pending.close();
                }
            });
            feeder.start();
            Fibers.awaitOtherFibers();
            log.add("awaited");
        });
        assertEquals(List.of("from outside", "awaited"), log);
        assertEquals("", err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void awaitWaitsForAFiberWaitingForASpawnTask(String engine) {
        List<Object> log = Collections.synchronizedList(new ArrayList<>());
        String err = runRoot(engine, () -> {
            Fibers.thread(closureV(() -> {
                NgnChannel task = Spawn.block(closure(() -> {
                    Fibers.sleep(50);
                    return "task done";
                }));
                log.add(Fmt.str(task.receive()));
            }));
            Fibers.awaitOtherFibers();
            log.add("awaited");
        });
        assertEquals(List.of("Result::Ok (task done)", "awaited"), log);
        assertEquals("", err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void awaitReturnsInsteadOfHangingWhenTheOthersAreDeadlocked(String engine) {
        List<Object> log = Collections.synchronizedList(new ArrayList<>());
        boolean[] stillThere = new boolean[1];
        String err = runRoot(engine, () -> {
            NgnChannel a = NgnChannel.create();
            NgnChannel b = NgnChannel.create();
            Fibers.thread(closureV(() -> {
                a.receive(); // nobody ever sends on a …
                b.send("never");
            }));
            Fibers.thread(closureV(() -> {
                b.receive(); // … so nobody sends on b either
                a.send("never");
            }));
            Fibers.awaitOtherFibers();
            stillThere[0] = Fibers.hasOtherFibers();
            log.add("awaited");
        });
        assertEquals(List.of("awaited"), log);
        assertTrue(stillThere[0], "the deadlocked fibers are still live (abandoned when the body returns)");
        assertEquals("", err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void awaitLetsSleepersFinishBeforeGivingUpOnDeadlockedFibers(String engine) {
        List<Object> log = Collections.synchronizedList(new ArrayList<>());
        String err = runRoot(engine, () -> {
            NgnChannel nobodySends = NgnChannel.create();
            Fibers.thread(closureV(() -> log.add(nobodySends.receive())));
            Fibers.thread(closureV(() -> {
                Fibers.sleep(100);
                log.add("sleeper done");
            }));
            Fibers.awaitOtherFibers();
            log.add("awaited");
        });
        assertEquals(List.of("sleeper done", "awaited"), log);
        assertEquals("", err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void awaitGivesUpOnAFiberFedByAnUnregisteredPlatformThread(String engine) {
        // the documented limit: outside feeders must hold Fibers.pendingWork(), else the fiber
        // counts as stuck and is abandoned (as it was before awaitOtherFibers existed)
        List<Object> log = Collections.synchronizedList(new ArrayList<>());
        String err = runRoot(engine, () -> {
            NgnChannel ch = new NgnChannel(1, "chan"); // buffered: the late sender never blocks
            Fibers.thread(closureV(() -> log.add(ch.receive())));
            Thread feeder = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    ch.send("too late");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            feeder.setDaemon(true);
            feeder.start();
            Fibers.awaitOtherFibers();
            log.add("awaited");
        });
        assertEquals(List.of("awaited"), log);
        assertEquals("", err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void awaitDoesNotSpinWhileTheOthersSleepOrWaitForOutsideWork(String engine) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] cpuMs = new long[1];
        long[] wallMs = new long[1];
        List<Object> log = Collections.synchronizedList(new ArrayList<>());
        String err = runRoot(engine, () -> {
            NgnChannel ch = NgnChannel.create();
            Fibers.thread(closureV(() -> {
                Fibers.sleep(300);
                log.add("slept");
            }));
            Fibers.thread(closureV(() -> log.add(ch.receive())));
            Fibers.Pending pending = Fibers.pendingWork();
            Thread feeder = new Thread(() -> {
                try {
                    Thread.sleep(600);
                    ch.send("fed");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    pending.close();
                }
            });
            feeder.start();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Fibers.awaitOtherFibers();
            wallMs[0] = millisSince(start);
            cpuMs[0] = (mx.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        });
        assertEquals(List.of("slept", "fed"), log);
        assertTrue(wallMs[0] >= 600, "waited only " + wallMs[0] + " ms");
        // the root's carrier thread waits (timer / condition), it does not poll: a spinning
        // wait would burn about as much CPU as wall-clock time
        assertTrue(cpuMs[0] < 200, "the waiting carrier used " + cpuMs[0] + " ms of CPU in " + wallMs[0] + " ms");
        assertEquals("", err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void errorsOfAwaitedFibersAreReportedAndDoNotReachTheCaller(String engine) {
        List<Object> log = Collections.synchronizedList(new ArrayList<>());
        String err = runRoot(engine, () -> {
            NgnChannel result = Fibers.thread(closure(() -> {
                Fibers.sleep(20);
                throw NgnError.runtime("boom in a fiber");
            }));
            Fibers.thread(closureV(() -> {
                Fibers.sleep(40);
                log.add("other fiber done");
            }));
            Fibers.awaitOtherFibers();
            log.add("awaited");
            log.add(Fmt.str(result.receive()).contains("boom in a fiber"));
        });
        assertEquals(List.of("other fiber done", "awaited", true), log);
        assertTrue(err.contains("boom in a fiber"), err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void awaitFromANonRootFiberIsRejected(String engine) {
        String err = runRoot(engine, () -> {
            Fibers.thread(closureV(Fibers::awaitOtherFibers));
            Fibers.awaitOtherFibers();
        });
        assertTrue(err.contains("must be called by a root fiber"), err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void inAProgramWithDeadlockDetectionAnAwaitingMainIsNotADeadlock(String engine) {
        Run r = assertTimeoutPreemptively(HANG_LIMIT, () -> FiberFixtures.run(engine, () -> {
            NgnChannel nobodySends = NgnChannel.create();
            Fibers.thread(closureV(() -> print(nobodySends.receive())));
            Fibers.thread(closureV(() -> {
                Fibers.sleep(50);
                print("sleeper");
            }));
            Fibers.awaitOtherFibers();
            print("main goes on");
        }));
        assertEquals("sleeper\nmain goes on\n", r.out());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
    }
}
