package io.datum.support.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The words hold exactly the name's bytes, wherever it lies in its array and whatever follows it. */
class PackedBytesTest {
    private static long expected(byte[] b, int from, int skip, int count) {
        long v = 0;
        for (int i = Math.max(0, count) - 1; i >= 0; i--) {
            v = v << 8 | (b[from + skip + i] & 0xFF);
        }
        return v;
    }

    @Test
    void everyLengthAtEveryPlaceNearTheEnds() {
        Random random = new Random(2);
        for (int size = 0; size <= 40; size++) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            for (int from = 0; from <= size; from++) {
                for (int length = 0; length <= Math.min(PackedBytes.MAX_BYTES, size - from); length++) {
                    String where = size + "/" + from + "/" + length;
                    assertEquals(expected(b, from, 0, Math.min(length, 8)), PackedBytes.first(b, from, length), where);
                    assertEquals(expected(b, from, 8, length - 8), PackedBytes.second(b, from, length), where);
                }
            }
        }
    }

    @Test
    void namesThatDifferOnlyInLengthDifferInTheirWordsUnlessTheyEndInNul() {
        byte[] b = "abcdefghijklmnopq".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long[] seen = new long[17];
        for (int length = 1; length <= 16; length++) {
            seen[length] = PackedBytes.first(b, 0, length) * 31 + PackedBytes.second(b, 0, length);
            for (int shorter = 1; shorter < length; shorter++) {
                assertEquals(false, seen[shorter] == seen[length], shorter + " and " + length);
            }
        }
    }
}
