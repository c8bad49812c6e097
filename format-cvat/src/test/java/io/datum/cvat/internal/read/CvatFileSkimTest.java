package io.datum.cvat.internal.read;

import static io.datum.cvat.internal.CvatTestSupport.task;
import static io.datum.cvat.internal.CvatTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.support.stream.Workers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big file is skimmed by two threads, the second from the middle: what they find together is
 * what one skim from the start finds, wherever the middle falls.
 */
class CvatFileSkimTest {
    @TempDir
    Path dir;

    /** Chunks of 100 bytes: files of 1 600 bytes and more are skimmed in two halves. */
    private static final long SMALL_CHUNKS = 100;

    private static String images(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("  <image id=\"").append(i).append("\" name=\"img").append(i).append(".jpg\">\n")
                    .append("    <tag label=\"b\"/>\n  </image>\n");
        }
        return sb.toString();
    }

    /** Scans the file in halves and whole; both must agree. Returns the halves' result. */
    private CvatFile scanBothWays(String body) throws IOException {
        Path file = write(dir, "task.xml", task(body));
        assertTrue(Files.size(file) >= CvatFile.SPLIT_SKIM_CHUNKS * SMALL_CHUNKS, "big enough to be split");
        CvatFile halves = CvatFile.scan(file, "task.xml", XmlLimits.DEFAULT, SMALL_CHUNKS, Workers.unbounded());
        CvatFile whole = CvatFile.scan(file, "task.xml", XmlLimits.DEFAULT, Long.MAX_VALUE, Workers.unbounded());
        assertEquals(whole.subsets(), halves.subsets());
        assertEquals(whole.frameCounts(), halves.frameCounts());
        return halves;
    }

    @Test
    void countsTheFramesOfBothHalves() throws IOException {
        CvatFile f = scanBothWays(images(0, 200));
        assertEquals(Map.of("task", 200L), f.frameCounts());
        long[] starts = f.chunks().starts();
        assertTrue(starts.length > 20, "cut points from both halves: " + starts.length);
        for (int i = 1; i < starts.length; i++) {
            assertTrue(starts[i] > starts[i - 1], "ascending");
        }
    }

    @Test
    void ignoresASecondHalfThatStartsInsideAComment() throws IOException {
        // the middle falls in a long comment holding an <image> tag that repeats an id: believed,
        // it would scatter the frames and count one too many
        String fake = " <image id=\"0\" name=\"fake.jpg\"/> ";
        String comment = "  <!-- " + "x".repeat(4000) + fake + "y".repeat(4000) + fake + "z".repeat(4000) + " -->\n";
        CvatFile f = scanBothWays(images(0, 10) + comment + images(10, 20));
        assertEquals(Map.of("task", 20L), f.frameCounts());
        assertEquals(Map.of("task", true), f.subsets());
    }

    @Test
    void findsAnIdOfTheFirstHalfRepeatedInTheSecond() throws IOException {
        CvatFile f = scanBothWays(images(0, 100) + images(3, 4));
        assertEquals(Map.of("task", false), f.subsets());
        assertEquals(0, f.chunks().starts().length, "scattered frames are not cut");
    }

    @Test
    void joinsAStretchOfOneFrameAcrossTheMiddle() throws IOException {
        // a frame's records may come in several <image> elements in a row: one stretch, one frame
        String same = "  <image id=\"5\" name=\"img5.jpg\"><tag label=\"b\"/></image>\n";
        CvatFile f = scanBothWays(images(0, 5) + same.repeat(300) + images(6, 10));
        assertEquals(Map.of("task", 10L), f.frameCounts());
        assertEquals(Map.of("task", true), f.subsets());
    }

    @Test
    void seesATrackInTheSecondHalf() throws IOException {
        CvatFile f = scanBothWays(images(0, 100) + "  <track id=\"0\" label=\"a\"><box frame=\"0\" xtl=\"1\" ytl=\"1\" xbr=\"2\""
                + " ybr=\"2\" outside=\"0\" occluded=\"0\" keyframe=\"1\"/></track>\n");
        assertEquals(Map.of("task", false), f.subsets());
        assertEquals(0, f.chunks().starts().length);
    }
}
