package dev.ngnc.rt;

/**
 * A reentrant mutual-exclusion lock whose owner is a fiber (or a plain thread), not a Java
 * thread: with the continuation engine all fibers of a scheduler share one carrier thread, so
 * {@code synchronized}/{@code ReentrantLock} could not tell them apart, and blocking the carrier
 * would stop every fiber on it. A fiber waiting for the lock parks; the others keep running.
 * Works across schedulers (spawn workers) and plain threads.
 */
final class FiberLock {
    private FiberWaiter owner;
    private int holds;
    private final FiberWaitSet waiters = new FiberWaitSet(this);

    /** Acquires the lock for the running fiber/thread (reentrant). */
    void lock() {
        FiberWaiter me = FiberWaiter.current();
        while (true) {
            synchronized (this) {
                if (owner == null) {
                    owner = me;
                    holds = 1;
                    return;
                }
                if (owner == me) {
                    holds++;
                    return;
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
    void unlock() {
        FiberWaiter next;
        synchronized (this) {
            if (--holds > 0) {
                return;
            }
            next = waiters.pick(owner, 0);
            owner = null;
        }
        if (next != null) {
            next.unpark();
        }
    }
}
