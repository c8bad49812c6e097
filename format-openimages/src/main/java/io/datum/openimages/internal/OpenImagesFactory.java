package io.datum.openimages.internal;

import io.datum.openimages.internal.detect.OpenImagesDetector;
import io.datum.openimages.internal.read.OpenImagesImporter;
import io.datum.openimages.internal.write.OpenImagesExporter;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import io.datum.spi.factory.Configurations;
import io.datum.spi.factory.PluginFactory;
import java.util.List;
import java.util.Map;

/**
 * The Open Images format on a plain class path. The configuration has the keys of the OSGi
 * configuration {@value OpenImagesConfig#PID} ({@link OpenImagesConfig}: {@code maxMaskPixels},
 * {@code spillRows}), shared by the importer and the exporter.
 */
public final class OpenImagesFactory implements PluginFactory {
    @Override
    public String name() {
        return OpenImagesPaths.FORMAT_NAME;
    }

    @Override
    public List<FormatDetector> detectors(Map<String, ?> configuration) {
        return List.of(new OpenImagesDetector());
    }

    @Override
    public List<DatasetImporter> importers(Map<String, ?> configuration) {
        return List.of(new OpenImagesImporter(Configurations.of(OpenImagesConfig.class, configuration)));
    }

    @Override
    public List<DatasetExporter> exporters(Map<String, ?> configuration) {
        return List.of(new OpenImagesExporter(Configurations.of(OpenImagesConfig.class, configuration)));
    }
}
