package dev.ngnc.rt;

import dev.ngnc.rt.fiber.FiberEngine;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnFn;
import dev.ngnc.rt.value.NgnState;
import dev.ngnc.rt.value.Unit;

import java.io.PrintStream;
import java.util.concurrent.SynchronousQueue;

/**
 * Quick measurements behind runtime-lib/CONCURRENCY.md (not a test; not timed in CI). Run after
 * {@code mvn -pl runtime-lib test-compile}:
 * <pre>
 * java --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -Xmx8g \
 *   -cp runtime-lib/target/classes:runtime-lib/target/test-classes dev.ngnc.rt.FiberBench [what] [engine]
 * </pre>
 * {@code what}: {@code pingpong} | {@code fanout} | {@code state} | {@code blocked} | {@code all}
 * (default); {@code engine}: {@code continuation} | {@code threads} | both (default).
 */
public final class FiberBench {
    private static final PrintStream REPORT = System.out;
    /** Repetitions of each measurement (the first ones include JIT warm-up). */
    private static final int ROUNDS = Integer.getInteger("rounds", 8);

    private FiberBench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        String[] engines = args.length > 1 ? new String[] {args[1]} : new String[] {"continuation", "threads"};
        REPORT.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        if (what.equals("all") || what.equals("pingpong")) {
            for (int i = 0; i < ROUNDS; i++) {
                javaPingPong(200_000);
            }
        }
        for (String e : engines) {
            FiberEngine engine = FiberEngine.named(e);
            if (engine == null) {
                REPORT.println(e + ": unavailable");
                continue;
            }
            if (what.equals("all") || what.equals("pingpong")) {
                for (int i = 0; i < ROUNDS; i++) {
                    pingPong(engine, e.equals("threads") ? 200_000 : 1_000_000);
                }
            }
            if (what.equals("all") || what.equals("fanout")) {
                for (int i = 0; i < ROUNDS; i++) {
                    fanOut(engine, 10_000);
                }
            }
            if (what.equals("all") || what.equals("state")) {
                for (int i = 0; i < ROUNDS; i++) {
                    stateUpdates(engine, 1_000, 100);
                }
            }
            if (what.equals("blocked")) {
                blocked(engine, 1_000_000);
            }
        }
    }

    private static NgnFn closure(Runnable body) {
        return new NgnFn() {
            @Override
            public int arity() {
                return 0;
            }

            @Override
            public Object call0() {
                body.run();
                return Unit.VOID;
            }
        };
    }

    private static void run(FiberEngine engine, Runnable body) {
        int status = Rt.run(body, System.err, engine);
        if (status != 0) {
            throw new IllegalStateException("status " + status);
        }
    }

    /** Two fibers bouncing a value through two channels; ns per round trip (two switches). */
    static void pingPong(FiberEngine engine, int rounds) {
        long[] ns = new long[1];
        run(engine, () -> {
            NgnChannel ping = NgnChannel.create();
            NgnChannel pong = NgnChannel.create();
            NgnChannel done = Fibers.thread(closure(() -> {
                for (int i = 0; i < rounds; i++) {
                    pong.send(ping.receive());
                }
            }));
            Long v = 1L;
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                ping.send(v);
                v = (Long) pong.receive();
            }
            ns[0] = System.nanoTime() - t0;
            done.receive();
        });
        REPORT.printf("%-12s ping-pong: %,d round trips, %.0f ns/round trip%n", engine.name(), rounds,
                (double) ns[0] / rounds);
    }

    /** Hand-written Java: two virtual threads and two SynchronousQueues. */
    static void javaPingPong(int rounds) throws InterruptedException {
        SynchronousQueue<Long> ping = new SynchronousQueue<>();
        SynchronousQueue<Long> pong = new SynchronousQueue<>();
        Thread other = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    pong.put(ping.take());
                }
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        long[] ns = new long[1];
        Thread main = Thread.ofVirtual().start(() -> {
            try {
                Long v = 1L;
                long t0 = System.nanoTime();
                for (int i = 0; i < rounds; i++) {
                    ping.put(v);
                    v = pong.take();
                }
                ns[0] = System.nanoTime() - t0;
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        main.join();
        other.join();
        REPORT.printf("%-12s ping-pong: %,d round trips, %.0f ns/round trip%n", "java-vthread", rounds,
                (double) ns[0] / rounds);
    }

    /** {@code n} fibers each send one message into one channel; main receives them all. */
    static void fanOut(FiberEngine engine, int n) {
        long[] ns = new long[1];
        run(engine, () -> {
            long t0 = System.nanoTime();
            NgnChannel ch = NgnChannel.create();
            for (long i = 0; i < n; i++) {
                long v = i;
                Fibers.thread(closure(() -> ch.send(v)));
            }
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (Long) ch.receive();
            }
            ns[0] = System.nanoTime() - t0;
            if (sum != (long) n * (n - 1) / 2) {
                throw new IllegalStateException("sum " + sum);
            }
        });
        REPORT.printf("%-12s fan-out: %,d fibers -> 1 channel: %.1f ms (%.2f us/fiber)%n", engine.name(), n,
                ns[0] / 1e6, ns[0] / 1e3 / n);
    }

    /** {@code fibers} fibers each doing {@code updates} state.update, yielding between updates. */
    static void stateUpdates(FiberEngine engine, int fibers, int updates) {
        long[] ns = new long[1];
        run(engine, () -> {
            long t0 = System.nanoTime();
            NgnState total = NgnState.of(0L);
            NgnFn inc = new NgnFn() {
                @Override
                public int arity() {
                    return 1;
                }

                @Override
                public Object call1(Object t) {
                    return (Long) t + 1;
                }
            };
            NgnChannel done = NgnChannel.create();
            for (int f = 0; f < fibers; f++) {
                Fibers.thread(closure(() -> {
                    for (int k = 0; k < updates; k++) {
                        total.update(inc);
                        if (k % 10 == 9) {
                            Fibers.sleep(0);
                        }
                    }
                    done.send(true);
                }));
            }
            done.receiveCount(fibers);
            ns[0] = System.nanoTime() - t0;
            if ((Long) total.read() != (long) fibers * updates) {
                throw new IllegalStateException("total " + total.read());
            }
        });
        REPORT.printf("%-12s state: %,d fibers x %d updates (yield every 10): %.1f ms%n", engine.name(), fibers,
                updates, ns[0] / 1e6);
    }

    /** Heap used by {@code n} fibers blocked in a receive on one channel. */
    static void blocked(FiberEngine engine, int n) {
        run(engine, () -> {
            long before = usedAfterGc();
            long t0 = System.nanoTime();
            NgnChannel ch = NgnChannel.create();
            for (int i = 0; i < n; i++) {
                Fibers.thread(closure(ch::receive));
            }
            Fibers.sleep(0); // every fiber runs once and blocks
            long spawnNs = System.nanoTime() - t0;
            long after = usedAfterGc();
            REPORT.printf("%-12s %,d blocked fibers: heap %.0f MiB (%.0f bytes/fiber), spawn+block %.0f ms%n",
                    engine.name(), n, (after - before) / 1048576.0, (double) (after - before) / n, spawnNs / 1e6);
        });
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < ROUNDS; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
