package io.datum.openimages.internal;

import io.datum.spi.JobContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Repeated warnings counted here and handed to the job context in bulk: a pass may warn once per
 * item (a million times), and the context's counting is synchronized. The first warning of each
 * text goes at once, so that the context still sees texts in the order they first happened;
 * {@link #flush()} passes on the rest. Not thread-safe: one per pass.
 */
final class WarningTally {
    private final JobContext context;
    private final Map<String, long[]> pending = new LinkedHashMap<>();

    WarningTally(JobContext context) {
        this.context = context;
    }

    void warn(String message) {
        warn(message, 1);
    }

    /** The same warning {@code times} times (none when 0). */
    void warn(String message, long times) {
        if (times <= 0) {
            return;
        }
        long[] count = pending.get(message);
        if (count == null) {
            pending.put(message, new long[] {times - 1});
            context.warn(message);
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
        for (Map.Entry<String, long[]> e : pending.entrySet()) {
            long[] count = e.getValue();
            if (count[0] > 0) {
                context.warn(e.getKey(), count[0]);
                count[0] = 0;
            }
        }
    }
}
