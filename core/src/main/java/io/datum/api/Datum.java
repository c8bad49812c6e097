package io.datum.api;

import io.datum.core.internal.DatumImpl;
import io.datum.registry.FormatRegistries;
import io.datum.registry.DetectionReport;
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
 * Datum datum = Datum.onClassPath();                                  // or the Datum service in OSGi
 * ExportResult done = datum.open(Path.of("oid"), "open_images", listener)   // Dataset.import_from
 *         .filter("/item[subset='train']")                                  // dataset.filter
 *         .transform("remap_labels", "-l", "/m/0:cat")                      // dataset.transform
 *         .export(Path.of("out"), "cvat", "--save-media");                  // dataset.export
 * Dataset mine = datum.dataset(Datasets.of(categories, items), listener);  // Dataset.from_iterable
 * </pre>
 * Options are the format's (or transform's) own command-line options ({@code "--save-media"}),
 * parsed by the same parser as {@code datum ... -- OPTIONS}. Exports are staged: the folder appears
 * only when complete. The older {@link #importFrom} and {@link #export} remain for code written
 * against them.
 */
@ProviderType
public interface Datum {
    /** The formats available now. */
    FormatRegistry formats();

    /**
     * A pipeline over the dataset at {@code path} in {@code format} (null: detected, as
     * {@code Dataset.import_from(path)}, depth 2). The path and format are checked now; the dataset
     * is opened by each terminal call and closed at its end.
     *
     * @since 1.1
     */
    default Dataset open(Path path, String format, DatasetListener listener) throws IOException {
        return open(List.of(DatasetInput.of(path, format)), listener);
    }

    /** {@link #open(Path, String, DatasetListener)} without a listener. @since 1.1 */
    default Dataset open(Path path, String format) throws IOException {
        return open(path, format, DatasetListener.IGNORE);
    }

    /**
     * A pipeline over several inputs read one after the other (a project's sources), which must have
     * the same labels and no item twice.
     *
     * @since 1.1
     */
    Dataset open(List<DatasetInput> inputs, DatasetListener listener) throws IOException;

    /**
     * A pipeline over several datasets merged by Datumaro's {@code union} policy: their labels
     * united by name (first appearance first), every item of every input kept, and an item whose
     * subset and id occur in several inputs kept from each, renamed {@code <id>-<input index>}.
     * Nothing is held in memory but a 64-bit hash per item.
     *
     * @since 1.2
     */
    default Dataset merge(List<DatasetInput> inputs, DatasetListener listener) throws IOException {
        return merge(inputs, MergeOptions.of(MergePolicy.UNION), listener);
    }

    /**
     * A pipeline over several datasets merged by one of Datumaro's policies
     * ({@link MergePolicy}): {@code union} as {@link #merge(List, DatasetListener)};
     * {@code exact} and {@code intersect} join the items of one subset and id from every input into
     * one. The inputs are read side by side in the order of their items' subset and id (an input
     * in another order is sorted first, spilling to the run's temporary folder), so only the items
     * of one key are held at a time. An {@code exact} conflict stops the run with an error naming
     * the item and both datasets; {@code intersect} errors go to {@link MergeOptions#report()}.
     *
     * @since 1.3
     */
    Dataset merge(List<DatasetInput> inputs, MergeOptions options, DatasetListener listener) throws IOException;

    /**
     * A pipeline over a source the caller made (such as {@code Datasets.of}); the caller closes it.
     *
     * @since 1.1
     */
    Dataset dataset(DatasetSource source, DatasetListener listener);

    /**
     * Every format's detector run on {@code path} and on its only sub-folder, {@code depth} levels
     * down: the formats detected with the highest confidence and why the others were rejected.
     *
     * @since 1.1
     */
    DetectionReport detection(Path path, int depth);

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
     * Warnings go to {@code context}. The same as {@link #dataset}{@code (dataset, ...).export(...)},
     * which also returns what was written.
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
