package io.datum.spi;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes a dataset in one format. Register as a service with {@link DatasetFormat}; on a plain
 * class path the bundle's {@link io.datum.spi.factory.PluginFactory} builds it.
 */
@ConsumerType
public interface DatasetExporter {
    /** The format's own options (after {@code --}); the parser's name is the format name. */
    OptionParser options();

    /**
     * Writes {@code source} into {@code outputDir}, an existing empty folder that the caller moves
     * into place only when this returns (decisions D15). Must not write outside it (decisions S1)
     * and must not hold the whole dataset in memory: read the source in passes.
     */
    void export(DatasetSource source, Path outputDir, ParsedOptions options, JobContext context) throws IOException;
}
