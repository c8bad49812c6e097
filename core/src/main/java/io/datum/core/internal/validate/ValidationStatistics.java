package io.datum.core.internal.validate;

import io.datum.core.internal.pipeline.CocoPolygonArea;
import io.datum.core.internal.validate.ValidatorSettings.Task;
import io.datum.model.Annotation;
import io.datum.model.AnnotationType;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.LabelCategories;
import io.datum.model.Mask;
import io.datum.model.Polygon;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.text.PythonNumbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statistics a validator reports on, computed as Datumaro's validators compute them but in
 * two passes over the stream instead of over a list of the annotations: the first counts labels
 * and attribute values and keeps running statistics of each shape property, the second (detection
 * and segmentation only) fills the histograms and finds the values far from the mean, which need
 * the mean first. What is kept grows with the labels, attributes and attribute values; what is
 * per item or per annotation goes to {@link Spill}s.
 */
final class ValidationStatistics {
    static final List<String> BOX_PROPERTIES = List.of("width", "height", "area(wxh)", "ratio(w/h)", "short", "long");
    static final List<String> MASK_PROPERTIES = List.of("area", "width", "height");

    /** Counts and item lists of one attribute of one label. */
    static final class AttributeStats {
        final Spill items;
        final Map<String, Long> distribution = new LinkedHashMap<>();

        AttributeStats(Path spill) {
            items = new Spill(spill);
        }
    }

    /** Annotations of a label index the categories do not define. */
    static final class UndefinedLabelStats {
        long count;
        final Spill items;

        UndefinedLabelStats(Path spill) {
            items = new Spill(spill);
        }
    }

    final ValidatorSettings settings;
    final LabelCategories labels;
    private final Path spill;
    private final String subset;

    long totalAnnotations;
    final long[] labelCounts;
    final Spill missingAnnotation;
    final Spill multipleLabels;
    final Spill negativeLength;
    final Spill invalidValue;
    final Spill annotationsPerItem;
    /** Per label name, in order of first annotation: defined attribute → stats. */
    final Map<String, Map<String, AttributeStats>> definedAttributes = new LinkedHashMap<>();
    final Map<String, UndefinedLabelStats> undefinedLabels = new LinkedHashMap<>();
    final Map<String, Map<String, AttributeStats>> undefinedAttributes = new LinkedHashMap<>();
    /** Per label name: property → stats. */
    final Map<String, Map<String, PropertyStats>> byLabel = new LinkedHashMap<>();
    /** Per label name: attribute → value → property → stats. */
    final Map<String, Map<String, Map<String, Map<String, PropertyStats>>>> byAttribute = new LinkedHashMap<>();

    ValidationStatistics(ValidatorSettings settings, LabelCategories labels, String subset, Path spill) {
        this.settings = settings;
        this.labels = labels;
        this.subset = subset;
        this.spill = spill;
        this.labelCounts = new long[labels.size()];
        this.missingAnnotation = new Spill(spill);
        this.multipleLabels = new Spill(spill);
        this.negativeLength = new Spill(spill);
        this.invalidValue = new Spill(spill);
        this.annotationsPerItem = new Spill(spill);
    }

    List<String> properties() {
        return settings.task() == Task.DETECTION ? BOX_PROPERTIES : MASK_PROPERTIES;
    }

    boolean hasShapes() {
        return settings.task() != Task.CLASSIFICATION;
    }

    void compute(DatasetSource source) {
        try (ItemCursor items = source.items()) {
            while (items.hasNext()) {
                DatasetItem item = items.next();
                if (subset == null || subset.equals(item.subset())) {
                    firstPass(item);
                }
            }
        }
        if (hasShapes()) {
            try (ItemCursor items = source.items()) {
                while (items.hasNext()) {
                    DatasetItem item = items.next();
                    if (subset == null || subset.equals(item.subset())) {
                        secondPass(item);
                    }
                }
            }
        }
    }

    private boolean taskAnnotation(Annotation a) {
        return switch (settings.task()) {
            case CLASSIFICATION -> a.type() == AnnotationType.LABEL;
            case DETECTION -> a.type() == AnnotationType.BBOX;
            case SEGMENTATION -> a.type() == AnnotationType.MASK || a.type() == AnnotationType.POLYGON
                    || a.type() == AnnotationType.ELLIPSE;
        };
    }

    private boolean defined(Annotation a) {
        return a.label() != null && a.label() >= 0 && a.label() < labels.size();
    }

    /** The item as the reference's tuple key, printed as Python prints a tuple of two strings. */
    static String key(DatasetItem item) {
        return "(" + PythonText.repr(item.id()) + ", " + PythonText.repr(item.subset()) + ")";
    }

