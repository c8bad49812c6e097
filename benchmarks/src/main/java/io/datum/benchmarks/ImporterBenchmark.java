package io.datum.benchmarks;

import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The set-up of the benchmarks of one format's importer: the synthetic items written once, at
 * set-up, by the format's exporter, and opened once by its importer for the benchmarks that pass
 * over an opened dataset. One operation is one item.
 */
public abstract class ImporterBenchmark extends ThroughputPerSecond {
    private final String format;
    private final long seed;

    int items;
    Workspace workspace;
    Path datasetDir;
    DatasetImporter importer;
    ParsedOptions options;
    DatasetSource opened;

    /** {@code items} synthetic items made from {@code seed}, written and read as {@code format}. */
    ImporterBenchmark(String format, int items, long seed) {
        this.format = format;
        this.items = items;
        this.seed = seed;
    }

    @Setup
    public final void setUp() throws IOException {
        workspace = new Workspace();
        try (DatasetSource synthetic = Datasets.of(SyntheticData.categories(), SyntheticData.items(items, seed))) {
            datasetDir = workspace.export(synthetic, format);
        }
        importer = workspace.formats.requireImporter(format);
        options = importer.options().parse(List.of());
        opened = importer.open(datasetDir, options, workspace);
        written();
    }

    /**
     * Called at the end of the set-up, for what a benchmark needs besides the dataset (one
     * {@code @Setup} method, so that its order to the shared set-up is not left to JMH).
     */
    void written() {
    }

    @TearDown
    public final void tearDown() throws IOException {
        opened.close();
        workspace.close();
    }
}
