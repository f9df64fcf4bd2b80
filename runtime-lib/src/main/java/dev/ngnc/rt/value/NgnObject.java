package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import java.util.Arrays;
import java.util.HashMap;

/**
 * An anonymous ngn object {@code {a: 1, "x-y": 2}}: string keys in insertion order, boxed
 * values, value semantics via copy-on-write (see {@link Shareable}). Prints as
 * {@code {k: v, k2: v2}}.
 *
 * <p>{@link #set} must only be called on a {@link #writable()} result. {@link #get} returns
 * the stored reference unshared: generated code must {@code share()} it if it keeps it.
 */
public final class NgnObject implements Shareable {
    private static final int INDEX_THRESHOLD = 8;

    private String[] keys;
    private Object[] values;
    private int count;
    private boolean shared;
    /** Key → position, built lazily for objects with many fields. */
    private HashMap<String, Integer> index;

    private NgnObject(String[] keys, Object[] values, int count) {
        this.keys = keys;
        this.values = values;
        this.count = count;
    }

    /**
     * An object with the given fields, in order; takes ownership of both arrays. A repeated
     * key keeps its first position and its last value.
     */
    public static NgnObject of(String[] keys, Object[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException("keys/values length mismatch");
        }
        NgnObject o = new NgnObject(keys, values, keys.length);
        if (hasDuplicates(keys)) {
            o = new NgnObject(new String[keys.length], new Object[keys.length], 0);
            for (int i = 0; i < keys.length; i++) {
                o.put(keys[i], values[i]);
            }
        }
        return o;
    }

    /** A new object without fields. */
    public static NgnObject empty() {
        return new NgnObject(new String[4], new Object[4], 0);
    }

    private static boolean hasDuplicates(String[] keys) {
        if (keys.length > INDEX_THRESHOLD) {
            return new java.util.HashSet<>(Arrays.asList(keys)).size() != keys.length;
        }
        for (int i = 0; i < keys.length; i++) {
            for (int j = 0; j < i; j++) {
                if (keys[i].equals(keys[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- copy-on-write ----

    /** Marks this object shared; O(1). Returns this. */
    @Override
    public NgnObject share() {
        shared = true;
        return this;
    }

    /** This object if unshared, else an unshared copy whose copy-on-write values are shared. */
    @Override
    public NgnObject writable() {
        if (!shared) {
            return this;
        }
        Values.shareAll(values, count);
        return new NgnObject(Arrays.copyOf(keys, count + 1), Arrays.copyOf(values, count + 1), count);
    }

    @Override
    public boolean isShared() {
        return shared;
    }

    // ---- access ----

    private int find(String key) {
        if (count > INDEX_THRESHOLD) {
            if (index == null) {
                HashMap<String, Integer> m = new HashMap<>(count * 2);
                for (int i = 0; i < count; i++) {
                    m.put(keys[i], i);
                }
                index = m;
            }
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < count; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** ngn {@code o.key}; a missing key ⇒ RT {@code Field 'key' not found in object}. */
    public Object get(String key) {
        int i = find(key);
        if (i < 0) {
            throw NgnError.runtime("Field '" + key + "' not found in object");
        }
        return values[i];
    }

    /**
     * Maybe-style access (destructuring, {@code ?.}): {@code Value(v)} (with {@code v} shared)
     * or {@code Null} if the key is missing.
     */
    public NgnEnum getMaybe(String key) {
        int i = find(key);
        return i < 0 ? NgnEnum.NULL : NgnEnum.value(Values.share(values[i]));
    }

    /** Whether the object has field {@code key}. */
    public boolean has(String key) {
        return find(key) >= 0;
    }

    /**
     * ngn {@code o.key = v}: replaces the field's value, or appends a new field. Only on a
     * {@link #writable()} result.
     */
    public void set(String key, Object value) {
        if (shared) {
            throw NgnError.internal("mutation of a shared object (missing writable())");
        }
        put(key, value);
    }

    private void put(String key, Object value) {
        int i = find(key);
        if (i >= 0) {
            values[i] = value;
            return;
        }
        if (count == keys.length) {
            int cap = Math.max(4, count * 2);
            keys = Arrays.copyOf(keys, cap);
            values = Arrays.copyOf(values, cap);
        }
        keys[count] = key;
        values[count] = value;
        count++;
        if (index != null) {
            index.put(key, count - 1);
        }
    }

    /** The keys in insertion order (a fresh array). */
    public String[] keys() {
        return Arrays.copyOf(keys, count);
    }

    /** Number of fields. */
    public int fieldCount() {
        return count;
    }

    /** Key at position {@code i} (insertion order). */
    public String keyAt(int i) {
        return keys[i];
    }

    /** Value at position {@code i} (insertion order), unshared. */
    public Object valueAt(int i) {
        return values[i];
    }

    /**
     * A new object with the fields not named in {@code excluded} (destructuring
     * {@code ...rest}); values are shared.
     */
    public NgnObject withoutKeys(NgnArray excluded) {
        String[] names = new String[excluded.length()];
        for (int i = 0; i < names.length; i++) names[i] = (String) excluded.rawGet(i);
        return without(names);
    }

    /** {@link #withoutKeys} for Java callers. */
    public NgnObject without(String... excluded) {
        NgnObject out = empty();
        outer:
        for (int i = 0; i < count; i++) {
            for (String e : excluded) {
                if (e.equals(keys[i])) {
                    continue outer;
                }
            }
            out.put(keys[i], Values.share(values[i]));
        }
        return out;
    }

    String[] rawKeys() {
        return keys;
    }

    public Object[] rawValues() {
        return values;
    }

    boolean sameFields(NgnObject o) {
        if (count != o.count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            int j = o.find(keys[i]);
            if (j < 0 || !Values.equals(values[i], o.values[j])) {
                return false;
            }
        }
        return true;
    }

    int fieldsHash() {
        int h = 0x6f626a;
        for (int i = 0; i < count; i++) {
            h += keys[i].hashCode() ^ Values.hash(values[i]);
        }
        return h;
    }

    /** {@code fmt} of this object, e.g. {@code {a: 1, b: x}}. */
    @Override
    public String toString() {
        return Fmt.str(this);
    }
}
