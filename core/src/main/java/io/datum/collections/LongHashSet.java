package io.datum.collections;

/**
 * A set of 64-bit keys in one {@code long[]} (open addressing): 16 bytes per key instead of the
 * ~80 of a {@code HashSet<String>}. Used with {@link #hash} to remember millions of frame or item
 * names; two names with the same 64-bit hash (odds ~10^-8 for a million names) count as one, so a
 * user that must be exact confirms a repeat another way.
 */
public final class LongHashSet {
    private long[] table = new long[64];
    private int size;
    private boolean hasZero;

    /** Adds the key; false when it was already there. */
    public boolean add(long key) {
        if (key == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        if (insert(table, key)) {
            size++;
            return true;
        }
        return false;
    }

    /** Whether the key is in the set. */
    public boolean contains(long key) {
        if (key == 0) {
            return hasZero;
        }
        int mask = table.length - 1;
        for (int i = (int) (key ^ (key >>> 32)) & mask; table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == key) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds every key of {@code other}; false when one was already here, but for {@code repeat}
     * when {@code allowRepeat}.
     */
    public boolean addAll(LongHashSet other, boolean allowRepeat, long repeat) {
        boolean none = true;
        if (other.hasZero) {
            none = add(0) || allowRepeat && repeat == 0;
        }
        for (long k : other.table) {
            if (k != 0 && !add(k) && !(allowRepeat && k == repeat)) {
                none = false;
            }
        }
        return none;
    }

    private static boolean insert(long[] t, long key) {
        int mask = t.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (t[i] != 0) {
            if (t[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        t[i] = key;
        return true;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long k : table) {
            if (k != 0) {
                insert(bigger, k);
            }
        }
        table = bigger;
    }

    /** A well-mixed 64-bit hash of a string (FNV-1a over the chars, then the SplitMix64 finaliser). */
    public static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
