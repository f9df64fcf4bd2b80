package dev.ngnc.rt.channel;

import dev.ngnc.rt.fiber.FiberWaitSet;
import dev.ngnc.rt.fiber.FiberWaiter;
import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.base.NgnError;
import dev.ngnc.rt.fiber.Scheduler;
import dev.ngnc.rt.value.Unit;
import dev.ngnc.rt.value.Values;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * ngn {@code channel<T>()}: a bounded FIFO queue shared by reference (spec 10.3). Blocking
 * operations park only the calling fiber; the channel is safe to use from any fiber, spawn
 * worker or plain thread (a plain thread blocks with {@code LockSupport}).
 *
 * <p>Wake-up order follows the reference: when an item (or a free slot) appears, the blocked
 * receiver (sender) that the reference's round-robin would reach first is woken — the first
 * after the running fiber in ring order — and it re-checks when it runs, so whoever gets there
 * first wins exactly as in the reference (see {@link Scheduler}).
 *
 * <p>Prints as {@code <channel chan>}; result channels of {@code thread(…)} and {@code spawn.*}
 * as {@code <channel thread_result>}, {@code <channel spawn_cpu_result>}, ….
 */
public final class NgnChannel implements Iterable<Object> {
    /** Capacity of {@code channel<T>()} (fixed in ngn). */
    public static final int DEFAULT_CAPACITY = 10;

    private static final String CLOSED_SHORT = "ReceiveCount from closed channel with insufficient data";

    private final int capacity;
    private final String kind;
    private final ArrayDeque<Object> buf;
    private boolean closed;
    private final FiberWaitSet receivers = new FiberWaitSet(this);
    private final FiberWaitSet senders = new FiberWaitSet(this);

