package io.datum.openimages.internal.read;

import io.datum.files.FolderPaths;
import io.datum.model.DatasetItem;
import io.datum.openimages.internal.detect.DatasetLayout;
import io.datum.openimages.internal.sort.ReadAheadRows;
import io.datum.openimages.internal.sort.RowSorter;
import io.datum.openimages.internal.sort.SideBySide;
import io.datum.spi.DatasetException;
import io.datum.support.stream.ReadAhead;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts the annotation rows in item order when a dataset is opened: places the items each file
 * brings into the catalog, tells whether a file's rows come in item order, and sorts the rows of
 * the files that do not into a {@link RowSorter}.
 */
final class RowOrdering {
    private RowOrdering() {
    }

    /** Gives the rows of one file, batch by batch in file order, their positions in the sorter. */
    interface Placement extends java.io.Closeable {
        void place(IdTable.Batch ids, AnnotationRow[] rows, RowSorter.FileRows sorted) throws IOException;

        @Override
        default void close() throws IOException {
        }
    }

    /** Files, and how the rows of each find their positions. */
    interface Placements {
        Placement of(AnnotationFile file) throws IOException;
    }

    /** Rows placed by looking their ids up in the catalog. */
    static Placements byCatalog(ItemCatalog catalog) {
        return file -> (ids, rows, sorted) -> place(file, catalog, ids, rows, sorted);
    }

    /**
     * Places the items of files whose scan stopped at their first row out of order, file by file,
     * and empties the list. (The files stay among those sorted: placing finds the same disorder.)
     */
    static void placeItems(DatasetLayout layout, List<AnnotationFile> unchecked, ItemCatalog catalog,
                                   RowLabels labels) throws IOException {
        for (AnnotationFile f : unchecked) {
            placeItems(layout, f, catalog, labels);
        }
        unchecked.clear();
    }

    /**
     * Adds the items first seen in a file and says whether its rows come in position order,
     * from its ImageID column alone when the quick scan can read it.
     */
    static boolean placeItems(DatasetLayout layout, AnnotationFile file, ItemCatalog catalog,
                                      RowLabels labels) throws IOException {
        ItemPlacer placer = new ItemPlacer(file, catalog);
        if (ImageIdScanner.scan(layout.annotationDir().resolve(file.name()), file.imageIdColumn(), placer)) {
            return placer.sorted();
        }
        // the items the scan placed come first in the file too: placing them again changes nothing
        return prescan(layout, file, catalog, labels);
    }

    /**
     * Reads a file with the full reader: validates every row, adds the items first seen in it,
     * and says whether its rows come in position order.
     */
    static boolean prescan(DatasetLayout layout, AnnotationFile file, ItemCatalog catalog,
                                   RowLabels labels) throws IOException {
        boolean sorted = true;
        int last = -1;
        try (AnnotationRowReader reader = open(layout, file, labels)) {
            while (reader.next()) {
                int position = positionOrAdd(reader, catalog);
                sorted &= position >= last;
                last = Math.max(last, position);
            }
        }
        return sorted;
    }

    /**
     * Sorts the rows of the files not in item order, one file per core at once (each parsed on one
     * more thread, see {@link #sort(DatasetLayout, AnnotationFile, Placements, RowLabels, RowSorter)}).
     * A failure is the one reading the files one after another would meet: that of the first
     * failing file (later files are not started once one failed).
     */
    static void sort(DatasetLayout layout, List<AnnotationFile> unsorted, ItemCatalog catalog,
                             RowLabels labels, RowSorter sorter) throws IOException {
        sort(layout, unsorted, byCatalog(catalog), labels, sorter);
    }

    /** {@link #sort(DatasetLayout, List, ItemCatalog, RowLabels, RowSorter)} with rows placed by {@code placements}. */
    static void sort(DatasetLayout layout, List<AnnotationFile> unsorted, Placements placements,
                     RowLabels labels, RowSorter sorter) throws IOException {
        Throwable[] failures = new Throwable[unsorted.size()];
        AtomicInteger firstFailed = new AtomicInteger(unsorted.size());
        List<SideBySide.Weighted> tasks = new ArrayList<>();
        for (int i = 0; i < unsorted.size(); i++) {
            AnnotationFile f = unsorted.get(i);
            int k = i;
            tasks.add(new SideBySide.Weighted(Files.size(layout.annotationDir().resolve(f.name())), () -> {
                if (k > firstFailed.get()) {
                    return;
                }
                try {
                    sort(layout, f, placements, labels, sorter);
                } catch (IOException | RuntimeException | Error e) {
                    failures[k] = e;
                    firstFailed.accumulateAndGet(k, Math::min);
                }
            }));
        }
        SideBySide.run(tasks, sorter.workers());
        int failed = firstFailed.get();
        if (failed < failures.length) {
            ReadAhead.rethrow(failures[failed]);
        }
        sorter.finish();
    }

    /**
     * Adds a file's rows to the sorter, parsed ahead on another thread ({@link ReadAheadRows}).
     * Their items are looked up a batch at a time ({@link IdTable#getAll}): rows out of item
     * order name items all over the catalog.
     */
    static void sort(DatasetLayout layout, AnnotationFile file, Placements placements, RowLabels labels,
                             RowSorter sorter) throws IOException {
        try (Placement placement = placements.of(file);
             RowSorter.FileRows rows = sorter.file(file.index());
             ReadAheadRows parsed = new ReadAheadRows(open(layout, file, labels), file.name(), sorter.workers())) {
            ReadAheadRows.Batch batch;
            do {
                batch = parsed.next();
                // the rows before a bad one come first, with any failure of theirs
                placement.place(batch.ids, batch.rows, rows);
                batch.rethrowFailure();
                parsed.recycle(batch);
            } while (!batch.last());
            rows.finish();
        }
    }

    /** Adds rows to the sorter at the positions of their items, {@code ids}. */
    static void place(AnnotationFile file, ItemCatalog catalog, IdTable.Batch ids, AnnotationRow[] rows,
                              RowSorter.FileRows sorted) throws IOException {
        catalog.positionsOf(ids);
        for (int k = 0; k < ids.size(); k++) {
            int position = ids.ordinal(k);
            if (position < 0) {
                throw DatasetException.at(file.name(), rows[k].line(), "item '" + ids.id(k)
                        + "' is new: the file changed after the dataset was opened");
            }
            sorted.add(position, rows[k]);
        }
    }

    static AnnotationRowReader open(DatasetLayout layout, AnnotationFile file, RowLabels labels)
            throws IOException {
        return AnnotationRowReader.open(file, layout.annotationDir(), labels.index(), labels.source(), labels.keepColumns());
    }

    static int positionOrAdd(AnnotationRowReader reader, ItemCatalog catalog) {
        int position = catalog.positionOf(reader.imageId());
        if (position >= 0) {
            return position;
        }
        String subset = subsetForNewItems(reader.file());
        if (!FolderPaths.isSingleName(subset)) {
            throw reader.error("item '" + reader.imageId() + "' would get the unsupported subset name '" + subset
                    + "' from the file name");
        }
        return catalog.add(reader.imageId(), subset);
    }

    /** The subset of an item first seen in {@code file}: the one its name gives, else the default subset. */
    static String subsetForNewItems(AnnotationFile file) {
        String subset = file.subsetForNewItems();
        return subset.isEmpty() ? DatasetItem.DEFAULT_SUBSET : subset;
    }
}
