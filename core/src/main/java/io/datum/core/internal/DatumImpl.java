package io.datum.core.internal;

import io.datum.api.Dataset;
import io.datum.api.DatasetInput;
import io.datum.api.DatasetListener;
import io.datum.api.Datum;
import io.datum.api.ExportRequest;
import io.datum.api.MergeOptions;
import io.datum.core.internal.pipeline.Pipeline;
import io.datum.registry.DetectionReport;
import io.datum.registry.FormatRegistry;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The embedding API over a registry; stateless besides it. */
public final class DatumImpl implements Datum {
    private final FormatRegistry registry;

    public DatumImpl(FormatRegistry registry) {
        this.registry = registry;
    }

    @Override
    public FormatRegistry formats() {
        return registry;
    }

    @Override
    public Dataset open(List<DatasetInput> inputs, DatasetListener listener) {
        return Pipeline.open(registry, inputs, listener);
    }

    @Override
    public Dataset merge(List<DatasetInput> inputs, MergeOptions options, DatasetListener listener) {
        return Pipeline.merged(registry, inputs, options, listener);
    }

    @Override
    public Dataset dataset(DatasetSource source, DatasetListener listener) {
        return Pipeline.over(registry, source, listener);
    }

    @Override
    public DetectionReport detection(Path path, int depth) {
        return registry.detect(path, depth);
    }

    @Override
    public DatasetSource importFrom(Path path, String format, JobContext context) throws IOException {
        if (!Files.exists(path)) {
            throw new DatasetException("Path " + path + " doesn't exist");
        }
        String chosen = format;
        if (chosen == null) {
            List<String> found = detect(path);
            if (found.size() != 1) {
                throw new DatasetException(found.isEmpty() ? "Failed to detect the format of '" + path + "'"
                        : "Multiple formats match '" + path + "': " + String.join(", ", found));
            }
            chosen = found.get(0);
        }
        DatasetImporter importer = registry.requireImporter(chosen);
        return importer.open(path, importer.options().parse(List.of()), context);
    }

    @Override
    public List<String> detect(Path path) {
        return registry.detect(path, 2).detected();
    }

    @Override
    public void export(DatasetSource dataset, Path dir, String format, boolean overwrite, JobContext context,
                       String... options) throws IOException {
        dataset(dataset, toListener(context))
                .export(ExportRequest.of(dir, format, options).overwriting(overwrite));
    }

    /** A job context as a pipeline listener, for the methods that take a context. */
    private static DatasetListener toListener(JobContext context) {
        return new DatasetListener() {
            @Override
            public void warn(String kind, String detail, long times) {
                context.warn(kind, detail, times);
            }

            @Override
            public boolean debugEnabled() {
                return context.debugEnabled();
            }

            @Override
            public void debug(String message) {
                context.debug(message);
            }

            @Override
            public void itemsRead(int pass, long done, long total) {
                context.progress(done, total);
            }
        };
    }
}
