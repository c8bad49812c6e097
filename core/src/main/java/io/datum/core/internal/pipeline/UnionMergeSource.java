package io.datum.core.internal.pipeline;

import io.datum.collections.LongHashSet;
import io.datum.core.internal.transforms.RemapLabels;
import io.datum.model.Annotation;
import io.datum.model.AttributeSpec;
import io.datum.model.Caption;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Several datasets merged with the reference's {@code union} policy: the label lists united by
 * name (in order of first appearance, a label's parent and attributes from the first dataset that
 * declares it), the annotations moved to the united list, and every item of every dataset kept.
 * An item whose subset and id occur in more than one dataset is kept from each, renamed
 * {@code <id>-<n>} with {@code n} the index of its dataset among the merged ones, so that none
 * hides another.
 *
 * <p>Which keys repeat is found by one pass over every dataset before the items stream, keeping a
 * 64-bit hash of each item's subset and id ({@link LongHashSet}, 16 bytes per item): two keys with
 * the same hash (odds about 10^-8 for a million items) are taken as a repeat, which renames the
 * two items and loses nothing.
 */
final class UnionMergeSource implements DatasetSource {
    private final List<DatasetSource> parts;
    private final Categories categories;
    /** For each dataset, the united index of each of its labels. */
    private final int[][] labelIndex;
    private LongHashSet repeated;

    UnionMergeSource(List<DatasetSource> parts) {
        this.parts = List.copyOf(parts);
        Map<String, LabelCategory> labels = new LinkedHashMap<>();
        Map<String, AttributeSpec> common = new LinkedHashMap<>();
        for (DatasetSource part : parts) {
            LabelCategories own = part.categories().labels();
            own.labels().forEach(l -> labels.putIfAbsent(l.name(), l));
            own.commonAttributes().forEach(a -> common.putIfAbsent(a.name(), a));
        }
        LabelCategories united = new LabelCategories(new ArrayList<>(labels.values()), new ArrayList<>(common.values()));
        this.categories = new Categories(united);
        this.labelIndex = new int[parts.size()][];
        for (int i = 0; i < parts.size(); i++) {
            LabelCategories own = parts.get(i).categories().labels();
            labelIndex[i] = new int[own.size()];
            for (int l = 0; l < own.size(); l++) {
                labelIndex[i][l] = united.find(own.get(l).name()).getAsInt();
            }
        }
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public OptionalLong itemCount() {
        long total = 0;
        for (DatasetSource part : parts) {
            OptionalLong count = part.itemCount();
            if (count.isEmpty()) {
                return OptionalLong.empty();
            }
            total += count.getAsLong();
        }
        return OptionalLong.of(total);
    }

    @Override
    public void prepareFor(String exportFormat, ParsedOptions exportOptions) {
        parts.forEach(part -> part.prepareFor(exportFormat, exportOptions));
    }

    static long keyHash(DatasetItem item) {
        return LongHashSet.hash(item.subset() + '\0' + item.id());
    }

    /** The hashes of the keys found in more than one dataset, from one pass over all of them. */
    private synchronized LongHashSet repeated() {
        if (repeated == null) {
            LongHashSet seen = new LongHashSet();
            LongHashSet twice = new LongHashSet();
            // a dataset has each key once, so a key seen before is in an earlier dataset
            for (DatasetSource part : parts) {
                try (ItemCursor items = part.items()) {
                    while (items.hasNext()) {
                        long hash = keyHash(items.next());
                        if (!seen.add(hash)) {
                            twice.add(hash);
                        }
                    }
                }
            }
            repeated = twice;
        }
        return repeated;
    }

    @Override
    public ItemCursor items() {
        LongHashSet twice = parts.size() > 1 ? repeated() : new LongHashSet();
        return new SequencedItems(parts) {
            @Override
            protected DatasetItem accept(DatasetItem read, int source) {
                DatasetItem item = relabelled(read, labelIndex[source]);
                return twice.contains(keyHash(item)) ? new DatasetItem(item.id() + "-" + source, item.subset(),
                        item.image(), item.annotations(), item.attributes()) : item;
            }
        };
    }

    private static DatasetItem relabelled(DatasetItem item, int[] newIndex) {
        boolean same = true;
        for (int i = 0; i < newIndex.length && same; i++) {
            same = newIndex[i] == i;
        }
        if (same) {
            return item;
        }
        List<Annotation> moved = new ArrayList<>(item.annotations().size());
        for (Annotation a : item.annotations()) {
            Integer label = a instanceof Caption ? null : a.label();
            moved.add(label == null || label < 0 || label >= newIndex.length ? a : RemapLabels.withLabel(a, newIndex[label]));
        }
        return item.withAnnotations(moved);
    }

    @Override
    public void close() {
        parts.forEach(DatasetSource::close);
    }
}
