package io.datum.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Datumaro's dataset statistics as a tree of maps, lists, strings and numbers, keys in the
 * reference's order (what {@code datum stats} writes as JSON).
 */
public record DatasetStatistics(Map<String, Object> values) {
    public DatasetStatistics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
