package dev.ngnc.rt.value;

/**
 * A mutable container with ngn value semantics, implemented as copy-on-write with a
 * <em>shared flag</em>.
 *
 * <p>Protocol for generated code:
 * <ul>
 *   <li>Whenever a reference is duplicated (assignment from a variable or element/field read,
 *   argument passing, capture, storing into a container, channel send) call {@link #share()}.
 *   It is O(1) and allocation free. Fresh values (literals, constructor results) need no call.</li>
 *   <li>Before calling a mutating method, replace the local with {@link #writable()}:
 *   {@code a = a.writable(); a.push(x)}.</li>
 * </ul>
 * Once shared, an object stays shared; mutating methods throw an internal error when called
 * on a shared object (that is always a code generator bug).
 */
public interface Shareable {
    /** Marks this object as shared (possibly referenced from more than one place); returns this. */
    Shareable share();

    /**
     * Returns this if it is not shared, else a fresh unshared shallow copy whose copy-on-write
     * elements have been {@code share()}d, so nested values stay independent.
     */
    Shareable writable();

    /** True once {@link #share()} has been called on this object. */
    boolean isShared();
}
