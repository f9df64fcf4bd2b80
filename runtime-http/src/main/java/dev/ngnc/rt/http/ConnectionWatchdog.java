package dev.ngnc.rt.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One server's time-out checker: a single daemon thread looks at every open connection a few
 * times per time-out period ({@link GuardedConnection#checkTimeouts}), so waiting clients cost
 * nothing per read beyond two clock readings, and a silent client is closed within about a
 * quarter of the time-out after it expires.
 */
final class ConnectionWatchdog implements AutoCloseable {
    private final Set<GuardedConnection> open = ConcurrentHashMap.newKeySet();
    private final long keepAliveNanos;
    private final long headersNanos;
    private final long bodyNanos;
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> task;

    ConnectionWatchdog(long keepAliveTimeoutMs, long headersTimeoutMs, long bodyTimeoutMs) {
        this.keepAliveNanos = TimeUnit.MILLISECONDS.toNanos(keepAliveTimeoutMs);
        this.headersNanos = TimeUnit.MILLISECONDS.toNanos(headersTimeoutMs);
        this.bodyNanos = TimeUnit.MILLISECONDS.toNanos(bodyTimeoutMs);
        long periodMs = Math.clamp(Math.min(Math.min(keepAliveTimeoutMs, headersTimeoutMs), bodyTimeoutMs) / 4, 10, 1000);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ngn-http-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.task = timer.scheduleAtFixedRate(this::check, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    void watch(GuardedConnection c) {
        open.add(c);
    }

    void forget(GuardedConnection c) {
        open.remove(c);
    }

    private void check() {
        long now = System.nanoTime();
        for (GuardedConnection c : open) {
            c.checkTimeouts(now, keepAliveNanos, headersNanos, bodyNanos);
        }
    }

    @Override
    public void close() {
        task.cancel(false);
        timer.shutdownNow();
    }
}
