package io.datum.support.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ByteInputTest {
    /** A stream that hands out at most {@code chunk} bytes a read, like a pipe or a slow disk. */
    private static InputStream trickle(byte[] data, int chunk) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aRefillDiscardsWhatIsBeforeTheKeptPartAndMovesTheRestToTheFront() throws IOException {
        ByteInput input = new ByteInput(trickle(ascii("abcdefghij"), 4), 8, 64);
        assertEquals(0, input.fill(0));
        assertEquals(4, input.limit());
        // keep from 'c': "ab" is dropped, "cd" moves to the front, then "efgh" is appended
        assertEquals(2, input.fill(2));
        assertEquals("cdefgh", new String(input.buffer(), 0, input.limit(), StandardCharsets.US_ASCII));
        assertEquals(2, input.discarded());
        assertFalse(input.atEnd());
    }

    @Test
    void theBufferGrowsOnlyWhileTheKeptPartFillsItAndStopsAtTheLimit() throws IOException {
        byte[] data = new byte[100];
        Arrays.fill(data, (byte) 'x');
        ByteInput input = new ByteInput(trickle(data, 100), 8, 20);
        input.fill(0);
        assertEquals(8, input.buffer().length);
        input.fill(0);
        assertEquals(16, input.buffer().length, "doubled for the part kept");
        input.fill(0);
        assertEquals(20, input.buffer().length, "capped at the limit");
        assertEquals(20, input.limit());
        BufferLimitException full = assertThrows(BufferLimitException.class, () -> input.fill(0));
        assertEquals(20, full.maxBytes());
        assertEquals(20, input.limit(), "nothing discarded or read when the limit is reached");
        // discarding makes room again without growing
        assertEquals(15, input.fill(15));
        assertEquals(20, input.buffer().length);
        assertEquals(20, input.limit());
    }

    @Test
    void ensureBuffersTheBytesAskedForAndSaysHowFarTheyMoved() throws IOException {
        ByteInput input = new ByteInput(trickle(ascii("0123456789"), 3), 8, 64);
        input.fill(0);
        input.fill(0);
        input.fill(0); // "012345678" in a buffer of 16
        int shift = input.ensure(7, 3, 6);
        assertEquals(6, shift);
        assertEquals("6789", new String(input.buffer(), 0, input.limit(), StandardCharsets.US_ASCII));
        assertEquals(0, input.ensure(1, 10, 0), "at the end, fewer bytes than asked for");
        assertTrue(input.atEnd());
        assertEquals(0, input.fill(0), "nothing more after the end");
        assertEquals(4, input.limit());
    }

    @Test
    void theByteOrderMarkIsSeenEvenWhenItArrivesAByteAtATime() throws IOException {
        byte[] marked = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        ByteInput input = new ByteInput(trickle(marked, 1), 8, 64);
        assertTrue(input.startsWithByteOrderMark());
        assertArrayEquals(Arrays.copyOf(marked, 3), Arrays.copyOf(input.buffer(), input.limit()), "read only as far as needed");
        assertFalse(new ByteInput(trickle(new byte[] {(byte) 0xEF, (byte) 0xBB}, 1), 8, 64).startsWithByteOrderMark());
        assertFalse(new ByteInput(trickle(ascii("abc"), 1), 8, 64).startsWithByteOrderMark());
    }
}
