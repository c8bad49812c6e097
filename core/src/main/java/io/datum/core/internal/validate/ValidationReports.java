package io.datum.core.internal.validate;

import io.datum.core.internal.validate.ValidationStatistics.AttributeStats;
import io.datum.core.internal.validate.ValidationStatistics.UndefinedLabelStats;
import io.datum.core.internal.validate.ValidatorSettings.Task;
import io.datum.text.PythonNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The reports of a validation, in the order and with the texts Datumaro's validators give them:
 * dataset-wide checks first, then per label its attributes, its values far from the mean and its
 * uneven distributions, then undefined labels and attributes. A report on an item is made when the
 * list is read, from the spilled statistics, so the list is never held either.
 */
final class ValidationReports {
    private final ValidationStatistics stats;
    private final ValidatorSettings settings;
    private final List<Iterable<Map<String, Object>>> parts = new ArrayList<>();

    ValidationReports(ValidationStatistics stats) {
        this.stats = stats;
        this.settings = stats.settings;
    }

    /** Every report, as the reference's {@code to_dict()} gives it. */
    Iterable<Map<String, Object>> all() {
        parts.clear();
        datasetChecks();
        if (settings.task() != Task.CLASSIFICATION) {
            shapeErrors();
        }
        for (Map.Entry<String, Map<String, AttributeStats>> label : stats.definedAttributes.entrySet()) {
            labelChecks(label.getKey(), label.getValue());
        }
        for (Map.Entry<String, UndefinedLabelStats> u : stats.undefinedLabels.entrySet()) {
            String label = u.getKey();
            perItem(u.getValue().items, "UndefinedLabel", "error",
                    "Item has the label '" + label + "' which is not defined in metadata.");
        }
        for (Map.Entry<String, Map<String, AttributeStats>> label : stats.undefinedAttributes.entrySet()) {
            for (Map.Entry<String, AttributeStats> attr : label.getValue().entrySet()) {
                perItem(attr.getValue().items, "UndefinedAttribute", "error", "Item has the attribute '"
                        + attr.getKey() + "' for the label '" + label.getKey() + "' which is not defined in metadata.");
            }
        }
        List<Iterable<Map<String, Object>>> all = List.copyOf(parts);
        return () -> new FlatIterator(all.iterator(), part -> (Iterable<Map<String, Object>>) part);
    }

    private void datasetChecks() {
        if (stats.labels.size() == 0) {
            add(report("MissingLabelCategories", "error",
                    "Metadata (ex. LabelCategories) should be defined to validate a dataset."));
        }
        perItem(stats.missingAnnotation, "MissingAnnotation", "warning",
                "Item needs '" + settings.task().annotationName + "' annotation(s), but not found.");
        if (settings.task() == Task.CLASSIFICATION) {
            perItem(stats.multipleLabels, "MultiLabelAnnotations", "error",
                    "Item needs a single label but multiple labels are found.");
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < stats.labelCounts.length; i++) {
            if (stats.labelCounts[i] == 0) {
                add(report("LabelDefinedButNotFound", "warning", "The label '" + name(i)
                        + "' is defined in metadata, but not found in the dataset."));
            } else {
                found.add(name(i));
            }
        }
        if (found.size() == 1) {
            add(report("OnlyOneLabel", "warning", "The dataset has only one label '" + found.get(0) + "'."));
        }
        for (int i = 0; i < stats.labelCounts.length; i++) {
            long n = stats.labelCounts[i];
            if (n > 0 && n <= settings.fewSamples()) {
                add(report("FewSamplesInLabel", "warning", "The number of samples in the label '" + name(i)
                        + "' might be too low. Found '" + n + "' samples."));
            }
        }
        if (stats.labelCounts.length > 0 && imbalanced(Arrays.stream(stats.labelCounts).boxed().toList())) {
            add(report("ImbalancedLabels", "warning", "There is an imbalance in the label distribution."));
        }
    }

