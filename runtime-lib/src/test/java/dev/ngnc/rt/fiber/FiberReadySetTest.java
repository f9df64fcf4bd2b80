package dev.ngnc.rt.fiber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link FiberReadySet} inside the scheduler's pick rule ({@code Scheduler.pollReady}: the first
 * ready fiber after the last one picked, in ring order, from the woken set or the FIFO of
 * appended fibers) against the {@link TreeSet} implementation it replaced.
 */
class FiberReadySetTest {
    @Test
    void picksLikeTheTreeSetModel() {
        SchedulerGroup group = new SchedulerGroup(FiberEngine.defaultEngine(), System.err, false);
        Scheduler.runRoot(group, () -> {
            Scheduler s = Scheduler.currentScheduler();
            for (long seed = 1; seed <= 300; seed++) {
                check(new Random(seed), s);
            }
        });
    }

    private static void check(Random rnd, Scheduler s) {
        int count = 2 + rnd.nextInt(rnd.nextBoolean() ? 10 : 200);
        List<Fiber> all = new ArrayList<>();
        Set<Long> used = new HashSet<>();
        while (all.size() < count) {
            long[] label = rnd.nextInt(4) == 0
                    ? new long[] {1 + rnd.nextInt(1000), 2 + rnd.nextInt(1000)}
                    : new long[] {1 + rnd.nextInt(1000)};
            if (used.add(label[0] * 10_000 + (label.length > 1 ? label[1] : 0))) {
                all.add(new Fiber(s, label, false, null));
            }
        }
        if (rnd.nextBoolean()) {
            all.sort(FiberLabel::compare); // woken in ring order, the common case
        }
        TreeSet<Fiber> model = new TreeSet<>(FiberLabel::compare);
        FiberReadySet set = new FiberReadySet();
        ArrayDeque<Fiber> appended = new ArrayDeque<>();
        Set<Fiber> ready = new HashSet<>();
        Fiber last = all.get(rnd.nextInt(all.size()));
        int cursor = 0;
        for (int step = 0; step < 600; step++) {
            int op = rnd.nextInt(5);
            Fiber f = rnd.nextBoolean() ? all.get(rnd.nextInt(all.size())) : all.get(cursor++ % all.size());
            if (op <= 1 && ready.add(f)) {
                model.add(f);
                set.add(f, last);
            } else if (op == 2 && ready.add(f)) {
                appended.addLast(f);
            } else if (op >= 3) {
                // Scheduler.pollReady, on the model...
                Fiber w = model.isEmpty() ? null : model.higher(last) != null ? model.higher(last) : model.first();
                Fiber a = appended.peekFirst();
                Fiber expected = w == null ? a : a == null || cyclicBefore(w, a, last) ? w : a;
                // ...and on the set
                Fiber got;
                Fiber w2 = set.peek();
                assertSame(w, w2, "woken candidate");
                if (w2 == null) {
                    got = appended.pollFirst();
                } else if (a == null || cyclicBefore(w2, a, last)) {
                    got = set.poll();
                    model.remove(got);
                } else {
                    set.lastMovesTo(a, last);
                    got = appended.pollFirst();
                }
                assertSame(expected, got, "pick");
                if (got != null) {
                    ready.remove(got);
                    last = got;
                }
            }
            assertEquals(model.isEmpty(), set.isEmpty());
        }
    }

    /** Scheduler.cyclicBefore: {@code a} before {@code b} in the ring order starting after {@code last}. */
    private static boolean cyclicBefore(Fiber a, Fiber b, Fiber last) {
        boolean aWraps = FiberLabel.compare(a, last) <= 0;
        boolean bWraps = FiberLabel.compare(b, last) <= 0;
        if (aWraps != bWraps) {
            return bWraps;
        }
        return FiberLabel.compare(a, b) < 0;
    }
}
