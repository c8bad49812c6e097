package io.datum.spi;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Says whether a directory holds a dataset of this format. Register as a service with
 * {@link DatasetFormat}. Must be quick (list a directory, read a few bytes) and never throw for a
 * directory that is simply not of this format: reject it instead.
 */
@ConsumerType
public interface FormatDetector {
    Detection detect(Path directory) throws IOException;
}
