package io.datum.cvat.internal;

import io.datum.cvat.internal.detect.CvatDetector;
import io.datum.cvat.internal.read.CvatImporter;
import io.datum.cvat.internal.write.CvatExporter;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import io.datum.spi.factory.Configurations;
import io.datum.spi.factory.PluginFactory;
import java.util.List;
import java.util.Map;

/**
 * The CVAT format on a plain class path. The configuration has the keys of the importer's OSGi
 * configuration ({@link CvatConfig}: {@code max.depth}, {@code max.mask.pixels}, ...).
 */
public final class CvatFactory implements PluginFactory {
    @Override
    public String name() {
        return CvatNames.FORMAT;
    }

    @Override
    public List<FormatDetector> detectors(Map<String, ?> configuration) {
        return List.of(new CvatDetector());
    }

    @Override
    public List<DatasetImporter> importers(Map<String, ?> configuration) {
        return List.of(new CvatImporter(Configurations.of(CvatConfig.class, configuration)));
    }

    @Override
    public List<DatasetExporter> exporters(Map<String, ?> configuration) {
        return List.of(new CvatExporter());
    }
}
