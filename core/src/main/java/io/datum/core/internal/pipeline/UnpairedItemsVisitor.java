package io.datum.core.internal.pipeline;

import io.datum.api.DatasetComparison.ItemRef;
import io.datum.model.DatasetItem;
import java.util.ArrayList;
import java.util.List;

/**
 * A visitor of a {@link ComparisonJoin} that lists the items only one dataset has, in the order
 * the join meets them: every comparison method reports those the same way, and says only what it
 * does with a pair of items in both.
 */
abstract class UnpairedItemsVisitor implements ComparisonJoin.Visitor {
    final List<ItemRef> onlyInFirst = new ArrayList<>();
    final List<ItemRef> onlyInSecond = new ArrayList<>();

    @Override
    public void onlyInFirst(DatasetItem first) {
        onlyInFirst.add(new ItemRef(first.id(), first.subset()));
    }

    @Override
    public void onlyInSecond(DatasetItem second) {
        onlyInSecond.add(new ItemRef(second.id(), second.subset()));
    }
}
