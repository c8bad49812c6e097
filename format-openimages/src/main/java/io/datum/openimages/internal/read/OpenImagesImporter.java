package io.datum.openimages.internal.read;

import io.datum.openimages.internal.ImportSettings;
import io.datum.openimages.internal.OpenImagesConfig;
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
import org.osgi.service.metatype.annotations.Designate;

/**
 * Opens Open Images V4, V5 and V6 datasets as a stream (see {@link OpenImagesSource}). Opening
 * reads and checks every annotation file once, so bad input fails here, before any output is
 * written.
 */
@Component(configurationPid = OpenImagesConfig.PID)
@Designate(ocd = OpenImagesConfig.class)
@DatasetFormat(name = OpenImagesPaths.FORMAT_NAME, description = "Open Images V4/V5/V6 (CSV)")
public class OpenImagesImporter implements DatasetImporter {
    private final Integer spillRows;
    /** A fixed table limit, or null for the configured one. */
    private final Long tableItems;
    /**
     * The OSGi configuration's limits; null without one (then the system properties and defaults
     * apply). A changed configuration makes the component runtime build a new component.
     */
    private final OpenImagesConfig limits;

    public OpenImagesImporter() {
        this(null, null, null);
    }

    /** With a fixed spill threshold (tests exercise spilling with a tiny one). */
    public OpenImagesImporter(Integer spillRows) {
        this(null, spillRows, null);
    }

    /** With a fixed spill threshold and table limit (tests take the join with a limit of 0). */
    public OpenImagesImporter(Integer spillRows, Long tableItems) {
        this(null, spillRows, tableItems);
    }

    /**
     * With the limits of the OSGi configuration {@value OpenImagesConfig#PID} (the component
     * runtime's constructor; {@link io.datum.openimages.internal.OpenImagesFactory} on a class path).
     */
    @Activate
    public OpenImagesImporter(OpenImagesConfig limits) {
        this(limits, null, null);
    }

    private OpenImagesImporter(OpenImagesConfig limits, Integer spillRows, Long tableItems) {
        this.limits = limits;
        this.spillRows = spillRows;
        this.tableItems = tableItems;
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
            settings = settings.withSpillRows(spillRows);
        }
        if (tableItems != null) {
            settings = settings.withTableItems(tableItems);
        }
        return OpenImagesSource.open(path, settings, context);
    }
}
