package io.datum.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link JobContext} that counts warnings by text, for embedding and tests. Thread-safe. */
public final class CollectingJobContext implements JobContext {
    private final Map<String, Long> warnings = new LinkedHashMap<>();

    @Override
    public synchronized void warn(String message) {
        warnings.merge(message, 1L, Long::sum);
    }

    @Override
    public synchronized void warn(String message, long times) {
        warnings.merge(message, times, Long::sum);
    }

    @Override
    public void debug(String message) {
    }

    @Override
    public boolean debugEnabled() {
        return false;
    }

    /** The warnings so far, as {@link #warnings()}, and forgets them. */
    public synchronized Map<String, Long> drainWarnings() {
        Map<String, Long> drained = new LinkedHashMap<>(warnings);
        warnings.clear();
        return drained;
    }

    /** Warning texts with their counts, in order of first occurrence. */
    public synchronized Map<String, Long> warnings() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(warnings));
    }
}
