package io.datum.api;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What {@link Dataset#validate} found, in Datumaro's shape: {@link #values()} is the tree that
 * {@code datum validate} writes as JSON — {@code statistics}, {@code validation_reports} (each
 * with {@code anomaly_type}, {@code description}, {@code severity} and, for an item's anomaly,
 * {@code item_id} and {@code subset}) and {@code summary} ({@code errors}, {@code warnings}).
 * The parts that grow with the dataset (one entry per item or annotation) are read back from
 * files of the run, so the report must be closed; the counts stay readable after that.
 */
@ProviderType
public interface ValidationReport extends AutoCloseable {
    /** The tasks a dataset is validated for, in Datumaro's order. */
    List<String> TASKS = List.of("classification", "detection", "segmentation");

    /** {@code classification}, {@code detection} or {@code segmentation}. */
    String task();

    /** Reports of severity {@code error}. */
    long errors();

    /** Reports of severity {@code warning}. */
    long warnings();

    /** The number of reports of each anomaly type, in the order they are first reported. */
    Map<String, Long> anomalies();

    /**
     * The whole report as maps (insertion-ordered, string keys), iterables, strings and numbers;
     * an iterable or map read from a file may be iterated again while the report is open.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    Map<String, Object> values();

    /** Removes the files the report is read from. */
    @Override
    void close();
}
