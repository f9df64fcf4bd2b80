package dev.ngnc.bench;

/** Twin of bench/ngn/empty.ngn: measures JVM start-up. */
public final class Empty {
    private Empty() {}

    public static void main(String[] args) {
    }
}
