package io.datum.testkit;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/** {@code count} items made one at a time by {@code item}, on every pass: nothing is held. */
final class GeneratedSource implements DatasetSource {
    private final Categories categories;
    private final long count;
    private final LongFunction<DatasetItem> item;

    GeneratedSource(Categories categories, long count, LongFunction<DatasetItem> item) {
        this.categories = categories;
        this.count = count;
        this.item = item;
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public ItemCursor items() {
        return new ItemCursor() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public DatasetItem next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return item.apply(next++);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public OptionalLong itemCount() {
        return OptionalLong.of(count);
    }

    @Override
    public void close() {
    }
}
