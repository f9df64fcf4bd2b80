package dev.ngnc.rt.fiber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link FiberWaitSet} (a sorted circular buffer that falls back to a tree) against a plain
 * {@link TreeSet} model of the same rules, and the hand-over of a wake-up by a waiter that dies.
 */
class FiberWaitSetTest {
    private static FiberWaiter.ThreadWaiter thread() {
        return new FiberWaiter.ThreadWaiter(Thread.currentThread());
    }

    @Test
    void aPickedWaiterThatDiesPassesItsWakeUpOn() {
        Object owner = new Object();
        FiberWaitSet ws = new FiberWaitSet(owner);
        FiberWaiter first = thread();
        FiberWaiter second = thread();
        ws.add(first);
        ws.add(second);
        assertSame(first, ws.pick(null, 0));
        first.abandonForGood(); // picked, but will never run: everybody re-checks instead
        assertTrue(ws.isEmpty());
        assertTrue(second.consumePermit(), "the other waiter was not woken");
    }

    @Test
    void aRegisteredWaiterThatDiesJustLeaves() {
        FiberWaitSet ws = new FiberWaitSet(new Object());
        FiberWaiter dying = thread();
        FiberWaiter other = thread();
        ws.add(dying);
        ws.add(other);
        dying.abandonForGood();
        assertEquals(1, ws.size());
        assertTrue(!other.consumePermit());
        assertSame(other, ws.pick(null, 0));
    }

    /** The reference rules on a TreeSet (the implementation before the circular buffer). */
    private static FiberWaiter modelPick(TreeSet<FiberWaiter> set, FiberWaiter waker, int available) {
        FiberWaiter w = null;
        if (waker instanceof Fiber f) {
            w = first(set.tailSet(f, false).iterator(), f.sched.id, available);
            if (w == null) {
                w = first(set.tailSet(f.sched.probe, true).iterator(), f.sched.id, available);
            }
        }
        if (w == null) {
            w = first(set.iterator(), Long.MIN_VALUE, available);
        }
        if (w != null) {
            set.remove(w);
        }
        return w;
    }

    private static FiberWaiter first(Iterator<FiberWaiter> it, long sched, int available) {
        while (it.hasNext()) {
            FiberWaiter w = it.next();
            if (sched != Long.MIN_VALUE && w.schedId != sched) {
                return null;
            }
            if (w.need <= available) {
                return w;
            }
        }
        return null;
    }

    @Test
    void behavesLikeTheTreeSetModel() {
        SchedulerGroup group = new SchedulerGroup(FiberEngine.defaultEngine(), System.err, false);
        List<Scheduler> scheds = new ArrayList<>();
        Runnable run = () -> {
            for (long seed = 1; seed <= 300; seed++) {
                check(new Random(seed), scheds);
            }
        };
        // two schedulers: the outer one runs the inner, whose body does the checks
        Scheduler.runRoot(group, () -> {
            scheds.add(Scheduler.currentScheduler());
            Scheduler.runRoot(group, () -> {
                scheds.add(Scheduler.currentScheduler());
                run.run();
            });
        });
    }

    private static void check(Random rnd, List<Scheduler> scheds) {
        int count = 1 + rnd.nextInt(rnd.nextBoolean() ? 12 : 120);
        List<FiberWaiter> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = rnd.nextInt(5);
            FiberWaiter w = kind == 0 ? thread()
                    : new Fiber(scheds.get(kind % 2), new long[] {1 + rnd.nextInt(1000)}, false, null);
            w.need = rnd.nextInt(3);
            all.add(w);
        }
        // ascending label runs (the common case) as well as random order
        if (rnd.nextBoolean()) {
            all.sort(FiberWaitSet.ORDER);
        }
        FiberWaitSet ws = new FiberWaitSet(new Object());
        TreeSet<FiberWaiter> model = new TreeSet<>(FiberWaitSet.ORDER);
        for (int step = 0; step < 400; step++) {
            FiberWaiter w = all.get(rnd.nextInt(all.size()));
            switch (rnd.nextInt(4)) {
                case 0, 1 -> {
                    ws.add(w);
                    model.add(w);
                }
                case 2 -> {
                    ws.remove(w);
                    model.remove(w);
                }
                default -> {
                    FiberWaiter waker = rnd.nextInt(4) == 0 ? null : all.get(rnd.nextInt(all.size()));
                    int available = rnd.nextInt(3);
                    assertSame(modelPick(model, waker, available), ws.pick(waker, available), "pick");
                }
            }
            assertEquals(model.size(), ws.size());
            assertEquals(Arrays.asList(model.toArray(FiberWaitSet.NONE)), Arrays.asList(ws.toArray()));
        }
    }
}
