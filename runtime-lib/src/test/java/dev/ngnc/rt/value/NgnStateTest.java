package dev.ngnc.rt.value;

import dev.ngnc.rt.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NgnStateTest {
    @Test
    void readWriteUpdate() {
        NgnState s = new NgnState(0L);
        s.update(Fixtures.fn1(t -> (Long) t + 5));
        assertEquals(5L, s.read());
        s.write(7L);
        assertEquals("7", Fmt.str(s));
    }

    @Test
    void readReturnsACopyThatDoesNotChangeTheCell() {
        NgnState s = new NgnState(Fixtures.longs(1));
        NgnArray mine = ((NgnArray) s.read()).writable();
        mine.push(2L);
        assertEquals("[1]", Fmt.str(s));
        assertTrue(((NgnArray) s.read()).isShared());
    }

    @Test
    void concurrentUpdatesAreAtomic() throws InterruptedException {
        NgnState s = new NgnState(0L);
        NgnFn inc = Fixtures.fn1(t -> (Long) t + 1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                for (int k = 0; k < 10_000; k++) {
                    s.update(inc);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(80_000L, s.read());
    }

    @Test
    void valueMovesBetweenIntegersAndOtherKinds() {
        // integers are kept unboxed inside the cell; every other kind as is
        NgnState s = new NgnState(1L);
        s.update(Fixtures.fn1(t -> Fixtures.longs((Long) t, 2)));
        assertEquals("[1, 2]", Fmt.str(s));
        assertTrue(((NgnArray) s.read()).isShared());
        s.update(Fixtures.fn1(t -> (long) ((NgnArray) t).length() * 10));
        assertEquals(20L, s.read());
        s.write("x");
        assertEquals("x", s.read());
        s.update(Fixtures.fn1(t -> t + "y"));
        assertEquals("xy", s.read());
        s.write(-5L);
        s.update(Fixtures.fn1(t -> (Long) t - 1));
        assertEquals(-6L, s.read());
        assertEquals("-6", Fmt.str(s));
        s.write(Unit.VOID);
        assertEquals(Unit.VOID, s.read());
        assertNull(new NgnState(null).read());
        assertEquals(Long.MIN_VALUE, new NgnState(Long.MIN_VALUE).read());
    }

    @Test
    void updateIsReentrant() {
        NgnState s = new NgnState(0L);
        s.update(Fixtures.fn1(t -> {
            s.write(100L); // same holder: no deadlock; the outer update's result wins
            s.update(Fixtures.fn1(u -> (Long) u + 1));
            assertEquals(101L, s.read());
            return (Long) t + 1;
        }));
        assertEquals(1L, s.read());
    }

    @Test
    void readersSeeEveryUpdateInOrderWhileThreadsUpdate() throws InterruptedException {
        NgnState s = new NgnState(0L);
        NgnFn inc = Fixtures.fn1(t -> (Long) t + 1);
        AtomicReference<String> problem = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(new Thread(() -> {
                for (int k = 0; k < 20_000; k++) {
                    s.update(inc);
                }
            }));
        }
        Thread reader = new Thread(() -> {
            long last = 0;
            while (last < 80_000) {
                Object v = s.read();
                if (!(v instanceof Long l) || l < last) {
                    problem.compareAndSet(null, "read " + v + " after " + last);
                    return;
                }
                last = l;
            }
        });
        reader.setDaemon(true);
        reader.start();
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        reader.join(10_000);
        assertTrue(!reader.isAlive(), "the reader never saw the last update");
        assertNull(problem.get());
        assertInstanceOf(Long.class, s.read());
        assertEquals(80_000L, s.read());
    }
}
