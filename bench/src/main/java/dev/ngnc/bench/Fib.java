package dev.ngnc.bench;

/** Twin of bench/ngn/fib.ngn. */
public final class Fib {
    private Fib() {}

    static long fib(long n) {
        if (n < 2) return n;
        return fib(n - 1) + fib(n - 2);
    }

    public static void main(String[] args) {
        long r = 0;
        long round = 0;
        while (round < 80) {
            r = fib(32);
            round = round + 1;
        }
        System.out.println(r);
    }
}
