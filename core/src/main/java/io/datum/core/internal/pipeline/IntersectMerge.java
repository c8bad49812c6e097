package io.datum.core.internal.pipeline;

import io.datum.api.MergeOptions;
import io.datum.model.Annotation;
import io.datum.model.AnnotationType;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.Mask;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.spi.DatasetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code intersect} policy for the items of one key, the reference's rules: annotations are
 * grouped by type; labels form one cluster, shapes are matched pairwise between datasets (same
 * label first, then the highest overlap from the IoU threshold on, each shape once) and joined
 * into clusters holding at most one shape per dataset. Each cluster becomes one annotation: labels
 * by vote (kept with {@code score} = votes / datasets, dropped below the quorum), shapes as the
 * member nearest to the cluster's mean box, with the label of the highest summed score and
 * {@code score} = label score x mean overlap. Attribute values are voted over the cluster, the
 * merged annotation's own values winning. Clusters that share a group id share a new group.
 * What does not agree is an error in the report (a dataset without the item, a cluster missing
 * from a dataset that annotated the item, a failed vote, merged shapes too close, a group of the
 * wrong labels); the item is still written.
 */
final class IntersectMerge {
    /** Merged shapes this close (by their type's distance) are reported: the reference's default. */
    static final double CLOSE_DISTANCE = 0.75;

    /** One annotation of one dataset while it is matched; {@code ann} becomes the merged form when chosen. */
    private static final class Ann {
        final int source;
        final int position;
        final String labelName;
        Annotation ann;
        double[] instanceBox;

        Ann(int source, int position, Annotation ann, String labelName) {
            this.source = source;
            this.position = position;
            this.ann = ann;
            this.labelName = labelName;
        }

        double score() {
            Object s = ann.attributes().get("score");
            return s instanceof Number n ? n.doubleValue() : 1.0;
        }
    }

    /** An error of the item whose text is made when the item is done, as the reference makes it late. */
    private record Pending(Set<Integer> sources, Supplier<String> text) {
    }

    private final MergeOptions options;
    private final List<LabelCategories> sourceLabels;
    private final LabelCategories merged;
    private final int datasets;
    private final IntersectMergeGroups groups;

    private String key;
    private final List<Pending> pending = new ArrayList<>();

    IntersectMerge(MergeOptions options, List<LabelCategories> sourceLabels, LabelCategories merged) {
        this.options = options;
        this.sourceLabels = sourceLabels;
        this.merged = merged;
        this.datasets = sourceLabels.size();
        this.groups = new IntersectMergeGroups(options.groups(), merged);
    }

    /** Errors found for one item: the blamed datasets and the text. */
    record ItemError(String key, Set<Integer> sources, String text) {
    }

    /**
     * The merged item of one key: {@code items} by dataset, null where a dataset lacks it. The
     * errors found are added to {@code errors}.
     */
    DatasetItem merge(DatasetItem[] items, List<ItemError> errors) {
        DatasetItem first = null;
        Set<Integer> missing = new LinkedHashSet<>();
        for (int i = 0; i < items.length; i++) {
            if (items[i] == null) {
                missing.add(i);
            } else if (first == null) {
                first = items[i];
            }
        }
        key = MergeText.key(first.id(), first.subset());
        pending.clear();
        if (!missing.isEmpty()) {
            String text = "Item " + key + ": can't find matching item in sources " + MergeText.indexSet(missing);
            pending.add(new Pending(missing, () -> text));
        }
        List<Annotation> annotations = mergeAnnotations(items);
        List<Annotation> kept = new ArrayList<>(annotations.size());
        for (Annotation a : annotations) {
            Object score = a.attributes().get("score");
            double s = score instanceof Number n ? n.doubleValue() : 1.0;
            if (options.outputConfThreshold() <= s) {
                kept.add(a);
            }
        }
        for (Pending p : pending) {
            errors.add(new ItemError(key, p.sources(), p.text().get()));
        }
        return first.withAnnotations(kept);
    }

