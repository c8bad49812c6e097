package io.datum.cvat.internal.xml;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte classes of XML 1.0 over UTF-8 and the word-at-a-time (SWAR) tests the scanner skims with: eight
 * bytes read as one little-endian long and tested together, so plain runs pass without a branch per byte.
 */
final class XmlBytes {
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    // attribute and text flags: what decoding has to do beyond copying ASCII
    static final int NON_ASCII = 1;
    static final int REFERENCE = 2;
    static final int CONTROL = 4;   // CR, or in an attribute value TAB/LF/CR, to normalise
    static final int NOT_SPACE = 8;

    static final boolean[] NAME_START = new boolean[128];
    static final boolean[] NAME_PART = new boolean[128];
    /** Bytes that only lengthen an attribute value or text: printable ASCII but for the few that end or escape. */
    static final boolean[] PLAIN_VALUE = new boolean[256];
    static final boolean[] PLAIN_TEXT = new boolean[256];

    static {
        for (int c = 0; c < 128; c++) {
            NAME_START[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
            NAME_PART[c] = NAME_START[c] || c >= '0' && c <= '9' || c == '-' || c == '.';
            PLAIN_VALUE[c] = c >= 0x20 && c != '<' && c != '&' && c != '"' && c != '\'';
            PLAIN_TEXT[c] = c >= 0x20 && c != '<' && c != '&' && c != '>' || c == '\n' || c == '\t';
        }
    }

    static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * The high bit set in the first byte of {@code word} that {@link #PLAIN_VALUE} refuses (a quote,
     * '<', '&', a control or non-ASCII byte) and maybe in later bytes; zero when all eight are plain.
     */
    static long notPlainValue(long word) {
        return matches(word, 0x2222222222222222L) | matches(word, 0x2727272727272727L)
                | matches(word, 0x3C3C3C3C3C3C3C3CL) | matches(word, 0x2626262626262626L)
                // below 0x20 (a borrow only reaches bytes after such a byte) or at/above 0x80
                | ((word - 0x2020202020202020L) | word) & HIGH_BITS;
    }

    /** High bit set in each byte of {@code word} that equals the byte repeated in {@code pattern}. */
    static long matches(long word, long pattern) {
        long x = word ^ pattern;
        return ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x | 0x7F7F7F7F7F7F7F7FL);
    }

    static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    private XmlBytes() {
    }
}
