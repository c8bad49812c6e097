package io.datum.registry;

import io.datum.core.internal.FormatTable;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.ServiceLoader;

/**
 * Registries for use without an OSGi framework: core and format jars on a plain class path,
 * formats and transforms found through {@link ServiceLoader} (the {@code META-INF/services} files the format
 * bundles carry). Each call builds a new registry; nothing is static.
 */
public final class FormatRegistries {
    private FormatRegistries() {
    }

    /** A registry of the formats visible to {@code loader}. */
    public static FormatRegistry fromServiceLoader(ClassLoader loader) {
        FormatTable table = new FormatTable();
        for (FormatDetector d : ServiceLoader.load(FormatDetector.class, loader)) {
            table.add(FormatTable.Role.DETECTOR, d, nameOf(d), 0, providerOf(d));
        }
        for (DatasetImporter i : ServiceLoader.load(DatasetImporter.class, loader)) {
            table.add(FormatTable.Role.IMPORTER, i, nameOf(i), 0, providerOf(i));
        }
        for (DatasetExporter e : ServiceLoader.load(DatasetExporter.class, loader)) {
            table.add(FormatTable.Role.EXPORTER, e, nameOf(e), 0, providerOf(e));
        }
        for (DatasetTransform t : ServiceLoader.load(DatasetTransform.class, loader)) {
            TransformName n = t.getClass().getAnnotation(TransformName.class);
            if (n == null) {
                throw new IllegalStateException(t.getClass().getName() + " has no @TransformName annotation");
            }
            table.add(FormatTable.Role.TRANSFORM, t, n.name(), 0, providerOf(t.getClass(), n.description()));
        }
        return table;
    }

    /** A registry of the formats visible to this class's loader. */
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
