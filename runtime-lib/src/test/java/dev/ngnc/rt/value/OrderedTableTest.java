package dev.ngnc.rt.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The table behaves as a {@code LinkedHashMap} (insertion order, replace keeps the place) under any operations. */
class OrderedTableTest {

    /** One operation on a small key range, so puts, replaces, removes and re-inserts of one key all happen. */
    record Op(int kind, Object key, int value) {}

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Object> keys = Arbitraries.oneOf(
                Arbitraries.longs().between(-40, 40).map(Long::valueOf),
                Arbitraries.strings().withChars("ab").ofMaxLength(4).map(s -> (Object) s));
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 9), keys,
                Arbitraries.integers().between(0, 99)).as(Op::new);
        return op.list().ofMaxSize(600);
    }

    @Property(tries = 300)
    void matchesALinkedHashMap(@ForAll("operations") List<Op> ops) {
        OrderedTable table = new OrderedTable();
        Map<Object, Object> model = new LinkedHashMap<>();
        List<OrderedTable> copies = new ArrayList<>();
        List<Map<Object, Object>> copiedModels = new ArrayList<>();
        for (Op op : ops) {
            switch (op.kind()) {
                case 0, 1, 2, 3 -> assertEquals(!model.containsKey(op.key()), table.put(op.key(), op.value()));
                case 4 -> assertEquals(model.putIfAbsent(op.key(), op.value()) == null,
                        table.putIfAbsent(op.key(), op.value()));
                case 5, 6 -> assertEquals(model.containsKey(op.key()) ? model.get(op.key()) : "absent",
                        table.remove(op.key(), "absent"));
                case 7 -> assertEquals(model.getOrDefault(op.key(), "absent"), table.get(op.key(), "absent"));
                case 8 -> {
                    copies.add(table.copy());
                    copiedModels.add(new LinkedHashMap<>(model));
                }
                default -> {
                    if (op.value() < 3) {
                        table.clear();
                        model.clear();
                    }
                }
            }
            if (op.kind() < 4) {
                model.put(op.key(), op.value());
            } else if (op.kind() == 5 || op.kind() == 6) {
                model.remove(op.key());
            }
            assertEquals(model.size(), table.size());
        }
        assertSame(model, table);
        for (int i = 0; i < copies.size(); i++) {
            assertSame(copiedModels.get(i), copies.get(i)); // later changes to the original did not leak
        }
    }

    private static void assertSame(Map<Object, Object> model, OrderedTable table) {
        assertArrayEquals(model.keySet().toArray(), table.keyArray());
        assertArrayEquals(model.values().toArray(), table.valueArray());
        for (Object k : model.keySet()) {
            assertTrue(table.contains(k));
        }
    }

    @Test
    void manyRemovalsCompactWithoutLosingOrder() {
        OrderedTable table = new OrderedTable();
        for (long round = 0; round < 50; round++) {
            for (long i = 0; i < 1000; i++) {
                table.put(round * 1000 + i, i);
            }
            for (long i = 0; i < 999; i++) {
                table.remove(round * 1000 + i, null);
            }
        }
        assertEquals(50, table.size());
        Object[] keys = table.keyArray();
        for (int r = 0; r < 50; r++) {
            assertEquals(r * 1000L + 999, keys[r]);
        }
    }

    /** {@code 2^n} distinct strings with one hash code: every pair of "Aa"/"BB" blocks hashes alike. */
    private static List<String> collidingStrings(int blocks) {
        List<String> out = new ArrayList<>(List.of(""));
        for (int b = 0; b < blocks; b++) {
            List<String> next = new ArrayList<>();
            for (String s : out) {
                next.add(s + "Aa");
                next.add(s + "BB");
            }
            out = next;
        }
        return out;
    }

    @Test
    void keysWithOneHashCodeSwitchToTheTreeBinnedFallbackAndStayCorrect() {
        List<String> keys = collidingStrings(14); // 16,384 keys, one hash code
        assertEquals(1, keys.stream().map(String::hashCode).distinct().count());
        OrderedTable table = new OrderedTable();
        for (int i = 0; i < keys.size(); i++) {
            assertTrue(table.put(keys.get(i), i));
        }
        // without the switch every insertion would have probed past all earlier ones: 134 million probes
        assertTrue(table.usesFallback());
        assertEquals(keys.size(), table.size());
        for (int i = 0; i < keys.size(); i += 7) {
            assertEquals(i, table.get(keys.get(i), null));
        }
        assertFalse(table.contains("AaAa"));
        assertEquals(3, table.remove(keys.get(3), null));
        table.put(keys.get(3), -3);
        OrderedTable copy = table.copy();
        copy.put("other", 1);
        assertFalse(table.contains("other"));
        Object[] order = table.keyArray();
        assertEquals(keys.get(0), order[0]);
        assertEquals(keys.get(3), order[order.length - 1]); // re-inserted: last
    }

    @Test
    void ordinaryKeysNeverNeedTheFallback() {
        for (long stride : new long[] {1, 3, 10, 1000, 1024, 65_536, 1L << 20, 1L << 32, 7919}) {
            OrderedTable table = new OrderedTable();
            for (long i = 0; i < 100_000; i++) {
                table.put(i * stride, i); // strides put every key in one bucket under plain low-bit masking
            }
            assertFalse(table.usesFallback(), "stride " + stride);
        }
        OrderedTable table = new OrderedTable();
        for (long i = 0; i < 100_000; i++) {
            table.put("k" + i, i);
            table.put("user" + i + "@example.org", i);
            table.put(i + 0.5, i);
        }
        assertFalse(table.usesFallback());
    }
}
