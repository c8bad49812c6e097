package io.datum.openimages.internal.read;

import io.datum.files.FolderPaths;
import java.nio.charset.StandardCharsets;

/** Places the items of a file's ImageIDs, giving up on ids the full reader would refuse. */
final class ItemPlacer implements ImageIdScanner.Utf8IdSink {
    private final AnnotationFile file;
    private final ItemCatalog catalog;
    private boolean sorted = true;
    private int last = -1;

    ItemPlacer(AnnotationFile file, ItemCatalog catalog) {
        this.file = file;
        this.catalog = catalog;
    }

    /** Known ids (most of them) are found from their bytes; a String is made for a new item only. */
    @Override
    public boolean accept(byte[] utf8, int from, int to) {
        int position = catalog.positionOf(utf8, from, to, last + 1);
        if (position < 0) {
            // items in the catalog were checked when added; a new id is checked now
            String id = new String(utf8, from, to - from, StandardCharsets.UTF_8);
            if (FolderPaths.nameProblem(id) != null) {
                return false;
            }
            String subset = RowOrdering.subsetForNewItems(file);
            if (!FolderPaths.isSingleName(subset)) {
                return false;
            }
            position = catalog.add(id, subset);
        }
        sorted &= position >= last;
        last = Math.max(last, position);
        return true;
    }

    /** Whether the ImageIDs came in position order. */
    boolean sorted() {
        return sorted;
    }
}