    /**
     * A channel of the given capacity that prints as {@code <channel kind>} (for runtime-made
     * channels: {@code thread_result}, {@code fetch_result}, {@code process_run}, …).
     */
    public NgnChannel(int capacity, String kind) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.kind = kind;
        this.buf = new ArrayDeque<>(Math.min(capacity, 16));
    }

    /** ngn {@code channel<T>()}: capacity 10, prints as {@code <channel chan>}. */
    public static NgnChannel create() {
        return new NgnChannel(DEFAULT_CAPACITY, "chan");
    }

    /** Capacity of this channel. */
    public int capacity() {
        return capacity;
    }

    /** Number of buffered items (diagnostics, tests). */
    public synchronized int size() {
        return buf.size();
    }

    /**
     * ngn {@code ch <- v}: enqueues {@code v} (shared); blocks while the channel is full.
     * Closed ⇒ RT {@code Send to closed channel}.
     */
    public void send(Object v) {
        Object item = v == null ? Unit.VOID : Values.share(v);
        FiberWaiter me = FiberWaiter.current();
        while (true) {
            FiberWaiter wake;
            synchronized (this) {
                if (closed) {
                    throw NgnError.runtime("Send to closed channel");
                }
                if (buf.size() < capacity) {
                    buf.addLast(item);
                    wake = receivers.pick(me, buf.size());
                } else {
                    me.need = 0;
                    senders.add(me);
                    wake = me;
                }
            }
            if (wake != me) {
                if (wake != null) {
                    wake.unpark();
                }
                return;
            }
            me.park("send");
            forget(me, senders);
        }
    }

    /**
     * ngn {@code <- ch}: dequeues the oldest item; blocks while the channel is empty and open.
     * Closed and empty ⇒ RT {@code Receive from closed and empty channel}.
     */
    public Object receive() {
        Object item = receiveOrEnd("receive");
        if (item == END) {
            throw NgnError.runtime("Receive from closed and empty channel");
        }
        return item;
    }

    /** Marker returned by {@link #receiveOrEnd} for a closed, drained channel. */
    private static final Object END = new Object();

    private Object receiveOrEnd(String reason) {
        FiberWaiter me = FiberWaiter.current();
        while (true) {
            Object item;
            FiberWaiter wake = null;
            synchronized (this) {
                if (!buf.isEmpty()) {
                    item = buf.pollFirst();
                    wake = senders.pick(me, 0);
                } else if (closed) {
                    return END;
                } else {
                    me.need = 1;
                    receivers.add(me);
                    item = null;
                }
            }
            if (item != null) {
                if (wake != null) {
                    wake.unpark();
                }
                return item;
            }
            me.park(reason);
            forget(me, receivers);
        }
    }

    /**
     * ngn {@code <-N ch}: {@code n} items as an array (FIFO). Behaves as {@code n} receives, so
     * it works for {@code n} above the capacity (corpus {@code receive_count_over_capacity});
     * for {@code n <= capacity} it waits, like the reference, until {@code n} items are buffered
     * and takes them at once. Closed with too few items ⇒ RT {@code ReceiveCount from closed
     * channel with insufficient data}; {@code n < 0} ⇒ RT {@code ReceiveCount expects a
     * non-negative count, got n}.
     */
    public NgnArray receiveCount(long n) {
        if (n < 0) {
            throw NgnError.runtime("ReceiveCount expects a non-negative count, got " + n);
        }
        if (n == 0) {
            return NgnArray.empty();
        }
        if (n > capacity) {
            if (n > Integer.MAX_VALUE - 8) {
                throw NgnError.runtime("ReceiveCount count too large: " + n);
            }
            NgnArray out = NgnArray.withCapacity((int) Math.min(n, 1 << 16));
            for (long i = 0; i < n; i++) {
                Object item = receiveOrEnd("receive count");
                if (item == END) {
                    throw NgnError.runtime(CLOSED_SHORT);
                }
                out.push(item);
            }
            return out;
        }
        int k = (int) n;
        FiberWaiter me = FiberWaiter.current();
        while (true) {
            Object[] items = null;
            FiberWaiter[] wake = null;
            synchronized (this) {
                if (buf.size() >= k) {
                    items = new Object[k];
                    for (int i = 0; i < k; i++) {
                        items[i] = buf.pollFirst();
                    }
                    wake = new FiberWaiter[k];
                    for (int i = 0; i < k; i++) {
                        wake[i] = senders.pick(me, 0);
                    }
                } else if (closed) {
                    throw NgnError.runtime(CLOSED_SHORT);
                } else {
                    me.need = k;
                    receivers.add(me);
                }
            }
            if (items != null) {
                for (FiberWaiter w : wake) {
                    if (w != null) {
                        w.unpark();
                    }
                }
                return NgnArray.of(items);
            }
            me.park("receive count");
            forget(me, receivers);
        }
    }

    /** ngn {@code <-? ch}: {@code Value(item)} or {@code Null} at once (even while open). */
    public NgnEnum tryReceive() {
        Object item;
        FiberWaiter wake;
        synchronized (this) {
            if (buf.isEmpty()) {
                return NgnEnum.NULL;
            }
            item = buf.pollFirst();
            wake = senders.isEmpty() ? null : senders.pick(FiberWaiter.current(), 0);
        }
        if (wake != null) {
            wake.unpark();
        }
        return NgnEnum.value(item);
    }

    /**
     * ngn {@code ch.close()}: no more sends; buffered items stay receivable. Wakes every blocked
     * fiber (receivers then drain or fail, senders fail). Closing twice is fine.
     */
    public void close() {
        FiberWaiter[] r;
        FiberWaiter[] s;
        synchronized (this) {
            closed = true;
            r = receivers.takeAll();
            s = senders.takeAll();
        }
        for (FiberWaiter w : r) {
            w.unpark();
        }
        for (FiberWaiter w : s) {
            w.unpark();
        }
    }

    /** ngn {@code ch.isClosed()}. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * ngn {@code for (m in ch)} / {@code for (m in <-? ch)}: an iterator whose {@code hasNext()}
     * blocks until an item is available (true) or the channel is closed and drained (false);
     * {@code next()} returns that item. Generated code:
     * {@code for (Iterator it = ch.iterator(); it.hasNext(); ) { m = it.next(); … }}.
     */
    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private Object pending = END;

            @Override
            public boolean hasNext() {
                if (pending == END) {
                    pending = receiveOrEnd("for");
                }
                return pending != END;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object item = pending;
                pending = END;
                return item;
            }
        };
    }

    /**
     * Puts a final result in, ignoring capacity (result channels: one value, sent once), and
     * optionally closes the channel after it ({@code spawn.*} results).
     */
    public void deliver(Object v, boolean thenClose) {
        Object item = v == null ? Unit.VOID : Values.share(v);
        FiberWaiter[] wake;
        synchronized (this) {
            buf.addLast(item);
            if (thenClose) {
                closed = true;
                wake = receivers.takeAll();
            } else {
                FiberWaiter w = receivers.pick(FiberWaiter.current(), buf.size());
                wake = w == null ? FiberWaitSet.NONE : new FiberWaiter[] {w};
            }
        }
        for (FiberWaiter w : wake) {
            w.unpark();
        }
    }

    private void forget(FiberWaiter me, FiberWaitSet set) {
        if (me.waitingIn == set) {
            synchronized (this) {
                set.remove(me);
            }
        }
    }

    /** {@code fmt}: {@code <channel chan>} (or the result-channel kind). */
    @Override
    public String toString() {
        return "<channel " + kind + ">";
    }
}
