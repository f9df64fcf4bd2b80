package dev.ngnc.bench;

import java.util.concurrent.LinkedTransferQueue;

/**
 * Twin of bench/ngn/fan_out.ngn: 10,000 virtual threads each put one value into one queue that
 * main drains, 50 rounds. The queue is an unbounded {@link LinkedTransferQueue}, the fastest JDK
 * queue for this job (ngn's channel holds 10, so there most senders block once; a bounded
 * ArrayBlockingQueue(10) makes the Java side 1.5-3x slower).
 */
public final class FanOut {
    private FanOut() {}

    public static void main(String[] args) throws InterruptedException {
        long total = 0;
        for (int round = 0; round < 50; round++) {
            LinkedTransferQueue<Long> ch = new LinkedTransferQueue<>();
            for (long i = 0; i < 10_000; i++) {
                long v = i;
                Thread.ofVirtual().start(() -> ch.put(v));
            }
            for (int i = 0; i < 10_000; i++) {
                total = total + ch.take();
            }
        }
        System.out.println(total);
    }
}
