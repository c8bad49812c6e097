package io.datum.cvat.internal.read;

import static io.datum.cvat.internal.CvatTestSupport.load;
import static io.datum.cvat.internal.CvatTestSupport.task;
import static io.datum.cvat.internal.CvatTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.collections.LongHashSet;
import io.datum.cvat.internal.xml.SafeXml;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The item ids that may repeat are found at open, from sorted hashes of every image's id, so that
 * a pass remembers only those: the hashes that come more than once, none missed whether they were
 * sorted in memory or in runs on disk, and a repeat still reported where a pass meets it.
 */
class ItemIdsTest {
    @TempDir
    Path dir;

    private static LongHashSet repeatedOf(ItemIds ids, String subset) {
        return ids.repeated().get(subset);
    }

    @Test
    void findsTheHashesThatComeMoreThanOnce() {
        try (ItemIds ids = new ItemIds(dir)) {
            ItemIds.Hashes h = ids.of("train");
            for (long i = 1; i <= 1000; i++) {
                h.add(i);
            }
            h.add(7);
            h.add(500);
            h.add(7);
            LongHashSet repeated = repeatedOf(ids, "train");
            assertTrue(repeated.contains(7) && repeated.contains(500));
            assertFalse(repeated.contains(8));
        }
    }

    @Test
    void findsRepeatsAcrossRunsOnDiskAndPartsAddedLater() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        long[] values = random.longs(3L * ItemIds.RUN + 10).toArray();
        try (ItemIds ids = new ItemIds(dir)) {
            ItemIds.Hashes h = ids.of("train");
            for (long v : values) {
                h.add(v);
            }
            // a part of its own that spilled too, and a small one: both taken in as wanted
            ItemIds.Hashes big = ids.detached();
            for (int i = 0; i < ItemIds.RUN + 5; i++) {
                big.add(random.nextLong());
            }
            big.add(values[3]);
            ItemIds.Hashes small = ids.detached();
            small.add(values[values.length - 1]);
            small.add(values[ItemIds.RUN + 1]);
            h.addAll(big);
            h.addAll(small);
            h.add(values[2 * ItemIds.RUN]);
            assertTrue(spillFiles() > 0, "sorted on disk");
            LongHashSet repeated = repeatedOf(ids, "train");
            for (long v : new long[] {values[3], values[values.length - 1], values[ItemIds.RUN + 1], values[2 * ItemIds.RUN]}) {
                assertTrue(repeated.contains(v), "found " + v);
            }
            assertFalse(repeated.contains(values[4]));
        }
        assertEquals(0, spillFiles(), "runs deleted at close");
    }

    private long spillFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aSubsetWithTooManyRepeatsOrUnknownIdsChecksEveryId() {
        try (ItemIds ids = new ItemIds(dir)) {
            ItemIds.Hashes many = ids.of("many");
            for (long i = 0; i <= ItemIds.MAX_REPEATED; i++) {
                many.add(i);
                many.add(i);
            }
            ids.of("track").add(1);
            ids.unknown("track");
            ids.of("fine").add(1);
            Map<String, LongHashSet> repeated = ids.repeated();
            assertNull(repeated.get("many"));
            assertNull(repeated.get("track"));
            assertFalse(repeated.get("fine").contains(1));
        }
    }

    @Test
    void aRepeatAcrossTheHalvesOfABigFileIsReported() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String name = i == 250 ? "img3.png" : "img" + i + ".jpg";
            body.append("  <image id=\"").append(i).append("\" name=\"").append(name).append("\"><tag label=\"b\"/></image>\n");
        }
        write(dir, "default.xml", task(body.toString()));
        // cut every 100 bytes: skimmed in two halves, read in chunks
        CvatImporter importer = new CvatImporter(XmlLimits.DEFAULT, CvatImporter.MAX_RECORDS_IN_MEMORY, 100);
        DatasetException e = assertThrows(DatasetException.class, () -> load(importer, dir));
        assertEquals("default.xml:258: images 'img3.jpg' (line 11) and 'img3.png' (frame 250) of subset 'default' give"
                + " the same item id 'img3'; rename one of them", e.getMessage());
    }

    /** A track's frame without an image is named frame_NNNNNN: an id no image gives, found all the same. */
    @Test
    void aRepeatWithATrackFrameIsReportedByEitherReader() {
        write(dir, "default.xml", task("""
                <image id="0" name="frame_000001.jpg"/>
                <track id="0" label="a"><box frame="1" outside="0" occluded="0" keyframe="1" xtl="1" ytl="1" xbr="2" ybr="2"/></track>"""));
        for (SafeXml.Utf8Parser parser : SafeXml.Utf8Parser.values()) {
            CvatImporter importer = new CvatImporter(XmlLimits.DEFAULT.withUtf8Parser(parser),
                    CvatImporter.MAX_RECORDS_IN_MEMORY);
            DatasetException e = assertThrows(DatasetException.class, () -> load(importer, dir), parser.name());
            assertTrue(e.getMessage().contains("give the same item id 'frame_000001'"), e.getMessage());
        }
    }
}
