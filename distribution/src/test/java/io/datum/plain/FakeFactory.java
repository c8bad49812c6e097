package io.datum.plain;

import io.datum.it.fake.FakeDetector;
import io.datum.it.fake.FakeExporter;
import io.datum.it.fake.FakeImporter;
import io.datum.it.fake.FakeUpperExporter;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import io.datum.spi.factory.PluginFactory;
import java.util.List;
import java.util.Map;

/** The test format as a "third-party" jar offers it on a class path. */
public final class FakeFactory implements PluginFactory {
    @Override
    public String name() {
        return "fake";
    }

    @Override
    public List<FormatDetector> detectors(Map<String, ?> configuration) {
        return List.of(new FakeDetector());
    }

    @Override
    public List<DatasetImporter> importers(Map<String, ?> configuration) {
        return List.of(new FakeImporter());
    }

    @Override
    public List<DatasetExporter> exporters(Map<String, ?> configuration) {
        return List.of(new FakeExporter(), new FakeUpperExporter());
    }
}
