package io.datum.api;

import java.util.Locale;
import java.util.Set;

/**
 * How {@link Dataset#compare} compares, by one of Datumaro's three methods:
 * <ul>
 * <li>{@link Method#TABLE}: statistics of each dataset side by side (formats, classes, image and
 * annotation counts, image means, label distributions); no option applies.</li>
 * <li>{@link Method#EQUALITY}: items matched by subset and id, annotations matched whatever their
 * order; coordinates (pixels) may differ by up to {@code tolerance}; the annotation attributes in
 * {@code ignoredAttributes} and the item attributes in {@code ignoredItemAttributes} are not
 * compared. Annotation ids and groups are never compared (formats renumber them).</li>
 * <li>{@link Method#DISTANCE}: items matched by subset and id, then their labels, boxes, polygons
 * and masks matched by overlap: two shapes match when their intersection over union is at least
 * {@code iouThreshold}.</li>
 * </ul>
 *
 * @since 1.3 (the method and the IoU threshold)
 */
public record ComparisonOptions(Method method, double tolerance, Set<String> ignoredAttributes,
                                Set<String> ignoredItemAttributes, double iouThreshold) {
    /** Datumaro's default IoU threshold for {@link Method#DISTANCE}. */
    public static final double DEFAULT_IOU_THRESHOLD = 0.5;

    /** Equality with exact coordinates, every attribute compared. */
    public static final ComparisonOptions EXACT = new ComparisonOptions(0, Set.of(), Set.of());

    /** A comparison method, by Datumaro's name ({@code table}, {@code equality}, {@code distance}). */
    public enum Method {
        TABLE, EQUALITY, DISTANCE;

        /** The method's name as the command line spells it. */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ComparisonOptions {
        if (method == null) {
            throw new IllegalArgumentException("a comparison method is needed");
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("the tolerance must be a number of at least 0, got " + tolerance);
        }
        if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("the IoU threshold must be a number from 0 to 1, got " + iouThreshold);
        }
        ignoredAttributes = Set.copyOf(ignoredAttributes);
        ignoredItemAttributes = Set.copyOf(ignoredItemAttributes);
    }

    /** The {@link Method#EQUALITY equality} method with these options. */
    public ComparisonOptions(double tolerance, Set<String> ignoredAttributes, Set<String> ignoredItemAttributes) {
        this(Method.EQUALITY, tolerance, ignoredAttributes, ignoredItemAttributes, DEFAULT_IOU_THRESHOLD);
    }

    /** The {@link Method#TABLE table} method. */
    public static ComparisonOptions table() {
        return new ComparisonOptions(Method.TABLE, 0, Set.of(), Set.of(), DEFAULT_IOU_THRESHOLD);
    }

    /** The {@link Method#DISTANCE distance} method with shapes matched from {@code iouThreshold} on. */
    public static ComparisonOptions distance(double iouThreshold) {
        return new ComparisonOptions(Method.DISTANCE, 0, Set.of(), Set.of(), iouThreshold);
    }
}
