package dev.ngnc.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Twin of bench/ngn/collections.ngn: ArrayList push/index, HashMap with Long and String keys, HashSet. */
public final class Collections {
    private Collections() {}

    public static void main(String[] args) {
        long total = 0;
        for (int round = 0; round < 20; round++) {
            List<Long> xs = new ArrayList<>();
            for (long i = 0; i < 200_000; i++) xs.add(i * 3);
            for (int i = 0; i < xs.size(); i++) total += xs.get(i);
            Map<Long, Long> byInt = new HashMap<>();
            Map<String, Long> byName = new HashMap<>();
            Set<Long> seen = new HashSet<>();
            for (long i = 0; i < 100_000; i++) {
                byInt.put(i, i * 2);
                byName.put("k" + (i % 5000), i);
                seen.add(i % 3000);
            }
            for (long i = 0; i < 100_000; i++) {
                total += byInt.getOrDefault(i, 0L);
                if (byInt.containsKey(i + 50_000)) total += 1;
                if (byName.containsKey("k" + (i % 7000))) total += byName.getOrDefault("k" + (i % 7000), 0L) % 10;
                if (seen.contains(i)) total += 1;
            }
        }
        System.out.println(total);
    }
}
