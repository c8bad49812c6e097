package io.datum.openimages.internal;

/** The rows of the files that did not come in item order, sorted by an {@link ExternalSorter}. */
final class SpilledRowStream implements RowStream {
    private final ExternalSorter.Cursor<PositionedRow> cursor;
    private PositionedRow current;

    SpilledRowStream(ExternalSorter.Cursor<PositionedRow> cursor) {
        this.cursor = cursor;
    }

    @Override
    public boolean advance() {
        if (!cursor.hasNext()) {
            return false;
        }
        current = cursor.next();
        return true;
    }

    @Override
    public int position() {
        return current.position();
    }

    @Override
    public AnnotationRow row() {
        return current.row();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
