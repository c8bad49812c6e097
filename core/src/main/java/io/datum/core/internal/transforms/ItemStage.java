package io.datum.core.internal.transforms;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.spi.AbstractItemCursor;
import io.datum.spi.DatasetSource;
import io.datum.spi.ForwardingSource;
import io.datum.spi.ItemCursor;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A stage that changes items one at a time as they are read: the transforms that work on each
 * item alone (rename, move to another subset, drop) are this stage with their own function. The
 * function may return null to drop the item. A new function is made for each pass, so that a
 * stage counting items (reindex) starts over on every pass and gives every pass the same items.
 */
class ItemStage extends ForwardingSource {
    /** What a stage keeps of the source's item counts. */
    enum Counts {
        /** Every item kept, in its subset: the counts below still hold. */
        SAME,
        /** Every item kept, but moved between subsets: the total still holds. */
        SAME_TOTAL,
        /** Items dropped: nothing is known before reading. */
        UNKNOWN
    }

    private final Categories categories;
    private final Supplier<UnaryOperator<DatasetItem>> perPass;
    private final Counts counts;

    ItemStage(DatasetSource source, Categories categories, Supplier<UnaryOperator<DatasetItem>> perPass, Counts counts) {
        super(source);
        this.categories = categories;
        this.perPass = perPass;
        this.counts = counts;
    }

    /** The stage with the source's categories and one stateless function for all passes. */
    static ItemStage mapping(DatasetSource source, UnaryOperator<DatasetItem> change, Counts counts) {
        return new ItemStage(source, source.categories(), () -> change, counts);
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public OptionalLong itemCount() {
        return counts == Counts.UNKNOWN ? OptionalLong.empty() : source.itemCount();
    }

    @Override
    public Optional<Map<String, Long>> subsetSizes() {
        return counts == Counts.SAME ? source.subsetSizes() : Optional.empty();
    }

    @Override
    public ItemCursor items() {
        ItemCursor inner = source.items();
        UnaryOperator<DatasetItem> change = perPass.get();
        return new AbstractItemCursor() {
            @Override
            protected DatasetItem computeNext() {
                DatasetItem next = null;
                while (next == null && inner.hasNext()) {
                    next = change.apply(inner.next());
                }
                return next;
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }

    /** The item under another id, everything else kept. */
    static DatasetItem withId(DatasetItem item, String id) {
        return id.equals(item.id()) ? item : new DatasetItem(id, item.subset(), item.image(), item.annotations(), item.attributes());
    }
}
