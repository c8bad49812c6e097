package io.datum.cli.internal;

import io.datum.spi.JobContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The context a verb hands to importers and exporters: counts warnings by text and prints each
 * distinct one once at the end with its count (decisions D11), passes debug detail to the log.
 */
final class CliJobContext implements JobContext {
    private final Log log;
    private final Path tempDir;
    private final Map<String, Long> warnings = new LinkedHashMap<>();

    CliJobContext(Log log, Path tempDir) {
        this.log = log;
        this.tempDir = tempDir;
    }

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
        log.debug(message);
    }

    @Override
    public boolean debugEnabled() {
        return log.enabled(Log.Level.DEBUG);
    }

    @Override
    public Path tempDir() {
        return tempDir;
    }

    /** Prints the aggregated warnings and forgets them. */
    synchronized void flushWarnings() {
        for (Map.Entry<String, Long> w : warnings.entrySet()) {
            log.warning(w.getValue() == 1 ? w.getKey() : w.getKey() + ": " + w.getValue() + " times");
        }
        warnings.clear();
    }
}
