package io.datum.cvat.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Whether a subset's frames come grouped, told in memory that does not grow with consecutive
 * frames: what the open-time read of a file with millions of images keeps per subset.
 */
class FrameOrderTest {
    private static FrameOrder seen(String... frames) {
        FrameOrder order = new FrameOrder();
        for (String f : frames) {
            order.see(f);
        }
        return order;
    }

    private static FrameOrder seenRange(long from, long to) {
        FrameOrder order = new FrameOrder();
        for (long f = from; f < to; f++) {
            order.see(Long.toString(f));
        }
        return order;
    }

    @Test
    void millionsOfConsecutiveFramesAreOneInterval() {
        FrameOrder order = seenRange(0, 5_000_000);
        assertTrue(order.grouped());
        assertEquals(5_000_000, order.frames());
        assertEquals(1, order.entries(), "one interval, whatever the number of frames");
    }

    @Test
    void aFrameOfSeveralRecordsInARowIsOneFrame() {
        FrameOrder order = seen("0", "0", "1", "1", "1", "2");
        assertTrue(order.grouped());
        assertEquals(3, order.frames());
    }

    @Test
    void gapsAreAnIntervalEachAndStillGrouped() {
        FrameOrder order = seen("0", "1", "2", "10", "11", "20", "5", "3", "4");
        assertTrue(order.grouped());
        assertEquals(9, order.frames());
        // 3, 4 and 5 filled the gap between 0..2 and 10..11 but for 6..9
        assertEquals(3, order.entries(), "0..5, 10..11, 20");
    }

    @Test
    void aFrameThatComesBackScattersTheFrames() {
        assertFalse(seen("0", "1", "2", "1").grouped(), "inside an interval");
        assertFalse(seen("5", "6", "0", "1", "2", "6").grouped(), "the end of a later interval");
        assertFalse(seen("5", "0", "5").grouped(), "an interval of one");
        assertTrue(seen("5", "0", "4", "6").grouped(), "next to one on either side is new");
    }

    @Test
    void framesSpeltOtherwiseAreFramesOfTheirOwn() {
        // "07", "+7" and " 7" are valid frames and, compared as written, not frame 7
        FrameOrder order = seen("7", "07", "+7", " 7", "8");
        assertTrue(order.grouped());
        assertEquals(5, order.frames());
        assertEquals(4, order.entries(), "7..8 and three spellings");
        assertFalse(seen("07", "1", "07").grouped());
        assertEquals(-1, FrameOrder.number("1_000"));
        assertEquals(-1, FrameOrder.number("1234567890123456789"), "more digits than a number is kept for");
        assertEquals(123456789012345678L, FrameOrder.number("123456789012345678"));
    }

    @Test
    void tooManyIntervalsCountAsNotGrouped() {
        FrameOrder order = new FrameOrder();
        for (int i = 0; i < FrameOrder.MAX_INTERVALS; i++) {
            order.see(Long.toString(2L * i));
        }
        assertTrue(order.grouped());
        assertEquals(FrameOrder.MAX_INTERVALS, order.entries());
        order.see(Long.toString(2L * FrameOrder.MAX_INTERVALS - 1));
        assertTrue(order.grouped(), "joins the last interval: no new one");
        order.see(Long.toString(2L * FrameOrder.MAX_INTERVALS + 5));
        assertFalse(order.grouped(), "one interval too many: read the regrouping way");
    }

    @Test
    void appendedChunksOfConsecutiveFramesStayOneInterval() {
        FrameOrder first = seenRange(0, 2_500_000);
        FrameOrder second = seenRange(2_500_000, 5_000_000);
        first.append(second);
        assertTrue(first.grouped());
        assertEquals(5_000_000, first.frames());
        assertEquals(1, first.entries());
    }

    @Test
    void aStretchCarriedOverTheCutIsOneFrame() {
        // the cut fell between two records of frame 4
        FrameOrder first = seen("0", "1", "2", "3", "4");
        FrameOrder second = seen("4", "5", "6");
        first.append(second);
        assertTrue(first.grouped());
        assertEquals(7, first.frames());
        assertEquals(1, first.entries());
        FrameOrder spelt = seen("0", "x0");
        spelt.append(seen("x0", "1"));
        assertTrue(spelt.grouped(), "a carried frame of another spelling");
        assertEquals(3, spelt.frames());
    }

    @Test
    void aFrameOfTheFirstChunkAgainInTheNextScattersTheFrames() {
        FrameOrder first = seen("0", "1", "2", "3");
        first.append(seen("4", "5", "2"));
        assertFalse(first.grouped());
        FrameOrder carried = seen("0", "1", "2");
        carried.append(seen("2", "3", "1"));
        assertFalse(carried.grouped(), "the frame carried over is not the repeat");
        FrameOrder spelt = seen("0", "07");
        spelt.append(seen("1", "07"));
        assertFalse(spelt.grouped());
        FrameOrder scattered = seen("0", "1");
        scattered.append(seen("2", "3", "2"));
        assertFalse(scattered.grouped(), "the next chunk's own repeat");
    }

    @Test
    void appendedChunksWithGapsInterleave() {
        FrameOrder first = seen("0", "1", "10", "11");
        first.append(seen("2", "3", "12", "20"));
        assertTrue(first.grouped());
        assertEquals(8, first.frames());
        assertEquals(3, first.entries(), "0..3, 10..12, 20");
        FrameOrder empty = new FrameOrder();
        empty.append(seen("3", "4"));
        assertTrue(empty.grouped());
        assertEquals(2, empty.frames());
    }
}
