package io.datum.core.internal.pipeline;

import io.datum.api.ComparisonOptions;
import io.datum.api.DatasetComparison;
import io.datum.api.DistanceComparison;
import io.datum.api.DistanceComparison.Cell;
import io.datum.api.DistanceComparison.ItemLabels;
import io.datum.api.DistanceComparison.KindMatches;
import io.datum.model.Annotation;
import io.datum.model.AnnotationType;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.Polygon;
import io.datum.spi.DatasetSource;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The distance method: the items of both datasets paired by subset and id ({@link ComparisonJoin}),
 * then, in each pair, the label annotations matched by label, and the boxes, polygons and masks
 * matched by overlap, as the reference's distance comparator does. Shapes of the first are taken
 * by descending score; each takes, among the shapes of the second not yet taken, those of its own
 * label first, the one of largest overlap that reaches the threshold (the first of equal ones).
 * The overlap of two boxes is their intersection over union; of two polygons or two masks, their
 * common pixels over the pixels of the first's (pycocotools' "crowd" measure, which the reference
 * uses), polygons rasterised as pycocotools does.
 */
final class DistanceComparator {
    private static final List<AnnotationType> SHAPES = List.of(AnnotationType.BBOX, AnnotationType.POLYGON,
            AnnotationType.MASK);
    private static final int UNMATCHED = -1;

    private final double iouThreshold;
    private final ComparisonJoin join;

    DistanceComparator(double iouThreshold, ComparisonJoin join) {
        this.iouThreshold = iouThreshold;
        this.join = join;
    }

    DatasetComparison compare(DatasetSource first, DatasetSource second) {
        LabelCategories firstLabels = first.categories().labels();
        LabelCategories secondLabels = second.categories().labels();
        var joined = join.run(first, second, () -> new Matching(firstLabels, secondLabels));
        Matching m = joined.visitor();
        List<String> labelsOnlyInFirst = onlyIn(firstLabels, secondLabels);
        List<String> labelsOnlyInSecond = onlyIn(secondLabels, firstLabels);
        List<KindMatches> kinds = new ArrayList<>();
        kinds.add(m.labels.result("label", firstLabels, secondLabels));
        for (int i = 0; i < SHAPES.size(); i++) {
            kinds.add(m.shapes[i].result(SHAPES.get(i).typeName(), firstLabels, secondLabels));
        }
        DistanceComparison distance = new DistanceComparison(labelsOnlyInFirst, labelsOnlyInSecond, m.itemLabels,
                kinds);
        return new DatasetComparison(joined.firstItems(), joined.secondItems(), List.of(), m.onlyInFirst,
                m.onlyInSecond, List.of(), ComparisonOptions.Method.DISTANCE, null, distance);
    }

    private static List<String> onlyIn(LabelCategories labels, LabelCategories other) {
        List<String> names = new ArrayList<>();
        for (LabelCategory c : labels.labels()) {
            if (other.find(c.name()).isEmpty()) {
                names.add(c.name());
            }
        }
        return names;
    }

    /** What the matching of one kind of annotation adds up to over all items. */
    private static final class Tally {
        long matched;
        long mislabelled;
        long onlyInFirst;
        long onlyInSecond;
        /** Counts by (first label, second label); {@link #UNMATCHED} for none, null for no label. */
        final Map<List<Integer>, Long> confusion = new LinkedHashMap<>();

        void count(Integer first, Integer second) {
            confusion.merge(java.util.Arrays.asList(first, second), 1L, Long::sum);
        }

        KindMatches result(String kind, LabelCategories firstLabels, LabelCategories secondLabels) {
            List<Cell> cells = new ArrayList<>();
            confusion.forEach((pair, n) -> cells.add(new Cell(name(pair.get(0), firstLabels),
                    name(pair.get(1), secondLabels), n)));
            return new KindMatches(kind, matched, mislabelled, onlyInFirst, onlyInSecond, cells);
        }

        private static String name(Integer label, LabelCategories labels) {
            if (label == null) {
                return DistanceComparison.NO_CLASS;
            }
            if (label == UNMATCHED) {
                return DistanceComparison.UNMATCHED;
            }
            return label < labels.size() ? labels.get(label).name() : "label_" + label;
        }
    }

    /** The visitor of the join: matches each pair of items and adds it up. */
    private final class Matching extends UnpairedItemsVisitor {
        final LabelCategories firstLabels;
        final LabelCategories secondLabels;
        final List<ItemLabels> itemLabels = new ArrayList<>();
        final Tally labels = new Tally();
        final Tally[] shapes = {new Tally(), new Tally(), new Tally()};

        Matching(LabelCategories firstLabels, LabelCategories secondLabels) {
            this.firstLabels = firstLabels;
            this.secondLabels = secondLabels;
        }

        @Override
        public void inBoth(DatasetItem a, DatasetItem b) {
            matchLabels(a, b);
            for (int i = 0; i < SHAPES.size(); i++) {
                matchShapes(of(a, SHAPES.get(i)), of(b, SHAPES.get(i)), shapes[i]);
            }
        }

