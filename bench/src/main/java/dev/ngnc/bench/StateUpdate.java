package dev.ngnc.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Twin of bench/ngn/state_update.ngn: 1,000 virtual threads each do 100 atomic updates of one
 * {@link AtomicLong} ({@code updateAndGet} with a lambda, like {@code state.update(|t| t + 1)}),
 * then count down a latch; 80 rounds.
 */
public final class StateUpdate {
    private StateUpdate() {}

    public static void main(String[] args) throws InterruptedException {
        AtomicLong total = new AtomicLong();
        for (int round = 0; round < 80; round++) {
            CountDownLatch done = new CountDownLatch(1000);
            for (int f = 0; f < 1000; f++) {
                Thread.ofVirtual().start(() -> {
                    for (int k = 0; k < 100; k++) {
                        total.updateAndGet(t -> t + 1);
                    }
                    done.countDown();
                });
            }
            done.await();
        }
        System.out.println(total.get());
    }
}
