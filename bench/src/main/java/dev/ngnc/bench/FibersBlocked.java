package dev.ngnc.bench;

import java.util.concurrent.LinkedTransferQueue;

/**
 * Twin of bench/ngn/fibers_blocked.ngn: 1,000,000 virtual threads blocked in {@code take()} on
 * one queue (none with NGN_BENCH_IDLE set); prints "blocked N" once they all are, then sleeps
 * until bench/run.sh has read the heap and kills it.
 */
public final class FibersBlocked {
    private FibersBlocked() {}

    public static void main(String[] args) throws InterruptedException {
        LinkedTransferQueue<Long> ch = new LinkedTransferQueue<>();
        int n = System.getenv("NGN_BENCH_IDLE") != null ? 0 : 1_000_000;
        for (int i = 0; i < n; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    System.out.println(ch.take());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        while (ch.getWaitingConsumerCount() < n) {
            Thread.sleep(10);
        }
        System.out.println("blocked " + n);
        Thread.sleep(600_000);
    }
}
