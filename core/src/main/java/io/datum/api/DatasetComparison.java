package io.datum.api;

import java.util.List;

/**
 * What {@link Dataset#compare} found between a first and a second dataset: the labels each declares
 * that the other does not, the items (by subset and id) only in one of them, and the items in both
 * whose annotations or attributes differ, each with what differs. Items are listed by subset, then
 * id. The datasets are equal when all four lists are empty.
 *
 * @param firstItems the number of items of the first dataset
 * @param secondItems the number of items of the second dataset
 * @param labelDifferences one line per label declared by only one of them, or with another parent
 */
public record DatasetComparison(long firstItems, long secondItems, List<String> labelDifferences,
                                List<ItemRef> onlyInFirst, List<ItemRef> onlyInSecond, List<ItemDifference> different) {
    /** An item by its id and subset. */
    public record ItemRef(String id, String subset) {
    }

    /** An item in both datasets with what differs in it, one line each. */
    public record ItemDifference(String id, String subset, List<String> details) {
        public ItemDifference {
            details = List.copyOf(details);
        }
    }

    public DatasetComparison {
        labelDifferences = List.copyOf(labelDifferences);
        onlyInFirst = List.copyOf(onlyInFirst);
        onlyInSecond = List.copyOf(onlyInSecond);
        different = List.copyOf(different);
    }

    /** True when nothing differs. */
    public boolean equal() {
        return labelDifferences.isEmpty() && onlyInFirst.isEmpty() && onlyInSecond.isEmpty() && different.isEmpty();
    }
}
