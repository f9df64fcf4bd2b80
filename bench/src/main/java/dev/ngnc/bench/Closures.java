package dev.ngnc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/** Twin of bench/ngn/closures.ngn: forEach with a lambda updating an AtomicLong, returned and composed lambdas. */
public final class Closures {
    private Closures() {}

    static LongUnaryOperator adder(long n) {
        return x -> x + n;
    }

    static LongUnaryOperator compose(LongUnaryOperator f, LongUnaryOperator g) {
        return x -> g.applyAsLong(f.applyAsLong(x));
    }

    public static void main(String[] args) {
        List<Long> xs = new ArrayList<>();
        for (long i = 0; i < 1000; i++) xs.add(i);
        AtomicLong sum = new AtomicLong();
        List<LongUnaryOperator> ops = List.of(adder(1), x -> x * 3, compose(adder(2), x -> x % 1000));
        long acc = 0;
        for (int round = 0; round < 60000; round++) {
            xs.forEach(x -> sum.updateAndGet(s -> s + x));
            for (int i = 0; i < 1000; i++) {
                LongUnaryOperator op = ops.get(i % 3);
                acc = op.applyAsLong(acc + i) % 1000003;
            }
        }
        System.out.println(sum.get() + acc);
    }
}
