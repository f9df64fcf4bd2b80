package dev.ngnc.rt.channel;

import dev.ngnc.rt.FiberFixtures;
import dev.ngnc.rt.Fibers;
import dev.ngnc.rt.value.NgnFn;
import dev.ngnc.rt.Spawn;

import static dev.ngnc.rt.FiberFixtures.closureV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ngnc.rt.FiberFixtures.Run;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random producers × consumers × capacities: every message is delivered exactly once, and each
 * consumer sees every producer's messages in the order they were sent. Producers are fibers or
 * spawn tasks on other OS threads; consumers are fibers iterating the channel until it is closed.
 */
class ChannelDeliveryPropertiesTest {
    /** One program shape. {@code onPool[i]}: producer i runs as a spawn.cpu task. */
    record Shape(String engine, int capacity, List<Integer> counts, List<Boolean> onPool, int consumers,
            int yieldEvery) {
    }

    @Provide
    Arbitrary<Shape> shapes() {
        Arbitrary<List<Integer>> counts = Arbitraries.integers().between(0, 30).list().ofMinSize(1).ofMaxSize(5);
        return Combinators.combine(
                Arbitraries.of(FiberFixtures.engines()),
                Arbitraries.integers().between(1, 10),
                counts,
                Arbitraries.of(true, false, false).list().ofSize(5),
                Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, 7))
                .as(Shape::new);
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void everyMessageArrivesOnceAndInProducerOrder(@ForAll("shapes") Shape shape) {
        int producers = shape.counts().size();
        List<List<Long>> received = new ArrayList<>();
        Run r = FiberFixtures.run(shape.engine(), () -> {
            NgnChannel ch = new NgnChannel(shape.capacity(), "chan");
            List<NgnChannel> producerDone = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int id = p;
                int n = shape.counts().get(p);
                NgnFn body = closureV(() -> {
                    for (int k = 0; k < n; k++) {
                        ch.send((long) id * 1000 + k);
                        if (shape.yieldEvery() > 0 && k % shape.yieldEvery() == 0) {
                            Fibers.sleep(0);
                        }
                    }
                });
                producerDone.add(shape.onPool().get(p) ? Spawn.cpu(body) : Fibers.thread(body));
            }
            List<NgnChannel> consumerDone = new ArrayList<>();
            for (int c = 0; c < shape.consumers(); c++) {
                List<Long> mine = new ArrayList<>();
                received.add(mine);
                consumerDone.add(Fibers.thread(closureV(() -> {
                    for (Object m : ch) {
                        mine.add((Long) m);
                        if (shape.yieldEvery() > 0 && mine.size() % (shape.yieldEvery() + 1) == 0) {
                            Fibers.sleep(0);
                        }
                    }
                })));
            }
            for (NgnChannel d : producerDone) {
                d.receive();
            }
            ch.close();
            for (NgnChannel d : consumerDone) {
                d.receive();
            }
        });
        assertEquals(0, r.status(), r.err());
        Map<Long, Integer> seen = new HashMap<>();
        for (List<Long> mine : received) {
            long[] lastSeq = new long[producers];
            java.util.Arrays.fill(lastSeq, -1);
            for (long m : mine) {
                int p = (int) (m / 1000);
                long seq = m % 1000;
                assertTrue(seq > lastSeq[p], "producer " + p + " out of order: " + mine);
                lastSeq[p] = seq;
                seen.merge(m, 1, Integer::sum);
            }
        }
        int total = 0;
        for (int p = 0; p < producers; p++) {
            for (int k = 0; k < shape.counts().get(p); k++) {
                assertEquals(1, seen.getOrDefault((long) p * 1000 + k, 0), "message " + p + "/" + k);
                total++;
            }
        }
        assertEquals(total, seen.size());
    }
}
