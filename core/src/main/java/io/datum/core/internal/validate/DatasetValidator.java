package io.datum.core.internal.validate;

import io.datum.api.ValidationReport;
import io.datum.core.internal.validate.ValidationStatistics.AttributeStats;
import io.datum.core.internal.validate.ValidatorSettings.Task;
import io.datum.files.OwnedFolder;
import io.datum.spi.DatasetSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Datumaro's classification, detection and segmentation validators over a stream: statistics
 * ({@link ValidationStatistics}), then the reports on them ({@link ValidationReports}), given as a
 * {@link ValidationReport} that reads its long parts back from the run's spill folder, which it
 * owns and deletes when closed.
 */
public final class DatasetValidator {
    private DatasetValidator() {
    }

    /**
     * Validates {@code source} (only {@code subset}, when not null); {@code spill} becomes the
     * report's, which deletes it on close (also when this throws).
     */
    public static ValidationReport validate(DatasetSource source, ValidatorSettings settings, String subset,
                                            OwnedFolder spill) {
        try {
            ValidationStatistics stats = new ValidationStatistics(settings, source.categories().labels(), subset,
                    spill.path());
            stats.compute(source);
            Map<String, Object> statistics = statistics(stats);
            Iterable<Map<String, Object>> reports = new ValidationReports(stats).all();
            long errors = 0;
            long warnings = 0;
            Map<String, Long> anomalies = new LinkedHashMap<>();
            for (Map<String, Object> r : reports) {
                if ("error".equals(r.get("severity"))) {
                    errors++;
                } else {
                    warnings++;
                }
                anomalies.merge((String) r.get("anomaly_type"), 1L, Long::sum);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("errors", errors);
            summary.put("warnings", warnings);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("statistics", statistics);
            values.put("validation_reports", reports);
            values.put("summary", summary);
            return new Report(settings.task().id(), errors, warnings, anomalies, values, spill);
        } catch (RuntimeException | Error e) {
            try {
                spill.delete();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static Map<String, Object> statistics(ValidationStatistics stats) {
        Map<String, Object> defined = new LinkedHashMap<>();
        for (int i = 0; i < stats.labelCounts.length; i++) {
            defined.put(stats.labels.get(i).name(), stats.labelCounts[i]);
        }
        Map<String, Object> undefined = new LinkedHashMap<>();
        stats.undefinedLabels.forEach((label, u) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", u.count);
            m.put("items_with_undefined_label", finished(u.items));
            undefined.put(label, m);
        });
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("defined_labels", defined);
        labels.put("undefined_labels", undefined);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("defined_attributes", attributes(stats.definedAttributes, "items_missing_attribute"));
        attributes.put("undefined_attributes", attributes(stats.undefinedAttributes, "items_with_undefined_attr"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label_distribution", labels);
        m.put("attribute_distribution", attributes);
        m.put("total_ann_count", stats.totalAnnotations);
        m.put("items_missing_annotation", finished(stats.missingAnnotation));
        if (stats.settings.task() == Task.CLASSIFICATION) {
            m.put("items_with_multiple_labels", finished(stats.multipleLabels));
            return m;
        }
        String shape = stats.settings.task() == Task.DETECTION ? "bbox" : "mask";
        if (stats.settings.task() == Task.DETECTION) {
            m.put("items_with_negative_length", finished(stats.negativeLength).asMap());
        }
        m.put("items_with_invalid_value", finished(stats.invalidValue).asMap());
        Map<String, Object> byLabel = new LinkedHashMap<>();
        stats.byLabel.forEach((label, props) -> byLabel.put(label, properties(props)));
        m.put(shape + "_distribution_in_label", byLabel);
        Map<String, Object> byAttribute = new LinkedHashMap<>();
        stats.byAttribute.forEach((label, attrs) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            attrs.forEach((attr, values) -> {
                Map<String, Object> v = new LinkedHashMap<>();
                values.forEach((value, props) -> v.put(value, properties(props)));
                a.put(attr, v);
            });
            byAttribute.put(label, a);
        });
        m.put(shape + "_distribution_in_attribute", byAttribute);
        m.put(shape + "_distribution_in_dataset_item", finished(stats.annotationsPerItem).asMap());
        return m;
    }

    private static Spill finished(Spill spill) {
        spill.finish();
        return spill;
    }

    private static Map<String, Object> attributes(Map<String, Map<String, AttributeStats>> byLabel, String itemsKey) {
        Map<String, Object> out = new LinkedHashMap<>();
        byLabel.forEach((label, attrs) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            attrs.forEach((attr, s) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(itemsKey, finished(s.items));
                m.put("distribution", new LinkedHashMap<>(s.distribution));
                a.put(attr, m);
            });
            out.put(label, a);
        });
        return out;
    }

    private static Map<String, Object> properties(Map<String, PropertyStats> props) {
        Map<String, Object> m = new LinkedHashMap<>();
        props.forEach((p, s) -> m.put(p, s.toJson()));
        return m;
    }

    private static final class Report implements ValidationReport {
        private final String task;
        private final long errors;
        private final long warnings;
        private final Map<String, Long> anomalies;
        private final Map<String, Object> values;
        private final OwnedFolder spill;
        private boolean closed;

        Report(String task, long errors, long warnings, Map<String, Long> anomalies, Map<String, Object> values,
               OwnedFolder spill) {
            this.task = task;
            this.errors = errors;
            this.warnings = warnings;
            this.anomalies = Collections.unmodifiableMap(anomalies);
            this.values = Collections.unmodifiableMap(values);
            this.spill = spill;
        }

        @Override
        public String task() {
            return task;
        }

        @Override
        public long errors() {
            return errors;
        }

        @Override
        public long warnings() {
            return warnings;
        }

        @Override
        public Map<String, Long> anomalies() {
            return anomalies;
        }

        @Override
        public synchronized Map<String, Object> values() {
            if (closed) {
                throw new IllegalStateException("the validation report is closed");
            }
            return values;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                try {
                    spill.delete();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public String toString() {
            return "validation (" + task + "): " + errors + " errors, " + warnings + " warnings";
        }
    }
}
