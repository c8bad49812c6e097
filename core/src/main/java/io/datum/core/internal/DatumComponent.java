package io.datum.core.internal;

import io.datum.api.Dataset;
import io.datum.api.DatasetInput;
import io.datum.api.DatasetListener;
import io.datum.api.Datum;
import io.datum.api.MergeOptions;
import io.datum.registry.DetectionReport;
import io.datum.registry.FormatRegistry;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The embedding API as a service for OSGi applications, over the framework's registry. */
@Component(service = Datum.class)
public class DatumComponent implements Datum {
    private final Datum delegate;

    @Activate
    public DatumComponent(@Reference FormatRegistry registry) {
        this.delegate = new DatumImpl(registry);
    }

    @Override
    public FormatRegistry formats() {
        return delegate.formats();
    }

    @Override
    public Dataset open(List<DatasetInput> inputs, DatasetListener listener) throws IOException {
        return delegate.open(inputs, listener);
    }

    @Override
    public Dataset merge(List<DatasetInput> inputs, MergeOptions options, DatasetListener listener)
            throws IOException {
        return delegate.merge(inputs, options, listener);
    }

    @Override
    public Dataset dataset(DatasetSource source, DatasetListener listener) {
        return delegate.dataset(source, listener);
    }

    @Override
    public DetectionReport detection(Path path, int depth) {
        return delegate.detection(path, depth);
    }

    @Override
    public DatasetSource importFrom(Path path, String format, JobContext context) throws IOException {
        return delegate.importFrom(path, format, context);
    }

    @Override
    public List<String> detect(Path path) {
        return delegate.detect(path);
    }

    @Override
    public void export(DatasetSource dataset, Path dir, String format, boolean overwrite, JobContext context,
                       String... options) throws IOException {
        delegate.export(dataset, dir, format, overwrite, context, options);
    }
}