    private String name(int label) {
        return stats.labels.get(label).name();
    }

    private boolean imbalanced(List<Long> counts) {
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        long min = counts.stream().mapToLong(Long::longValue).min().orElse(0);
        double balance = min > 0 ? (double) max / min : Double.POSITIVE_INFINITY;
        return balance >= settings.imbalanceRatio();
    }

    private String prop(String property) {
        return settings.task().annotationName + " " + property;
    }

    @SuppressWarnings("unchecked")
    private void shapeErrors() {
        if (settings.task() == Task.DETECTION) {
            parts.add(expand(stats.negativeLength, item -> {
                List<Map<String, Object>> out = new ArrayList<>();
                ((Map<String, Object>) item).forEach((annId, props) -> ((Map<String, Object>) props).forEach(
                        (p, v) -> out.add(report("NegativeLength", "error", "Annotation '" + annId + "' in the item "
                                + "should have a positive value of '" + prop(p) + "' but got '"
                                + PythonNumbers.repr(PythonText.round2((Double) v)) + "'."))));
                return out;
            }));
        }
        parts.add(expand(stats.invalidValue, item -> {
            List<Map<String, Object>> out = new ArrayList<>();
            ((Map<String, Object>) item).forEach((annId, props) -> ((List<Object>) props).forEach(
                    p -> out.add(report("InvalidValue", "error", "Annotation '" + annId + "' in the item has an inf "
                            + "or a NaN value of '" + prop((String) p) + "'."))));
            return out;
        }));
    }

    private void labelChecks(String label, Map<String, AttributeStats> attributes) {
        for (Map.Entry<String, AttributeStats> a : attributes.entrySet()) {
            if (a.getValue().distribution.isEmpty()) {
                add(report("AttributeDefinedButNotFound", "warning", "The attribute '" + a.getKey() + "' for the "
                        + "label '" + label + "' is defined in metadata, but not found in the dataset."));
            }
        }
        for (Map.Entry<String, AttributeStats> a : attributes.entrySet()) {
            String attr = a.getKey();
            Map<String, Long> distribution = a.getValue().distribution;
            distribution.forEach((value, n) -> {
                if (n <= settings.fewSamples()) {
                    add(report("FewSamplesInAttribute", "warning", "The number of samples for attribute = value '"
                            + attr + " = " + value + "' for the label '" + label + "' might be too low. Found '" + n
                            + "' samples."));
                }
            });
            if (!distribution.isEmpty() && imbalanced(List.copyOf(distribution.values()))) {
                add(report("ImbalancedAttribute", "warning", "There is an imbalance in the distribution of attribute '"
                        + attr + "' for the label '" + label + "'."));
            }
            if (distribution.size() == 1) {
                add(report("OnlyOneAttributeValue", "warning", "The dataset has the only attribute value '"
                        + distribution.keySet().iterator().next() + "' for the attribute '" + attr + "' for the label '"
                        + label + "'."));
            }
            perItem(a.getValue().items, "MissingAttribute", "warning",
                    "Item needs the attribute '" + attr + "' for the label '" + label + "'.");
        }
        if (settings.task() == Task.CLASSIFICATION) {
            return;
        }
        Map<String, PropertyStats> props = stats.byLabel.get(label);
        props.forEach((p, s) -> farFromMean(s, "FarFromLabelMean", (mean, annId, v) -> "Annotation '" + annId
                + "' in the item has a value of '" + prop(p) + "' that is too far from the label average. (mean of '"
                + label + "' label: " + mean + ", got '" + v + "')."));
        props.forEach((p, s) -> {
            if (uneven(s)) {
                add(report("ImbalancedDistInLabel", "warning", "Values of '" + prop(p) + "' are not evenly distributed "
                        + "for '" + label + "' label."));
            }
        });
        stats.byAttribute.getOrDefault(label, Map.of()).forEach((attr, values) -> {
            values.forEach((value, valueProps) -> valueProps.forEach((p, s) -> farFromMean(s, "FarFromAttrMean",
                    (mean, annId, v) -> "Annotation '" + annId + "' in the item has a value of '" + prop(p) + "' that "
                            + "is too far from the attribute average. (mean of '" + attr + "' = '" + value + "' for "
                            + "the '" + label + "' label: " + mean + ", got '" + v + "').")));
            values.forEach((value, valueProps) -> valueProps.forEach((p, s) -> {
                if (uneven(s)) {
                    add(report("ImbalancedDistInAttribute", "warning", "Values of '" + prop(p) + "' are not evenly "
                            + "distributed for '" + attr + "' = '" + value + "' for the '" + label + "' label."));
                }
            }));
        });
    }

