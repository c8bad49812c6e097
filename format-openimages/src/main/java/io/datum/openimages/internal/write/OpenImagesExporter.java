package io.datum.openimages.internal.write;

import io.datum.openimages.internal.ExportSettings;
import io.datum.openimages.internal.OpenImagesLimits;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Writes Open Images (the v5 file names with the subset as prefix) in one streaming pass.
 * With {@code --in-place} it updates an Open Images dataset already in the output folder instead
 * of writing into an empty one.
 */
@Component(configurationPid = OpenImagesLimits.PID) // described once, by the importer's @Designate
@DatasetFormat(name = OpenImagesPaths.FORMAT_NAME, description = "Open Images V4/V5/V6 (CSV)")
public class OpenImagesExporter implements DatasetExporter {
    /** Null until the component runtime gives a configuration. */
    private volatile OpenImagesLimits limits;

    public OpenImagesExporter() {
    }

    /**
     * With the limits of the OSGi configuration {@value OpenImagesLimits#PID} (the component
     * runtime's constructor; {@link io.datum.openimages.internal.OpenImagesFactory} on a class path).
     */
    @Activate
    public OpenImagesExporter(OpenImagesLimits limits) {
        this.limits = limits;
    }

    /** The limits again, on every change of the configuration. */
    @Modified
    public void configure(OpenImagesLimits limits) {
        this.limits = limits;
    }

    @Override
    public OptionParser options() {
        return ExportSettings.parser();
    }

    @Override
    public void export(DatasetSource source, Path outputDir, ParsedOptions options, JobContext context) throws IOException {
        ExportSettings settings = ExportSettings.from(options, limits);
        if (settings.inPlace()) {
            InPlaceUpdate.run(source, outputDir, settings, context);
        } else {
            new OpenImagesWriter(source, outputDir, settings, context, outputDir, null).write();
        }
    }
}
