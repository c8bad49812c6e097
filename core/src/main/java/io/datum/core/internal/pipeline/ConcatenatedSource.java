package io.datum.core.internal.pipeline;

import io.datum.collections.LongHashSet;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sources of a project read one after the other; they share one set of categories. Two
 * sources must not give the same item (same subset and id): the export would hold it twice.
 *
 * <p>Repeats are found while streaming, in bounded memory: a 64-bit hash of each item's subset
 * and id goes into a {@link LongHashSet} (16 bytes per item, every source but the last). A hash
 * seen before is only a suspicion, since two keys may share a hash; it is confirmed exactly by
 * reading the earlier sources again for that item, which happens once per real repeat (the run
 * ends there) and practically never otherwise.
 */
final class ConcatenatedSource implements DatasetSource {
    private final List<DatasetSource> parts;
    private final List<String> names;

    /** {@code names}: the sources' names, for messages, in the order of {@code parts}. */
    ConcatenatedSource(List<DatasetSource> parts, List<String> names) {
        if (parts.size() != names.size()) {
            throw new IllegalArgumentException(parts.size() + " sources, " + names.size() + " names");
        }
        this.parts = List.copyOf(parts);
        this.names = List.copyOf(names);
    }

    @Override
    public Categories categories() {
        return parts.get(0).categories();
    }

    @Override
    public void prepareFor(String exportFormat, ParsedOptions exportOptions) {
        for (DatasetSource part : parts) {
            part.prepareFor(exportFormat, exportOptions);
        }
    }

    @Override
    public ItemCursor items() {
        return new SequencedItems(parts) {
            private final LongHashSet seen = new LongHashSet();
            /** Keys whose hash matched an earlier one without the item being there: hash collisions. */
            private final Set<String> notRepeated = new HashSet<>();

            @Override
            protected DatasetItem accept(DatasetItem item, int source) {
                if (parts.size() > 1) {
                    check(item, source);
                }
                return item;
            }

            private void check(DatasetItem item, int index) {
                String key = item.subset() + '\0' + item.id();
                long hash = LongHashSet.hash(key);
                boolean suspect = index > 0 && seen.contains(hash);
                if (index < parts.size() - 1) {
                    seen.add(hash);
                }
                if (suspect && !notRepeated.contains(key)) {
                    int earlier = earlierSourceOf(item, index);
                    if (earlier >= 0) {
                        throw new DatasetException("the sources '" + names.get(earlier) + "' and '" + names.get(index)
                                + "' both have the item '" + item.id() + "' of subset '" + item.subset()
                                + "'; a project's sources must not repeat items (remove one of the sources, or export them one by one)");
                    }
                    notRepeated.add(key);
                }
            }

            /** The first source before {@code index} that has {@code item}, or -1. */
            private int earlierSourceOf(DatasetItem item, int index) {
                for (int j = 0; j < index; j++) {
                    try (ItemCursor again = parts.get(j).items()) {
                        while (again.hasNext()) {
                            DatasetItem other = again.next();
                            if (other.id().equals(item.id()) && other.subset().equals(item.subset())) {
                                return j;
                            }
                        }
                    }
                }
                return -1;
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
