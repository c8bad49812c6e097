package io.datum.api;

import java.util.List;

/**
 * What {@link Dataset#compare} found between a first and a second dataset. By the
 * {@link ComparisonOptions.Method#EQUALITY equality} method: the labels each declares that the
 * other does not, the items (by subset and id) only in one of them, and the items in both whose
 * annotations or attributes differ, each with what differs; the datasets are equal when all four
 * lists are empty. By the {@link ComparisonOptions.Method#DISTANCE distance} method: the items
 * only in one of them and the matching of their annotations ({@link #distance()}). By the
 * {@link ComparisonOptions.Method#TABLE table} method: the tables ({@link #table()}) and the item
 * counts. Items are listed by subset, then id.
 *
 * @param firstItems the number of items of the first dataset
 * @param secondItems the number of items of the second dataset
 * @param labelDifferences one line per label declared by only one of them, or with another parent
 *                         (equality only)
 * @param different the items of both that differ (equality only)
 * @param method the method that made this comparison
 * @param table the tables, for the table method; else null
 * @param distance the matching of annotations, for the distance method; else null
 */
public record DatasetComparison(long firstItems, long secondItems, List<String> labelDifferences,
                                List<ItemRef> onlyInFirst, List<ItemRef> onlyInSecond, List<ItemDifference> different,
                                ComparisonOptions.Method method, TableComparison table, DistanceComparison distance) {
    /** An item by its id and subset. */
    public record ItemRef(String id, String subset) {
    }

    /** An item in both datasets with what differs in it, one line each. */
    public record ItemDifference(String id, String subset, List<String> details) {
        public ItemDifference {
            details = List.copyOf(details);
        }
    }

    /** A comparison by the equality method. */
    public DatasetComparison(long firstItems, long secondItems, List<String> labelDifferences,
                             List<ItemRef> onlyInFirst, List<ItemRef> onlyInSecond, List<ItemDifference> different) {
        this(firstItems, secondItems, labelDifferences, onlyInFirst, onlyInSecond, different,
                ComparisonOptions.Method.EQUALITY, null, null);
    }

    public DatasetComparison {
        labelDifferences = List.copyOf(labelDifferences);
        onlyInFirst = List.copyOf(onlyInFirst);
        onlyInSecond = List.copyOf(onlyInSecond);
        different = List.copyOf(different);
    }

    /** True when nothing differs that the method looks at (the table method looks at nothing). */
    public boolean equal() {
        return labelDifferences.isEmpty() && onlyInFirst.isEmpty() && onlyInSecond.isEmpty() && different.isEmpty();
    }
}
