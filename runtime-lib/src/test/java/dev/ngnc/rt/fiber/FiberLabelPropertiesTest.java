package dev.ngnc.rt.fiber;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link FiberLabel#between} always finds a label strictly between two others, and stays short. */
class FiberLabelPropertiesTest {
    @Provide
    Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().between(0, 1_000_000).list().ofMaxSize(300);
    }

    /** Inserting anywhere into a sorted list of labels keeps it strictly sorted. */
    @Property(tries = 200)
    void insertionsKeepStrictOrder(@ForAll("positions") List<Integer> positions) {
        List<long[]> labels = new ArrayList<>();
        labels.add(FiberLabel.FIRST);
        for (int pos : positions) {
            int i = pos % (labels.size() + 1); // insert before index i (i == size: append)
            long[] lo = i == 0 ? null : labels.get(i - 1);
            long[] hi = i == labels.size() ? null : labels.get(i);
            long[] made;
            if (lo == null) {
                // before the first: the scheduler never does this, but between(MIN-ish) must work too
                made = FiberLabel.between(new long[] {1}, hi);
                assertTrue(FiberLabel.compare(new long[] {1}, hi) < 0);
            } else {
                made = FiberLabel.between(lo, hi);
            }
            assertTrue(lo == null || FiberLabel.compare(lo, made) < 0, Arrays.toString(made));
            assertTrue(hi == null || FiberLabel.compare(made, hi) < 0, Arrays.toString(made));
            assertTrue(made[made.length - 1] >= 2, "label ends in 1: " + Arrays.toString(made));
            labels.add(i, made);
        }
    }

    @Test
    void repeatedInsertionBeforeTheSameFiberStaysShort() {
        long[] c = {5L << 32};
        long[] p = {4L << 32};
        int maxLen = 0;
        for (int k = 0; k < 100_000; k++) {
            long[] n = FiberLabel.between(p, c);
            assertTrue(FiberLabel.compare(p, n) < 0 && FiberLabel.compare(n, c) < 0);
            maxLen = Math.max(maxLen, n.length);
            p = n;
        }
        assertTrue(maxLen <= 3, "labels grew to " + maxLen);
        long[] last = FiberLabel.FIRST;
        for (int k = 0; k < 100_000; k++) {
            long[] n = FiberLabel.between(last, null);
            assertTrue(FiberLabel.compare(last, n) < 0 && n.length == 1);
            last = n;
        }
    }
}
