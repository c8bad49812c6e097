package io.datum.cli.internal;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.util.List;
import java.util.NoSuchElementException;

/** The sources of a project read one after the other; they share one set of categories. */
final class ConcatenatedSource implements DatasetSource {
    private final List<DatasetSource> parts;

    ConcatenatedSource(List<DatasetSource> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public Categories categories() {
        return parts.get(0).categories();
    }

    @Override
    public ItemCursor items() {
        return new ItemCursor() {
            private int index = -1;
            private ItemCursor current;

            @Override
            public boolean hasNext() {
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
            public DatasetItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                }
            }
        };
    }

    @Override
    public void close() {
        for (DatasetSource s : parts) {
            s.close();
        }
    }
}
