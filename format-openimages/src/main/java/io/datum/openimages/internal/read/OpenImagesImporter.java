package io.datum.openimages.internal.read;

import io.datum.openimages.internal.ImportSettings;
import io.datum.openimages.internal.OpenImagesLimits;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Opens Open Images V4, V5 and V6 datasets as a stream (see {@link OpenImagesSource}). Opening
 * reads and checks every annotation file once, so bad input fails here, before any output is
 * written.
 */
@Component(configurationPid = OpenImagesLimits.PID)
@Designate(ocd = OpenImagesLimits.class)
@DatasetFormat(name = OpenImagesPaths.FORMAT_NAME, description = "Open Images V4/V5/V6 (CSV)")
public class OpenImagesImporter implements DatasetImporter {
    private final Integer spillRows;
    /** Null until the component runtime gives a configuration. */
    private volatile OpenImagesLimits limits;

    public OpenImagesImporter() {
        this((Integer) null);
    }

    /** With a fixed spill threshold (tests exercise spilling with a tiny one). */
    public OpenImagesImporter(Integer spillRows) {
        this.spillRows = spillRows;
    }

    /**
     * With the limits of the OSGi configuration {@value OpenImagesLimits#PID} (the component
     * runtime's constructor; {@link io.datum.openimages.internal.OpenImagesFactory} on a class path).
     */
    @Activate
    public OpenImagesImporter(OpenImagesLimits limits) {
        this((Integer) null);
        this.limits = limits;
    }

    /** The limits again, on every change of the configuration. */
    @Modified
    public void configure(OpenImagesLimits limits) {
        this.limits = limits;
    }

    @Override
    public OptionParser options() {
        return OptionParser.named(OpenImagesPaths.FORMAT_NAME)
                .value(List.of("--" + ImportSettings.MAX_MASK_PIXELS_OPTION), "PIXELS",
                        "Largest mask decoded, in pixels (default: " + ImportSettings.DEFAULT_MAX_MASK_PIXELS
                                + ", or the system property " + ImportSettings.MAX_MASK_PIXELS_PROPERTY + ")");
    }

    @Override
    public DatasetSource open(Path path, ParsedOptions options, JobContext context) throws IOException {
        ImportSettings settings = ImportSettings.from(options, limits);
        if (spillRows != null) {
            settings = new ImportSettings(settings.maxMaskPixels(), spillRows);
        }
        return OpenImagesSource.open(path, settings, context);
    }
}
