package dev.ngnc.rt.value;

import dev.ngnc.rt.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Two ngn variables {@code a} and {@code b = a} driven through random operations, executed the
 * way generated code does (share on copy, writable before mutation), must behave like two
 * independent {@link ArrayList}s.
 */
class ArrayValueSemanticsPropertiesTest {
    /** op: 0 push, 1 pop, 2 copy var (other := this), 3 push at 0, 4 slice(0, 1), 5 push nested-copy. */
    record Op(int kind, boolean onA, long value) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 5), Arbitraries.of(true, false),
                Arbitraries.longs().between(-5, 5)).as(Op::new);
        return op.list().ofMaxSize(60);
    }

    @Property(tries = 500)
    void aliasesBehaveLikeIndependentLists(@ForAll("ops") List<Op> ops) {
        NgnArray a = Fixtures.longs(1, 2);
        NgnArray b = a.share();
        List<Object> ma = new ArrayList<>(List.of(1L, 2L));
        List<Object> mb = new ArrayList<>(ma);
        for (Op op : ops) {
            NgnArray x = op.onA() ? a : b;
            NgnArray other = op.onA() ? b : a;
            List<Object> mx = op.onA() ? ma : mb;
            switch (op.kind()) {
                case 0 -> {
                    x = x.writable();
                    x.push(op.value());
                    mx.add(op.value());
                }
                case 1 -> {
                    if (!mx.isEmpty()) {
                        x = x.writable();
                        assertEquals(mx.remove(mx.size() - 1), norm(x.pop()));
                    }
                }
                case 2 -> {
                    other = x.share();
                    if (op.onA()) {
                        mb = new ArrayList<>(ma);
                    } else {
                        ma = new ArrayList<>(mb);
                    }
                }
                case 3 -> {
                    x = x.writable();
                    x.push(op.value(), 0);
                    mx.add(0, op.value());
                }
                case 4 -> {
                    if (!mx.isEmpty()) {
                        x = x.writable();
                        NgnArray removed = x.slice(0, 1);
                        assertEquals(List.of(mx.remove(0)), toList(removed));
                    }
                }
                default -> {
                    // store a shared copy of the other variable inside x, then mutate the other
                    x = x.writable();
                    x.push(other.share().copy());
                    mx.add(List.copyOf(toList(other)));
                }
            }
            if (op.onA()) {
                a = x;
                b = other;
            } else {
                b = x;
                a = other;
            }
            assertEquals(toModel(ma), toList(a));
            assertEquals(toModel(mb), toList(b));
        }
    }

    private static List<Object> toList(NgnArray arr) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < arr.length(); i++) {
            out.add(norm(arr.rawGet(i)));
        }
        return out;
    }

    private static Object norm(Object e) {
        return e instanceof NgnArray nested ? toList(nested) : e;
    }

    private static List<Object> toModel(List<Object> l) {
        return l;
    }
}