    private void firstPass(DatasetItem item) {
        List<Annotation> annotations = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            if (taskAnnotation(a)) {
                annotations.add(a);
            }
        }
        List<Object> itemKey = List.of(item.id(), item.subset());
        if (annotations.isEmpty()) {
            missingAnnotation.add(itemKey);
        }
        if (settings.task() == Task.CLASSIFICATION && annotations.size() > 1) {
            multipleLabels.add(itemKey);
        }
        totalAnnotations += annotations.size();
        String key = key(item);
        if (hasShapes()) {
            annotationsPerItem.add(List.of(key, (long) annotations.size()));
        }
        Map<String, Object> negative = new LinkedHashMap<>();
        Map<String, Object> invalid = new LinkedHashMap<>();
        for (Annotation a : annotations) {
            String labelName;
            Set<String> valid;
            Map<String, AttributeStats> definedStats = null;
            Map<String, Double> shape = null;
            if (!defined(a)) {
                labelName = String.valueOf(a.label() == null ? "None" : a.label());
                UndefinedLabelStats u = undefinedLabels.computeIfAbsent(labelName, k -> new UndefinedLabelStats(spill));
                u.items.add(itemKey);
                u.count++;
                valid = Set.of();
            } else {
                int label = a.label();
                labelName = labels.get(label).name();
                labelCounts[label]++;
                definedStats = definedAttributes.computeIfAbsent(labelName, k -> new LinkedHashMap<>());
                valid = new LinkedHashSet<>(labels.attributeNames(label));
                for (String attr : valid) {
                    definedStats.computeIfAbsent(attr, k -> new AttributeStats(spill));
                }
                for (String attr : valid) {
                    if (!a.attributes().has(attr)) {
                        definedStats.get(attr).items.add(itemKey);
                    }
                }
                if (hasShapes()) {
                    Map<String, PropertyStats> props = byLabel.computeIfAbsent(labelName, k -> newProperties());
                    shape = measure(a);
                    if (!checkShape(a, shape, negative, invalid)) {
                        shape.remove("x");
                        shape.remove("y");
                        shape.forEach((p, v) -> props.get(p).add(v));
                    } else {
                        shape = null;
                    }
                }
            }
            for (Map.Entry<String, Object> e : a.attributes().entries()) {
                String attr = e.getKey();
                String value = PythonNumbers.str(e.getValue());
                AttributeStats stats;
                if (!valid.contains(attr)) {
                    stats = undefinedAttributes.computeIfAbsent(labelName, k -> new LinkedHashMap<>())
                            .computeIfAbsent(attr, k -> new AttributeStats(spill));
                    stats.items.add(itemKey);
                } else {
                    stats = definedStats.get(attr);
                    if (hasShapes()) {
                        Map<String, PropertyStats> props = byAttribute.computeIfAbsent(labelName,
                                k -> new LinkedHashMap<>()).computeIfAbsent(attr, k -> new LinkedHashMap<>())
                                .computeIfAbsent(value, k -> newProperties());
                        if (shape != null) {
                            shape.forEach((p, v) -> props.get(p).add(v));
                        }
                    }
                }
                stats.distribution.merge(value, 1L, Long::sum);
            }
        }
        if (!negative.isEmpty()) {
            negativeLength.add(List.of(key, negative, item.id(), item.subset()));
        }
        if (!invalid.isEmpty()) {
            invalidValue.add(List.of(key, invalid, item.id(), item.subset()));
        }
    }

    private Map<String, PropertyStats> newProperties() {
        Map<String, PropertyStats> m = new LinkedHashMap<>();
        for (String p : properties()) {
            m.put(p, new PropertyStats(spill));
        }
        return m;
    }

    /**
     * The properties of a shape, in the reference's order; for a box also its position first
     * ({@code x}, {@code y}), which is checked for inf and NaN but has no statistics.
     */
    private Map<String, Double> measure(Annotation a) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (a instanceof Bbox b) {
            double w = b.w();
            double h = b.h();
            m.put("x", b.x());
            m.put("y", b.y());
            m.put("width", w);
            m.put("height", h);
            m.put("area(wxh)", w * h);
            m.put("ratio(w/h)", h != 0 && h != Double.POSITIVE_INFINITY ? w / h : Double.NaN);
            m.put("short", w < h ? w : h);
            m.put("long", w > h ? w : h);
            return m;
        }
        double[] box = new double[4];
        double area;
        if (a instanceof Mask mask) {
            area = maskBox(mask, box);
        } else if (a instanceof Polygon p) {
            double[] xy = p.points().toArray();
            pointsBox(xy, box);
            area = xy.length < 6 ? 0 : CocoPolygonArea.area(xy, (int) (box[1] + box[3]), (int) (box[0] + box[2]));
        } else {
            Ellipse e = (Ellipse) a;
            pointsBox(new double[] {e.x1(), e.y1(), e.x2(), e.y2()}, box);
            area = 0.25 * Math.PI * (e.x2() - e.x1()) * (e.y2() - e.y1());
        }
        m.put("area", area);
        m.put("width", box[2]);
        m.put("height", box[3]);
        return m;
    }

    /** Set pixels of a mask; {@code box} gets x, y and the width and height in pixels. */
    private static double maskBox(Mask mask, double[] box) {
        int[] extent = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        long[] set = {0};
        mask.data().forEachRow((row, y) -> {
            for (int x = 0; x < row.length; x++) {
                if (row[x] != 0) {
                    set[0]++;
                    extent[0] = Math.min(extent[0], x);
                    extent[2] = Math.max(extent[2], x);
                    extent[1] = Math.min(extent[1], y);
                    extent[3] = Math.max(extent[3], y);
                }
            }
        });
        if (set[0] > 0) {
            box[0] = extent[0];
            box[1] = extent[1];
            box[2] = extent[2] - extent[0] + 1;
            box[3] = extent[3] - extent[1] + 1;
        }
        return set[0];
    }

    private static void pointsBox(double[] xy, double[] box) {
        if (xy.length < 2) {
            return;
        }
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            x0 = Math.min(x0, xy[i]);
            x1 = Math.max(x1, xy[i]);
            y0 = Math.min(y0, xy[i + 1]);
            y1 = Math.max(y1, xy[i + 1]);
        }
        box[0] = x0;
        box[1] = y0;
        box[2] = x1 - x0;
        box[3] = y1 - y0;
    }

    /**
     * Records the shape's inf/NaN values and (boxes) widths and heights under 1 pixel into the
     * item's maps; true when it has any, and then its values stay out of the statistics.
     */
    private boolean checkShape(Annotation a, Map<String, Double> shape, Map<String, Object> negative,
                               Map<String, Object> invalid) {
        boolean error = false;
        String id = Long.toString(a.id());
        for (Map.Entry<String, Double> e : shape.entrySet()) {
            if (e.getValue().isNaN() || e.getValue() == Double.POSITIVE_INFINITY) {
                error = true;
                @SuppressWarnings("unchecked")
                List<Object> props = (List<Object>) invalid.computeIfAbsent(id, k -> new ArrayList<>());
                props.add(e.getKey());
            }
        }
        if (settings.task() == Task.DETECTION) {
            for (String p : List.of("width", "height")) {
                if (shape.get(p) < 1) {
                    error = true;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> props = (Map<String, Object>) negative.computeIfAbsent(id,
                            k -> new LinkedHashMap<>());
                    props.put(p, shape.get(p));
                }
            }
        }
        return error;
    }

    /**
     * The histograms, and the annotations far from their label's (and attribute value's) mean. An
     * annotation whose id is that of an annotation of the item with an error is left out, as the
     * reference does.
     */
    private void secondPass(DatasetItem item) {
        Set<String> withError = new LinkedHashSet<>();
        List<Annotation> valid = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            if (taskAnnotation(a) && defined(a)) {
                Map<String, Object> negative = new LinkedHashMap<>();
                Map<String, Object> invalid = new LinkedHashMap<>();
                if (checkShape(a, measure(a), negative, invalid)) {
                    withError.add(Long.toString(a.id()));
                } else {
                    valid.add(a);
                }
            }
        }
        Map<PropertyStats, Map<String, Object>> far = new LinkedHashMap<>();
        for (Annotation a : valid) {
            boolean checked = !withError.contains(Long.toString(a.id()));
            String labelName = labels.get(a.label()).name();
            Map<String, Double> shape = measure(a);
            shape.remove("x");
            shape.remove("y");
            check(byLabel.get(labelName), shape, a, checked, far);
            Set<String> validAttributes = new LinkedHashSet<>(labels.attributeNames(a.label()));
            for (Map.Entry<String, Object> e : a.attributes().entries()) {
                if (validAttributes.contains(e.getKey())) {
                    check(byAttribute.get(labelName).get(e.getKey()).get(PythonNumbers.str(e.getValue())), shape, a,
                            checked, far);
                }
            }
        }
        String key = key(item);
        far.forEach((stats, annotations) -> stats.farFromMean(List.of(key, annotations, item.id(), item.subset())));
    }

    /** Counts the shape into the histograms; when {@code checked}, looks for values far from the mean. */
    private void check(Map<String, PropertyStats> props, Map<String, Double> shape, Annotation a, boolean checked,
                       Map<PropertyStats, Map<String, Object>> far) {
        for (Map.Entry<String, Double> e : shape.entrySet()) {
            PropertyStats stats = props.get(e.getKey());
            stats.count(e.getValue());
            if (checked && stats.farFromMean(e.getValue(), settings.farFromMean())) {
                far.computeIfAbsent(stats, k -> new LinkedHashMap<>()).put(Long.toString(a.id()), e.getValue());
            }
        }
    }
}
