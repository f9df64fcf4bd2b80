package dev.ngnc.rt.value;
import java.util.Arrays;
import java.util.HashMap;

/**
 * The insertion-ordered hash table behind {@link NgnMap} and {@link NgnSet}: entries live in parallel arrays in
 * insertion order, chained per bucket through an {@code int} array (.NET's {@code Dictionary} layout, without its
 * free list, which would break the order). Against a {@code LinkedHashMap} that is no node object per entry (less
 * memory, fewer reference stores for the collector's barriers) and a copy-on-write copy is five array copies.
 * Buckets are picked by the low bits of the (spread) hash, so sequential integer keys touch the bucket array in
 * order (measured faster than open addressing with Fibonacci hashing, whose spread costs cache
 * misses, and than linear probing on low bits, which clusters on strings that differ in their last character).
 *
 * <p>Invariants:
 * <ul>
 *   <li>Entries {@code 0 .. end-1} are in insertion order; a removed entry keeps its place with
 *   {@code keys[i] == REMOVED} until the next rebuild, and is unlinked from its chain; {@code live} counts the
 *   others.</li>
 *   <li>{@code buckets} has a power-of-two length, twice {@code keys.length}; each live entry is on exactly one
 *   chain, that of {@code spread(hashes[e])}, newest first.</li>
 *   <li>Keys are normalized ngn keys ({@link MapKeys#normalize}): Java {@code equals}/{@code hashCode} is ngn
 *   key equality.</li>
 *   <li>Keys crafted to share a bucket (equal hash codes are easy to make for strings) would make chains linear:
 *   once an insertion finds more than {@link #LONG_PROBE} entries in its bucket, the table switches for good to a
 *   {@code HashMap} from key to entry ({@code fallback}, which bins such keys in trees) and stops maintaining the
 *   chains.</li>
 * </ul>
 * Not thread-safe; callers follow the copy-on-write protocol of {@link Shareable}.
 */
final class OrderedTable {
    private static final Object REMOVED = new Object();
    static final int LONG_PROBE = 48;
    private static final int MIN_ENTRIES = 8;

    private Object[] keys;
    private Object[] values;
    private int[] hashes;
    /** entry + 1 of the newest entry in each bucket's chain, 0 when empty. */
    private int[] buckets;
    /** the next older entry of the same bucket, −1 at the end. */
    private int[] next;
    private int end;
    private int live;
    private HashMap<Object, Integer> fallback;

    OrderedTable() {
        allocate(MIN_ENTRIES);
    }

    private OrderedTable(OrderedTable from) {
        keys = from.keys.clone();
        values = from.values.clone();
        hashes = from.hashes.clone();
        buckets = from.buckets.clone();
        next = from.next.clone();
        end = from.end;
        live = from.live;
        fallback = from.fallback == null ? null : new HashMap<>(from.fallback);
    }

    /** An independent copy (the keys and values themselves are not copied). */
    OrderedTable copy() {
        return new OrderedTable(this);
    }

    private void allocate(int entryCapacity) {
        keys = new Object[entryCapacity];
        values = new Object[entryCapacity];
        hashes = new int[entryCapacity];
        next = new int[entryCapacity];
        buckets = new int[entryCapacity * 2];
    }

    /**
     * Java 7's {@code HashMap} supplemental hash: folds higher bits into the low ones, so strided keys (multiples
     * of 1024, of 2^20, …) spread over the buckets while sequential keys stay nearly in order.
     */
    private static int spread(int h) {
        h ^= (h >>> 20) ^ (h >>> 12);
        return h ^ (h >>> 7) ^ (h >>> 4);
    }

    int size() {
        return live;
    }

    /** The entry holding {@code key}, or −1. */
    int find(Object key) {
        return find(key, key.hashCode());
    }

    /** {@link #find(Object)} with {@code h == key.hashCode()} (an insertion needs the hash again). */
    private int find(Object key, int h) {
        if (fallback != null) {
            Integer e = fallback.get(key);
            return e == null ? -1 : e;
        }
        for (int e = buckets[spread(h) & (buckets.length - 1)] - 1; e >= 0; e = next[e]) {
            if (hashes[e] == h && key.equals(keys[e])) {
                return e;
            }
        }
        return -1;
    }

    boolean contains(Object key) {
        return find(key) >= 0;
    }