        private void matchLabels(DatasetItem a, DatasetItem b) {
            TreeSet<Integer> x = labelSet(a);
            TreeSet<Integer> y = labelSet(b);
            List<String> onlyX = new ArrayList<>();
            List<String> onlyY = new ArrayList<>();
            for (Integer l : x) {
                if (y.contains(l)) {
                    labels.matched++;
                    labels.count(l, l);
                } else {
                    labels.onlyInFirst++;
                    labels.count(l, UNMATCHED);
                    onlyX.add(name(l, firstLabels));
                }
            }
            for (Integer l : y) {
                if (!x.contains(l)) {
                    labels.onlyInSecond++;
                    labels.count(UNMATCHED, l);
                    onlyY.add(name(l, secondLabels));
                }
            }
            if (!onlyX.isEmpty() || !onlyY.isEmpty()) {
                itemLabels.add(new ItemLabels(a.id(), a.subset(), onlyX, onlyY));
            }
        }

        private static String name(int label, LabelCategories labels) {
            return label >= 0 && label < labels.size() ? labels.get(label).name() : Integer.toString(label);
        }
    }

    private static TreeSet<Integer> labelSet(DatasetItem item) {
        TreeSet<Integer> labels = new TreeSet<>();
        for (Annotation a : item.annotations()) {
            if (a instanceof Label l) {
                labels.add(l.labelIndex());
            }
        }
        return labels;
    }

    /** The annotations of a kind, by descending score (1 without one), in item order for equal scores. */
    private static List<Annotation> of(DatasetItem item, AnnotationType type) {
        List<Annotation> found = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            if (a.type() == type) {
                found.add(a);
            }
        }
        found.sort(Comparator.comparingDouble(a -> 1 - score(a)));
        return found;
    }

    private static double score(Annotation a) {
        Object s = a.attributes().get("score");
        if (s instanceof Number n) {
            return n.doubleValue();
        }
        return s instanceof Boolean b ? (b ? 1 : 0) : 1;
    }

    private void matchShapes(List<Annotation> a, List<Annotation> b, Tally tally) {
        boolean[] taken = new boolean[b.size()];
        for (Annotation x : a) {
            int best = -1;
            double bestOverlap = -1;
            // the second's shapes of x's label first, each group in score order
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < b.size(); j++) {
                    Annotation y = b.get(j);
                    if (taken[j] || Objects.equals(x.label(), y.label()) != (pass == 0)) {
                        continue;
                    }
                    double d = overlap(x, y);
                    if (d < iouThreshold || d <= bestOverlap) {
                        continue;
                    }
                    bestOverlap = d;
                    best = j;
                }
            }
            if (best < 0) {
                tally.onlyInFirst++;
                tally.count(x.label(), UNMATCHED);
                continue;
            }
            taken[best] = true;
            Annotation y = b.get(best);
            if (Objects.equals(x.label(), y.label())) {
                tally.matched++;
            } else {
                tally.mislabelled++;
            }
            tally.count(x.label(), y.label());
        }
        for (int j = 0; j < b.size(); j++) {
            if (!taken[j]) {
                tally.onlyInSecond++;
                tally.count(UNMATCHED, b.get(j).label());
            }
        }
    }

    /** The reference's segment overlap of two shapes of one kind (see the class comment). */
    static double overlap(Annotation a, Annotation b) {
        if (a instanceof Bbox x && b instanceof Bbox y) {
            double w = Math.min(x.x2(), y.x2()) - Math.max(x.x1(), y.x1());
            double h = Math.min(x.y2(), y.y2()) - Math.max(x.y1(), y.y1());
            if (w <= 0 || h <= 0) {
                return 0;
            }
            double i = w * h;
            return i / (x.w() * x.h() + y.w() * y.h() - i);
        }
        if (a instanceof Mask x && b instanceof Mask y) {
            return maskOverlap(x, y);
        }
        if (a instanceof Polygon x && b instanceof Polygon y) {
            return polygonOverlap(x.points().toArray(), y.points().toArray());
        }
        throw new IllegalArgumentException("no overlap between a " + a.type() + " and a " + b.type());
    }

    private static double maskOverlap(Mask x, Mask y) {
        if (x.data().width() != y.data().width() || x.data().height() != y.data().height()) {
            return -1;
        }
        byte[] p = x.data().pixels();
        byte[] q = y.data().pixels();
        long common = 0;
        long first = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] != 0) {
                first++;
                if (q[i] != 0) {
                    common++;
                }
            }
        }
        return common == 0 ? 0 : (double) common / first;
    }

    /** Both polygons rasterised on the canvas that holds the two; the common pixels over the first's. */
    private static double polygonOverlap(double[] a, double[] b) {
        int width = (int) Math.ceil(Math.max(maxOf(a, 0), maxOf(b, 0)));
        int height = (int) Math.ceil(Math.max(maxOf(a, 1), maxOf(b, 1)));
        BitSet x = pixels(CocoPolygonArea.runs(a, height, width));
        BitSet y = pixels(CocoPolygonArea.runs(b, height, width));
        long first = x.cardinality();
        x.and(y);
        long common = x.cardinality();
        return common == 0 ? 0 : (double) common / first;
    }

    private static double maxOf(double[] xy, int offset) {
        double m = 0;
        for (int i = offset; i < xy.length; i += 2) {
            m = Math.max(m, xy[i]);
        }
        return m;
    }

    /** The set pixels of a run-length code (alternating unset and set runs, unset first). */
    private static BitSet pixels(long[] runs) {
        BitSet set = new BitSet();
        long at = 0;
        for (int i = 0; i < runs.length; i++) {
            if (i % 2 == 1 && runs[i] > 0) {
                set.set((int) at, (int) (at + runs[i]));
            }
            at += runs[i];
        }
        return set;
    }
}
