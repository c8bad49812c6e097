package io.datum.openimages.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.openimages.internal.detect.DatasetLayout;
import io.datum.spi.DatasetException;
import io.datum.support.stream.Workers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The description rows parsed on a thread of their own reach the target as a reading by one
 * thread gives them: in file order, each file announced, and a row's error only after every row
 * before it was added.
 */
class ItemDescriptionsTest {
    private static final String HEADER = "ImageID,Subset,OriginalURL,Title,Rotation\n";

    @TempDir
    Path root;

    /** What the target saw: "file" at each file's start, then "id subset" per row. */
    private static final class Recording implements ItemDescriptions.Target {
        final List<String> seen = new ArrayList<>();
        final Map<String, Integer> positions = new HashMap<>();
        final List<String> subsets = new ArrayList<>();
        int stopAt = -1;

        @Override
        public void startFile() {
            seen.add("file");
        }

        @Override
        public int addNew(byte[] id, int from, int to, String subset) {
            if (subsets.size() == stopAt) {
                return Integer.MIN_VALUE;
            }
            String name = new String(id, from, to - from, StandardCharsets.UTF_8);
            seen.add(name + " " + subset);
            Integer earlier = positions.putIfAbsent(name, subsets.size());
            if (earlier != null) {
                return -(earlier + 1);
            }
            subsets.add(subset);
            return subsets.size() - 1;
        }

        @Override
        public String subset(int position) {
            return subsets.get(position);
        }

        int rows() {
            return (int) seen.stream().filter(s -> !s.equals("file")).count();
        }
    }

    private void write(String name, int rows, String subset, Map<Integer, String> replaced) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            String row = replaced.getOrDefault(i, String.format("%s%07d,%s,https://x/%d.jpg,\"a, \"\"quoted\"\" title\",0", subset,
                    i, subset, i));
            text.append(row).append('\n');
        }
        Files.writeString(root.resolve(name), text.toString());
    }

    private Recording read(Workers workers) throws IOException {
        Recording target = new Recording();
        assertTrue(ItemDescriptions.read(DatasetLayout.of(root), target, workers));
        return target;
    }

    @Test
    void threadedReadingGivesTheRowsOfEveryFileInOrder() throws IOException {
        int many = 3 * ItemDescriptions.BATCH_ROWS + 17;  // several batches, the last one short
        write("train-images-with-rotation.csv", many, "train", Map.of());
        write("test-images-with-rotation.csv", 0, "test", Map.of());  // a header only: one empty batch
        write("validation-images-with-rotation.csv", ItemDescriptions.BATCH_ROWS, "validation", Map.of());

        Recording alone = read(Workers.bounded(1));
        Recording beside = read(Workers.unbounded());

        assertEquals(alone.seen, beside.seen);
        assertEquals(3, beside.seen.stream().filter("file"::equals).count());
        assertEquals(many + ItemDescriptions.BATCH_ROWS, beside.rows());
        List<String> expected = new ArrayList<>();
        for (String name : ItemDescriptions.fileNames(DatasetLayout.of(root))) {
            expected.add("file");
            String subset = name.substring(0, name.indexOf('-'));
            int rows = subset.equals("train") ? many : subset.equals("test") ? 0 : ItemDescriptions.BATCH_ROWS;
            for (int i = 0; i < rows; i++) {
                expected.add(String.format("%s%07d %s", subset, i, subset));
            }
        }
        assertEquals(expected, beside.seen);
    }

    @Test
    void aRepeatedIdNamesItsFileAndLineAfterTheRowsBeforeIt() throws IOException {
        int at = ItemDescriptions.BATCH_ROWS + 5;
        write("train-images-with-rotation.csv", 2 * ItemDescriptions.BATCH_ROWS, "train",
                Map.of(at, "train0000003,train,u,t,0"));
        // every row before the repeat, and the repeat, reach the target
        failsAfter(at + 1, "train-images-with-rotation.csv:" + (at + 2)
                + ": item 'train0000003' is repeated (already listed in subset 'train')");
    }

    /** Reading fails with {@code message}, alone and beside a thread, after {@code rows} rows reached the target. */
    private void failsAfter(int rows, String message) {
        for (Workers workers : List.of(Workers.bounded(1), Workers.unbounded())) {
            Recording target = new Recording();
            DatasetException e = assertThrows(DatasetException.class,
                    () -> ItemDescriptions.read(DatasetLayout.of(root), target, workers));
            assertEquals(message, e.getMessage());
            assertEquals(rows, target.rows());
        }
    }

    @Test
    void aBadRowFailsOnlyAfterTheRowsBeforeItWereAdded() throws IOException {
        int at = 2 * ItemDescriptions.BATCH_ROWS + 100;  // inside a batch: the rows before it in that batch count too
        write("train-images-with-rotation.csv", 3 * ItemDescriptions.BATCH_ROWS, "train",
                Map.of(at, "train9999999,a/b,u,t,0"));
        failsAfter(at, "train-images-with-rotation.csv:" + (at + 2)
                + ": item 'train9999999' has an unsupported subset name 'a/b'");
    }

    @Test
    void aTargetThatStopsEndsTheReadingThere() throws IOException {
        write("train-images-with-rotation.csv", 5 * ItemDescriptions.BATCH_ROWS, "train", Map.of());
        for (Workers workers : List.of(Workers.bounded(1), Workers.unbounded())) {
            Recording target = new Recording();
            target.stopAt = 10;
            assertFalse(ItemDescriptions.read(DatasetLayout.of(root), target, workers));
            assertEquals(10, target.rows());
        }
    }
}
