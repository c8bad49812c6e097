package io.datum.cli.internal;

import io.datum.api.DatasetListener;
import io.datum.spi.CollectingJobContext;
import io.datum.spi.DatasetException;
import io.datum.spi.KindedJobContext;
import io.datum.support.stream.Workers;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a verb listens to a pipeline with (and hands to an importer it runs itself): counts
 * warnings by kind and detail and prints them at the end as a {@link WarningSummary} (every detail
 * too at debug level), passes debug detail to the log and progress to the progress line, and
 * bounds the job's threads by {@value #THREADS_PROPERTY}.
 */
final class CliJobContext implements KindedJobContext, DatasetListener {
    /**
     * The system property (set through {@code DATUM_JAVA_OPTS}) that bounds the threads a job
     * works on, the command's own included; unset, a job uses as many as its work asks for.
     */
    static final String THREADS_PROPERTY = "datum.threads";

    private final Log log;
    private final Path tempDir;
    private final String exportMessage;
    private final CollectingJobContext warnings = new CollectingJobContext();
    private final Workers workers = workers(System.getProperty(THREADS_PROPERTY));

    CliJobContext(Log log, Path tempDir) {
        this(log, tempDir, null);
    }

    /** A listener that logs {@code exportMessage} when the export starts (none when null). */
    CliJobContext(Log log, Path tempDir, String exportMessage) {
        this.log = log;
        this.tempDir = tempDir;
        this.exportMessage = exportMessage;
    }

    @Override
    public void exportStarted() {
        if (exportMessage != null) {
            log.info(exportMessage);
        }
    }

    @Override
    public void itemsRead(int pass, long done, long total) {
        log.progress().itemsRead(pass, done, total);
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

    @Override
    public Workers workers() {
        return workers;
    }

    /** The threads {@code -Ddatum.threads=value} allows: unset or empty is no bound. */
    static Workers workers(String value) {
        if (value == null || value.isBlank()) {
            return Workers.unbounded();
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1) {
                return Workers.bounded(threads);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new DatasetException("-D" + THREADS_PROPERTY + " must be a whole number of threads, at least 1, not '"
                + value + "'");
    }

    /** Clears the progress line, prints the aggregated warnings and forgets them. */
    void flushWarnings() {
        log.progress().finish();
        Map<String, Map<String, Long>> kinds = warnings.drainWarningKinds();
        if (log.enabled(Log.Level.DEBUG)) {
            WarningSummary.detailLines(kinds).forEach(log::debug);
        }
        WarningSummary.lines(kinds).forEach(log::warning);
    }
}
