package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.DatasetItem;
import io.datum.openimages.internal.read.OpenImagesImporter;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.support.stream.Workers;
import io.datum.testkit.FolderJobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Datasets in Google's shape (each description file sorted by ImageID, every annotated item
 * described) are read without a table of the items; whatever the order of the annotation files'
 * rows, and whichever way the reader takes, the items and their annotations are the same.
 */
class GoogleLayoutTest {
    private static final String LABELS_HEADER = "ImageID,Source,LabelName,Confidence";
    private static final String[] LABELS = {"/m/a", "/m/b", "/m/c"};

    @TempDir
    Path temp;

    /** Records the debug lines, which say which way the reader took, though no detail is asked for. */
    private static FolderJobContext recording(Path tempDir) {
        return new FolderJobContext(tempDir, Workers.unbounded(), false);
    }

    /** Which annotation files have their rows shuffled (each item's own rows keep their order). */
    private enum Order { SORTED, SHUFFLED, BOXES_SHUFFLED }

    /**
     * Three description files (test, validation, then train: the reading order), each sorted;
     * labels and boxes per subset; one mask file; images.meta listing train, validation, test. {@code undescribed} adds
     * a label row for an item no description file lists.
     */
    private Path dataset(String name, Order order, boolean undescribed) throws IOException {
        Path root = temp.resolve(name);
        Path ann = root.resolve("annotations");
        Random random = new Random(11);
        List<String> train = new ArrayList<>();
        List<String> test = new ArrayList<>();
        List<String> validation = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            (i % 4 == 0 ? test : i % 4 == 1 ? validation : train).add(String.format("%016x", random.nextLong() >>> 1));
        }
        Collections.sort(train);
        Collections.sort(test);
        Collections.sort(validation);
        Fixtures.text(ann.resolve("oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/a,A", "/m/b,B", "/m/c,C");
        Fixtures.text(ann.resolve("oidv6-train-images-with-labels-with-rotation.csv"), descriptions(train, "train"));
        Fixtures.text(ann.resolve("test-images-with-rotation.csv"), descriptions(test, "test"));
        Fixtures.text(ann.resolve("validation-images-with-rotation.csv"), descriptions(validation, "validation"));
        List<String> meta = new ArrayList<>();
        // Google's order: train, validation, test (the description files are read test, validation, train)
        for (List<String> ids : List.of(train, validation, test)) {
            for (int i = 0; i < ids.size(); i += 2) {
                meta.add(ids.get(i) + " " + (10 + i % 7) + " " + (20 + i % 5));
            }
        }
        // an item listed twice takes the later size
        meta.add(1, train.get(0) + " 99 98");
        Fixtures.text(ann.resolve("images.meta"), meta.toArray(String[]::new));
        List<String[]> masks = new ArrayList<>();
        for (String subset : List.of("train", "validation", "test")) {
            List<String> ids = subset.equals("train") ? train : subset.equals("test") ? test : validation;
            String prefix = subset.equals("train") ? "oidv6-train" : subset;
            List<String[]> labels = new ArrayList<>();
            List<String[]> boxes = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                for (int k = 0; k < i % 4; k++) {
                    labels.add(new String[] {id, id + ",verification," + LABELS[(i + k) % 3] + "," + (k % 2)});
                }
                for (int k = 0; k < i % 3; k++) {
                    String box = "0." + (k + 1) + "00000,0.900000,0.200000,0." + (5 + k) + "00000";
                    boxes.add(new String[] {id, id + ",xclick," + LABELS[k % 3] + ",1," + box + ",1,0,-1,1,0"});
                    if (k == 0) {
                        Fixtures.greyPng(root.resolve("masks").resolve(subset).resolve(id + "_0.png"), 2, 2, 0, 255, i, 0);
                        masks.add(new String[] {id, id + "_" + k + ".png," + id + "," + LABELS[0] + ",0000000" + k + ","
                                + box + ",0.5,\"0.1 0.2;0.3 0.4\""});
                    }
                }
            }
            if (undescribed && subset.equals("train")) {
                labels.add(new String[] {"ffffffffffffffff", "ffffffffffffffff,verification,/m/a,1"});
            }
            write(ann.resolve(prefix + "-annotations-human-imagelabels.csv"), LABELS_HEADER, labels,
                    order == Order.SHUFFLED ? random : null);
            write(ann.resolve(prefix + "-annotations-bbox.csv"), Fixtures.BOX_HEADER, boxes, order != Order.SORTED ? random : null);
        }
        // Google ships the masks file in no particular order
        write(ann.resolve("train-annotations-object-segmentation.csv"), Fixtures.MASK_HEADER, masks, random);
        return root;
    }

    private static String[] descriptions(List<String> ids, String subset) {
        List<String> lines = new ArrayList<>(List.of("ImageID,Subset,OriginalURL,Title,Rotation"));
        for (String id : ids) {
            lines.add(id + "," + subset + ",https://x/" + id + ".jpg,\"a, \"\"title\"\"\",0.0");
        }
        return lines.toArray(String[]::new);
    }

    /** Writes the rows, shuffled item by item when {@code random} is given. */
    private static void write(Path file, String header, List<String[]> rows, Random random) {
        List<String[]> ordered = new ArrayList<>(rows);
        if (random != null) {
            List<String> ids = rows.stream().map(r -> r[0]).distinct().collect(Collectors.toList());
            Collections.shuffle(ids, random);
            ordered.sort((a, b) -> Integer.compare(ids.indexOf(a[0]), ids.indexOf(b[0])));
        }
        List<String> lines = new ArrayList<>(List.of(header));
        ordered.forEach(r -> lines.add(r[1]));
        Fixtures.text(file, lines.toArray(String[]::new));
    }

    private List<String> read(Path root, int spillRows, FolderJobContext context) throws IOException {
        try (DatasetSource source = new OpenImagesImporter(spillRows, 0L).open(root, ParsedOptions.none(), context)) {
            List<String> first = describe(source);
            assertEquals(first, describe(source), "a second pass gives the same items");
            assertEquals(first.stream().filter(l -> !l.startsWith(" ")).count(), source.itemCount().orElseThrow());
            return first;
        }
    }

    private static List<String> describe(DatasetSource source) {
        List<String> out = new ArrayList<>();
        for (DatasetItem item : Fixtures.items(source)) {
            out.add(item.subset() + "/" + item.id() + " " + item.image());
            DatasetAssert.annotations(item.annotations()).forEach(a -> out.add(" " + a));
        }
        return out;
    }

    private static boolean tookDescribedWay(FolderJobContext context) {
        return context.debugLines().stream().anyMatch(l -> l.contains("described items (no table of them)"));
    }

    @Test
    void sortedShuffledAndPartlySortedFilesGiveTheSameItemsWithoutATable() throws IOException {
        Path spill = Files.createDirectories(temp.resolve("spill"));
        FolderJobContext sortedContext = recording(spill);
        List<String> sorted = read(dataset("sorted", Order.SORTED, false), 1000, sortedContext);
        assertTrue(tookDescribedWay(sortedContext), String.join("\n", sortedContext.debugLines()));
        assertTrue(sorted.size() > 150, "the fixture has annotations: " + sorted.size());
        assertTrue(sorted.get(0).startsWith("test/"), "the description files' order: " + sorted.get(0));
        assertTrue(sorted.stream().anyMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("mask")), "masks are read");
        for (Order order : Order.values()) {
            for (int spillRows : new int[] {1000, 2}) {
                FolderJobContext context = recording(spill);
                assertEquals(sorted, read(dataset(order + "-" + spillRows, order, false), spillRows, context),
                        order + ", runs of " + spillRows);
                assertTrue(tookDescribedWay(context), order + ": " + context.debugLines());
            }
        }
        assertEquals(List.of(), list(spill), "temporary files are deleted on close");
    }

    /** The table of every item, which an undescribed item needs, gives the same described items. */
    @Test
    void theTableOfItemsGivesTheSameDescribedItems() throws IOException {
        Path spill = Files.createDirectories(temp.resolve("spill"));
        List<String> described = read(dataset("described", Order.BOXES_SHUFFLED, false), 1000, recording(spill));
        FolderJobContext context = recording(spill);
        List<String> withTable = read(dataset("table", Order.BOXES_SHUFFLED, true), 1000, context);
        assertTrue(!tookDescribedWay(context), "an undescribed item needs the table");
        assertEquals(described.size() + 2, withTable.size(), "one more item, with one label");
        assertTrue(withTable.get(described.size()).contains("/ffffffffffffffff "), "the undescribed item comes last");
        assertEquals(described, withTable.subList(0, described.size()));
        assertTrue(described.stream().anyMatch(l -> l.matches(".*Image\\[no file[^,]*, .*(99.*98|98.*99).*")), "the later size of an item listed twice");
    }

    /**
     * Up to the table limit (estimated from the description files' size) the reader keeps a table
     * of the items, which is faster; past it, the join; both give the same items.
     */
    @Test
    void theTableLimitChoosesTheWayAndBothGiveTheSameItems() throws IOException {
        Path spill = Files.createDirectories(temp.resolve("spill"));
        Path root = dataset("limit", Order.BOXES_SHUFFLED, false);
        FolderJobContext joined = recording(spill);
        List<String> viaJoin = read(root, 1000, joined);
        assertTrue(tookDescribedWay(joined), "limit 0: the join");
        for (long limit : new long[] {ImportSettings.DEFAULT_TABLE_ITEMS, 1_000_000}) {
            FolderJobContext tabled = recording(spill);
            try (DatasetSource source = new OpenImagesImporter(1000, limit).open(root, ParsedOptions.none(), tabled)) {
                assertEquals(viaJoin, describe(source), "limit " + limit);
            }
            assertTrue(!tookDescribedWay(tabled), "a small dataset under limit " + limit + " takes the table");
        }
        FolderJobContext justOver = recording(spill);
        try (DatasetSource source = new OpenImagesImporter(1000, 10L).open(root, ParsedOptions.none(), justOver)) {
            assertEquals(viaJoin, describe(source));
        }
        assertTrue(tookDescribedWay(justOver), "more described images than the limit: the join");
        assertEquals(List.of(), list(spill), "temporary files are deleted on close");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.collect(Collectors.toList());
        }
    }
}
