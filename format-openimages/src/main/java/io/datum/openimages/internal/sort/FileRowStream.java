package io.datum.openimages.internal.sort;

import io.datum.openimages.internal.read.AnnotationRow;
import io.datum.openimages.internal.read.AnnotationRowReader;
import io.datum.openimages.internal.read.ItemCatalog;
import java.io.IOException;

/** The rows of a file that come in item order, read as they are and placed in the catalog. */
public final class FileRowStream implements RowStream {
    private final AnnotationRowReader reader;
    private final ItemCatalog catalog;
    private int position = -1;

    public FileRowStream(AnnotationRowReader reader, ItemCatalog catalog) {
        this.reader = reader;
        this.catalog = catalog;
    }

    @Override
    public boolean advance() throws IOException {
        if (!reader.next()) {
            return false;
        }
        // rows of one item come together: the id is looked up once per item, next to the last one
        if (!reader.sameImageId() || position < 0) {
            int found = catalog.positionOf(reader.imageId(), position + 1);
            if (found < 0) {
                throw reader.error("item '" + reader.imageId() + "' is new: the file changed after the dataset was opened");
            }
            if (found < position) {
                throw reader.error("rows are out of order: the file changed after the dataset was opened");
            }
            position = found;
        }
        return true;
    }

    @Override
    public int position() {
        return position;
    }

    @Override
    public AnnotationRow row() {
        return reader.row();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
