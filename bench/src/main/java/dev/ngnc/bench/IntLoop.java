package dev.ngnc.bench;

/** Twin of bench/ngn/int_loop.ngn. */
public final class IntLoop {
    private IntLoop() {}

    public static void main(String[] args) {
        long sum = 0;
        for (long i = 0; i < 30000; i++) {
            for (long j = 0; j < 10000; j++) {
                sum = sum + (i * j + 7) % 13 - j % 5;
            }
        }
        System.out.println(sum);
    }
}
