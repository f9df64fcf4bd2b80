package dev.ngnc.bench;

import java.util.concurrent.SynchronousQueue;

/**
 * Twin of bench/ngn/ping_pong.ngn: two virtual threads bounce a value through two
 * {@link SynchronousQueue}s (the fastest JDK hand-off for this on virtual threads; measured
 * against ArrayBlockingQueue, LinkedBlockingQueue and LinkedTransferQueue).
 */
public final class PingPong {
    private PingPong() {}

    public static void main(String[] args) throws InterruptedException {
        SynchronousQueue<Long> ping = new SynchronousQueue<>();
        SynchronousQueue<Long> pong = new SynchronousQueue<>();
        int rounds = 1_000_000;
        Thread other = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    long v = ping.take();
                    pong.put(v + 1);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long[] result = new long[1];
        Thread main = Thread.ofVirtual().start(() -> {
            try {
                long v = 0;
                for (int i = 0; i < rounds; i++) {
                    ping.put(v);
                    v = pong.take();
                }
                result[0] = v;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        main.join();
        other.join();
        System.out.println(result[0]);
    }
}
