package io.datum.benchmarks;

import io.datum.spi.DatasetSource;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Assembling Open Images items: the open_images importer (SPI), one pass with and without opening.
 * The dataset is written once at set-up by the open_images exporter (box CSV sorted by ImageID,
 * about ten rows per item, images.meta, class descriptions); compare per row with
 * OpenImagesCsvParsing. One operation is one item.
 */
@OperationsPerInvocation(OpenImagesImport.ITEMS)
public class OpenImagesImport extends ImporterBenchmark {
    static final int ITEMS = 10_000;

    public OpenImagesImport() {
        super("open_images", ITEMS, 3);
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
