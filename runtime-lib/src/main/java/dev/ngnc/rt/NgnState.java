package dev.ngnc.rt;

/**
 * ngn {@code state(v)}: a mutable cell shared by reference between closures, fibers and spawn
 * tasks. Prints as its current value.
 *
 * <p>{@link #update} is atomic with respect to other updates and writes, across fibers and OS
 * threads: it holds a {@link FiberLock} (owned by the fiber, so a fiber waiting for it parks
 * instead of blocking its carrier, and the closure may itself block, e.g. on a channel).
 * {@link #read} never blocks: it returns the last stored value (values are immutable once stored,
 * being shared copy-on-write).
 */
public final class NgnState {
    private volatile Object value;
    private final FiberLock lock = new FiberLock();

    /** ngn {@code state(v)}; {@code v} is shared (the cell keeps its own reference). */
    public static NgnState of(Object initial) {
        return new NgnState(initial);
    }

    public NgnState(Object initial) {
        this.value = Values.share(initial);
    }

    /** ngn {@code s.read()}: the current value (shared, so the caller may keep it). */
    public Object read() {
        return Values.share(value);
    }

    /** ngn {@code s.write(v)}: replaces the value (waits for an update in progress). */
    public void write(Object v) {
        Object shared = Values.share(v);
        lock.lock();
        try {
            value = shared;
        } finally {
            lock.unlock();
        }
    }

    /**
     * ngn {@code s.update(f)}: stores {@code f(current)}; the closure receives a shared copy
     * and runs while the cell is locked, so concurrent updates do not interleave.
     */
    public void update(NgnFn f) {
        lock.lock();
        try {
            value = Values.share(f.call1(Values.share(value)));
        } finally {
            lock.unlock();
        }
    }

    /** Current value for printing (no sharing). */
    Object peek() {
        return value;
    }

    /** {@code fmt}: the current value's text. */
    @Override
    public String toString() {
        return Fmt.str(this);
    }
}
