package io.datum.registry;

import io.datum.spi.DatasetException;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.transform.DatasetTransform;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The formats present right now. In a framework it is a service that follows format bundles as
 * they come and go; outside one, {@link FormatRegistries#fromServiceLoader} builds it from the
 * class path. Lookups see a consistent snapshot; a format that fails cannot break the others.
 */
@ProviderType
public interface FormatRegistry {
    /** Every format known now, sorted by name. */
    List<FormatInfo> formats();

    Optional<FormatInfo> format(String name);

    /**
     * Every provider of {@code name}, the one in use first: more than one means a clash (two bundles
     * register the same format name). The one in use has the higher service ranking, then the
     * higher version, then the lower bundle id.
     *
     * @since 1.1
     */
    default List<FormatInfo> providers(String name) {
        return format(name).map(List::of).orElse(List.of());
    }

    /**
     * The format, and the bundle providing it, whose code threw {@code failure}: a failure that is
     * not a {@link DatasetException} is a fault of some code, and the one to report it to is the
     * provider whose importer, exporter or detector is nearest to where it was thrown (its class, a
     * class of its package, or any other class of its bundle or jar, in the stack trace or a
     * cause's). Empty when no format's code is in it.
     *
     * @since 1.1
     */
    default Optional<FormatInfo> providerOf(Throwable failure) {
        return Optional.empty();
    }

    Optional<DatasetImporter> importer(String name);

    Optional<DatasetExporter> exporter(String name);

    /** The importer of {@code name}, or an error that lists the formats that can be imported. */
    default DatasetImporter requireImporter(String name) {
        return importer(name).orElseThrow(() -> new DatasetException("Unknown input format '" + name
                + "' (available: " + String.join(", ", names(FormatInfo::canImport, "none")) + ")"));
    }

    /** The exporter of {@code name}, or an error that lists the formats that can be exported. */
    default DatasetExporter requireExporter(String name) {
        return exporter(name).orElseThrow(() -> new DatasetException("Unknown output format '" + name
                + "' (available: " + String.join(", ", names(FormatInfo::canExport, "none")) + ")"));
    }

    /** The names of the formats that {@code can} holds for, sorted; {@code [none]} when there are none. */
    default List<String> names(Predicate<FormatInfo> can, String none) {
        List<String> names = formats().stream().filter(can).map(FormatInfo::name).toList();
        return names.isEmpty() ? List.of(none) : names;
    }

    /**
     * Every transform known now, sorted by name. Transform names are a namespace of their own;
     * two providers of one name are chosen between as for formats.
     *
     * @since 1.2
     */
    default List<TransformInfo> transforms() {
        return List.of();
    }

    /** The transform in use for {@code name}. @since 1.2 */
    default Optional<DatasetTransform> transform(String name) {
        return Optional.empty();
    }

    /** Every provider of the transform {@code name}, the one in use first. @since 1.2 */
    default List<TransformInfo> transformProviders(String name) {
        return List.of();
    }

    /** The transform {@code name}, or an error that lists the transforms there are. @since 1.2 */
    default DatasetTransform requireTransform(String name) {
        return transform(name).orElseThrow(() -> {
            List<String> names = transforms().stream().map(TransformInfo::name).toList();
            return new DatasetException("Unknown transform '" + name + "' (available: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        });
    }

    /**
     * Runs every detector on {@code path}, then on its single sub-directory, {@code depth} levels
     * down, and keeps the formats matched with the highest confidence (datum-cli.md §4.1).
     */
    DetectionReport detect(Path path, int depth);
}
