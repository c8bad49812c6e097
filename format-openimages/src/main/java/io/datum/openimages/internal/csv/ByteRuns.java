package io.datum.openimages.internal.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the next byte that matters in the cells nobody reads: a quote, a line break or a
 * non-ASCII byte (which must be checked as UTF-8). Eight bytes are looked at in one step: Google's
 * description file spends most of its bytes on URLs, authors and titles, its box file on the
 * XClick columns, its mask file on the clicks, and none of them is read, but each must still be
 * checked and its record's end found.
 */
public final class ByteRuns {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH = 0x8080_8080_8080_8080L;
    private static final long QUOTES = ONES * '"';
    private static final long CRS = ONES * '\r';
    private static final long LFS = ONES * '\n';

    private ByteRuns() {
    }

    /** Whether the byte stops {@link #nextStop}. */
    public static boolean isStop(byte c) {
        return c < 0 || c == '"' || c == '\r' || c == '\n';
    }

    /**
     * The index of the first byte of {@code b[from, to)} that is {@code "}, CR, LF or not ASCII,
     * or {@code to} when there is none.
     */
    public static int nextStop(byte[] b, int from, int to) {
        int p = from;
        for (; p + 8 <= to; p += 8) {
            long x = (long) LONGS.get(b, p);
            // a byte equal to the one looked for is a zero byte of the xor; (v - 1) & ~v has its
            // high bit set at every zero byte and, above the first, perhaps at others: the lowest
            // set bit is exact. A non-ASCII byte has its own high bit set.
            long q = x ^ QUOTES;
            long r = x ^ CRS;
            long n = x ^ LFS;
            long hits = ((q - ONES) & ~q | (r - ONES) & ~r | (n - ONES) & ~n | x) & HIGH;
            if (hits != 0) {
                return p + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        while (p < to && !isStop(b[p])) {
            p++;
        }
        return p;
    }
}
