package io.datum.spi;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.support.stream.Workers;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/** Sources built from items in memory: for tests, for embedding, and for small generated datasets. */
public final class Datasets {
    private Datasets() {
    }

    /** A source over a list held in memory (the equivalent of Datumaro's {@code Dataset.from_iterable}). */
    public static DatasetSource of(Categories categories, List<DatasetItem> items) {
        List<DatasetItem> copy = List.copyOf(items);
        return new DatasetSource() {
            @Override
            public Categories categories() {
                return categories;
            }

            @Override
            public ItemCursor items() {
                Iterator<DatasetItem> it = copy.iterator();
                return new ItemCursor() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public DatasetItem next() {
                        return it.next();
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public OptionalLong itemCount() {
                return OptionalLong.of(copy.size());
            }

            @Override
            public Optional<Map<String, Long>> subsetSizes() {
                Map<String, Long> sizes = new LinkedHashMap<>();
                for (DatasetItem item : copy) {
                    sizes.merge(item.subset(), 1L, Long::sum);
                }
                return Optional.of(sizes);
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * The source with every pass's cursor wrapped by {@code wrapPass} (to filter, count, ...).
     * Categories and closing go to {@code source}; {@code sameItems} says whether the wrapper keeps
     * every item, so that a known item count still holds.
     */
    public static DatasetSource wrapping(DatasetSource source, UnaryOperator<ItemCursor> wrapPass, boolean sameItems) {
        return new ForwardingSource(source) {
            @Override
            public ItemCursor items() {
                return wrapPass.apply(source.items());
            }

            @Override
            public OptionalLong itemCount() {
                return sameItems ? source.itemCount() : OptionalLong.empty();
            }

            @Override
            public Optional<Map<String, Long>> subsetSizes() {
                return sameItems ? source.subsetSizes() : Optional.empty();
            }
        };
    }

    /**
     * The source with every pass read ahead on a thread of its own, in batches through a bounded
     * queue, so that reading and writing a conversion run on two cores. Items must be immutable
     * (the model's are); the source's cursor is only used by that thread.
     */
    public static DatasetSource readingAhead(DatasetSource source) {
        return readingAhead(source, Workers.unbounded());
    }

    /**
     * The source with every pass read ahead on a thread of {@code workers}; when their bound
     * leaves none free, the pass is read on the consumer's thread as it asks.
     *
     * @since 1.4
     */
    public static DatasetSource readingAhead(DatasetSource source, Workers workers) {
        return wrapping(source, items -> new ReadAheadCursor(items, workers), true);
    }
}