    private List<Annotation> mergeAnnotations(DatasetItem[] items) {
        // by type in order of first appearance, each a list of the datasets' lists (datasets without the type left out)
        Map<AnnotationType, List<List<Ann>>> byType = new LinkedHashMap<>();
        for (int s = 0; s < items.length; s++) {
            if (items[s] == null) {
                continue;
            }
            Map<AnnotationType, List<Ann>> own = new LinkedHashMap<>();
            List<Ann> all = new ArrayList<>();
            int position = 0;
            for (Annotation a : items[s].annotations()) {
                if (a instanceof Caption) {
                    throw new DatasetException("Item " + key + ": the intersect merge cannot match caption "
                            + "annotations (dataset #" + s + ")");
                }
                Integer label = a.label();
                LabelCategories labels = sourceLabels.get(s);
                String name = label == null || label < 0 || label >= labels.size() ? null : labels.get(label).name();
                Ann ann = new Ann(s, position++, a, name);
                own.computeIfAbsent(a.type(), t -> new ArrayList<>()).add(ann);
                all.add(ann);
            }
            setInstanceBoxes(all);
            own.forEach((t, list) -> byType.computeIfAbsent(t, x -> new ArrayList<>()).add(list));
        }
        Map<AnnotationType, List<List<Ann>>> clusters = new LinkedHashMap<>();
        List<List<Ann>> joined = new ArrayList<>();
        byType.forEach((t, lists) -> {
            List<List<Ann>> c = t == AnnotationType.LABEL ? List.of(concat(lists)) : matchShapes(lists);
            clusters.put(t, c);
            joined.addAll(c);
        });
        List<Set<List<Ann>>> clusterGroups = IntersectMergeGroups.clusterGroups(joined, IntersectMerge::groupIds);

        List<Annotation> result = new ArrayList<>();
        for (Map.Entry<AnnotationType, List<List<Ann>>> e : clusters.entrySet()) {
            for (List<Ann> cluster : e.getValue()) {
                checkClusterSources(cluster, items);
            }
            if (e.getKey() == AnnotationType.LABEL) {
                // one cluster of all labels giving several merged labels, paired as the reference
                // pairs them (zip): only the first merged label gets the voted attributes and a group
                List<Label> labels = mergeLabels(e.getValue().get(0));
                for (int i = 0; i < labels.size(); i++) {
                    Ann label = new Ann(-1, -1, labels.get(i), null);
                    result.add(i == 0 ? finish(label, e.getValue().get(0), clusterGroups) : label.ann);
                }
                continue;
            }
            List<Ann> mergedOfType = new ArrayList<>();
            for (List<Ann> cluster : e.getValue()) {
                Ann shape = mergeShape(cluster);
                finish(shape, cluster, clusterGroups);
                mergedOfType.add(shape);
            }
            checkDistances(mergedOfType);
            mergedOfType.forEach(a -> result.add(a.ann));
        }
        for (String text : groups.wrongGroups(key, result)) {
            pending.add(new Pending(Set.of(), () -> text));
        }
        return result;
    }

    private static List<Ann> concat(List<List<Ann>> lists) {
        List<Ann> all = new ArrayList<>();
        lists.forEach(all::addAll);
        return all;
    }

    /** Each annotation's instance box: the union box of the boxes, polygons and masks of its group (none when ungrouped alone). */
    private static void setInstanceBoxes(List<Ann> all) {
        Map<Long, List<Ann>> grouped = new LinkedHashMap<>();
        for (Ann a : all) {
            if (a.ann.group() == 0) {
                a.instanceBox = regionBoxes(List.of(a));
            } else {
                grouped.computeIfAbsent(a.ann.group(), g -> new ArrayList<>()).add(a);
            }
        }
        for (List<Ann> instance : grouped.values()) {
            double[] box = regionBoxes(instance);
            instance.forEach(a -> a.instanceBox = box);
        }
    }

    private static double[] regionBoxes(List<Ann> instance) {
        List<double[]> boxes = new ArrayList<>();
        for (Ann a : instance) {
            if (a.ann instanceof Bbox || a.ann instanceof Polygon || a.ann instanceof Mask) {
                boxes.add(MergeGeometry.bbox(a.ann));
            }
        }
        return MergeGeometry.maxBox(boxes);
    }

