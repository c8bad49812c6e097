package io.datum.openimages.internal.write;

import io.datum.openimages.internal.ExportSettings;
import io.datum.openimages.internal.OpenImagesConfig;
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

/**
 * Writes Open Images (the v5 file names with the subset as prefix) in one streaming pass.
 * With {@code --in-place} it updates an Open Images dataset already in the output folder instead
 * of writing into an empty one.
 */
@Component(configurationPid = OpenImagesConfig.PID) // described once, by the importer's @Designate
@DatasetFormat(name = OpenImagesPaths.FORMAT_NAME, description = "Open Images V4/V5/V6 (CSV)")
public class OpenImagesExporter implements DatasetExporter {
    /**
     * The OSGi configuration's limits; null without one (then the system properties and defaults
     * apply). A changed configuration makes the component runtime build a new component.
     */
    private final OpenImagesConfig limits;

    public OpenImagesExporter() {
        this(null);
    }

    /**
     * With the limits of the OSGi configuration {@value OpenImagesConfig#PID} (the component
     * runtime's constructor; {@link io.datum.openimages.internal.OpenImagesFactory} on a class path).
     */
    @Activate
    public OpenImagesExporter(OpenImagesConfig limits) {
        this.limits = limits;
    }

    @Override
    public OptionParser options() {
        return ExportSettings.parser();
    }

    @Override
    public void export(DatasetSource input, Path outputDir, ParsedOptions options, JobContext context) throws IOException {
        ExportSettings settings = ExportSettings.from(options, limits);
        DatasetSource source = settings.classDescriptions() == null ? input
                : ClassDescriptionNames.of(input, settings.classDescriptions(), context);
        if (settings.inPlace()) {
            InPlaceUpdate.run(source, outputDir, settings, context);
        } else {
            new OpenImagesWriter(source, outputDir, settings, context, outputDir, null).write();
        }
    }
}
