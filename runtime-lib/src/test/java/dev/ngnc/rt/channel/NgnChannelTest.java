package dev.ngnc.rt.channel;

import dev.ngnc.rt.FiberFixtures;
import dev.ngnc.rt.Fibers;
import dev.ngnc.rt.Fixtures;
import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.base.NgnError;
import dev.ngnc.rt.value.NgnFn;
import dev.ngnc.rt.value.Unit;

import static dev.ngnc.rt.FiberFixtures.closure;
import static dev.ngnc.rt.FiberFixtures.closureV;
import static dev.ngnc.rt.FiberFixtures.print;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ngnc.rt.FiberFixtures.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Channel semantics (spec 10.3 and the corpus), on both engines and across OS threads. */
class NgnChannelTest {
    static List<String> engines() {
        return FiberFixtures.engines();
    }

    @Test
    void errorTextsNameAChannelChannel() {
        assertEquals("Channel", dev.ngnc.rt.value.Values.kindName(NgnChannel.create()));
    }

    @Test
    void bufferedFifoAndMaybeReceiveOutsideFibers() {
        NgnChannel ch = NgnChannel.create();
        assertEquals(NgnEnum.NULL, ch.tryReceive());
        ch.send("first");
        ch.send("second");
        assertEquals("first", ch.receive());
        assertEquals("Maybe::Value (second)", Fmt.str(ch.tryReceive()));
        assertEquals(10, ch.capacity());
        assertEquals("<channel chan>", Fmt.str(ch));
    }

    @Test
    void closeKeepsBufferedItemsThenFails() {
        NgnChannel c = NgnChannel.create();
        c.send("buffered");
        c.close();
        c.close(); // twice is fine
        assertTrue(c.isClosed());
        assertEquals("buffered", c.receive());
        NgnError e = assertThrows(NgnError.class, c::receive);
        assertEquals("Runtime Error: Receive from closed and empty channel", e.ngnMessage());
        NgnError s = assertThrows(NgnError.class, () -> c.send(1L));
        assertEquals("Runtime Error: Send to closed channel", s.ngnMessage());
        assertEquals(NgnEnum.NULL, c.tryReceive());
    }