    /** The value stored for {@code key}, or {@code absent} when there is none. */
    Object get(Object key, Object absent) {
        int e = find(key);
        return e < 0 ? absent : values[e];
    }

    /** Sets {@code key} to {@code value}; returns true if the key was new (it then goes last). */
    boolean put(Object key, Object value) {
        int h = key.hashCode();
        int e = find(key, h);
        if (e >= 0) {
            values[e] = value;
            return false;
        }
        append(key, value, h);
        return true;
    }

    /** Adds {@code key} with {@code value} unless present; returns true if it was added. */
    boolean putIfAbsent(Object key, Object value) {
        int h = key.hashCode();
        if (find(key, h) >= 0) {
            return false;
        }
        append(key, value, h);
        return true;
    }

    private void append(Object key, Object value, int h) {
        if (end == keys.length) {
            rebuild(live >= keys.length / 2 ? keys.length * 2 : keys.length);
        }
        int e = end++;
        keys[e] = key;
        values[e] = value;
        hashes[e] = h;
        live++;
        if (fallback != null) {
            fallback.put(key, e);
        } else if (link(e, h) > LONG_PROBE) {
            fallback = new HashMap<>();
            for (int i = 0; i < end; i++) {
                if (keys[i] != REMOVED) {
                    fallback.put(keys[i], i);
                }
            }
        }
    }

    /** Pushes entry {@code e} on its bucket's chain; returns how many entries were on it (counted up to past the limit). */
    private int link(int e, int hash) {
        int b = spread(hash) & (buckets.length - 1);
        next[e] = buckets[b] - 1;
        buckets[b] = e + 1;
        int n = 0;
        for (int x = next[e]; x >= 0 && n <= LONG_PROBE; x = next[x]) {
            n++;
        }
        return n;
    }

    /** Removes {@code key}; returns its value, or {@code absent} if it was not there. */
    Object remove(Object key, Object absent) {
        int e = find(key);
        if (e < 0) {
            return absent;
        }
        Object old = values[e];
        if (fallback == null) {
            int b = spread(hashes[e]) & (buckets.length - 1);
            if (buckets[b] - 1 == e) {
                buckets[b] = next[e] + 1;
            } else {
                int p = buckets[b] - 1;
                while (next[p] != e) {
                    p = next[p];
                }
                next[p] = next[e];
            }
        } else {
            fallback.remove(key);
        }
        keys[e] = REMOVED;
        values[e] = null;
        live--;
        return old;
    }

    void clear() {
        allocate(MIN_ENTRIES);
        end = 0;
        live = 0;
        fallback = null;
    }

    /** Compacts the removed entries away into arrays of {@code entryCapacity} and re-links the chains. */
    private void rebuild(int entryCapacity) {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        int oldEnd = end;
        allocate(entryCapacity);
        end = 0;
        for (int i = 0; i < oldEnd; i++) {
            if (oldKeys[i] != REMOVED) {
                keys[end] = oldKeys[i];
                values[end] = oldValues[i];
                hashes[end] = oldHashes[i];
                end++;
            }
        }
        live = end;
        if (fallback == null) {
            for (int i = 0; i < end; i++) {
                link(i, hashes[i]);
            }
        } else {
            fallback.clear();
            for (int i = 0; i < end; i++) {
                fallback.put(keys[i], i);
            }
        }
    }

    // ---- iteration in insertion order: for (int i = 0; i < end(); i++) if (isLive(i)) … ----

    int end() {
        return end;
    }

    boolean isLive(int e) {
        return keys[e] != REMOVED;
    }

    Object keyAt(int e) {
        return keys[e];
    }

    Object valueAt(int e) {
        return values[e];
    }

    /** The live keys in insertion order. */
    Object[] keyArray() {
        return live == end ? Arrays.copyOf(keys, end) : collect(keys);
    }

    /** The live values in insertion order. */
    Object[] valueArray() {
        return live == end ? Arrays.copyOf(values, end) : collect(values);
    }

    private Object[] collect(Object[] column) {
        Object[] out = new Object[live];
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (keys[i] != REMOVED) {
                out[n++] = column[i];
            }
        }
        return out;
    }

    /** Whether lookups go through the collision-proof fallback (for tests). */
    boolean usesFallback() {
        return fallback != null;
    }
}
