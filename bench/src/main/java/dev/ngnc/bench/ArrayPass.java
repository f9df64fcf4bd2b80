package dev.ngnc.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Twin of bench/ngn/array_pass.ngn. Java passes and assigns the list by reference; the one push
 * to the "copy" copies explicitly first, which is what value semantics require.
 */
public final class ArrayPass {
    private ArrayPass() {}

    static long pick(List<Long> xs, long i) {
        return xs.get((int) i);
    }

    public static void main(String[] args) {
        List<Long> xs = new ArrayList<>();
        for (long i = 0; i < 1_000_000; i++) xs.add(i * 3);
        long sum = 0;
        for (long i = 0; i < 10_000; i++) sum = sum + pick(xs, i * 97);
        List<Long> copy = xs;
        for (long i = 0; i < 10_000; i++) {
            copy = xs;
            sum = sum + copy.get((int) (i * 89));
        }
        copy = new ArrayList<>(copy);
        copy.add(42L);
        System.out.println("sum " + sum + ", original size " + xs.size() + ", copy size " + copy.size());
    }
}
