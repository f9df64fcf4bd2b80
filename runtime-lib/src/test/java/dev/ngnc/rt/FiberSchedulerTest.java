package dev.ngnc.rt;

import dev.ngnc.rt.fiber.FiberEngine;
import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.base.NgnError;
import dev.ngnc.rt.value.NgnState;

import static dev.ngnc.rt.FiberFixtures.closure;
import static dev.ngnc.rt.FiberFixtures.closureV;
import static dev.ngnc.rt.FiberFixtures.print;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ngnc.rt.FiberFixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scheduling order (spec 10.1), thread results and errors, sleep, state — on both engines. */
class FiberSchedulerTest {
    static java.util.List<String> engines() {
        return FiberFixtures.engines();
    }

    @Test
    void continuationEngineIsAvailableUnderTheTestArgLine() {
        assertNotNull(FiberEngine.named("continuation"), "surefire argLine must export jdk.internal.vm");
        assertEquals("continuation", FiberEngine.defaultEngine().name());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void newFiberRunsWhenItsCreatorBlocks(String engine) {
        // const t = thread(|| print("a")); print("b"); <- t
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel t = Fibers.thread(closureV(() -> print("a")));
            print("b");
            t.receive();
            print("c");
        });
        assertEquals("b\na\nc\n", r.out());
        assertEquals(0, r.status());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void unfinishedFibersAreAbandonedWhenMainReturns(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            Fibers.thread(closureV(() -> print("a")));
            print("b");
        });
        assertEquals("b\n", r.out());
        assertEquals(0, r.status());
        assertEquals("", r.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void readyFibersRunInCreationOrder(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel done = NgnChannel.create();
            for (long i = 1; i <= 5; i++) {
                long n = i;
                Fibers.thread(closureV(() -> {
                    print("start " + n);
                    done.send(n);
                }));
            }
            print(done.receiveCount(5));
        });
        assertEquals("start 1\nstart 2\nstart 3\nstart 4\nstart 5\n[1, 2, 3, 4, 5]\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void wokenFiberKeepsItsPlaceInTheRoundRobin(String engine) {
        // The reference retries blocked fibers in queue order: main (blocked first) runs before
        // C, which B created after main blocked. A plain FIFO of woken fibers would run C first.
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel ch = NgnChannel.create();
            NgnChannel done = NgnChannel.create();
            Fibers.thread(closureV(() -> {
                Fibers.thread(closureV(() -> {
                    print("C");
                    done.send(true);
                }));
                ch.send(1L);
                print("B done");
            }));
            print(ch.receive());
            done.receive();
            print("end");
        });
        assertEquals("B done\n1\nC\nend\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void nestedThreadsInterleaveLikeTheReference(String engine) {
        // A creates A1, A2 then blocks; B was created before them by main.
        // Reference queue: [A, B, main] -> A runs, creates A1, A2: [B, main, A1, A2], A blocks -> [.., A]
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel gate = NgnChannel.create();
            NgnChannel done = NgnChannel.create();
            Fibers.thread(closureV(() -> {
                print("A");
                Fibers.thread(closureV(() -> {
                    print("A1");
                    done.send(1L);
                }));
                Fibers.thread(closureV(() -> {
                    print("A2");
                    gate.send(true);
                    done.send(1L);
                }));
                gate.receive();
                print("A resumed");
                done.send(1L);
            }));
            Fibers.thread(closureV(() -> {
                print("B");
                done.send(1L);
            }));
            print("main waits");
            done.receiveCount(4);
            print("main done");
        });
        assertEquals("main waits\nA\nB\nA1\nA2\nA resumed\nmain done\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void threadResultChannelGetsReturnValueOrVoid(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel t = Fibers.thread(closure(() -> "worker result"));
            NgnChannel v = Fibers.thread(closureV(() -> { }));
            NgnChannel ok = Fibers.thread(closure(() -> NgnEnum.ok("fine")));
            print(t.receive());
            print(v.receive());
            print(ok.receive());
            print(t);
            print(NgnChannel.create());
        });
        assertEquals("worker result\nvoid\nResult::Ok (fine)\n<channel thread_result>\n<channel chan>\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void fiberErrorIsReportedAndSentToItsChannelWithoutStoppingMain(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel t = Fibers.thread(closure(() -> {
                throw FiberFixtures.ngnError(NgnError.panic("kaboom"), 7);
            }));
            NgnEnum e = (NgnEnum) t.receive();
            print(e.isError());
            print(e.payload());
            NgnChannel u = Fibers.thread(closure(() -> {
                throw FiberFixtures.ngnError(NgnError.runtime("Division failed"), 9);
            }));
            print(u.receive());
            print("main continues");
        });
        assertEquals("true\nThread panicked: kaboom\n --> main.ngn:7\n"
                + "Result::Error (Runtime Error: Division failed\n --> main.ngn:9)\nmain continues\n", r.out());
        assertEquals("[ngn] Thread panicked: kaboom\n --> main.ngn:7\n  in thread 1\n"
                + "[ngn] Runtime Error: Division failed\n --> main.ngn:9\n  in thread 2\n", r.err());
        assertEquals(0, r.status());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void mainErrorEndsTheProgramWithStatusOne(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            Fibers.thread(closureV(() -> print("never")));
            print("before");
            throw FiberFixtures.ngnError(NgnError.runtime("Array index out of bounds: 3"), 4);
        });
        assertEquals("before\n", r.out());
        assertEquals("[ngn] Runtime Error: Array index out of bounds: 3\n --> main.ngn:4\n", r.err());
        assertEquals(1, r.status());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void threadNeedsAClosure(String engine) {
        Run named = FiberFixtures.run(engine, () -> Fibers.thread(FiberFixtures.named("work", () -> 1L)));
        assertEquals(1, named.status());
        assertTrue(named.err().startsWith("[ngn] Runtime Error: Spawn expects a closure"), named.err());
        Run number = FiberFixtures.run(engine, () -> Fibers.thread(42L));
        assertTrue(number.err().startsWith("[ngn] Runtime Error: Spawn expects a closure"), number.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sleepSuspendsOnlyTheCallingFiber(String engine) {
        long start = System.nanoTime();
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel a = Fibers.thread(closure(() -> {
                Fibers.sleep(400);
                return "a slept";
            }));
            NgnChannel b = Fibers.thread(closure(() -> {
                Fibers.sleep(400);
                return "b slept";
            }));
            NgnChannel c = Fibers.thread(closure(() -> "c ran"));
            print("main");
            print(c.receive());
            print(a.receive());
            print(b.receive());
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("main\nc ran\na slept\nb slept\n", r.out());
        // one after the other would take at least 800 ms
        assertTrue(ms >= 400 && ms < 790, "two concurrent 400 ms sleeps took " + ms + " ms");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sleepOrderingFromTheCorpus(String engine) {
        // concurrency/sleep_ordering
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel ch = NgnChannel.create();
            NgnChannel t = Fibers.thread(closure(() -> {
                Fibers.sleep(30);
                ch.send("late");
                return true;
            }));
            Fibers.sleep(1);
            ch.send("early");
            t.receive();
            print(ch.receive());
            print(ch.receive());
        });
        assertEquals("early\nlate\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sleepZeroYieldsToOtherReadyFibers(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel t = Fibers.thread(closureV(() -> print("other")));
            Fibers.sleep(0);
            print("main");
            t.receive();
            Fibers.sleep((Object) "not a number"); // no-op
        });
        assertEquals("other\nmain\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void stateUpdatesAreAtomicEvenWhenTheClosureBlocks(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnState total = NgnState.of(0L);
            NgnChannel gate = NgnChannel.create();
            NgnChannel done = NgnChannel.create();
            // first updater blocks inside its update until main opens the gate
            Fibers.thread(closureV(() -> {
                total.update(FiberFixtures.fn1Blocking(gate));
                done.send(true);
            }));
            for (int i = 0; i < 8; i++) {
                Fibers.thread(closureV(() -> {
                    total.update(Fixtures.fn1(t -> (Long) t + 1));
                    done.send(true);
                }));
            }
            Fibers.sleep(0);
            print("during update: " + total.read());
            gate.send(100L);
            done.receiveCount(9);
            print(total);
        });
        assertEquals("during update: 0\n108\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void deepRecursionWorksInMain(String engine) {
        Run r = FiberFixtures.run(engine, () -> print(depth(200_000)));
        assertEquals("200000\n", r.out());
    }

    @Test
    void deepRecursionWorksInFibersWithContinuations() {
        Run r = FiberFixtures.run("continuation", () -> {
            NgnChannel ch = NgnChannel.create();
            NgnChannel t = Fibers.thread(closure(() -> blockDeep(150_000, ch)));
            ch.send(1L);
            print(t.receive());
        });
        assertEquals("150001\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void pipelineFromTheCorpus(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel nums = NgnChannel.create();
            NgnChannel squares = NgnChannel.create();
            Fibers.thread(closureV(() -> {
                for (long i = 1; i <= 5; i++) {
                    nums.send(i);
                }
                nums.close();
            }));
            Fibers.thread(closureV(() -> {
                for (Object n : nums) {
                    squares.send((Long) n * (Long) n);
                }
                squares.close();
            }));
            NgnArray acc = NgnArray.empty();
            for (Object s : squares) {
                acc.push(s);
            }
            print(acc);
        });
        assertEquals("[1, 4, 9, 16, 25]\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void manyFibersFanIn(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel ch = NgnChannel.create();
            int n = 5_000;
            for (long i = 0; i < n; i++) {
                long v = i;
                Fibers.thread(closureV(() -> ch.send(v)));
            }
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (Long) ch.receive();
            }
            print(sum);
        });
        assertEquals((5_000L * 4_999 / 2) + "\n", r.out());
    }

    /** Its initializer blocks on a channel (a class initializer is a native frame: pinned). */
    static final class BlocksInInit {
        static final Object VALUE = InitChannel.ch.receive();
    }

    static final class InitChannel {
        static NgnChannel ch;
    }

    @Test
    void blockingWhereAContinuationCannotYieldFailsOnlyThatFiber() {
        Run r = FiberFixtures.run("continuation", () -> {
            NgnChannel ch = NgnChannel.create();
            InitChannel.ch = ch;
            NgnChannel pinned = Fibers.thread(closure(() -> BlocksInInit.VALUE));
            NgnChannel other = Fibers.thread(closure(() -> ch.receive()));
            Fibers.sleep(0);
            ch.send("for other"); // must not be lost on the dead fiber
            print(other.receive());
            print(((NgnEnum) pinned.receive()).isError());
        });
        assertEquals("for other\ntrue\n", r.out());
        assertTrue(r.err().startsWith("[ngn] Internal error: a fiber cannot block here (Pinned: NATIVE)"), r.err());
    }

    private static long depth(long n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    /** Recurses {@code n} deep, blocks on a receive at the bottom, then unwinds. */
    private static long blockDeep(long n, NgnChannel ch) {
        if (n == 0) {
            return (Long) ch.receive();
        }
        return 1 + blockDeep(n - 1, ch);
    }
}
