package io.datum.openimages.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-bytes-at-a-time search stops exactly where a byte-by-byte one does. */
class ByteRunsTest {
    private static int naive(byte[] b, int from, int to) {
        int p = from;
        while (p < to && !(b[p] < 0 || b[p] == '"' || b[p] == '\r' || b[p] == '\n')) {
            p++;
        }
        return p;
    }

    @Test
    void stopsAtTheFirstQuoteLineBreakOrNonAsciiByte() {
        byte[] text = "https://c6.staticflickr.com/2/8705/x_z.jpg,M\u00fcller,\"t\"\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(44, ByteRuns.nextStop(text, 0, text.length), "the first byte of ü");
        assertEquals(51, ByteRuns.nextStop(text, 46, text.length), "the quote");
        assertEquals(53, ByteRuns.nextStop(text, 52, text.length), "the closing quote");
        assertEquals(text.length - 1, ByteRuns.nextStop(text, text.length - 1, text.length), "the LF");
        assertEquals(20, ByteRuns.nextStop(text, 3, 20), "none before the end given");
    }

    @Test
    void agreesWithAByteByByteSearchOnRandomBytes() {
        Random random = new Random(11);
        // bytes next to the stops ('!', '#', '\t', 0x0B, 0x7F, 0x01) catch carries between lanes
        byte[] alphabet = {'a', ',', '0', '!', '#', '\t', 0x0B, 0x0C, 0x7F, 0x01, 0x00, '"', '\r', '\n', (byte) 0x80, (byte) 0xFF,
            (byte) 0xC3};
        for (int n = 0; n < 200_000; n++) {
            byte[] b = new byte[random.nextInt(40)];
            int stops = random.nextInt(3);
            for (int i = 0; i < b.length; i++) {
                b[i] = stops == 0 ? (byte) ('a' + i % 20) : alphabet[random.nextInt(stops == 1 ? 11 : alphabet.length)];
            }
            if (stops == 1 && b.length > 0) {
                b[random.nextInt(b.length)] = alphabet[11 + random.nextInt(alphabet.length - 11)];
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            assertEquals(naive(b, from, to), ByteRuns.nextStop(b, from, to));
        }
    }
}
