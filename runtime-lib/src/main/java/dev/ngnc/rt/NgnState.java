package dev.ngnc.rt;

/**
 * ngn {@code state(v)}: a mutable cell shared by reference between closures and threads.
 * Prints as its current value. All operations are atomic with respect to each other
 * (the cell's monitor); {@link #update} holds it while the closure runs.
 */
public final class NgnState {
    private Object value;

    /** ngn {@code state(v)}; {@code v} is shared (the cell keeps its own reference). */
    /** ngn {@code state(v)}. */
    public static NgnState of(Object initial) {
        return new NgnState(initial);
    }

    public NgnState(Object initial) {
        this.value = Values.share(initial);
    }

    /** ngn {@code s.read()}: the current value (shared, so the caller may keep it). */
    public synchronized Object read() {
        return Values.share(value);
    }

    /** ngn {@code s.write(v)}: replaces the value. */
    public synchronized void write(Object v) {
        value = Values.share(v);
    }

    /**
     * ngn {@code s.update(f)}: stores {@code f(current)}; the closure receives a shared copy
     * and runs while the cell is locked, so concurrent updates do not interleave.
     */
    public synchronized void update(NgnFn f) {
        value = Values.share(f.call1(Values.share(value)));
    }

    /** Current value for printing (no sharing). */
    synchronized Object peek() {
        return value;
    }

    /** {@code fmt}: the current value's text. */
    @Override
    public String toString() {
        return Fmt.str(this);
    }
}
