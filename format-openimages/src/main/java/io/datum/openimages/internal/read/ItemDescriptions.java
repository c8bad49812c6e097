package io.datum.openimages.internal.read;

import io.datum.files.FolderPaths;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.openimages.internal.detect.DatasetLayout;
import io.datum.spi.DatasetException;
import io.datum.support.stream.ReadAhead;
import io.datum.support.stream.Workers;
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
 *
 * <p>Nothing else can start before the items are known, so the rows are parsed and checked on a
 * thread of the job's ({@link ReadAhead}) while the calling thread adds the ones before them: the
 * description files of Google's train split are 3.2 GB, mostly URLs, authors and titles to step
 * over, and one thread doing both left the other core idle for seconds.
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

    /** Rows in a batch of parsed rows. */
    static final int BATCH_ROWS = 4096;
    /** Batches parsed ahead of the thread adding them: about 2 MB. */
    private static final int BATCHES_AHEAD = 16;

    /** Subset names met so far (already checked), with their bytes. */
    private final List<byte[]> subsetBytes = new ArrayList<>();
    private final List<String> subsetNames = new ArrayList<>();

    private static final int SAMPLE_BYTES = 1 << 20;

    private ItemDescriptions() {
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

    static void read(DatasetLayout layout, ItemCatalog catalog, Workers workers) throws IOException {
        read(layout, new Target() {
            @Override
            public int addNew(byte[] id, int from, int to, String subset) {
                return catalog.addNew(id, from, to, subset);
            }

            @Override
            public String subset(int position) {
                return catalog.subset(position);
            }
        }, workers);
    }

    /**
     * Reads every description file into {@code target}, the rows parsed on a thread of
     * {@code workers} when one is free; false when the target stopped the reading. The target
     * sees the rows in file order, and a row's error comes after every row before it was added,
     * as in a reading by one thread.
     */
    static boolean read(DatasetLayout layout, Target target, Workers workers) throws IOException {
        ItemDescriptions reader = new ItemDescriptions();
        try (ReadAhead<Rows> rows = new ReadAhead<>(workers, "open_images descriptions", BATCHES_AHEAD,
                reader.parser(layout, fileNames(layout)))) {
            for (Rows batch; (batch = rows.next()) != null; ) {
                if (batch.firstOfFile) {
                    target.startFile();
                }
                for (int k = 0; k < batch.size; k++) {
                    int from = batch.ends[k];
                    int to = batch.ends[k + 1];
                    int position = target.addNew(batch.ids, from, to, batch.subsets[k]);
                    if (position == Integer.MIN_VALUE) {
                        return false;
                    }
                    if (position < 0) {
                        throw DatasetException.at(batch.file, batch.lines[k], "item '"
                                + new String(batch.ids, from, to - from, StandardCharsets.UTF_8)
                                + "' is repeated (already listed in subset '" + target.subset(-position - 1) + "')");
                    }
                }
                if (batch.failure != null) {
                    ReadAhead.rethrow(batch.failure);
                }
            }
        }
        return true;
    }

    /**
     * Checked rows of one description file: their ImageIDs' bytes end to end, subsets and lines;
     * the first batch of each file is marked (an empty file gives one empty batch), and the batch
     * a row failed in carries the failure after the rows before it.
     */
    static final class Rows {
        final String file;
        final boolean firstOfFile;
        byte[] ids = new byte[BATCH_ROWS * 16];
        /** Where each id ends in {@link #ids}; {@code ends[k]} is where the k-th starts. */
        final int[] ends = new int[BATCH_ROWS + 1];
        final String[] subsets = new String[BATCH_ROWS];
        final long[] lines = new long[BATCH_ROWS];
        int size;
        Throwable failure;

        Rows(String file, boolean firstOfFile) {
            this.file = file;
            this.firstOfFile = firstOfFile;
        }

        void add(byte[] bytes, int from, int to, String subset, long line) {
            int at = ends[size];
            if (ids.length - at < to - from) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, at + to - from));
            }
            System.arraycopy(bytes, from, ids, at, to - from);
            subsets[size] = subset;
            lines[size] = line;
            ends[++size] = at + to - from;
        }
    }

    /** Parses the files in order into batches of checked rows; the subset names are this reader's, met on its thread. */
    private ReadAhead.Producer<Rows> parser(DatasetLayout layout, List<String> names) {
        return new ReadAhead.Producer<>() {
            private int file = -1;
            private CsvTable table;
            private int idColumn;
            private int subsetColumn;
            private boolean failed;

            @Override
            public Rows next() throws IOException {
                if (failed) {
                    return null;
                }
                boolean first = false;
                if (table == null) {
                    if (++file == names.size()) {
                        return null;
                    }
                    first = true;
                    idColumn = -1;
                    subsetColumn = -1;
                }
                Rows rows = new Rows(names.get(file), first);
                try {
                    if (table == null) {
                        table = CsvTable.open(layout.file(names.get(file)), names.get(file), true);
                    }
                    while (rows.size < BATCH_ROWS) {
                        if (!table.next()) {
                            closeTable();
                            break;
                        }
                        addRow(rows);
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failed = true;
                    rows.failure = e;
                }
                return rows;
            }

            private void addRow(Rows rows) throws IOException {
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
                rows.add(buffer, from, to, subset(table, idColumn, subsetColumn), table.line());
            }

            private void closeTable() throws IOException {
                CsvTable t = table;
                table = null;
                if (t != null) {
                    t.close();
                }
            }

            @Override
            public void close() throws IOException {
                closeTable();
            }
        };
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