    private double distance(Ann a, Ann b) {
        Annotation x = a.ann;
        Annotation y = b.ann;
        if (x instanceof Points p && y instanceof Points q) {
            if (MergeGeometry.boxIouOrNone(a.instanceBox, b.instanceBox) <= 0) {
                return 0;
            }
            return MergeGeometry.oks(p, q, MergeGeometry.meanBox(List.of(a.instanceBox, b.instanceBox)));
        }
        if (x instanceof PolyLine p && y instanceof PolyLine q) {
            return MergeGeometry.lineDistance(p, q);
        }
        return MergeGeometry.segmentIou(x, y);
    }

    private static boolean sameLabel(Ann a, Ann b) {
        return a.labelName == null ? b.labelName == null : a.labelName.equals(b.labelName);
    }

    /** Shapes of one type matched pairwise between datasets, then joined into clusters. */
    private List<List<Ann>> matchShapes(List<List<Ann>> lists) {
        double threshold = options.iouThreshold();
        Map<Ann, List<Ann>> adjacent = new LinkedHashMap<>();
        Map<Ann, Integer> order = new IdentityHashMap<>();
        lists.forEach(l -> l.forEach(a -> {
            adjacent.put(a, new ArrayList<>());
            order.put(a, order.size());
        }));
        // the reference sorts each dataset's shapes by score, highest first, before matching
        List<List<Ann>> sorted = new ArrayList<>();
        for (List<Ann> l : lists) {
            List<Ann> s = new ArrayList<>(l);
            s.sort(Comparator.comparingDouble(a -> 1 - a.score()));
            sorted.add(s);
        }
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                List<Ann> as = sorted.get(i);
                List<Ann> bs = sorted.get(j);
                boolean[] taken = new boolean[bs.size()];
                for (Ann a : as) {
                    int matched = -1;
                    double best = -1;
                    // same label first, score order kept within
                    List<Integer> candidates = new ArrayList<>();
                    for (int k = 0; k < bs.size(); k++) {
                        if (sameLabel(a, bs.get(k))) {
                            candidates.add(k);
                        }
                    }
                    for (int k = 0; k < bs.size(); k++) {
                        if (!sameLabel(a, bs.get(k))) {
                            candidates.add(k);
                        }
                    }
                    for (int k : candidates) {
                        if (taken[k]) {
                            continue;
                        }
                        double d = distance(a, bs.get(k));
                        if (d < threshold || d <= best) {
                            continue;
                        }
                        best = d;
                        matched = k;
                    }
                    if (matched >= 0) {
                        taken[matched] = true;
                        if (sameLabel(a, bs.get(matched))) {
                            adjacent.get(a).add(bs.get(matched));
                        }
                    }
                }
            }
        }
        List<List<Ann>> clusters = new ArrayList<>();
        Set<Ann> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Ann start : adjacent.keySet()) {
            if (visited.contains(start)) {
                continue;
            }
            List<Ann> cluster = new ArrayList<>();
            List<Ann> toVisit = new ArrayList<>(List.of(start));
            while (!toVisit.isEmpty()) {
                Ann c = toVisit.remove(toVisit.size() - 1);
                if (visited.contains(c)) {
                    continue;
                }
                cluster.add(c);
                visited.add(c);
                for (Ann next : adjacent.get(c)) {
                    if (visited.contains(next) || toVisit.contains(next)) {
                        continue;
                    }
                    if (threshold > 0 && !closeToAll(cluster, next, threshold)) {
                        continue;
                    }
                    if (cluster.stream().anyMatch(m -> m.source == next.source)) {
                        continue;
                    }
                    toVisit.add(next);
                }
            }
            // members in dataset order, so that ties go to the earlier dataset
            cluster.sort(Comparator.comparingInt((Ann a) -> a.source).thenComparingInt(a -> a.position));
            clusters.add(cluster);
        }
        return clusters;
    }

    private boolean closeToAll(List<Ann> cluster, Ann extra, double threshold) {
        for (Ann a : cluster) {
            if (distance(a, extra) < threshold) {
                return false;
            }
        }
        return true;
    }

    private static Set<Long> groupIds(List<Ann> cluster) {
        Set<Long> ids = new HashSet<>();
        cluster.forEach(a -> ids.add(a.ann.group()));
        return ids;
    }

    /** A cluster missing from datasets that have the item with annotations is an error blaming them. */
    private void checkClusterSources(List<Ann> cluster, DatasetItem[] items) {
        if (cluster.size() == datasets) {
            return;
        }
        Set<Integer> present = new HashSet<>();
        cluster.forEach(a -> present.add(a.source));
        Set<Integer> missing = new LinkedHashSet<>();
        for (int s = 0; s < datasets; s++) {
            if (!present.contains(s) && items[s] != null && !items[s].annotations().isEmpty()) {
                missing.add(s);
            }
        }
        if (!missing.isEmpty()) {
            Ann first = cluster.get(0);
            pending.add(new Pending(missing, () -> "Item " + key + ": can't find matching annotation in sources "
                    + MergeText.indexSet(missing) + ", annotation is " + MergeText.annotation(first.ann)));
        }
    }

    /** The labels of the cluster that have the quorum of votes, each scored by its share of the datasets. */
    private List<Label> mergeLabels(List<Ann> cluster) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (Ann a : cluster) {
            votes.merge(a.labelName, 1, Integer::sum);
        }
        List<Label> result = new ArrayList<>();
        for (Map.Entry<String, Integer> vote : votes.entrySet()) {
            if (vote.getValue() < options.quorum()) {
                Set<Integer> blamed = new LinkedHashSet<>();
                for (Ann a : cluster) {
                    if (!vote.getKey().equals(a.labelName)) {
                        blamed.add(a.source);
                    }
                }
                String text = "Item " + key + ": label voting failed, votes " + MergeText.value(votes) + ", sources "
                        + MergeText.indexSet(blamed);
                pending.add(new Pending(blamed, () -> text));
                continue;
            }
            int index = merged.find(vote.getKey()).orElse(-1);
            result.add(new Label(index, 0, 0, Attributes.of("score", (double) vote.getValue() / datasets)));
        }
        return result;
    }

    /** The cluster's member nearest to its mean box, with the voted label, the highest z-order and the score. */
    private Ann mergeShape(List<Ann> cluster) {
        Map<String, double[]> votes = new LinkedHashMap<>();
        for (Ann a : cluster) {
            double[] v = votes.computeIfAbsent(a.labelName, n -> new double[2]);
            v[0] += a.score();
            v[1] += 1;
        }
        String label = null;
        double[] best = null;
        for (Map.Entry<String, double[]> v : votes.entrySet()) {
            if (best == null || v.getValue()[0] > best[0]) {
                best = v.getValue();
                label = v.getKey();
            }
        }
        boolean labelled = true;
        if (best[1] < options.quorum()) {
            Map<String, List<Object>> shown = new LinkedHashMap<>();
            votes.forEach((n, v) -> shown.put(n, List.of(v[0], (long) v[1])));
            String text = "Item " + key + ": label voting failed, votes " + MergeText.value(shown) + ", sources set()";
            pending.add(new Pending(Set.of(), () -> text));
            labelled = false;
        }
        double labelScore = best[0] / datasets;

        List<double[]> boxes = new ArrayList<>();
        cluster.forEach(a -> boxes.add(MergeGeometry.bbox(a.ann)));
        double[] mean = MergeGeometry.meanBox(boxes);
        Ann chosen = cluster.get(0);
        double nearest = -1;
        for (int i = 0; i < cluster.size(); i++) {
            double iou = MergeGeometry.boxIou(mean, boxes.get(i));
            if (iou > nearest) {
                nearest = iou;
                chosen = cluster.get(i);
            }
        }
        double shapeScore = 0;
        for (Ann a : cluster) {
            shapeScore += Math.max(0, distance(chosen, a));
        }
        shapeScore /= cluster.size();
        int z = cluster.stream().mapToInt(a -> a.ann.zOrder()).max().getAsInt();
        Integer labelIndex = labelled && label != null && merged.find(label).isPresent() ? merged.find(label).getAsInt()
                : null;
        double score = labelled ? labelScore * shapeScore : shapeScore;
        chosen.ann = reshaped(chosen.ann, labelIndex, z, chosen.ann.attributes().with("score", score));
        return chosen;
    }

    /** {@code shape} with another label, z-order and attributes. */
    private static Annotation reshaped(Annotation a, Integer label, int z, Attributes attributes) {
        if (a instanceof Bbox b) {
            return new Bbox(label, b.x1(), b.y1(), b.x2(), b.y2(), b.id(), b.group(), z, attributes, b.source());
        }
        if (a instanceof Polygon p) {
            return new Polygon(label, p.points(), p.id(), p.group(), z, attributes);
        }
        if (a instanceof PolyLine p) {
            return new PolyLine(label, p.points(), p.id(), p.group(), z, attributes);
        }
        if (a instanceof Points p) {
            return new Points(label, p.points(), p.id(), p.group(), z, attributes, p.source());
        }
        if (a instanceof Mask m) {
            return new Mask(label, m.data(), m.id(), m.group(), z, attributes);
        }
        Ellipse e = (Ellipse) a;
        return new Ellipse(label, e.x1(), e.y1(), e.x2(), e.y2(), e.id(), e.group(), z, attributes);
    }

    /**
     * The merged annotation with the cluster's voted attributes under its own and its new group.
     * The merged shape is a member of the cluster, so its new score takes part in the vote.
     */
    private Annotation finish(Ann result, List<Ann> cluster, List<Set<List<Ann>>> clusterGroups) {
        Map<String, Map<Object, Long>> votes = new LinkedHashMap<>();
        for (Ann a : cluster) {
            a.ann.attributes().forEach((name, value) ->
                    votes.computeIfAbsent(name, n -> new LinkedHashMap<>()).merge(value, 1L, Long::sum));
        }
        Attributes.Builder attributes = Attributes.builder();
        for (Map.Entry<String, Map<Object, Long>> e : votes.entrySet()) {
            Object winner = null;
            long count = -1;
            long total = 0;
            for (Map.Entry<Object, Long> v : e.getValue().entrySet()) {
                total += v.getValue();
                if (v.getValue() > count) {
                    count = v.getValue();
                    winner = v.getKey();
                }
            }
            if (count < options.quorum()) {
                // too few votes in all: blame those who voted; else blame those who voted otherwise
                Set<Integer> blamed = new LinkedHashSet<>();
                for (Ann a : cluster) {
                    boolean forWinner = java.util.Objects.equals(a.ann.attributes().get(e.getKey()), winner)
                            && a.ann.attributes().has(e.getKey());
                    if (total < options.quorum() ? forWinner : !forWinner) {
                        blamed.add(a.source);
                    }
                }
                Map<Object, Long> shownVotes = e.getValue();
                pending.add(new Pending(blamed, () -> "Item " + key + ": attribute voting failed for ann "
                        + MergeText.annotation(result.ann) + ", votes " + MergeText.value(shownVotes) + ", sources "
                        + MergeText.indexSet(blamed)));
                continue;
            }
            attributes.put(e.getKey(), winner);
        }
        attributes.putAll(result.ann.attributes());
        long group = 0;
        for (int g = 0; g < clusterGroups.size(); g++) {
            if (clusterGroups.get(g).contains(cluster)) {
                group = g + 1;
                break;
            }
        }
        result.ann = result.ann.withAttributes(attributes.build()).withGroup(group);
        return result.ann;
    }

    private void checkDistances(List<Ann> mergedOfType) {
        for (int i = 0; i < mergedOfType.size(); i++) {
            for (int j = i + 1; j < mergedOfType.size(); j++) {
                Ann a = mergedOfType.get(i);
                Ann b = mergedOfType.get(j);
                double d = distance(a, b);
                if (CLOSE_DISTANCE < d) {
                    Annotation x = a.ann;
                    Annotation y = b.ann;
                    pending.add(new Pending(Set.of(), () -> "Item " + key + ": annotations are too close: "
                            + MergeText.annotation(x) + ", " + MergeText.annotation(y) + ", distance = "
                            + MergeText.value(d)));
                }
            }
        }
    }
}
