package dev.ngnc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Twin of bench/ngn/spawn_all.ngn: 16 CPU-heavy tasks (fib(38)) on a pool of platform threads,
 * one per task (like spawn.all without a concurrency option), results in input order.
 */
public final class SpawnAll {
    private SpawnAll() {}

    static long fib(long n) {
        if (n < 2) return n;
        return fib(n - 1) + fib(n - 2);
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        List<Future<Long>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> fib(38)));
            }
            long total = 0;
            for (Future<Long> r : results) {
                total = total + r.get();
            }
            System.out.println(total);
        }
    }
}
