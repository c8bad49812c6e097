package io.datum.registry;

import io.datum.core.internal.FormatTable;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import io.datum.spi.factory.PluginFactory;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Registries for use without an OSGi framework: core and format jars on a plain class path, each
 * bundle's formats and transforms built by its {@link PluginFactory} (found through
 * {@link ServiceLoader}, the {@code META-INF/services} file the bundle carries). Each call builds a
 * new registry; nothing is static.
 */
public final class FormatRegistries {
    private FormatRegistries() {
    }

    /**
     * A registry of the formats and transforms visible to {@code loader}, each factory given the
     * configuration under its {@link PluginFactory#name() name} in {@code configuration} (its OSGi
     * configuration's keys and values; an empty map when the name is absent).
     */
    public static FormatRegistry fromServiceLoader(ClassLoader loader, Map<String, ? extends Map<String, ?>> configuration) {
        FormatTable table = new FormatTable();
        for (PluginFactory factory : ServiceLoader.load(PluginFactory.class, loader)) {
            Map<String, ?> own = configuration.get(factory.name());
            Map<String, ?> config = own == null ? Map.of() : own;
            for (FormatDetector d : factory.detectors(config)) {
                table.add(FormatTable.Role.DETECTOR, d, nameOf(d), 0, providerOf(d));
            }
            for (DatasetImporter i : factory.importers(config)) {
                table.add(FormatTable.Role.IMPORTER, i, nameOf(i), 0, providerOf(i));
            }
            for (DatasetExporter e : factory.exporters(config)) {
                table.add(FormatTable.Role.EXPORTER, e, nameOf(e), 0, providerOf(e));
            }
            for (DatasetTransform t : factory.transforms(config)) {
                TransformName n = t.getClass().getAnnotation(TransformName.class);
                if (n == null) {
                    throw new IllegalStateException(t.getClass().getName() + " has no @TransformName annotation");
                }
                table.add(FormatTable.Role.TRANSFORM, t, n.name(), 0, providerOf(t.getClass(), n.description()));
            }
        }
        return table;
    }

    /** A registry of the formats and transforms visible to {@code loader}, all with their default configuration. */
    public static FormatRegistry fromServiceLoader(ClassLoader loader) {
        return fromServiceLoader(loader, Map.of());
    }

    /** A registry of the formats and transforms visible to this class's loader, all with their default configuration. */
    public static FormatRegistry fromServiceLoader() {
        return fromServiceLoader(FormatRegistries.class.getClassLoader());
    }

    private static String nameOf(Object service) {
        DatasetFormat f = service.getClass().getAnnotation(DatasetFormat.class);
        if (f == null) {
            throw new IllegalStateException(service.getClass().getName() + " has no @DatasetFormat annotation");
        }
        return f.name();
    }

    private static FormatTable.Provider providerOf(Object service) {
        DatasetFormat f = service.getClass().getAnnotation(DatasetFormat.class);
        return providerOf(service.getClass(), f == null ? "" : f.description());
    }

    private static FormatTable.Provider providerOf(Class<?> c, String description) {
        String where = c.getProtectionDomain().getCodeSource() == null ? c.getName()
                : c.getProtectionDomain().getCodeSource().getLocation().getPath();
        String jar = where.substring(where.lastIndexOf('/', where.length() - 2) + 1);
        Package p = c.getPackage();
        String version = p == null || p.getImplementationVersion() == null ? "" : p.getImplementationVersion();
        // jars have no ids: among equal versions, the registration order (the class path's) decides
        return new FormatTable.Provider(jar, version, description, 0);
    }
}
