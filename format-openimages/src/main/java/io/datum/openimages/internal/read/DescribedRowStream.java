package io.datum.openimages.internal.read;

import io.datum.openimages.internal.sort.RowStream;
import java.io.IOException;

/**
 * The rows of a file that come in item order, their positions found by a join on the
 * {@link DescribedIds}, as the opening scan found them.
 */
final class DescribedRowStream implements RowStream {
    private final AnnotationRowReader reader;
    private final DescribedIds.Join join;
    private int position = -1;

    DescribedRowStream(AnnotationRowReader reader, DescribedIds.Join join) {
        this.reader = reader;
        this.join = join;
    }

    @Override
    public boolean advance() throws IOException {
        if (!reader.next()) {
            return false;
        }
        // rows of one item come together: the id is looked up once per item
        if (!reader.sameImageId() || position < 0) {
            int found = join.positionOf(reader.imageIdBytes(), 0, reader.imageIdLength());
            if (found == DescribedIds.NOT_DESCRIBED) {
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
            join.close();
        }
    }
}
