package io.datum.api;

import java.util.Locale;

/**
 * How {@link Datum#merge(java.util.List, MergeOptions, DatasetListener)} joins datasets, by
 * Datumaro's policy names.
 *
 * @since 1.3
 */
public enum MergePolicy {
    /** Labels united by name, every item of every dataset kept (repeated keys renamed). */
    UNION,
    /**
     * Items matched by subset and id; their annotations matched across datasets (shapes by
     * overlap, labels by vote) and merged; what does not agree goes to the {@link MergeReport}.
     */
    INTERSECT,
    /**
     * Datasets with the same labels; items matched by subset and id, their images, attributes and
     * annotations joined; any disagreement stops the merge.
     */
    EXACT;

    /** The policy's name as the command line spells it ({@code union}, ...). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The policy named {@code name} ({@code union}, {@code intersect}, {@code exact}).
     *
     * @throws IllegalArgumentException with the reference's message, {@code "<name> is invalid Merger name."}
     */
    public static MergePolicy named(String name) {
        for (MergePolicy p : values()) {
            if (p.cliName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException(name + " is invalid Merger name.");
    }
}
