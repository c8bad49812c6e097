package ${package}.internal;

import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import io.datum.spi.factory.PluginFactory;
import java.util.List;
import java.util.Map;

/**
 * The format on a plain class path (listed in META-INF/services/io.datum.spi.factory.PluginFactory):
 * builds the components that a framework makes with DS. The format has no configuration yet; a
 * component with limits takes them here with {@code Configurations.of(ItsConfig.class, configuration)},
 * as its DS constructor takes them from the framework.
 */
public final class LineFactory implements PluginFactory {
    @Override
    public String name() {
        return LineFiles.FORMAT;
    }

    @Override
    public List<FormatDetector> detectors(Map<String, ?> configuration) {
        return List.of(new LineDetector());
    }

    @Override
    public List<DatasetImporter> importers(Map<String, ?> configuration) {
        return List.of(new LineImporter());
    }

    @Override
    public List<DatasetExporter> exporters(Map<String, ?> configuration) {
        return List.of(new LineExporter());
    }
}
