package io.datum.openimages.internal.read;

import io.datum.model.Attributes;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.openimages.internal.detect.DatasetLayout;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The image description columns of each item (OriginalURL … Rotation), as read, for a pass that
 * keeps them ({@link KeptCells}). The catalog numbers the items of the description files first,
 * row by row in file order ({@link ItemDescriptions}), so the items of a pass, in position order,
 * meet the description rows in file order too: this reads the files once, beside the pass, and
 * holds one row.
 */
final class KeptDescriptions implements Closeable {
    private final DatasetLayout layout;
    private final List<String> names;
    private int file = -1;
    private CsvTable table;
    private KeptCells.Reader cells;
    private int nextPosition;

    private KeptDescriptions(DatasetLayout layout, List<String> names) {
        this.layout = layout;
        this.names = names;
    }

    static KeptDescriptions open(DatasetLayout layout) {
        return new KeptDescriptions(layout, ItemDescriptions.fileNames(layout));
    }

    /**
     * The description cells of the item at {@code position} as attributes named by their columns;
     * empty for an item no description file lists. Positions must come in increasing order.
     */
    Attributes of(int position) throws IOException {
        KeptCells row = null;
        while (nextPosition <= position && advance()) {
            if (nextPosition++ == position) {
                row = cells.cells(table);
            }
        }
        return row == null ? Attributes.empty() : row.addTo(Attributes.builder()).build();
    }

    /** Moves to the next description row; false when every file is read. */
    private boolean advance() throws IOException {
        while (table == null || !table.next()) {
            close();
            if (++file >= names.size()) {
                return false;
            }
            String name = names.get(file);
            table = CsvTable.open(layout.file(name), name, true);
            cells = new KeptCells.Reader(table, ColumnsAsRead.DESCRIPTIONS);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        if (table != null) {
            table.close();
            table = null;
        }
    }
}
