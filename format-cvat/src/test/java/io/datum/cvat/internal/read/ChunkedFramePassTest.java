package io.datum.cvat.internal.read;

import static io.datum.cvat.internal.CvatTestSupport.readAll;
import static io.datum.cvat.internal.CvatTestSupport.task;
import static io.datum.cvat.internal.CvatTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.model.DatasetItem;
import io.datum.options.ParsedOptions;
import io.datum.spi.CollectingJobContext;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.support.stream.Workers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file cut into chunks read by several threads gives what one reader gives, errors included. */
class ChunkedFramePassTest {
    @TempDir
    Path dir;

    /** Cut every few hundred bytes: dozens of chunks. */
    private static final CvatImporter CUTTING = new CvatImporter(XmlLimits.DEFAULT, 1000, 300);
    private static final CvatImporter WHOLE = new CvatImporter(XmlLimits.DEFAULT, 1000, Long.MAX_VALUE);

    private static String images(int count, Random random, String wrapFrom) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (wrapFrom != null && i == count / 2) {
                sb.append(wrapFrom);
            }
            sb.append("<image id=\"").append(i).append("\" name=\"img").append(i).append(".jpg\" width=\"64\" height=\"48\">\n");
            for (int b = random.nextInt(4); b > 0; b--) {
                sb.append("  <box label=\"a\" occluded=\"").append(random.nextInt(2)).append("\" xtl=\"1.5\" ytl=\"2\" xbr=\"")
                        .append(3 + random.nextInt(60)).append("\" ybr=\"40\"><attribute name=\"n\">")
                        .append(random.nextInt(100)).append("</attribute></box>\n");
            }
            if (i % 9 == 0) {
                sb.append("  <!-- <image id=\"x\"> --><tag label=\"b\"/>\n");
            }
            sb.append("</image>\n");
            if (wrapFrom != null && i == count / 2 + 5) {
                sb.append("</wrapper>\n");
            }
        }
        return sb.toString();
    }

    private List<DatasetItem> load(CvatImporter importer, Path data) throws IOException {
        return load(importer, data, Workers.unbounded());
    }

    private List<DatasetItem> load(CvatImporter importer, Path data, Workers workers) throws IOException {
        JobContext context = new JobContext() {
            @Override
            public void warn(String message) {
            }

            @Override
            public void debug(String message) {
            }

            @Override
            public Workers workers() {
                return workers;
            }
        };
        try (DatasetSource source = importer.open(data, ParsedOptions.none(), context)) {
            return readAll(source);
        }
    }

    @Test
    void readsTheSameItemsInTheSameOrderAsOneReader() throws IOException {
        write(dir, "data/default.xml", task(images(400, new Random(3), null)));
        CvatFile file = CvatFile.scan(dir.resolve("data/default.xml"), "default.xml", XmlLimits.DEFAULT, 300,
                Workers.unbounded());
        assertTrue(file.chunks().starts().length > 50, "cut into many chunks: " + file.chunks().starts().length);
        List<DatasetItem> whole = load(WHOLE, dir.resolve("data"));
        assertEquals(400, whole.size());
        assertEquals(whole, load(CUTTING, dir.resolve("data")));
    }

    @Test
    void readsTheSameWithFewerThreadsThanItWants() throws IOException {
        write(dir, "data/default.xml", task(images(400, new Random(4), null)));
        List<DatasetItem> whole = load(WHOLE, dir.resolve("data"));
        // one thread: the file is read by one reader; two: the chunks are read one after another beside the consumer
        assertEquals(whole, load(CUTTING, dir.resolve("data"), Workers.bounded(1)));
        assertEquals(whole, load(CUTTING, dir.resolve("data"), Workers.bounded(2)));
        assertEquals(whole, load(CUTTING, dir.resolve("data"), Workers.bounded(3)));
    }

    @Test
    void readsOnWhereACutFallsInsideAnotherElement() throws IOException {
        // images inside an unknown element: a cut there cannot be used, its reader reads on
        String xml = task(images(300, new Random(5), "<wrapper>\n"));
        write(dir, "data/default.xml", xml);
        long from = xml.indexOf("<wrapper>");
        long to = xml.indexOf("</wrapper>");
        CvatFile file = CvatFile.scan(dir.resolve("data/default.xml"), "default.xml", XmlLimits.DEFAULT, 300,
                Workers.unbounded());
        assertTrue(java.util.Arrays.stream(file.chunks().starts()).anyMatch(s -> s > from && s < to), "a cut inside");
        assertEquals(load(WHOLE, dir.resolve("data")), load(CUTTING, dir.resolve("data")));
    }

    @Test
    void reportsAnErrorOfALaterChunkAsOneReaderDoes() throws IOException {
        String xml = task(images(300, new Random(7), null));
        int at = xml.indexOf("<image id=\"250\"");
        write(dir, "data/default.xml", xml.substring(0, at) + "<image id=\"250\" name=\"x.jpg\"><box/></image>\n" + xml.substring(at));
        DatasetException one = assertThrows(DatasetException.class, () -> load(WHOLE, dir.resolve("data")));
        DatasetException cut = assertThrows(DatasetException.class, () -> load(CUTTING, dir.resolve("data")));
        assertEquals(one.getMessage(), cut.getMessage());
        assertTrue(one.line() > 100, one.getMessage());
    }

    @Test
    void stopsItsReadersWhenClosedEarly() throws IOException {
        write(dir, "data/default.xml", task(images(400, new Random(9), null)));
        CollectingJobContext context = JobContext.collecting();
        try (DatasetSource source = CUTTING.open(dir.resolve("data"), ParsedOptions.none(), context)) {
            for (int round = 0; round < 3; round++) {
                try (ItemCursor items = source.items()) {
                    for (int i = 0; i < 5 && items.hasNext(); i++) {
                        items.next();
                    }
                }
            }
            assertEquals(400, readAll(source).size());
        }
        Thread.getAllStackTraces().keySet().forEach(t ->
                assertTrue(!t.getName().startsWith("datum-cvat-chunk") || !t.isAlive() || t.getState() == Thread.State.TERMINATED,
                        "a chunk reader still runs: " + t.getName()));
    }
}
