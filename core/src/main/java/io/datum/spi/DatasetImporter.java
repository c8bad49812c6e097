package io.datum.spi;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens a dataset of one format. Register as a service with {@link DatasetFormat}; on a plain class
 * path the bundle's {@link io.datum.spi.factory.PluginFactory} builds it.
 */
@ConsumerType
public interface DatasetImporter {
    /**
     * The format's own options (after {@code --}); the parser's name is the format name. The default
     * has none, like Datumaro's {@code open_images} and {@code cvat} importers, and takes the name
     * from {@link DatasetFormat}.
     */
    default OptionParser options() {
        DatasetFormat format = getClass().getAnnotation(DatasetFormat.class);
        return OptionParser.named(format != null ? format.name() : getClass().getSimpleName());
    }

    /**
     * Opens {@code path} (a directory, or a file where the format accepts one). Cheap checks and
     * the categories happen here; items are read by the returned source's passes. Bad input is a
     * {@link DatasetException} naming file, line and value.
     */
    DatasetSource open(Path path, ParsedOptions options, JobContext context) throws IOException;
}
