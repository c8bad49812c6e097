package io.datum.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link JobContext} that counts warnings by kind and detail, for embedding and tests.
 * Thread-safe. A warning given as one text is a kind with no detail (the empty detail).
 */
public final class CollectingJobContext implements KindedJobContext {
    /** Kind, then detail, with counts; both in order of first occurrence. */
    private Map<String, Map<String, Long>> kinds = new LinkedHashMap<>();

    /** @since 1.2 */
    @Override
    public synchronized void warn(String kind, String detail, long times) {
        if (times > 0) {
            kinds.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(detail == null ? "" : detail, times, Long::sum);
        }
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
        Map<String, Long> drained = warnings();
        kinds = new LinkedHashMap<>();
        return drained;
    }

    /**
     * Warning texts ({@link JobContext#text}: kind, or kind and detail) with their counts, in order
     * of first occurrence.
     */
    public synchronized Map<String, Long> warnings() {
        Map<String, Long> texts = new LinkedHashMap<>();
        kinds.forEach((kind, details) -> details.forEach((detail, count) ->
                texts.merge(JobContext.text(kind, detail), count, Long::sum)));
        return Collections.unmodifiableMap(texts);
    }

    /**
     * The warnings so far by kind, then by detail (empty for a warning given as one text), with
     * their counts, in order of first occurrence.
     *
     * @since 1.2
     */
    public synchronized Map<String, Map<String, Long>> warningKinds() {
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        kinds.forEach((kind, details) -> copy.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(details))));
        return Collections.unmodifiableMap(copy);
    }

    /** {@link #warningKinds()}, and forgets them. @since 1.2 */
    public synchronized Map<String, Map<String, Long>> drainWarningKinds() {
        Map<String, Map<String, Long>> drained = warningKinds();
        kinds = new LinkedHashMap<>();
        return drained;
    }
}
