package dev.ngnc.bench;

/** Twin of bench/ngn/spawn_all_seq.ngn: the 16 tasks of SpawnAll, one after the other. */
public final class SpawnAllSeq {
    private SpawnAllSeq() {}

    public static void main(String[] args) {
        long total = 0;
        for (int i = 0; i < 16; i++) {
            total = total + SpawnAll.fib(38);
        }
        System.out.println(total);
    }
}