    /** The top-k bins hold at least the dominance ratio of the values. */
    private boolean uneven(PropertyStats s) {
        long[] counts = s.histogramCounts();
        if (counts.length < 2) {
            return false;
        }
        int topk = Math.max(1, (int) Math.rint(counts.length * settings.topkBins()));
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        long top = 0;
        long total = 0;
        for (int i = 0; i < sorted.length; i++) {
            total += sorted[i];
            if (i >= sorted.length - topk) {
                top += sorted[i];
            }
        }
        return (double) top / total >= settings.dominanceRatio();
    }

    private interface FarText {
        String of(String mean, String annotationId, String value);
    }

    private void farFromMean(PropertyStats s, String type, FarText text) {
        String mean = PythonNumbers.repr(PythonText.round2(s.mean()));
        parts.add(expand(s.farFromMeanItems(), item -> {
            List<Map<String, Object>> out = new ArrayList<>();
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) item;
            annotations.forEach((annId, v) -> out.add(report(type, "warning",
                    text.of(mean, annId, PythonNumbers.repr(PythonText.round2((Double) v))))));
            return out;
        }));
    }

    /**
     * Reports from a spill of {@code [tuple key, value, id, subset]} entries, each report with the
     * item's id and subset.
     */
    private static Iterable<Map<String, Object>> expand(Spill spill, Function<Object, List<Map<String, Object>>> reports) {
        return () -> new FlatIterator(spill.iterator(), entry -> {
            List<?> entryParts = (List<?>) entry;
            List<Map<String, Object>> out = reports.apply(entryParts.get(1));
            out.forEach(r -> {
                r.put("item_id", entryParts.get(2));
                r.put("subset", entryParts.get(3));
            });
            return out;
        });
    }

    /** One report per spilled {@code [id, subset]}. */
    private void perItem(Spill items, String type, String severity, String description) {
        parts.add(() -> new FlatIterator(items.iterator(), entry -> {
            List<?> item = (List<?>) entry;
            Map<String, Object> r = report(type, severity, description);
            r.put("item_id", item.get(0));
            r.put("subset", item.get(1));
            return List.of(r);
        }));
    }

    private void add(Map<String, Object> report) {
        parts.add(List.of(report));
    }

    private static Map<String, Object> report(String type, String severity, String description) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("anomaly_type", type);
        r.put("description", description);
        r.put("severity", severity);
        return r;
    }

    /** The reports of each entry in turn, never more than one entry's at a time. */
    private static final class FlatIterator implements Iterator<Map<String, Object>> {
        private final Iterator<?> entries;
        private final Function<Object, Iterable<Map<String, Object>>> expand;
        private Iterator<Map<String, Object>> current = List.<Map<String, Object>>of().iterator();

        FlatIterator(Iterator<?> entries, Function<Object, ? extends Iterable<Map<String, Object>>> expand) {
            this.entries = entries;
            this.expand = expand::apply;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && entries.hasNext()) {
                current = expand.apply(entries.next()).iterator();
            }
            return current.hasNext();
        }

        @Override
        public Map<String, Object> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
