package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.DatasetItem;
import io.datum.openimages.internal.read.OpenImagesImporter;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.support.stream.Workers;
import io.datum.testkit.FolderJobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join of description, label, box and mask files: files in item order are merged directly,
 * other files are sorted (in memory or spilled to disk), and the result is the same item by item
 * and annotation by annotation.
 */
class StreamingJoinTest {

    @TempDir
    Path temp;

    /** Rows of one annotation file, each tagged with its image id. */
    private record Rows(String name, String header, List<String[]> rows) {
    }

    /**
     * 40 items in a description order unlike id order, each with labels, boxes and masks spread
     * over two files per kind; {@code shuffled} interleaves the items differently in every file
     * while keeping each item's own rows in order.
     */
    private Path dataset(String name, boolean shuffled) {
        Path root = temp.resolve(name);
        Path ann = root.resolve("annotations");
        Random random = new Random(7);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(String.format("%016x", random.nextLong()));
        }
        List<String> description = new ArrayList<>(List.of("ImageID,Subset"));
        List<String> meta = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            description.add(ids.get(i) + "," + (i % 3 == 0 ? "test" : "train"));
            meta.add(ids.get(i) + " " + (4 + i % 5) + " " + (6 + i % 7));
        }
        Fixtures.text(ann.resolve("image_ids_and_rotation.csv"), description.toArray(String[]::new));
        Fixtures.text(ann.resolve("images.meta"), meta.toArray(String[]::new));
        Fixtures.text(ann.resolve("oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/a,A", "/m/b,B", "/m/c,C");
        List<Rows> files = List.of(
                new Rows("oidv6-train-annotations-human-imagelabels.csv", LABELS_HEADER, new ArrayList<>()),
                new Rows("test-annotations-human-imagelabels.csv", LABELS_HEADER, new ArrayList<>()),
                new Rows("oidv6-train-annotations-bbox.csv", Fixtures.BOX_HEADER, new ArrayList<>()),
                new Rows("test-annotations-bbox.csv", Fixtures.BOX_HEADER, new ArrayList<>()),
                new Rows("train-annotations-object-segmentation.csv", Fixtures.MASK_HEADER, new ArrayList<>()));
        String[] labels = {"/m/a", "/m/b", "/m/c"};
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            for (int k = 0; k < i % 4; k++) {
                files.get(k % 2).rows.add(new String[] {id, id + ",v," + labels[(i + k) % 3] + "," + (k % 2)});
            }
            for (int k = 0; k < i % 5; k++) {
                String box = "0." + (k + 1) + ",0.9,0.2,0." + (5 + k);
                files.get(2 + k % 2).rows.add(new String[] {id, id + ",x," + labels[k % 3] + ",1," + box + ",1,0,-1,1,0"});
                if (k % 2 == 0) {
                    String maskPath = id + "_" + k + ".png";
                    files.get(4).rows.add(new String[] {id, maskPath + "," + id + "," + labels[k % 3] + ",0000000" + k + ","
                            + box + ",0." + k + ","});
                    Fixtures.greyPng(root.resolve("masks").resolve(i % 3 == 0 ? "test" : "train").resolve(maskPath),
                            2, 2, 0, 255, k, 0);
                }
            }
        }
        Map<String, Integer> shuffleKey = new LinkedHashMap<>();
        for (String id : ids) {
            shuffleKey.put(id, random.nextInt());
        }
        for (Rows f : files) {
            List<String[]> rows = new ArrayList<>(f.rows);
            if (shuffled) {
                // List.sort is stable: an item's rows keep their order
                rows.sort(Comparator.comparing(r -> shuffleKey.get(r[0])));
            }
            List<String> lines = new ArrayList<>(List.of(f.header));
            rows.forEach(r -> lines.add(r[1]));
            Fixtures.text(ann.resolve(f.name), lines.toArray(String[]::new));
        }
        return root;
    }

    private static List<String> describe(DatasetSource source) {
        List<String> out = new ArrayList<>();
        for (DatasetItem item : Fixtures.items(source)) {
            out.add(item.subset() + "/" + item.id() + " " + item.image());
            out.addAll(DatasetAssert.annotations(item.annotations()));
        }
        return out;
    }

    private List<String> read(Path root, int spillRows, Path tempDir) throws IOException {
        return read(root, spillRows, new FolderJobContext(tempDir));
    }

    private List<String> read(Path root, int spillRows, FolderJobContext context) throws IOException {
        try (DatasetSource source = new OpenImagesImporter(spillRows).open(root, ParsedOptions.none(), context)) {
            List<String> first = describe(source);
            assertEquals(first, describe(source), "a second pass gives the same items");
            return first;
        }
    }

    @Test
    void unsortedInputGivesTheSameResultAsSortedInput() throws IOException {
        Path spill = Files.createDirectories(temp.resolve("spill"));
        List<String> sorted = read(dataset("sorted", false), 1_000_000, spill);
        assertTrue(sorted.size() > 150, "the fixture has annotations");
        assertEquals(sorted, read(dataset("unsorted", true), 1_000_000, spill), "sorted in memory");
        assertEquals(sorted, read(dataset("unsorted2", true), 2, spill), "spilled in runs of two rows");
        assertEquals(List.of(), list(spill), "spill files are deleted on close");
    }

    @Test
    void oneThreadGivesTheSameAsMany() throws IOException {
        Path spill = Files.createDirectories(temp.resolve("spill"));
        Path unsorted = dataset("unsorted", true);
        List<String> many = read(unsorted, 2, spill);
        // with a bound of 1 the files are parsed, sorted and read ahead on the caller's thread alone
        assertEquals(many, read(unsorted, 2, new FolderJobContext(spill, Workers.bounded(1), true)), "spilled");
        assertEquals(many, read(unsorted, 1_000_000, new FolderJobContext(spill, Workers.bounded(1), true)), "in memory");
        assertEquals(many, read(unsorted, 2, new FolderJobContext(spill, Workers.bounded(2), true)), "one thread beside");
        assertEquals(List.of(), list(spill));
    }

    @Test
    void spillsToTheJobsTemporaryFolderWhileOpen() throws IOException {
        Path root = dataset("unsorted", true);
        Path spill = Files.createDirectories(temp.resolve("spill"));
        try (DatasetSource source = new OpenImagesImporter(2).open(root, ParsedOptions.none(), new FolderJobContext(spill))) {
            List<Path> dirs = list(spill);
            assertEquals(1, dirs.size());
            // more than 64 runs were merged in rounds
            assertTrue(list(dirs.get(0)).size() >= 2, "runs on disk: " + list(dirs.get(0)));
            Fixtures.items(source);
        }
        assertEquals(List.of(), list(spill));
    }

    @Test
    void cleansUpWhenOpeningFails() throws IOException {
        Path root = dataset("unsorted", true);
        Fixtures.text(root.resolve("annotations/images.meta"), "x 1");
        Path spill = Files.createDirectories(temp.resolve("spill"));
        DatasetException e = assertThrows(DatasetException.class, () -> new OpenImagesImporter(2)
                .open(root, ParsedOptions.none(), new FolderJobContext(spill)));
        assertEquals("images.meta:1: expected '<image id> <height> <width>', got 2 field(s)", e.getMessage());
        assertEquals(List.of(), list(spill));
    }

    @Test
    void itemsFirstSeenInAnnotationFilesComeAfterDescribedOnesInFirstSeenOrder() throws IOException {
        Path root = temp.resolve("orphans");
        Path ann = root.resolve("annotations");
        Fixtures.text(ann.resolve("class-descriptions.csv"), "/m/a,A");
        Fixtures.text(ann.resolve("train-images-with-rotation.csv"), "ImageID,Subset", "d1,train", "d2,train");
        // the label files come first, in name order; boxes next; the mask file last
        Fixtures.text(ann.resolve("b-annotations-human-imagelabels.csv"), LABELS_HEADER,
                "o3,x,/m/a,1", "d2,x,/m/a,1", "o1,x,/m/a,1");
        Fixtures.text(ann.resolve("a-annotations-human-imagelabels.csv"), LABELS_HEADER,
                "o2,x,/m/a,1", "o3,x,/m/a,0");
        Fixtures.text(ann.resolve("oidv6-c-annotations-bbox.csv"), Fixtures.BOX_HEADER, "o4,x,/m/a,1,0,1,0,1,0,0,0,0,0",
                "o1,x,/m/a,1,0,1,0,1,0,0,0,0,0");
        Fixtures.text(ann.resolve("m-annotations-object-segmentation.csv"), Fixtures.MASK_HEADER, "o5_a.png,o5,/m/a,1,,,,,,");
        Fixtures.text(ann.resolve("images.meta"), "o1 1 1", "o4 1 1", "o5 1 1");
        Fixtures.greyPng(root.resolve("masks/m/o5_a.png"), 1, 1, 1);
        for (int spillRows : new int[] {1, 1000}) {
            try (DatasetSource source = new OpenImagesImporter(spillRows).open(root, ParsedOptions.none(),
                    JobContext.collecting())) {
                List<String> order = Fixtures.items(source).stream()
                        .map(i -> i.subset() + "/" + i.id() + ":" + i.annotations().size()).collect(Collectors.toList());
                assertEquals(List.of("train/d1:0", "train/d2:1", "a/o2:1", "a/o3:2", "b/o1:2", "c/o4:1", "m/o5:1"), order);
                assertEquals(7, source.itemCount().orElseThrow());
            }
        }
    }

    /**
     * The scan of a file out of order stops at its first row out of order; items first seen after
     * that row still take their place in file order, before those of later files.
     */
    @Test
    void itemsFirstSeenAfterTheDisorderOfAFileKeepTheirPlace() throws IOException {
        Path root = temp.resolve("late");
        Path ann = classAndThreeTrainImages(root);
        Fixtures.text(ann.resolve("images.meta"), "d1 1 1", "d2 1 1", "d3 1 1", "o0 1 1", "o1 1 1", "o2 1 1", "o3 1 1");
        Fixtures.text(ann.resolve("a-annotations-human-imagelabels.csv"), LABELS_HEADER,
                "d2,x,/m/a,1", "d1,x,/m/a,1", "o1,x,/m/a,1", "d3,x,/m/a,1", "o0,x,/m/a,0");
        // its verdict comes without its disorder: "o2" is new
        Fixtures.text(ann.resolve("b-annotations-human-imagelabels.csv"), LABELS_HEADER, "o2,x,/m/a,1", "d1,x,/m/a,0");
        Fixtures.text(ann.resolve("c-annotations-bbox.csv"), Fixtures.BOX_HEADER, "d3,x,/m/a,1,0,1,0,1,0,0,0,0,0",
                "o3,x,/m/a,1,0,1,0,1,0,0,0,0,0", "d1,x,/m/a,1,0,1,0,1,0,0,0,0,0", "o1,x,/m/a,1,0,1,0,1,0,0,0,0,0");
        List<String> expected = List.of("train/d1:3", "train/d2:1", "train/d3:2", "a/o1:2", "a/o0:1", "b/o2:1", "c/o3:1");
        for (boolean withLaterNewItems : new boolean[] {true, false}) {
            if (!withLaterNewItems) {
                // no file needs its items placed before the sort: the sort meets the new items
                Files.delete(ann.resolve("b-annotations-human-imagelabels.csv"));
                Fixtures.text(ann.resolve("c-annotations-bbox.csv"), Fixtures.BOX_HEADER, "d3,x,/m/a,1,0,1,0,1,0,0,0,0,0",
                        "d1,x,/m/a,1,0,1,0,1,0,0,0,0,0", "o0,x,/m/a,1,0,1,0,1,0,0,0,0,0");
                expected = List.of("train/d1:2", "train/d2:1", "train/d3:2", "a/o1:1", "a/o0:2");
            }
            Path spill = Files.createDirectories(temp.resolve("spill"));
            for (int spillRows : new int[] {1, 1000}) {
                try (DatasetSource source = new OpenImagesImporter(spillRows).open(root, ParsedOptions.none(),
                        new FolderJobContext(spill))) {
                    List<String> order = Fixtures.items(source).stream()
                            .map(i -> i.subset() + "/" + i.id() + ":" + i.annotations().size()).collect(Collectors.toList());
                    assertEquals(expected, order, "later new items: " + withLaterNewItems + ", runs of " + spillRows);
                }
                assertEquals(List.of(), list(spill));
            }
        }
    }

    /** Errors come as if the files were read one after another, though they are sorted side by side. */
    @Test
    void reportsTheErrorOfTheFirstFailingFile() throws IOException {
        Path root = temp.resolve("errors");
        Path ann = classAndThreeTrainImages(root);
        Fixtures.text(ann.resolve("a-annotations-human-imagelabels.csv"), LABELS_HEADER, "d2,x,/m/a,1", "d1,x,/m/a,1",
                "d3,x,/m/a,high");
        Fixtures.text(ann.resolve("c-annotations-bbox.csv"), Fixtures.BOX_HEADER, "d3,x,/m/a,1,0,1,0,1,0,0,0,0,0",
                "d1,x,/m/a,1,bad,1,0,1,0,0,0,0,0");
        Path spill = Files.createDirectories(temp.resolve("spill"));
        DatasetException e = assertThrows(DatasetException.class, () -> new OpenImagesImporter(1)
                .open(root, ParsedOptions.none(), new FolderJobContext(spill)).close());
        assertEquals("a-annotations-human-imagelabels.csv:4: bad Confidence 'high' (not a number)", e.getMessage());
        // placing the items of a file comes before sorting: its error first, as when it was scanned whole
        Fixtures.text(ann.resolve("c-annotations-bbox.csv"), Fixtures.BOX_HEADER, "d3,x,/m/a,1,0,1,0,1,0,0,0,0,0",
                "d1,x,/m/a,1,0,1,0,1,0,0,0,0,0", "../x,x,/m/a,1,0,1,0,1,0,0,0,0,0");
        e = assertThrows(DatasetException.class, () -> new OpenImagesImporter(1)
                .open(root, ParsedOptions.none(), new FolderJobContext(spill)).close());
        assertEquals("c-annotations-bbox.csv:4: unsafe ImageID '../x' (empty, absolute, or with '..', '\\' or NUL)",
                e.getMessage());
        assertEquals(List.of(), list(spill));
    }

    private static final String LABELS_HEADER = "ImageID,Source,LabelName,Confidence";

    /** The annotations folder of {@code root}, with class /m/a and the train images d1, d2, d3: the tests add their files. */
    private static Path classAndThreeTrainImages(Path root) throws IOException {
        Path ann = root.resolve("annotations");
        Fixtures.text(ann.resolve("class-descriptions.csv"), "/m/a,A");
        Fixtures.text(ann.resolve("train-images-with-rotation.csv"), "ImageID,Subset", "d1,train", "d2,train", "d3,train");
        return ann;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.collect(Collectors.toList());
        }
    }
}
