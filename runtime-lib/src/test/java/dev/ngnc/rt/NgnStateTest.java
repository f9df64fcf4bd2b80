package dev.ngnc.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
}
