package io.datum.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A dataset as a pipeline, the counterpart of Datumaro's {@code Dataset}: where it comes from
 * ({@link Datum#open}), then lazy stages — {@link #filter}, {@link #transform} — and finally one
 * terminal call that reads it: {@link #export}, {@link #info}, {@link #statistics},
 * {@link #validate}, {@link #render}.
 * <pre>
 * ExportResult r = datum.open(Path.of("oid"), "open_images", listener)
 *         .filter("/item[subset='train']")
 *         .transform("remap_labels", "-l", "/m/0:cat", "--default", "delete")
 *         .export(ExportRequest.of(Path.of("out"), "cvat", "--save-media"));
 * </pre>
 * Nothing is read until a terminal call, and then the items stream from the input through every
 * stage to the output one at a time: a pipeline never holds the dataset in memory. A stage returns
 * a new pipeline and leaves this one as it was, so a pipeline can be run more than once. Warnings,
 * debug detail and progress of a run go to the listener given to {@link Datum#open}.
 */
@ProviderType
public interface Dataset {
    /**
     * Keeps the items for which the XPath 1.0 expression is true of the item's XML (Datumaro's
     * {@code dataset.filter(expr)}); the {@code filter} transform.
     */
    default Dataset filter(String expression) {
        return transform("filter", "-e", expression);
    }

    /**
     * The {@code filter} transform in a mode: {@code items}, {@code annotations} (keeps the
     * annotations the expression selects) or {@code items+annotations} (also drops the items left
     * without annotations).
     */
    default Dataset filter(String expression, String mode) {
        return transform("filter", "-e", expression, "-m", mode);
    }

    /**
     * Adds the transform {@code name} with its own options, as {@code datum transforms} lists them.
     * The options are checked now (a usage error is thrown here, before anything is read).
     */
    Dataset transform(String name, List<String> options);

    default Dataset transform(String name, String... options) {
        return transform(name, List.of(options));
    }

    /** Writes the dataset, staged: the output folder appears only when complete. */
    ExportResult export(ExportRequest request) throws IOException;

    /** {@link #export(ExportRequest)} into {@code dir}, which must be absent or empty. */
    default ExportResult export(Path dir, String format, String... options) throws IOException {
        return export(ExportRequest.of(dir, format, options));
    }

    /**
     * This dataset (the first) compared with {@code other} (the second) by the method of the
     * options (Datumaro's {@code datum compare -m table|equality|distance}). By equality and
     * distance, items are matched by subset and id in one pass over each dataset, sorted on disk
     * when they do not come in that order, never held whole; the table method reads each dataset
     * for its statistics, as {@link #statistics} does.
     *
     * @since 1.2 (the table and distance methods since 1.3)
     */
    DatasetComparison compare(Dataset other, ComparisonOptions options) throws IOException;

    /** Item counts per subset and the labels, in one pass (what {@code datum dinfo} prints). */
    DatasetInfo info() throws IOException;

    /**
     * Datumaro's dataset statistics (what {@code datum stats} writes), for one subset or all (null),
     * with image statistics (decodes every image) and annotation statistics as asked.
     */
    DatasetStatistics statistics(String subset, boolean imageStats, boolean annotationStats) throws IOException;

    /**
     * Datumaro's validation for a task ({@code classification}, {@code detection},
     * {@code segmentation}) with the validator's options ({@code -fs}, {@code -ir}, {@code -m},
     * {@code -dr}, {@code -k}), over one subset or all (null): two passes over the stream, the
     * second for the checks that need the mean. Close the report when done with it.
     *
     * @throws io.datum.options.UsageException for an unknown task or a bad option
     * @since 1.2
     */
    ValidationReport validate(String task, List<String> options, String subset) throws IOException;

    /**
     * Draws the annotations of the items — boxes, masks (translucent), polygons, polylines,
     * points, ellipses, labels by display name when the category has one — on their images, or on
     * a blank canvas of the item's size when the image file is absent: a PNG per item
     * ({@code SUBSET/ID.png}) or contact sheets. The folder appears only when complete.
     *
     * @since 1.2
     */
    RenderResult render(RenderRequest request) throws IOException;
}
