package io.datum.spi.transform;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A transform of datasets, such as {@code filter} or {@code remap_labels}. Register it as a
 * service with {@link TransformName}; for plain class-path use the bundle's
 * {@link io.datum.spi.factory.PluginFactory} builds it.
 */
@ConsumerType
public interface DatasetTransform {
    /**
     * The transform's own options; the parser's name is the transform's name. The default has none
     * and takes the name from {@link TransformName}.
     */
    default OptionParser options() {
        TransformName name = getClass().getAnnotation(TransformName.class);
        return OptionParser.named(name != null ? name.name() : getClass().getSimpleName());
    }

    /**
     * The dataset {@code source} becomes: its categories at once, its items read lazily from the
     * source's passes, one at a time (never the whole dataset in memory). Closing the result closes
     * {@code source}. Bad options or data are a {@link io.datum.spi.DatasetException}.
     */
    DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context);
}
