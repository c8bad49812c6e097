package io.datum.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an export did: the folder written, the number of items written (of the exporter's last
 * pass), and the warnings by kind, then detail, with their counts, in order of first occurrence.
 */
public record ExportResult(Path output, String format, long items, Map<String, Map<String, Long>> warnings) {
    public ExportResult {
        warnings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(warnings));
    }

    /** All warnings counted together. */
    public long warningCount() {
        return warnings.values().stream().flatMap(d -> d.values().stream()).mapToLong(Long::longValue).sum();
    }
}
