package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import java.util.HashMap;

/**
 * An ngn {@code map<K, V>}: insertion-ordered, keys compared by ngn {@code ==}; valid keys
 * are numbers, strings, bools and bytes (others ⇒ RT, e.g.
 * {@code Enums cannot be used as map keys or set values}). Value semantics via copy-on-write
 * (see {@link Shareable}). Prints as {@code map{k: v, k2: v2}}. Never {@code ==} to anything.
 *
 * <p>{@link #set} and {@link #remove} must only be called on a {@link #writable()} result.
 */
public final class NgnMap implements Shareable {
    /** normalized key → value, in insertion order. */
    private final OrderedTable entries;
    /** normalized key → the key as first inserted, only where they differ (e.g. 1.0 vs 1). */
    private HashMap<Object, Object> originalKeys;
    private boolean shared;
    /** What {@link OrderedTable#get} answers for a missing key (stored values may be anything else). */
    private static final Object ABSENT = new Object();

    private NgnMap(OrderedTable entries, HashMap<Object, Object> originalKeys) {
        this.entries = entries;
        this.originalKeys = originalKeys;
    }

    /** ngn {@code map<K, V>()}: a new empty map. */
    public static NgnMap empty() {
        return new NgnMap(new OrderedTable(), null);
    }

    /**
     * ngn {@code map([(k, v), …])}: seeded from an array of 2-tuples; later entries win.
     * A non-pair element ⇒ RT {@code map() expects an array of (key, value) tuples}.
     */
    public static NgnMap of(NgnArray pairs) {
        NgnMap m = empty();
        for (int i = 0; i < pairs.length(); i++) {
            if (!(pairs.rawGet(i) instanceof NgnTuple t) || t.length() != 2) {
                throw NgnError.runtime("map() expects an array of (key, value) tuples");
            }
            m.put(t.rawGet(0), Values.share(t.rawGet(1)));
        }
        return m;
    }

    // ---- copy-on-write ----

    /** Marks this map shared; O(1). Returns this. */
    @Override
    public NgnMap share() {
        shared = true;
        return this;
    }

    /** This map if unshared, else an unshared copy whose copy-on-write values are shared. */
    @Override
    public NgnMap writable() {
        if (!shared) {
            return this;
        }
        for (int i = 0; i < entries.end(); i++) {
            if (entries.isLive(i)) {
                Values.share(entries.valueAt(i));
            }
        }
        return new NgnMap(entries.copy(),
                originalKeys == null ? null : new HashMap<>(originalKeys));
    }

    @Override
    public boolean isShared() {
        return shared;
    }

    private void checkWritable() {
        if (shared) {
            throw NgnError.internal("mutation of a shared map (missing writable())");
        }
    }

    // ---- methods ----

    /** ngn {@code m.size()}. */
    public long size() {
        return entries.size();
    }

    /** ngn {@code m.has(k)}. */
    public boolean has(Object key) {
        return entries.contains(MapKeys.normalize(key));
    }

    /** ngn {@code m.get(k)}: {@code Value(v)} (v shared) or {@code Null}. */
    public NgnEnum get(Object key) {
        Object v = entries.get(MapKeys.normalize(key), ABSENT);
        return v == ABSENT ? NgnEnum.NULL : NgnEnum.value(Values.share(v));
    }

    /**
     * ngn {@code m.get(k) ?? fallback} without building the {@code Value(v)} in between: the emitter's path when the
     * fallback is a constant or a local (so evaluating it before the lookup changes nothing). Same sharing as
     * {@link #get}.
     */
    public Object getOr(Object key, Object fallback) {
        Object v = entries.get(MapKeys.normalize(key), ABSENT);
        return v == ABSENT ? fallback : Values.share(v);
    }

    /**
     * ngn {@code m.set(k, v)}: inserts or replaces; returns this map (so chains
     * {@code m.set(a, 1).set(b, 2)} apply every call). A caller that keeps the result as a
     * second reference must {@code share()} it.
     */
    public NgnMap set(Object key, Object value) {
        checkWritable();
        put(key, value);
        return this;
    }

    private void put(Object key, Object value) {
        Object nk = MapKeys.normalize(key);
        if (entries.put(nk, value) && nk != key) {
            if (originalKeys == null) {
                originalKeys = new HashMap<>();
            }
            originalKeys.put(nk, key);
        }
    }

    /** ngn {@code m.remove(k)}: removes the entry; returns its value, or {@code void} if absent. */
    public Object remove(Object key) {
        checkWritable();
        Object nk = MapKeys.normalize(key);
        Object old = entries.remove(nk, ABSENT);
        if (old == ABSENT) {
            return Unit.VOID;
        }
        if (originalKeys != null) {
            originalKeys.remove(nk);
        }
        return old;
    }

    /** The keys in insertion order (fresh array; for json and the like). */
    public Object[] keys() {
        Object[] out = entries.keyArray();
        if (originalKeys != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = originalKey(out[i]);
            }
        }
        return out;
    }

    /** The values in insertion order (fresh array; references not shared). */
    public Object[] values() {
        return entries.valueArray();
    }

    private Object originalKey(Object nk) {
        if (originalKeys == null) {
            return nk;
        }
        Object k = originalKeys.get(nk);
        return k == null ? nk : k;
    }

    void appendEntries(StringBuilder sb) {
        boolean first = true;
        for (int i = 0; i < entries.end(); i++) {
            if (!entries.isLive(i)) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            Fmt.append(sb, originalKey(entries.keyAt(i)));
            sb.append(": ");
            Fmt.append(sb, entries.valueAt(i));
        }
    }

    /** {@code fmt}: {@code map{k: v, …}}. */
    @Override
    public String toString() {
        return Fmt.str(this);
    }
}
