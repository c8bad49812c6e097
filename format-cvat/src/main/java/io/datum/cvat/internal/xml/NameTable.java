package io.datum.cvat.internal.xml;

import io.datum.support.io.PackedBytes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers for a fixed list of names, looked up straight from the bytes of an attribute value
 * ({@link XmlCursor#lookUp}). A dataset may declare tens of thousands of labels (Open Images
 * has 20 000 classes) that its shapes name millions of times: a name of at most 16 ASCII
 * characters is its own key, two words compared in one open-addressing table, with no String
 * made and no map entry to follow. Longer or non-ASCII names are looked up as Strings. Immutable:
 * one table serves every thread reading a file.
 */
public final class NameTable {
    /** {@link #find} of a value that is none of the names. */
    public static final int UNKNOWN = -1;
    /** {@link XmlCursor#lookUp} when the element has no such attribute. */
    public static final int ABSENT = -2;
    private static final int SHORT = PackedBytes.MAX_BYTES;

    /**
     * Open addressing over small slots, the names kept apart: a slot is an int, the entry's
     * ordinal + 1 in its low half (0: empty) and 16 bits of the name's hash in its high half, so
     * that 20 000 labels take a table of 128 KB that stays in the core's cache, where slots of
     * three longs took 1.5 MB that the streamed file pushed out at every look-up. An entry is
     * the name's bytes as two words, zero-padded (a name holds no NUL, so lengths differ in the
     * words), and its number.
     */
    private final int[] slots;
    private final long[] words;
    private final int[] numbers;
    private final int mask;
    private final int shift;
    private final Map<String, Integer> others = new HashMap<>();
    /** Whether names the slots could have held went to {@link #others}: more than {@link #MAX_ENTRIES}. */
    private final boolean overflowed;
    /** Entries the slots can name (16 bits of ordinal + 1); any further name is looked up as a String. */
    private static final int MAX_ENTRIES = 0xFFFF - 1;

    /** Names and their numbers, {@code numbers.get(i)} for {@code names.get(i)}; a name's first number wins. */
    public NameTable(List<String> names, List<Integer> numbers) {
        int entries = Math.min(names.size(), MAX_ENTRIES);
        int count = 8;
        while (count * 3L < entries * 4L) {
            count <<= 1;  // at most three quarters full
        }
        this.slots = new int[count];
        this.words = new long[2 * entries];
        this.numbers = new int[entries];
        this.mask = count - 1;
        this.shift = 64 - Integer.numberOfTrailingZeros(count);
        long[] w = new long[2];
        int size = 0;
        boolean spilled = false;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int number = numbers.get(i);
            if (!words(name, w)) {
                others.putIfAbsent(name, number);
                continue;
            }
            if (size == entries) {
                if (find(w[0], w[1]) == UNKNOWN) {
                    others.putIfAbsent(name, number);
                    spilled = true;
                }
                continue;
            }
            long hash = hash(w[0], w[1]);
            int tag = (int) hash & 0xFFFF;
            int slot = (int) (hash >>> shift);
            boolean known = false;
            for (int e; (e = slots[slot]) != 0; slot = (slot + 1) & mask) {
                int at = (e & 0xFFFF) - 1;
                if (this.words[2 * at] == w[0] && this.words[2 * at + 1] == w[1]) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                this.words[2 * size] = w[0];
                this.words[2 * size + 1] = w[1];
                this.numbers[size] = number;
                slots[slot] = tag << 16 | (size + 1);
                size++;
            }
        }
        this.overflowed = spilled;
    }

    /** The number of {@code value}, or {@link #UNKNOWN}. */
    public int find(String value) {
        long[] words = new long[2];
        if (!words(value, words)) {
            Integer n = others.get(value);
            return n == null ? UNKNOWN : n;
        }
        int found = find(words[0], words[1]);
        return found == UNKNOWN && overflowed ? others.getOrDefault(value, UNKNOWN) : found;
    }

    /**
     * The number of the ASCII value in {@code bytes[from, to)} (no reference to resolve, no
     * line end to normalise: the bytes are the characters), or {@link #UNKNOWN}.
     */
    public int find(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 0 || length > SHORT) {
            return find(new String(bytes, from, length, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        long word0 = PackedBytes.first(bytes, from, length);
        long word1 = PackedBytes.second(bytes, from, length);
        int found = find(word0, word1);
        return found == UNKNOWN && overflowed
                ? others.getOrDefault(new String(bytes, from, length, java.nio.charset.StandardCharsets.ISO_8859_1), UNKNOWN)
                : found;
    }

    private int find(long word0, long word1) {
        long hash = hash(word0, word1);
        int tag = (int) hash & 0xFFFF;
        for (int slot = (int) (hash >>> shift); ; slot = (slot + 1) & mask) {
            int e = slots[slot];
            if (e == 0) {
                return UNKNOWN;
            }
            if (e >>> 16 == tag) {
                int at = (e & 0xFFFF) - 1;
                if (words[2 * at] == word0 && words[2 * at + 1] == word1) {
                    return numbers[at];
                }
            }
        }
    }

    /** A hash of the words: its top bits choose the slot, its low 16 bits are the slot's tag. */
    private static long hash(long word0, long word1) {
        long h = word0 * 0x9E3779B97F4A7C15L ^ word1 * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 32;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ h >>> 29;
    }

    /** The name's two words when it is 1 to 16 ASCII characters, none of them NUL; else false. */
    private static boolean words(String name, long[] words) {
        int length = name.length();
        if (length == 0 || length > SHORT) {
            return false;
        }
        long word0 = 0;
        long word1 = 0;
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c == 0 || c > 0x7F) {
                return false;
            }
            if (i < 8) {
                word0 |= (long) c << (i << 3);
            } else {
                word1 |= (long) c << ((i - 8) << 3);
            }
        }
        words[0] = word0;
        words[1] = word1;
        return true;
    }
}
