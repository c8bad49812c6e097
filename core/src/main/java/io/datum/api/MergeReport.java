package io.datum.api;

import io.datum.text.PythonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of a merge run, as Datumaro's {@code merge_report.json} counts them: the errors per
 * item (its key spelt as Python prints the tuple, {@code ('a', 'train')}), the datasets blamed
 * (by their index among the merged ones) and every error's text in order. Filled while the merged
 * items are read, emptied when a run starts; safe to read from another thread.
 *
 * @since 1.3
 */
public final class MergeReport {
    private final List<String> all = new ArrayList<>();
    private final Map<String, Long> items = new LinkedHashMap<>();
    private final Map<String, Long> sources = new LinkedHashMap<>();

    /** Empties the report: a run starts. */
    public synchronized void clear() {
        all.clear();
        items.clear();
        sources.clear();
    }

    /**
     * One error of the item {@code itemKey}, blaming the datasets {@code blamed} (empty for an error
     * of the merged data rather than of a dataset).
     */
    public synchronized void add(String itemKey, Collection<Integer> blamed, String message) {
        // the reference counts 1 for every dataset named, however often: its counter reads the
        // count under the index where it stored it under the index's text
        for (Integer s : blamed) {
            sources.put(String.valueOf(s), 1L);
        }
        items.merge(itemKey, 1L, Long::sum);
        all.add(message);
    }

    /** Every error's text, in order. */
    public synchronized List<String> allErrors() {
        return List.copyOf(all);
    }

    /** Errors per item key, in order of the first. */
    public synchronized Map<String, Long> itemErrors() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    /** The datasets blamed by their index, in order of the first. */
    public synchronized Map<String, Long> sourceErrors() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** True when the run had no errors. */
    public synchronized boolean isEmpty() {
        return all.isEmpty();
    }

    /** The report as Datumaro writes {@code merge_report.json} (two-space indent). */
    public synchronized String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Item errors", new LinkedHashMap<>(items));
        json.put("Source errors", new LinkedHashMap<>(sources));
        json.put("All errors", new ArrayList<>(all));
        return PythonJson.dumps(json, 2);
    }

    /** Writes {@link #toJson()} to {@code file}. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }
}
