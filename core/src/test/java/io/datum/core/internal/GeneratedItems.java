package io.datum.core.internal;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A dataset of {@code count} items made one at a time as they are pulled, on every pass, so that a
 * test can stream far more items than a heap holds; {@link #made()} says how many were made so far.
 * It says nothing of its item count unless made by {@link #of}: a subclass decides what it tells.
 */
public abstract class GeneratedItems implements DatasetSource {
    private final Categories categories;
    private final long count;
    // read by the test's thread while a read-ahead thread may be making items
    private final AtomicLong made = new AtomicLong();

    protected GeneratedItems(Categories categories, long count) {
        this.categories = categories;
        this.count = count;
    }

    /** {@code count} items, item {@code i} made by {@code item}; its item count is known up front. */
    public static GeneratedItems of(Categories categories, long count, LongFunction<DatasetItem> item) {
        return new GeneratedItems(categories, count) {
            @Override
            protected DatasetItem item(long index) {
                return item.apply(index);
            }

            @Override
            public OptionalLong itemCount() {
                return OptionalLong.of(count);
            }
        };
    }

    /** The item at {@code index}, made anew on each call. */
    protected abstract DatasetItem item(long index);

    public final long made() {
        return made.get();
    }

    public final long count() {
        return count;
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
                made.incrementAndGet();
                return item(next++);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
    }
}
