package io.datum.openimages.internal.sort;

import io.datum.openimages.internal.read.AnnotationRow;
import io.datum.openimages.internal.read.AnnotationRowReader;
import java.io.IOException;

/**
 * The rows of a file that come in item order, read as they are, each placed at its item's
 * position as {@link Positions} finds it (a table of the items, or a join with the description
 * files). A file found in item order when the dataset was opened must still be: an unknown item or
 * a step back means the file changed since, and is an error naming the row.
 */
public final class FileRowStream implements RowStream {
    /** Finds an item's position by the reader's current ImageID. */
    public interface Positions {
        /** The position of the reader's current item, or -1 when unknown; {@code next} is where to look first. */
        int positionOf(AnnotationRowReader reader, int next) throws IOException;

        /** Releases what the lookup holds open. */
        default void close() throws IOException {
        }
    }

    private final AnnotationRowReader reader;
    private final Positions positions;
    private int position = -1;

    public FileRowStream(AnnotationRowReader reader, Positions positions) {
        this.reader = reader;
        this.positions = positions;
    }

    @Override
    public boolean advance() throws IOException {
        if (!reader.next()) {
            return false;
        }
        // rows of one item come together: the id is looked up once per item, next to the last one
        if (!reader.sameImageId() || position < 0) {
            int found = positions.positionOf(reader, position + 1);
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
        try {
            reader.close();
        } finally {
            positions.close();
        }
    }
}
