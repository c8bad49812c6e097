package io.datum.support.io;

/**
 * Strict UTF-8, as Java's decoder with {@code REPORT} accepts it: no stray continuation bytes,
 * no overlong forms, no surrogates, no code points past U+10FFFF, no sequence cut short. Works on
 * bytes in place, so that readers check only the rare non-ASCII bytes they pass and never decode
 * text they do not keep.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * The length (2 to 4) of the well-formed sequence whose lead byte is at {@code p}, reading no
     * further than {@code limit}; -1 when the bytes there are not one (an ASCII byte is not a lead
     * byte here: callers handle those on their own fast path).
     */
    public static int sequenceLength(byte[] b, int p, int limit) {
        int b0 = b[p] & 0xFF;
        if (b0 < 0xC2 || b0 > 0xF4) {
            return -1;
        }
        int n = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
        if (p + n > limit) {
            return -1;
        }
        // the second byte's range depends on the lead byte: it rules out overlong forms,
        // surrogates and code points past U+10FFFF
        int b1 = b[p + 1] & 0xFF;
        int low = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80;
        int high = b0 == 0xED ? 0x9F : b0 == 0xF4 ? 0x8F : 0xBF;
        if (b1 < low || b1 > high) {
            return -1;
        }
        for (int i = 2; i < n; i++) {
            if ((b[p + i] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return n;
    }

    /**
     * The length (2 to 4) a sequence starting with {@code lead} has if it is well-formed, or -1
     * when {@code lead} cannot start one: what to buffer before {@link #sequenceLength} looks.
     */
    public static int lengthAnnounced(byte lead) {
        int b0 = lead & 0xFF;
        return b0 < 0xC2 || b0 > 0xF4 ? -1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    }

    /** The code point of the well-formed sequence of {@code length} bytes at {@code p} (see {@link #sequenceLength}). */
    public static int codePoint(byte[] b, int p, int length) {
        int cp = b[p] & (0xFF >> (length + 1));
        for (int i = 1; i < length; i++) {
            cp = cp << 6 | b[p + i] & 0x3F;
        }
        return cp;
    }

    /** The UTF-16 chars a well-formed sequence of {@code length} bytes makes: two for four bytes, else one. */
    public static int chars(int length) {
        return length == 4 ? 2 : 1;
    }

    /** The index of the first byte in {@code b[from, to)} that does not start or continue well-formed UTF-8, or -1 when all do. */
    public static int firstInvalid(byte[] b, int from, int to) {
        int p = from;
        while (p < to) {
            if (b[p] >= 0) {
                p++;
                continue;
            }
            int n = sequenceLength(b, p, to);
            if (n < 0) {
                return p;
            }
            p += n;
        }
        return -1;
    }

    /** Whether all of {@code b[from, to)} is well-formed UTF-8. */
    public static boolean isValid(byte[] b, int from, int to) {
        return firstInvalid(b, from, to) < 0;
    }
}
