package dev.ngnc.bench;

import java.util.ArrayList;
import java.util.List;

/** Twin of bench/ngn/array_pass_build.ngn (the baseline of ArrayPass). */
public final class ArrayPassBuild {
    private ArrayPassBuild() {}

    public static void main(String[] args) {
        List<Long> xs = new ArrayList<>();
        for (long i = 0; i < 1_000_000; i++) xs.add(i * 3);
        long sum = 0;
        for (long i = 0; i < 10_000; i++) sum = sum + xs.get((int) (i * 97));
        for (long i = 0; i < 10_000; i++) sum = sum + xs.get((int) (i * 89));
        List<Long> copy = new ArrayList<>(xs);
        copy.add(42L);
        System.out.println("sum " + sum + ", original size " + xs.size() + ", copy size " + copy.size());
    }
}
