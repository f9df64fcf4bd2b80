package dev.ngnc.rt.value;

import dev.ngnc.rt.fiber.FiberLock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * ngn {@code state(v)}: a mutable cell shared by reference between closures, fibers and spawn
 * tasks. Prints as its current value.
 *
 * <p>{@link #update} is atomic with respect to other updates and writes, across fibers and OS
 * threads: it holds a {@link FiberLock} (owned by the fiber, so a fiber waiting for it parks
 * instead of blocking its carrier, and the closure may itself block, e.g. on a channel).
 * {@link #read} never blocks: it returns the last stored value (values are immutable once stored,
 * being shared copy-on-write).
 *
 * <p><b>Representation.</b> An integer value is kept unboxed, in {@link #num}, with the marker
 * {@link #LONG} in {@link #value}; any other value is in {@link #value}. Why: a counter updated
 * with {@code s.update(|t| t + 1)} then costs no allocation once the JIT inlines the closure
 * (the box passed to it and the one it returns are eliminated), where storing each new
 * {@code Long} cost an allocation and a GC write barrier per update. Values are immutable
 * integers either way, so nothing observable changes.
 *
 * <p><b>Memory ordering.</b> Fields are written only by the lock holder, and read plainly by it
 * (the lock orders the updates). {@link #read} does not lock: it reads {@link #value} with
 * acquire semantics, and a value other than a number is stored after a release fence, so the
 * reader sees it fully built; {@link #num} is read opaquely (not hoisted, never torn: a plain
 * {@code long} store is a single 64-bit store on 64-bit HotSpot, the JVMs ngnc targets).
 */
public final class NgnState {
    private static final VarHandle VALUE;
    private static final VarHandle NUM;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            VALUE = l.findVarHandle(NgnState.class, "value", Object.class);
            NUM = l.findVarHandle(NgnState.class, "num", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Marker in {@link #value}: the value is the integer in {@link #num}. */
    private static final Object LONG = new Object();

    /** The current value (shared), or {@link #LONG}. */
    private Object value;
    /** The current value when {@link #value} is {@link #LONG}. */
    private long num;
    private final FiberLock lock = new FiberLock();

    /** ngn {@code state(v)}; {@code v} is shared (the cell keeps its own reference). */
    public static NgnState of(Object initial) {
        return new NgnState(initial);
    }

    public NgnState(Object initial) {
        store(initial);
    }

    /** ngn {@code s.read()}: the current value (shared, so the caller may keep it). */
    public Object read() {
        Object v = VALUE.getAcquire(this);
        if (v == LONG) {
            return (long) NUM.getOpaque(this);
        }
        return Values.share(v);
    }

    /** ngn {@code s.write(v)}: replaces the value (waits for an update in progress). */
    public void write(Object v) {
        lock.lock();
        try {
            store(v);
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
            Object v = value;
            if (v == LONG && f.longToLong()) {
                num = f.callJJ(num); // what store(Long) does, without boxing the value both ways
                return;
            }
            store(f.call1(v == LONG ? (Object) num : Values.share(v)));
        } finally {
            lock.unlock();
        }
    }

    /** Stores {@code v} (shared); by the lock holder (or the constructor). */
    private void store(Object v) {
        if (v instanceof Long l) {
            num = l;
            if (value != LONG) {
                VarHandle.releaseFence(); // num before the marker (a reader reads them in the other order)
                value = LONG;
            }
        } else {
            Values.share(v);
            VarHandle.releaseFence(); // v complete before it is visible to readers
            value = v;
        }
    }

    /** Current value for printing (no sharing). */
    Object peek() {
        Object v = VALUE.getAcquire(this);
        return v == LONG ? (Object) (long) NUM.getOpaque(this) : v;
    }

    /** {@code fmt}: the current value's text. */
    @Override
    public String toString() {
        return Fmt.str(this);
    }
}
