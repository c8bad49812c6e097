package io.datum.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A dataset's overview: its item count, the count of each subset (in order of appearance) and its labels. */
public record DatasetInfo(long length, Map<String, Long> subsets, List<String> labels) {
    public DatasetInfo {
        subsets = Collections.unmodifiableMap(new LinkedHashMap<>(subsets));
        labels = List.copyOf(labels);
    }
}
