package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import java.util.Arrays;
import java.util.Iterator;

/**
 * An ngn {@code set<T>}: insertion-ordered, deduplicated by ngn {@code ==}; valid elements
 * are numbers, strings, bools and bytes (others ⇒ RT, e.g.
 * {@code Arrays cannot be used as map keys or set values}). Value semantics via copy-on-write
 * (see {@link Shareable}). Prints as {@code set{a, b}}; iterable in insertion order. Never
 * {@code ==} to anything.
 *
 * <p>{@link #add}, {@link #remove} and {@link #clear} must only be called on a
 * {@link #writable()} result. To iterate while the loop body may change the variable,
 * {@code share()} the set first (the body's mutations then go to a copy).
 */
public final class NgnSet implements Shareable, Iterable<Object> {
    /** normalized element → the element as first added, in insertion order. */
    private final OrderedTable elems;
    private boolean shared;

    private NgnSet(OrderedTable elems) {
        this.elems = elems;
    }

    /** ngn {@code set<T>()}: a new empty set. */
    public static NgnSet empty() {
        return new NgnSet(new OrderedTable());
    }

    /** ngn {@code set([…])}: the distinct elements of {@code items}, first occurrence order. */
    public static NgnSet of(NgnArray items) {
        NgnSet s = empty();
        for (int i = 0; i < items.length(); i++) {
            s.put(items.rawGet(i));
        }
        return s;
    }

    // ---- copy-on-write ----

    /** Marks this set shared; O(1). Returns this. */
    @Override
    public NgnSet share() {
        shared = true;
        return this;
    }

    /** This set if unshared, else an unshared copy (elements are immutable values). */
    @Override
    public NgnSet writable() {
        return shared ? new NgnSet(elems.copy()) : this;
    }

    @Override
    public boolean isShared() {
        return shared;
    }

    private void checkWritable() {
        if (shared) {
            throw NgnError.internal("mutation of a shared set (missing writable())");
        }
    }

    // ---- methods ----

    /** ngn {@code s.size()}. */
    public long size() {
        return elems.size();
    }

    /** ngn {@code s.has(v)}. */
    public boolean has(Object v) {
        return elems.contains(MapKeys.normalize(v));
    }

    /**
     * ngn {@code s.add(v)}: adds {@code v} if absent; returns this set (so chains apply every
     * call). A caller that keeps the result as a second reference must {@code share()} it.
     */
    public NgnSet add(Object v) {
        checkWritable();
        put(v);
        return this;
    }

    private void put(Object v) {
        elems.putIfAbsent(MapKeys.normalize(v), v);
    }

    /** ngn {@code s.remove(v)}: removes {@code v}; true iff it was present. */
    public boolean remove(Object v) {
        checkWritable();
        return elems.remove(MapKeys.normalize(v), this) != this;
    }

    /** ngn {@code s.clear()}: removes every element. */
    public void clear() {
        checkWritable();
        elems.clear();
    }

    /** The elements in insertion order (a fresh array, for {@code for} loops). */
    public Object[] toArray() {
        return elems.valueArray();
    }

    /** The elements as a new ngn array. */
    public NgnArray toNgnArray() {
        return NgnArray.of(toArray());
    }

    /** Iterates a snapshot of the elements in insertion order. */
    @Override
    public Iterator<Object> iterator() {
        return Arrays.asList(toArray()).iterator();
    }

    /** {@code fmt}: {@code set{a, b}}. */
    @Override
    public String toString() {
        return Fmt.str(this);
    }
}
