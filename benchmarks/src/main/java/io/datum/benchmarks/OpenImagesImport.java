package io.datum.benchmarks;

import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Assembling Open Images items: the open_images importer (SPI), one pass with and without opening.
 * The dataset is written once at set-up by the open_images exporter (box CSV sorted by ImageID,
 * about ten rows per item, images.meta, class descriptions); compare per row with
 * OpenImagesCsvParsing. One operation is one item.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(OpenImagesImport.ITEMS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx1g"})
public class OpenImagesImport {
    static final int ITEMS = 10_000;

    int items = ITEMS;
    Workspace workspace;
    Path datasetDir;
    DatasetImporter importer;
    ParsedOptions options;
    DatasetSource opened;

    @Setup
    public void setUp() throws IOException {
        workspace = new Workspace();
        try (DatasetSource synthetic = Datasets.of(SyntheticData.categories(), SyntheticData.items(items, 3))) {
            datasetDir = workspace.export(synthetic, "open_images");
        }
        importer = workspace.formats.requireImporter("open_images");
        options = importer.options().parse(List.of());
        opened = importer.open(datasetDir, options, workspace);
    }

    @TearDown
    public void tearDown() throws IOException {
        opened.close();
        workspace.close();
    }

    /** What a conversion from Open Images does with a dataset of one pass: open it, read every item. */
    @Benchmark
    public long openImagesImporterOpenAndOnePass() throws IOException {
        try (DatasetSource source = importer.open(datasetDir, options, workspace)) {
            return Workspace.onePass(source);
        }
    }

    /** One more pass over an opened dataset. */
    @Benchmark
    public long openImagesImporterOnePass() {
        return Workspace.onePass(opened);
    }
}
