package io.datum.openimages.internal.read;

import io.datum.files.FolderPaths;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.openimages.internal.detect.DatasetLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The items of the image description file(s), in file order: each row's ImageID and
 * Subset, checked, added to the catalog. A million rows: ids go from the CSV buffer into the
 * catalog as bytes, and the few subset names are decoded once each.
 */
final class ItemDescriptions {
    /** Where the items go. */
    interface Target {
        /** Called before the rows of each description file. */
        default void startFile() {
        }

        /**
         * Adds the item at the next position; returns it, {@code -(position + 1)} of an item
         * already there with that id, or {@link Integer#MIN_VALUE} to stop reading (the target
         * cannot take the item).
         */
        int addNew(byte[] id, int from, int to, String subset) throws IOException;

        /** The subset of the item at {@code position}, for the message about a repeated id. */
        String subset(int position);
    }

    private final Target catalog;
    /** Subset names met so far (already checked), with their bytes. */
    private final List<byte[]> subsetBytes = new ArrayList<>();
    private final List<String> subsetNames = new ArrayList<>();

    private static final int SAMPLE_BYTES = 1 << 20;

    private ItemDescriptions(Target catalog) {
        this.catalog = catalog;
    }

    /** The description files read, in reading order: the full file alone when present, else the subsets' files. */
    static List<String> fileNames(DatasetLayout layout) {
        return layout.has(OpenImagesPaths.FULL_IMAGE_DESCRIPTION_FILE)
                ? List.of(OpenImagesPaths.FULL_IMAGE_DESCRIPTION_FILE)
                : layout.matching(OpenImagesPaths.SUBSET_IMAGE_DESCRIPTION_PATTERNS);
    }

    /**
     * About how many rows the description files hold: each file's size times the rows per byte of
     * its first {@value #SAMPLE_BYTES} bytes (exact for a file no larger). Enough to choose between
     * a table of the items and a join, without reading the files.
     */
    static long estimatedRows(DatasetLayout layout) throws IOException {
        long rows = 0;
        byte[] sample = new byte[SAMPLE_BYTES];
        for (String name : fileNames(layout)) {
            Path file = layout.file(name);
            long size = Files.size(file);
            int read = 0;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(sample, 0, sample.length);
            }
            int lines = 0;
            for (int i = 0; i < read; i++) {
                if (sample[i] == '\n') {
                    lines++;
                }
            }
            rows += read == 0 ? 0 : read == size ? lines : (long) ((double) Math.max(1, lines) * size / read);
        }
        return rows;
    }

    static void read(DatasetLayout layout, ItemCatalog catalog) throws IOException {
        read(layout, new Target() {
            @Override
            public int addNew(byte[] id, int from, int to, String subset) {
                return catalog.addNew(id, from, to, subset);
            }

            @Override
            public String subset(int position) {
                return catalog.subset(position);
            }
        });
    }

    /** Reads every description file into {@code target}; false when the target stopped the reading. */
    static boolean read(DatasetLayout layout, Target target) throws IOException {
        ItemDescriptions reader = new ItemDescriptions(target);
        for (String name : fileNames(layout)) {
            target.startFile();
            try (CsvTable table = CsvTable.open(layout.file(name), name, true)) {
                if (!reader.read(table)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean read(CsvTable table) throws IOException {
        int idColumn = -1;
        int subsetColumn = -1;
        while (table.next()) {
            if (idColumn < 0) {
                idColumn = table.requireColumn(OpenImagesPaths.IMAGE_ID);
                subsetColumn = table.requireColumn(OpenImagesPaths.SUBSET);
                // Google's files spend most of their bytes on URLs, authors and titles after these
                table.keepColumnsUpTo(Math.max(idColumn, subsetColumn));
            }
            table.requirePresent(idColumn, OpenImagesPaths.IMAGE_ID);
            byte[] buffer = table.buffer();
            int from = table.start(idColumn);
            int to = table.end(idColumn);
            if (!FolderPaths.isSafeName(buffer, from, to)) {
                throw table.error("unsafe ImageID '" + table.get(idColumn) + "' (empty, absolute, or with '..', '\\' or NUL)");
            }
            table.requirePresent(subsetColumn, OpenImagesPaths.SUBSET);
            String subset = subset(table, idColumn, subsetColumn);
            int position = catalog.addNew(buffer, from, to, subset);
            if (position == Integer.MIN_VALUE) {
                return false;
            }
            if (position < 0) {
                throw table.error("item '" + table.get(idColumn) + "' is repeated (already listed in subset '"
                        + catalog.subset(-position - 1) + "')");
            }
        }
        return true;
    }

    /** The row's subset name, checked to be a safe folder name when first met. */
    private String subset(CsvTable table, int idColumn, int subsetColumn) {
        byte[] buffer = table.buffer();
        int from = table.start(subsetColumn);
        int to = table.end(subsetColumn);
        for (int i = 0; i < subsetBytes.size(); i++) {
            byte[] known = subsetBytes.get(i);
            if (Arrays.equals(buffer, from, to, known, 0, known.length)) {
                return subsetNames.get(i);
            }
        }
        String subset = new String(buffer, from, to - from, StandardCharsets.UTF_8);
        if (!FolderPaths.isSingleName(subset)) {
            throw table.error("item '" + table.get(idColumn) + "' has an unsupported subset name '" + subset + "'");
        }
        subsetBytes.add(Arrays.copyOfRange(buffer, from, to));
        subsetNames.add(subset);
        return subset;
    }
}
