package io.datum.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset's overview: its item count, the count of each subset (in order of appearance), its
 * labels, and beside each label its display name ("" for none; e.g. {@code Dog} for the Open
 * Images label {@code /m/0bt9lr}; since API 1.2).
 */
public record DatasetInfo(long length, Map<String, Long> subsets, List<String> labels, List<String> displayNames) {
    public DatasetInfo {
        subsets = Collections.unmodifiableMap(new LinkedHashMap<>(subsets));
        labels = List.copyOf(labels);
        displayNames = displayNames == null ? Collections.nCopies(labels.size(), "") : List.copyOf(displayNames);
        if (displayNames.size() != labels.size()) {
            throw new IllegalArgumentException(displayNames.size() + " display names for " + labels.size() + " labels");
        }
    }

    /** An overview whose labels have no display names (the constructor of API 1.1). */
    public DatasetInfo(long length, Map<String, Long> subsets, List<String> labels) {
        this(length, subsets, labels, null);
    }
}
