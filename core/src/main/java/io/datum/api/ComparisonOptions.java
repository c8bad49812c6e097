package io.datum.api;

import java.util.Set;

/**
 * How {@link Dataset#compare} compares: coordinates (pixels) may differ by up to {@code tolerance};
 * the annotation attributes in {@code ignoredAttributes} and the item attributes in
 * {@code ignoredItemAttributes} are not compared. Annotation ids and groups are never compared
 * (formats renumber them), and annotations are matched whatever their order.
 */
public record ComparisonOptions(double tolerance, Set<String> ignoredAttributes, Set<String> ignoredItemAttributes) {
    /** Exact coordinates, every attribute compared. */
    public static final ComparisonOptions EXACT = new ComparisonOptions(0, Set.of(), Set.of());

    public ComparisonOptions {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("the tolerance must be a number of at least 0, got " + tolerance);
        }
        ignoredAttributes = Set.copyOf(ignoredAttributes);
        ignoredItemAttributes = Set.copyOf(ignoredItemAttributes);
    }
}
