package io.datum.cvat.internal.xml;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    private static final int SHORT = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Three longs a slot, so that a probe reads one cache line: the name's bytes as two words,
     * zero-padded (a name holds no NUL, so lengths differ in the words), then its number + 1
     * (0: an empty slot).
     */
    private final long[] slots;
    private final int mask;
    private final int shift;
    private final Map<String, Integer> others = new HashMap<>();

    /** Names and their numbers, {@code numbers.get(i)} for {@code names.get(i)}; a name's first number wins. */
    public NameTable(List<String> names, List<Integer> numbers) {
        // at most half full
        int count = Integer.highestOneBit(Math.max(8, names.size()) * 2 - 1) << 1;
        this.slots = new long[count * 3];
        this.mask = count - 1;
        this.shift = 64 - Integer.numberOfTrailingZeros(count);
        long[] words = new long[2];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int number = numbers.get(i);
            if (!words(name, words)) {
                others.putIfAbsent(name, number);
                continue;
            }
            int at = 3 * slot(words[0], words[1]);
            while (slots[at + 2] != 0 && !(slots[at] == words[0] && slots[at + 1] == words[1])) {
                at = 3 * ((at / 3 + 1) & mask);
            }
            if (slots[at + 2] == 0) {
                slots[at] = words[0];
                slots[at + 1] = words[1];
                slots[at + 2] = number + 1L;
            }
        }
    }

    /** The number of {@code value}, or {@link #UNKNOWN}. */
    public int find(String value) {
        long[] words = new long[2];
        if (!words(value, words)) {
            Integer n = others.get(value);
            return n == null ? UNKNOWN : n;
        }
        return find(words[0], words[1]);
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
        long word0;
        long word1;
        if (from + SHORT <= bytes.length) {
            // whole words read past the value (still inside the array), what is not the value cleared
            word0 = (long) LONGS.get(bytes, from);
            word1 = (long) LONGS.get(bytes, from + 8);
            if (length < 8) {
                word0 &= (1L << (length << 3)) - 1;
                word1 = 0;
            } else if (length < SHORT) {
                word1 &= (1L << ((length - 8) << 3)) - 1;
            }
        } else {
            word0 = 0;
            word1 = 0;
            for (int i = 0; i < length; i++) {
                long b = bytes[from + i] & 0xFF;
                if (i < 8) {
                    word0 |= b << (i << 3);
                } else {
                    word1 |= b << ((i - 8) << 3);
                }
            }
        }
        return find(word0, word1);
    }

    private int find(long word0, long word1) {
        for (int slot = slot(word0, word1); ; slot = (slot + 1) & mask) {
            int at = 3 * slot;
            long number = slots[at + 2];
            if (number == 0) {
                return UNKNOWN;
            }
            if (slots[at] == word0 && slots[at + 1] == word1) {
                return (int) number - 1;
            }
        }
    }

    private int slot(long word0, long word1) {
        long mixed = (word0 * 0x9E3779B97F4A7C15L) ^ (word1 * 0xC2B2AE3D27D4EB4FL);
        return (int) (mixed >>> shift);
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
