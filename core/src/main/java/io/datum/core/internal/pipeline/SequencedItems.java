package io.datum.core.internal.pipeline;

import io.datum.model.DatasetItem;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The items of several sources, one source after the other. Only the cursor of the source being
 * read is open, so a long list of sources holds one open pass at a time. Each item goes through
 * {@link #accept(DatasetItem, int)} with the index of its source, where a subclass checks or
 * rewrites it.
 */
abstract class SequencedItems implements ItemCursor {
    private final List<DatasetSource> parts;
    private int index = -1;
    private ItemCursor current;

    SequencedItems(List<DatasetSource> parts) {
        this.parts = parts;
    }

    /** The item to give for {@code item}, read from {@code parts.get(source)}. */
    protected abstract DatasetItem accept(DatasetItem item, int source);

    @Override
    public final boolean hasNext() {
        while (current == null || !current.hasNext()) {
            if (current != null) {
                current.close();
                current = null;
            }
            if (++index >= parts.size()) {
                return false;
            }
            current = parts.get(index).items();
        }
        return true;
    }

    @Override
    public final DatasetItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return accept(current.next(), index);
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
    }
}
