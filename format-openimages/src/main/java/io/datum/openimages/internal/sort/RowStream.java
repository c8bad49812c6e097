package io.datum.openimages.internal.sort;

import io.datum.openimages.internal.read.AnnotationRow;
import java.io.IOException;

/**
 * Annotation rows in item order (by item position, the rows of one item in the reference's
 * order: by file, then by line), one at a time: an input of a pass's merge. After {@link #advance()} returned true, {@link #position()} and {@link #row()}
 * describe the current row.
 */
public interface RowStream extends AutoCloseable {
    /** Moves to the next row; false at the end. */
    boolean advance() throws IOException;

    /** The position of the current row's item. */
    int position();

    AnnotationRow row();

    @Override
    void close() throws IOException;
}
