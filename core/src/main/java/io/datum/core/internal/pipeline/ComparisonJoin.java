package io.datum.core.internal.pipeline;

import io.datum.model.DatasetItem;
import io.datum.spi.DatasetSource;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The items of two datasets paired by subset and id in one pass over each: a sort-merge join
 * over {@link KeyOrderedInputs}, each key handed to the visitor as in both, only in the first or
 * only in the second, in key order. Memory stays bounded and the work is O(n log n). A side whose
 * first {@code sortBuffer} items are in order passes straight through; should it break the order
 * later, the attempt is dropped and the join starts again with that side sorted, with a fresh
 * visitor. Only such a side is read twice; sorted and shuffled sides are read once.
 */
final class ComparisonJoin {
    /** Items held in memory per side while sorting, by default. */
    static final int SORT_BUFFER = KeyOrderedInputs.SORT_BUFFER;

    static final Comparator<DatasetItem> KEY_ORDER = KeyOrderedInputs.KEY_ORDER;

    /** What the join hands each key to. */
    interface Visitor {
        void inBoth(DatasetItem first, DatasetItem second);

        void onlyInFirst(DatasetItem first);

        void onlyInSecond(DatasetItem second);
    }

    /** The visitor of the attempt that went through, and the items read on each side. */
    record Result<V>(V visitor, long firstItems, long secondItems) {
    }

    private final int sortBuffer;
    private final Path spillDir;

    ComparisonJoin(int sortBuffer, Path spillDir) {
        this.sortBuffer = Math.max(1, sortBuffer);
        this.spillDir = spillDir;
    }

    <V extends Visitor> Result<V> run(DatasetSource first, DatasetSource second, Supplier<V> visitors) {
        try (KeyOrderedInputs sides = new KeyOrderedInputs(List.of(first, second), List.of("first", "second"),
                sortBuffer, spillDir, KeyOrderedInputs.OrderCheck.FIRST_ITEMS, true)) {
            while (true) {
                V visitor = visitors.get();
                try (KeyOrderedInputs.Pass pass = sides.pass()) {
                    for (DatasetItem[] key = pass.next(); key != null; key = pass.next()) {
                        if (key[0] != null && key[1] != null) {
                            visitor.inBoth(key[0], key[1]);
                        } else if (key[0] != null) {
                            visitor.onlyInFirst(key[0]);
                        } else {
                            visitor.onlyInSecond(key[1]);
                        }
                    }
                    return new Result<>(visitor, pass.read(0), pass.read(1));
                } catch (KeyOrderedInputs.OrderBroken e) {
                    // that side is sorted on the next attempt
                }
            }
        }
    }
}
