package io.datum.cli.internal;

import io.datum.spi.CollectingJobContext;
import io.datum.spi.JobContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * The context a verb hands to importers and exporters: counts warnings by kind and detail and
 * prints them at the end as a {@link WarningSummary} (every detail too at debug level), passes
 * debug detail to the log.
 */
final class CliJobContext implements JobContext {
    private final Log log;
    private final Path tempDir;
    private final CollectingJobContext warnings = new CollectingJobContext();

    CliJobContext(Log log, Path tempDir) {
        this.log = log;
        this.tempDir = tempDir;
    }

    @Override
    public void warn(String message) {
        warnings.warn(message);
    }

    @Override
    public void warn(String message, long times) {
        warnings.warn(message, times);
    }

    @Override
    public void warn(String kind, String detail, long times) {
        warnings.warn(kind, detail, times);
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
    void flushWarnings() {
        Map<String, Map<String, Long>> kinds = warnings.drainWarningKinds();
        if (log.enabled(Log.Level.DEBUG)) {
            WarningSummary.detailLines(kinds).forEach(log::debug);
        }
        WarningSummary.lines(kinds).forEach(log::warning);
    }
}
