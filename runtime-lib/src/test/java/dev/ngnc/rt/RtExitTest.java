package dev.ngnc.rt;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rt.runMain returns instead of calling System.exit(0) only when no other non-daemon thread would keep the JVM
 * alive (the plain-return path itself is covered by every compiled-jar test that expects exit 0 and its output).
 */
class RtExitTest {

    @Test
    void aLiveNonDaemonThreadNeedsAnExplicitExit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread user = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "server-like");
        user.start();
        boolean[] keeps = new boolean[1];
        Thread probe = new Thread(() -> keeps[0] = Rt.otherThreadsKeepTheJvm());
        probe.setDaemon(true);
        probe.start();
        probe.join();
        release.countDown();
        user.join();
        assertTrue(keeps[0]);
    }
}
