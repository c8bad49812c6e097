package io.datum.api;

import java.util.List;

/**
 * What {@link Dataset#compare} finds by the {@link ComparisonOptions.Method#TABLE table} method:
 * Datumaro's three tables of fields with a value for each dataset. The high level has the
 * format, the classes, the image and annotation counts; the mid level the image mean and
 * standard deviation of each subset and, for each label, its annotation count and share; the low
 * level the label shift between the datasets (and the covariate shift, which needs an image
 * feature model and is given as {@code n/a}).
 *
 * @since 1.3
 */
public record TableComparison(List<Row> highLevel, List<Row> midLevel, List<Row> lowLevel) {
    /** One field and its values: the first's and the second's, or one value for both. */
    public record Row(String field, List<String> values) {
        public Row {
            values = List.copyOf(values);
        }
    }

    public TableComparison {
        highLevel = List.copyOf(highLevel);
        midLevel = List.copyOf(midLevel);
        lowLevel = List.copyOf(lowLevel);
    }
}
