package io.datum.openimages.internal.read;

import io.datum.openimages.internal.sort.SideBySide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ImageID scans of opening, run side by side for the files that bring no new item. When the
 * description file lists every item (Google's layout, and what Datum writes) the annotation files
 * only need the verdict "rows in item order or not", which depends on nothing but the catalog as
 * the description file left it; so those files can be scanned in any order, on every core, which
 * halves opening on two. A file that names an item the catalog does not have (or that the quick
 * scan cannot read) gets no verdict here: the caller places its items in the reference's file
 * order afterwards, as before, and nothing found here is changed by that (new items only ever go
 * after the known ones). A file out of order gets its verdict at its first row out of order,
 * before its later ImageIDs are seen: should one of them be new, the caller still has to place
 * its items before those of the files after it.
 */
final class KnownItemScan {
    private KnownItemScan() {
    }

    /**
     * The scan of {@code file} as a task: sets {@code verdicts[index]} to TRUE when all its
     * ImageIDs are in the catalog and come in item order, FALSE when the ImageIDs up to the first
     * one out of order are there (the scan stops at it: the file is then sorted, which looks up
     * every ImageID anyway, and a lookup of a file out of order is a cache miss each), and leaves
     * null when it needs the ordered placement. The catalog is only read.
     */
    static SideBySide.Weighted task(Path file, String idColumn, ItemCatalog catalog, Boolean[] verdicts, int index)
            throws IOException {
        return new SideBySide.Weighted(Files.size(file), () -> {
            if (catalog.size() > 0) {
                KnownIds sink = new KnownIds(catalog);
                verdicts[index] = ImageIdScanner.scan(file, idColumn, sink) ? Boolean.TRUE
                        : sink.outOfOrder ? Boolean.FALSE : null;
            }
        });
    }

    /** Looks ids up in the catalog, stopping at the first it does not have or that comes out of order. */
    private static final class KnownIds implements ImageIdScanner.Utf8IdSink {
        private final ItemCatalog catalog;
        private boolean outOfOrder;
        private int last = -1;

        KnownIds(ItemCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public boolean accept(byte[] utf8, int from, int to) {
            // every id in the catalog was checked to be safe when it was added
            int position = catalog.positionOf(utf8, from, to, last + 1);
            if (position < 0) {
                return false;
            }
            outOfOrder = position < last;
            last = position;
            return !outOfOrder;
        }
    }
}
