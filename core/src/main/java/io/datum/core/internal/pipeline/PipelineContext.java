package io.datum.core.internal.pipeline;

import io.datum.api.DatasetListener;
import io.datum.spi.CollectingJobContext;
import io.datum.spi.KindedJobContext;
import io.datum.support.stream.Workers;
import java.nio.file.Path;
import java.util.Map;

/**
 * The context one run of a pipeline hands to importers, transforms and exporters: every warning
 * goes to the caller's listener and is also counted for the run's result; debug detail goes to the
 * listener; spill files go to the run's own folder. Progress is measured by the pipeline itself
 * (it counts the items the output reads), so what formats report here is not passed on.
 */
final class PipelineContext implements KindedJobContext {
    private final DatasetListener listener;
    private final Path tempDir;
    private final CollectingJobContext counted = new CollectingJobContext();

    PipelineContext(DatasetListener listener, Path tempDir) {
        this.listener = listener;
        this.tempDir = tempDir;
    }

    @Override
    public void warn(String kind, String detail, long times) {
        if (times > 0) {
            String d = detail == null ? "" : detail;
            counted.warn(kind, d, times);
            listener.warn(kind, d, times);
        }
    }

    @Override
    public void debug(String message) {
        listener.debug(message);
    }

    @Override
    public boolean debugEnabled() {
        return listener.debugEnabled();
    }

    @Override
    public Path tempDir() {
        return tempDir;
    }

    /** The threads the caller allows the run. */
    @Override
    public Workers workers() {
        return listener.workers();
    }

    /** The warnings of the run by kind, then detail, with counts. */
    Map<String, Map<String, Long>> warnings() {
        return counted.warningKinds();
    }
}
