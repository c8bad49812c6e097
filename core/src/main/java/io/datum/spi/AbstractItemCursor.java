package io.datum.spi;

import io.datum.model.DatasetItem;
import java.util.NoSuchElementException;

/**
 * A cursor whose items are made one at a time ({@link #computeNext}), as a transform, a join or a
 * format's reader makes them: {@link #hasNext} makes the next item once and holds it until
 * {@link #next} hands it over, so a subclass states only how an item is made and what closing
 * releases.
 *
 * @since 1.6
 */
public abstract class AbstractItemCursor implements ItemCursor {
    private DatasetItem next;

    /** The next item, or null when there are no more. Called again only after the item it gave was taken. */
    protected abstract DatasetItem computeNext();

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = computeNext();
        }
        return next != null;
    }

    @Override
    public final DatasetItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        DatasetItem item = next;
        next = null;
        return item;
    }
}
