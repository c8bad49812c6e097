package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reader holds does not grow with the number of described items: two million of them,
 * in Google's shape (sorted description and label files, an unsorted mask file), are read in a
 * child JVM whose heap is smaller than a table of their ids alone (about 35 bytes each).
 */
class BoundedMemoryTest {
    private static final int ITEMS = 2_000_000;
    private static final String HEAP = "-Xmx40m";

    @TempDir
    Path temp;

    @Test
    void twoMillionDescribedItemsAreReadInASmallHeap() throws Exception {
        Path ann = Files.createDirectories(temp.resolve("data/annotations"));
        Fixtures.text(ann.resolve("oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/a,A", "/m/b,B");
        long labels = 0;
        List<String> masks = new ArrayList<>();
        try (BufferedWriter d = Files.newBufferedWriter(ann.resolve("oidv6-train-images-with-labels-with-rotation.csv"));
             BufferedWriter l = Files.newBufferedWriter(ann.resolve("oidv6-train-annotations-human-imagelabels.csv"))) {
            d.write("ImageID,Subset,OriginalURL,Rotation\n");
            l.write("ImageID,Source,LabelName,Confidence\n");
            for (int i = 0; i < ITEMS; i++) {
                // increasing ids, spread like Google's hexadecimal ones
                String id = String.format("%016x", (long) i * 0x7A3B_9C1DL);
                d.write(id);
                d.write(",train,https://example.org/" + i + ".jpg,0.0\n");
                if (i % 4 == 0) {
                    l.write(id);
                    l.write(",verification,/m/a,1\n");
                    labels++;
                }
                if (i % 64 == 0) {
                    masks.add(id + "_m.png," + id + ",/m/b,00000000,0.1,0.2,0.3,0.4,0.5,");
                }
            }
        }
        Collections.shuffle(masks, new Random(3));
        masks.add(0, "MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks");
        Files.write(ann.resolve("train-annotations-object-segmentation.csv"), masks);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + temp, "-Ddatum.openimages.spillRows=20000",
                "-Ddatum.openimages.tableItems=0",
                "-cp", System.getProperty("java.class.path"), ManyDescribedItemsChild.class.getName(),
                temp.resolve("data").toString());
        Path log = temp.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("reading did not finish in 5 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(0, child.exitValue(), () -> "reading " + ITEMS + " described items with " + HEAP + ":\n" + output);
        // masks have no size (no images.meta, no image), so they are skipped: labels only
        assertEquals("items " + ITEMS + " annotations " + labels, output.strip());
    }
}
