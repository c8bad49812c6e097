package io.datum.support.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Up to {@value #MAX_BYTES} bytes as two little-endian words, zero past the end: a short name
 * (an Open Images class id is 7 to 11 bytes) is a key compared as two longs, read straight from
 * the buffer it was parsed in, with no String and no byte-by-byte hash. A word is read whole when
 * the array has the bytes after the name, and what is not the name's is cleared.
 */
public final class PackedBytes {
    /** The most bytes two words hold. */
    public static final int MAX_BYTES = 16;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private PackedBytes() {
    }

    /** The first 8 of the {@code length} bytes from {@code from} (fewer when shorter), zero above them. */
    public static long first(byte[] b, int from, int length) {
        int n = Math.min(length, 8);
        if (from + 8 <= b.length) {
            long word = (long) WORDS.get(b, from);
            return n == 8 ? word : word & ((1L << (n << 3)) - 1);
        }
        return bytewise(b, from, n);
    }

    /** Bytes 8 to {@code length} (at most {@value #MAX_BYTES}) from {@code from}, zero above them; 0 when 8 or fewer. */
    public static long second(byte[] b, int from, int length) {
        int n = Math.min(length, MAX_BYTES) - 8;
        if (n <= 0) {
            return 0;
        }
        if (from + MAX_BYTES <= b.length) {
            long word = (long) WORDS.get(b, from + 8);
            return n == 8 ? word : word & ((1L << (n << 3)) - 1);
        }
        return bytewise(b, from + 8, n);
    }

    private static long bytewise(byte[] b, int from, int n) {
        long v = 0;
        for (int i = from + n - 1; i >= from; i--) {
            v = v << 8 | (b[i] & 0xFF);
        }
        return v;
    }
}
