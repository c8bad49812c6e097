package io.datum.openimages.internal.read;

import io.datum.model.LabelCategories;
import io.datum.support.io.PackedBytes;
import java.nio.charset.StandardCharsets;

/**
 * Label indexes looked up by the UTF-8 bytes of their names, as CSV cells hold them: every label,
 * box and mask row names its label, and a {@code HashMap<String, Integer>} lookup needed a new
 * String and its hash per row. Read-only once built, so the reading threads of a pass share one.
 *
 * <p>Names of up to {@value #PACKED_BYTES} bytes (Open Images' {@code /m/...} ids are 7 to 11)
 * are held as two longs and a length in a table of their own, so that a lookup reads the cell as
 * two longs, mixes them into a slot and compares two longs there: no byte-by-byte hash and no
 * comparison of byte ranges, which made about half the CPU time of parsing a label or box row.
 * Longer names go to an {@link IdTable}.
 */
final class LabelIndex {
    private static final int PACKED_BYTES = PackedBytes.MAX_BYTES;

    /** Names longer than {@value #PACKED_BYTES} bytes, with their label index in {@link #longIndexes}. */
    private final IdTable longNames = new IdTable();
    private int[] longIndexes = new int[8];
    /**
     * Open addressing over the packed names, three longs a slot so that a probe reads one cache
     * line (Google's 20 000 classes are looked up in random order, millions of times): the name's
     * first and last 8 bytes, then (length << 24 | index) + 1, 0 when empty. At most half full.
     */
    private final long[] slots;
    private final int mask;

    LabelIndex(LabelCategories labels) {
        int capacity = Integer.highestOneBit(Math.max(4, labels.size()) * 2 - 1) << 1;
        slots = new long[capacity * 3];
        mask = capacity - 1;
        for (int i = 0; i < labels.size(); i++) {
            byte[] name = labels.get(i).name().getBytes(StandardCharsets.UTF_8);
            if (name.length > PACKED_BYTES || i >= 1 << 24) {
                int ordinal = longNames.add(name, 0, name.length);
                if (ordinal == longIndexes.length) {
                    longIndexes = java.util.Arrays.copyOf(longIndexes, ordinal * 2);
                }
                longIndexes[ordinal] = i;
                continue;
            }
            long low = PackedBytes.first(name, 0, name.length);
            long high = PackedBytes.second(name, 0, name.length);
            int slot = slot(low, high, name.length);
            while (slots[3 * slot + 2] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[3 * slot] = low;
            slots[3 * slot + 1] = high;
            slots[3 * slot + 2] = (name.length << 24 | i) + 1;
        }
    }

    /** The index of the label named by {@code utf8[from, to)}, or -1. */
    int find(byte[] utf8, int from, int to) {
        int length = to - from;
        if (length > PACKED_BYTES) {
            int ordinal = longNames.get(utf8, from, to);
            return ordinal < 0 ? -1 : longIndexes[ordinal];
        }
        long low = PackedBytes.first(utf8, from, length);
        long high = PackedBytes.second(utf8, from, length);
        int expected = length << 24;
        for (int slot = slot(low, high, length); ; slot = (slot + 1) & mask) {
            int at = 3 * slot;
            int entry = (int) slots[at + 2] - 1;
            if (entry < 0) {
                return -1;
            }
            if ((entry & 0xFF00_0000) == expected && slots[at] == low && slots[at + 1] == high) {
                return entry & 0xFF_FFFF;
            }
        }
    }

    private int slot(long low, long high, int length) {
        long h = (low * 0x9E3779B97F4A7C15L) ^ (high * 0xC2B2AE3D27D4EB4FL) ^ length;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
