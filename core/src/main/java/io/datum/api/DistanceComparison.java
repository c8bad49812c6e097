package io.datum.api;

import java.util.List;

/**
 * What {@link Dataset#compare} finds by the {@link ComparisonOptions.Method#DISTANCE distance}
 * method, beyond the items only in one dataset: the labels only one declares, for each item in
 * both the labels (label annotations) only in one of them, and for each kind of annotation
 * compared — {@code label}, {@code bbox}, {@code polygon}, {@code mask} — how its annotations
 * matched, with the confusion of their labels.
 *
 * @param labelsOnlyInFirst labels the first declares and the second does not, in declaration order
 * @param labelsOnlyInSecond labels the second declares and the first does not
 * @param itemLabels the items of both with label annotations only in one, by subset then id
 * @param kinds one entry per kind of annotation compared, in the order above
 * @since 1.3
 */
public record DistanceComparison(List<String> labelsOnlyInFirst, List<String> labelsOnlyInSecond,
                                 List<ItemLabels> itemLabels, List<KindMatches> kinds) {
    /** The name standing for "no annotation of the other dataset" in a confusion cell. */
    public static final String UNMATCHED = "unmatched";
    /** The name standing for an annotation without label in a confusion cell. */
    public static final String NO_CLASS = "no_class";

    /** An item of both datasets and the labels only one of them gives it. */
    public record ItemLabels(String id, String subset, List<String> onlyInFirst, List<String> onlyInSecond) {
        public ItemLabels {
            onlyInFirst = List.copyOf(onlyInFirst);
            onlyInSecond = List.copyOf(onlyInSecond);
        }
    }

    /** How many annotations of a pair of labels (first, second) were matched, {@link #UNMATCHED} for none. */
    public record Cell(String first, String second, long count) {
    }

    /**
     * The matching of one kind of annotation over all items of both datasets.
     *
     * @param matched pairs matched with the same label
     * @param mislabelled pairs matched by overlap whose labels differ
     * @param onlyInFirst annotations of the first that matched none of the second
     * @param onlyInSecond annotations of the second that matched none of the first
     * @param confusion the counts by pair of labels, in the order they were first met
     */
    public record KindMatches(String kind, long matched, long mislabelled, long onlyInFirst, long onlyInSecond,
                              List<Cell> confusion) {
        public KindMatches {
            confusion = List.copyOf(confusion);
        }
    }

    public DistanceComparison {
        labelsOnlyInFirst = List.copyOf(labelsOnlyInFirst);
        labelsOnlyInSecond = List.copyOf(labelsOnlyInSecond);
        itemLabels = List.copyOf(itemLabels);
        kinds = List.copyOf(kinds);
    }
}
