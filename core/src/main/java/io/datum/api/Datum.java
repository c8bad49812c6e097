package io.datum.api;

import io.datum.core.internal.DatumImpl;
import io.datum.registry.FormatRegistries;
import io.datum.registry.FormatRegistry;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Datum for Java code — the counterparts of Datumaro's Python API:
 * <pre>
 * Datum datum = Datum.onClassPath();                              // or the Datum service in OSGi
 * try (DatasetSource oid = datum.importFrom(Path.of("oid"), "open_images")) {   // Dataset.import_from
 *     datum.export(oid, Path.of("out"), "cvat", "--save-images");               // dataset.export
 * }
 * DatasetSource mine = Datasets.of(categories, items);                          // Dataset.from_iterable
 * </pre>
 * Options are the format's own command-line options ({@code "--save-images"}), parsed by the same
 * parser as {@code datum ... -- OPTIONS}. Exports are staged: the folder appears only when complete.
 */
@ProviderType
public interface Datum {
    /** The formats available now. */
    FormatRegistry formats();

    /**
     * Opens a dataset; {@code format} null means detect it (as {@code Dataset.import_from(path)},
     * depth 2). The caller closes the source.
     */
    DatasetSource importFrom(Path path, String format, JobContext context) throws IOException;

    default DatasetSource importFrom(Path path, String format) throws IOException {
        return importFrom(path, format, JobContext.collecting());
    }

    /** The formats detected for {@code path}: one, several (ambiguous) or none. */
    List<String> detect(Path path);

    /**
     * Writes {@code dataset} to {@code dir} in {@code format}. {@code dir} must be absent or empty
     * unless {@code overwrite}; it is written in a hidden sibling and moved into place at the end.
     */
    void export(DatasetSource dataset, Path dir, String format, boolean overwrite, JobContext context,
                String... options) throws IOException;

    default void export(DatasetSource dataset, Path dir, String format, String... options) throws IOException {
        export(dataset, dir, format, false, JobContext.collecting(), options);
    }

    /** Datum over the formats on the class path ({@link FormatRegistries#fromServiceLoader()}). */
    static Datum onClassPath() {
        return new DatumImpl(FormatRegistries.fromServiceLoader());
    }

    /** Datum over a given registry. */
    static Datum over(FormatRegistry registry) {
        return new DatumImpl(registry);
    }
}
