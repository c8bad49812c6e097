package io.datum.core.internal;

import io.datum.api.Datum;
import io.datum.api.StagedOutput;
import io.datum.registry.DetectionReport;
import io.datum.registry.FormatRegistry;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
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
        DetectionReport report = registry.detect(path, 2);
        return report.detected();
    }

    @Override
    public void export(DatasetSource dataset, Path dir, String format, boolean overwrite, JobContext context,
                       String... options) throws IOException {
        DatasetExporter exporter = registry.requireExporter(format);
        var parsed = exporter.options().parse(List.of(options));
        try (StagedOutput out = StagedOutput.prepare(dir, overwrite, dir.toString())) {
            dataset.prepareFor(format, parsed);
            exporter.export(Datasets.readingAhead(dataset), out.workDir(), parsed, withSpillDir(context, out.spillDir()));
            out.commit();
        }
    }

    private static JobContext withSpillDir(JobContext context, Path spill) {
        if (context.tempDir() != null) {
            return context;
        }
        return new JobContext() {
            @Override
            public void warn(String message) {
                context.warn(message);
            }

            @Override
            public void warn(String message, long times) {
                context.warn(message, times);
            }

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
            public void progress(long done, long total) {
                context.progress(done, total);
            }

            @Override
            public Path tempDir() {
                return spill;
            }
        };
    }
}
