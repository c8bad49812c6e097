package io.datum.spi.factory;

import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import io.datum.spi.transform.DatasetTransform;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a bundle offers outside an OSGi framework: its parts, built from a configuration. A bundle
 * implements it once (a public class with a public no-argument constructor, listed in
 * {@code META-INF/services/io.datum.spi.factory.PluginFactory}); the class-path registry asks
 * each factory for its parts, giving it the configuration the caller has for its {@link #name()}
 * (an empty map when none). Keys and values are those of the bundle's OSGi configuration; absent
 * keys take their defaults, so an empty map gives the parts a framework without configuration has.
 * Each part must carry its name annotation ({@code @DatasetFormat} or {@code @TransformName}), as
 * its DS component does.
 */
@ConsumerType
public interface PluginFactory {
    /** The name a caller gives this factory's configuration under: the format's name, or the bundle's. */
    String name();

    /** The format detectors, built from {@code configuration}. */
    default List<FormatDetector> detectors(Map<String, ?> configuration) {
        return List.of();
    }

    /** The importers, built from {@code configuration}. */
    default List<DatasetImporter> importers(Map<String, ?> configuration) {
        return List.of();
    }

    /** The exporters, built from {@code configuration}. */
    default List<DatasetExporter> exporters(Map<String, ?> configuration) {
        return List.of();
    }

    /** The transforms, built from {@code configuration}. */
    default List<DatasetTransform> transforms(Map<String, ?> configuration) {
        return List.of();
    }
}
