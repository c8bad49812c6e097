package io.datum.openimages.internal.read;

import io.datum.spi.JobContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Repeated warnings counted here and handed to the job context in bulk: a pass may warn once per
 * item (a million times), and the context's counting is synchronized. The first warning of each
 * kind and detail goes at once, so that the context still sees them in the order they first
 * happened; {@link #flush()} passes on the rest. Not thread-safe: one per pass.
 */
final class WarningTally {
    private record Key(String kind, String detail) {
    }

    private final JobContext context;
    private final Map<Key, long[]> pending = new LinkedHashMap<>();

    WarningTally(JobContext context) {
        this.context = context;
    }

    /** A warning with no detail, {@code times} times (none when 0). */
    void warn(String kind, long times) {
        warn(kind, "", times);
    }

    /** A warning of a kind about a detail, {@code times} times (none when 0); see {@link JobContext#warn(String, String, long)}. */
    void warn(String kind, String detail, long times) {
        if (times <= 0) {
            return;
        }
        Key key = new Key(kind, detail);
        long[] count = pending.get(key);
        if (count == null) {
            pending.put(key, new long[] {times - 1});
            context.warn(kind, detail, 1);
        } else {
            count[0] += times;
        }
    }

    /**
     * A debug line, in order with the warnings: the counts so far are handed on first, so that a
     * log shows each line after the warnings that came before it.
     */
    void debug(String message) {
        flush();
        context.debug(message);
    }

    /** Hands the counts gathered since the last flush to the context. */
    void flush() {
        for (Map.Entry<Key, long[]> e : pending.entrySet()) {
            long[] count = e.getValue();
            if (count[0] > 0) {
                context.warn(e.getKey().kind(), e.getKey().detail(), count[0]);
                count[0] = 0;
            }
        }
    }
}
