package io.datum.openimages.internal.read;

import io.datum.spi.DatasetException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compact set of item ids, each given an ordinal in insertion order. Open Images has millions
 * of items; a {@code HashMap<String, Integer>} costs about 100 bytes per id, this table about 30
 * (the UTF-8 bytes in one array, offsets and hashes in int arrays, open addressing). Not
 * thread-safe while growing; safe to read concurrently afterwards.
 */
public final class IdTable {
    private static final int MAX_ARENA = Integer.MAX_VALUE - 16;
    private static final int HINT_SPAN = 8;

    private byte[] arena = new byte[1 << 12];
    private int arenaSize;
    private int[] offsets = new int[256];
    private int[] hashes = new int[256];
    /** Ordinal + 1 per slot; 0 = empty. Capacity is a power of two, at most half full. */
    private int[] slots = new int[512];
    private int size;

    public int size() {
        return size;
    }

    /** The ordinal of {@code id}, or -1. */
    public int get(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        return get(key, 0, key.length, -1);
    }

    /**
     * The ordinal of {@code id}, or -1, looking first at the few ordinals from {@code hint} on:
     * a file sorted like the table meets its ids in ordinal order, mostly with small gaps, and
     * comparing neighbouring keys in the arena is cheaper than a probe into the slots. A negative
     * hint looks nowhere first.
     */
    public int get(String id, int hint) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        return get(key, 0, key.length, hint);
    }

    /** The ordinal of the id spelled by the UTF-8 bytes {@code key[from, to)}, or -1 (no String needed). */
    public int get(byte[] key, int from, int to) {
        return get(key, from, to, -1);
    }

    /** {@link #get(String, int)} of the UTF-8 bytes {@code key[from, to)}. */
    public int get(byte[] key, int from, int to, int hint) {
        int hash = hash(key, from, to);
        // hashes first: most neighbours differ, and comparing them is cheaper than comparing keys
        for (int ordinal = hint, end = Math.min(size, hint + HINT_SPAN); ordinal >= 0 && ordinal < end; ordinal++) {
            if (hashes[ordinal] == hash && keyEquals(ordinal, key, from, to)) {
                return ordinal;
            }
        }
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int entry = slots[i] - 1;
            if (entry < 0) {
                return -1;
            }
            if (hashes[entry] == hash && keyEquals(entry, key, from, to)) {
                return entry;
            }
        }
    }

    /**
     * Looks up every id of the batch, as {@link #get(byte[], int, int)} one by one would, but
     * stage by stage for all of them: their slots, then the hashes of the entries there, then
     * those entries' offsets and keys. Ids in no particular order in a table larger than the
     * caches miss the cache (and the TLB) at every step; one by one, each miss waits for the one
     * before, while a stage's loads are independent of each other, so their misses overlap
     * (about three times faster for a few million ids).
     */
    public void getAll(Batch batch) {
        int n = batch.size;
        int mask = slots.length - 1;
        int[] starts = batch.starts;
        int[] found = batch.ordinals;
        int[] slot = batch.slots;
        int[] pending = batch.pending;
        for (int k = 0; k < n; k++) {
            int hash = hash(batch.keys, starts[k], starts[k + 1]);
            batch.hashes[k] = hash;
            slot[k] = hash & mask;
            pending[k] = k;
        }
        // ids whose slot holds an entry of another hash probe on, round after round
        for (int left = n; left > 0; ) {
            for (int p = 0; p < left; p++) {
                int k = pending[p];
                found[k] = slots[slot[k]] - 1;
            }
            int stillLeft = 0;
            for (int p = 0; p < left; p++) {
                int k = pending[p];
                int entry = found[k];
                if (entry >= 0 && hashes[entry] != batch.hashes[k]) {
                    slot[k] = (slot[k] + 1) & mask;
                    pending[stillLeft++] = k;
                }
            }
            left = stillLeft;
        }
        // the candidates' keys: where they start (the slots are done with), then their bytes
        int[] keyStart = slot;
        for (int k = 0; k < n; k++) {
            int entry = found[k];
            keyStart[k] = entry >= 0 ? offsets[entry] : 0;
        }
        for (int k = 0; k < n; k++) {
            int entry = found[k];
            if (entry >= 0) {
                int keyEnd = entry + 1 < size ? offsets[entry + 1] : arenaSize;
                if (!Arrays.equals(arena, keyStart[k], keyEnd, batch.keys, starts[k], starts[k + 1])) {
                    // another key with the same hash: rare enough to look up alone
                    found[k] = get(batch.keys, starts[k], starts[k + 1], -1);
                }
            }
        }
    }

    /** Ids to look up together ({@link #getAll}); one thread's, reused from batch to batch. */
    public static final class Batch {
        private byte[] keys = new byte[1 << 10];
        /** Where each id starts in {@link #keys}; one more entry marks the end of the last. */
        private final int[] starts;
        private final int[] hashes;
        private final int[] slots;
        private final int[] pending;
        private final int[] ordinals;
        private int size;

        public Batch(int capacity) {
            starts = new int[capacity + 1];
            hashes = new int[capacity];
            slots = new int[capacity];
            pending = new int[capacity];
            ordinals = new int[capacity];
        }

        public int size() {
            return size;
        }

        public boolean isFull() {
            return size == ordinals.length;
        }

        /** Adds the id spelled by the UTF-8 bytes {@code utf8[from, to)}. */
        public void add(byte[] utf8, int from, int to) {
            int at = starts[size];
            int length = to - from;
            if (keys.length - at < length) {
                keys = Arrays.copyOf(keys, Math.max(keys.length * 2, at + length));
            }
            System.arraycopy(utf8, from, keys, at, length);
            starts[++size] = at + length;
        }

        /** The ordinal of the {@code k}-th id after {@link #getAll}, or -1. */
        public int ordinal(int k) {
            return ordinals[k];
        }

        /** Whether the {@code k}-th id is spelled by the UTF-8 bytes {@code other[0, length)}. */
        public boolean idEquals(int k, byte[] other, int length) {
            return Arrays.equals(keys, starts[k], starts[k + 1], other, 0, length);
        }

        /** Copies the {@code k}-th id's bytes to the start of {@code into} (when it has room); returns their number. */
        public int copyId(int k, byte[] into) {
            int length = starts[k + 1] - starts[k];
            if (length <= into.length) {
                System.arraycopy(keys, starts[k], into, 0, length);
            }
            return length;
        }

        public String id(int k) {
            return new String(keys, starts[k], starts[k + 1] - starts[k], StandardCharsets.UTF_8);
        }

        public void clear() {
            size = 0;
        }
    }

    /** Adds {@code id} if absent; returns its ordinal either way. */
    public int add(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        return add(key, 0, key.length);
    }

    /** Adds the id spelled by the UTF-8 bytes {@code key[from, to)} if absent; returns its ordinal either way. */
    public int add(byte[] key, int from, int to) {
        int hash = hash(key, from, to);
        int mask = slots.length - 1;
        int i = hash & mask;
        for (; ; i = (i + 1) & mask) {
            int entry = slots[i] - 1;
            if (entry < 0) {
                break;
            }
            if (hashes[entry] == hash && keyEquals(entry, key, from, to)) {
                return entry;
            }
        }
        int ordinal = size;
        store(key, from, to, hash);
        slots[i] = ordinal + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return ordinal;
    }

    public String id(int ordinal) {
        int off = offsets[ordinal];
        int end = ordinal + 1 < size ? offsets[ordinal + 1] : arenaSize;
        return new String(arena, off, end - off, StandardCharsets.UTF_8);
    }

    private void store(byte[] key, int from, int to, int hash) {
        int length = to - from;
        if ((long) arenaSize + length > MAX_ARENA) {
            throw new DatasetException("too many item ids (more than 2 GB of ids)");
        }
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, (int) Math.min(MAX_ARENA, Math.max((long) arena.length * 2, (long) arenaSize + length)));
        }
        System.arraycopy(key, from, arena, arenaSize, length);
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        offsets[size] = arenaSize;
        hashes[size] = hash;
        arenaSize += length;
        size++;
    }

    private boolean keyEquals(int entry, byte[] key, int from, int to) {
        int off = offsets[entry];
        int end = entry + 1 < size ? offsets[entry + 1] : arenaSize;
        return Arrays.equals(arena, off, end, key, from, to);
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int i = hashes[entry] & mask;
            while (bigger[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger[i] = entry + 1;
        }
        slots = bigger;
    }

    private static int hash(byte[] key, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + key[i];
        }
        // spread the bits: ids often differ only in their last characters
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }
}
