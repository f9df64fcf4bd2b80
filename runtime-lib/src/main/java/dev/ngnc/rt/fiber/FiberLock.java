package dev.ngnc.rt.fiber;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reentrant mutual-exclusion lock whose owner is a fiber (or a plain thread), not a Java
 * thread: with the continuation engine all fibers of a scheduler share one carrier thread, so
 * {@code synchronized}/{@code ReentrantLock} could not tell them apart, and blocking the carrier
 * would stop every fiber on it. A fiber waiting for the lock parks; the others keep running.
 * Works across schedulers (spawn workers) and plain threads.
 *
 * <p><b>Fast path.</b> The lock word (this {@link AtomicInteger}) is {@link #FREE},
 * {@link #HELD} or {@link #CONTENDED} (held, and waiters may be registered). An uncontended
 * lock is one compare-and-set {@code FREE → HELD}, its unlock one compare-and-set
 * {@code HELD → FREE}; no monitor. A waiter registers under the monitor after turning
 * {@code HELD} into {@code CONTENDED} (or takes the lock if it is free), so an unlock whose
 * compare-and-set fails takes the slow path: under the monitor it frees the word and wakes the
 * next waiter in ring order ({@link FiberWaitSet#pick}), which competes again when it runs — a
 * fiber that gets there first still wins, as before. A woken waiter that takes the lock while
 * others still wait marks it {@code CONTENDED} again; one that finds it taken by a newcomer
 * marks it too and waits again, so no waiter is forgotten.
 *
 * <p>Why not {@code synchronized} on every lock/unlock (the earlier version): two monitor
 * enter/exit pairs per {@code state.update} cost ~30 ns where this costs ~10 ns, and the
 * {@link AtomicInteger} intrinsics stay cheap before the JIT's last tier (a {@code VarHandle}
 * costs ~3× more there), which matters for short programs. {@link #owner} is a plain field:
 * only the holder writes it (its own identity after acquiring, null before releasing), so a
 * fiber that reads its own identity there is the holder (reentrancy), whatever it sees otherwise.
 */
public final class FiberLock extends AtomicInteger {
    private static final long serialVersionUID = 1L;

    static final int FREE = 0;
    static final int HELD = 1;
    static final int CONTENDED = 2;

    /** The holder, or null (written only by the holder; see the class comment). */
    private transient FiberWaiter owner;
    /** Hold count; only read and written by the holder. */
    private transient int holds;
    private final transient FiberWaitSet waiters = new FiberWaitSet(this);

    /** Acquires the lock for the running fiber/thread (reentrant). */
    public void lock() {
        FiberWaiter me = FiberWaiter.current();
        if (compareAndSet(FREE, HELD)) {
            owner = me;
            holds = 1;
            return;
        }
        if (owner == me) {
            holds++;
            return;
        }
        lockSlow(me);
    }

    private void lockSlow(FiberWaiter me) {
        while (true) {
            synchronized (this) {
                while (true) {
                    int s = get();
                    if (s == FREE) {
                        if (compareAndSet(FREE, waiters.isEmpty() ? HELD : CONTENDED)) {
                            owner = me;
                            holds = 1;
                            return;
                        }
                    } else if (s == CONTENDED || compareAndSet(HELD, CONTENDED)) {
                        break; // the holder's unlock will take the slow path and wake a waiter
                    }
                }
                me.need = 0;
                waiters.add(me);
            }
            me.park("state.update");
            synchronized (this) {
                waiters.remove(me); // woken spuriously or by unlock: compete again
            }
        }
    }

    /** Releases one hold; the last release lets the next waiter (ring order) compete. */
    public void unlock() {
        if (--holds > 0) {
            return;
        }
        FiberWaiter me = owner;
        owner = null;
        if (!compareAndSet(HELD, FREE)) {
            wakeNext(me);
        }
    }

    /** Slow unlock: the word is {@code CONTENDED}; frees it and wakes the next waiter. */
    private void wakeNext(FiberWaiter me) {
        FiberWaiter next;
        synchronized (this) {
            set(FREE);
            next = waiters.pick(me, 0);
        }
        if (next != null) {
            next.unpark();
        }
    }
}