    @Test
    void receiveCountChecksItsArgumentAndClosedChannels() {
        NgnChannel c = NgnChannel.create();
        assertEquals("[]", Fmt.str(c.receiveCount(0)));
        NgnError neg = assertThrows(NgnError.class, () -> c.receiveCount(-1));
        assertEquals("Runtime Error: ReceiveCount expects a non-negative count, got -1", neg.ngnMessage());
        for (String w : new String[] {"x", "y", "z", "w"}) {
            c.send(w);
        }
        assertEquals("[x, y]", Fmt.str(c.receiveCount(2)));
        c.close();
        NgnError shortData = assertThrows(NgnError.class, () -> c.receiveCount(3));
        assertEquals("Runtime Error: ReceiveCount from closed channel with insufficient data", shortData.ngnMessage());
        assertEquals("[z, w]", Fmt.str(c.receiveCount(2)));
        NgnChannel d = NgnChannel.create();
        d.send(1L);
        d.close();
        NgnError over = assertThrows(NgnError.class, () -> d.receiveCount(12));
        assertEquals("Runtime Error: ReceiveCount from closed channel with insufficient data", over.ngnMessage());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void receiveCountOverCapacityIsNReceives(String engine) {
        // concurrency/receive_count_over_capacity
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel ch = NgnChannel.create();
            Fibers.thread(closureV(() -> {
                for (long i = 1; i <= 12; i++) {
                    ch.send(i);
                }
            }));
            NgnArray got = ch.receiveCount(12);
            print(got.size());
            print(got.get(11));
        });
        assertEquals("12\n12\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void backpressureInterleavesLikeTheReference(String engine) {
        // producer sends 12 into capacity 10 while main receives 12, printing as they go
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel ch = NgnChannel.create();
            Fibers.thread(closureV(() -> {
                for (long i = 1; i <= 12; i++) {
                    ch.send(i);
                    print("s" + i);
                }
            }));
            for (int i = 0; i < 12; i++) {
                print("r" + Fmt.str(ch.receive()));
            }
        });
        StringBuilder want = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            want.append("s").append(i).append('\n');
        }
        for (int i = 1; i <= 10; i++) {
            want.append("r").append(i).append('\n');
        }
        want.append("s11\ns12\nr11\nr12\n");
        assertEquals(want.toString(), r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void receiveCountWaitsForAllItemsAtOnceWithinCapacity(String engine) {
        // like the reference: <-3 waits until 3 are buffered, so the workers all run first
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel results = NgnChannel.create();
            for (long i = 1; i <= 3; i++) {
                long n = i;
                Fibers.thread(closureV(() -> {
                    results.send(n * 10);
                    print("sent " + n);
                }));
            }
            NgnArray all = results.receiveCount(3);
            print(all);
        });
        assertEquals("sent 1\nsent 2\nsent 3\n[10, 20, 30]\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void forLoopEndsWhenClosedAndDrained(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel c = NgnChannel.create();
            Fibers.thread(closureV(() -> {
                c.send("A");
                c.send("B");
                c.send("C");
                c.close();
            }));
            for (Object msg : c) {
                print("Got: " + msg);
            }
            print("Done");
        });
        assertEquals("Got: A\nGot: B\nGot: C\nDone\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void closeWakesBlockedReceiversAndSenders(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel empty = NgnChannel.create();
            NgnChannel rx = Fibers.thread(closure(() -> empty.receive()));
            NgnChannel full = new NgnChannel(1, "chan");
            full.send(0L);
            NgnChannel tx = Fibers.thread(closureV(() -> full.send(1L)));
            Fibers.sleep(0);
            empty.close();
            full.close();
            print(rx.receive());
            print(tx.receive());
        });
        assertEquals("Result::Error (Runtime Error: Receive from closed and empty channel)\n"
                + "Result::Error (Runtime Error: Send to closed channel)\n", r.out());
        assertEquals("[ngn] Runtime Error: Receive from closed and empty channel\n  in thread 1\n"
                + "[ngn] Runtime Error: Send to closed channel\n  in thread 2\n", r.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void channelsOfChannelsAndClosures(String engine) {
        // concurrency/channel_of_channels and channel_of_closures
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel requests = NgnChannel.create();
            Fibers.thread(closureV(() -> {
                NgnChannel reply = (NgnChannel) requests.receive();
                reply.send("order ready");
            }));
            NgnChannel mine = NgnChannel.create();
            requests.send(mine);
            print(mine.receive());

            NgnChannel jobs = NgnChannel.create();
            NgnChannel out = NgnChannel.create();
            NgnChannel worker = Fibers.thread(closure(() -> {
                while (true) {
                    NgnEnum m = jobs.tryReceive();
                    if (!m.isValue()) {
                        break;
                    }
                    ((NgnFn) m.payload()).call1(6L);
                }
                return "worker finished";
            }));
            jobs.send(Fixtures.fn1(n -> {
                out.send("A got " + n);
                return Unit.VOID;
            }));
            jobs.send(Fixtures.fn1(n -> {
                out.send("B got " + ((Long) n * 2));
                return Unit.VOID;
            }));
            jobs.close();
            print(worker.receive());
            print(out.receive());
            print(out.receive());
        });
        assertEquals("order ready\nworker finished\nA got 6\nB got 12\n", r.out());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void plainThreadsAndFibersShareChannels(String engine) {
        Run r = FiberFixtures.run(engine, () -> {
            NgnChannel ch = NgnChannel.create();
            Fibers.Pending pending = Fibers.pendingWork();
            List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                Thread t = new Thread(() -> {
                    for (long i = 0; i < 1000; i++) {
                        ch.send(i);
                    }
                });
                producers.add(t);
                t.start();
            }
            Thread closer = new Thread(() -> {
                for (Thread t : producers) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        throw new RuntimeException(e);
                    }
                }
                ch.close();
                pending.close();
            });
            closer.start();
            long sum = 0;
            long count = 0;
            for (Object v : ch) {
                sum += (Long) v;
                count++;
            }
            print(count + " " + sum);
        });
        assertEquals("3000 " + (3 * 999L * 1000 / 2) + "\n", r.out());
        assertEquals(0, r.status(), r.err());
    }
}
