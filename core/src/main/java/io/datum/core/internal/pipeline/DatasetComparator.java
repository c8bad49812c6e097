package io.datum.core.internal.pipeline;

import io.datum.api.ComparisonOptions;
import io.datum.api.DatasetComparison;
import io.datum.api.DatasetComparison.ItemDifference;
import io.datum.api.DatasetComparison.ItemRef;
import io.datum.collections.LongHashSet;
import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Compares two datasets item by item, matched by subset and id, in bounded memory: the items of
 * the first are split by a hash of their key into as many shares as needed for a share to hold at
 * most {@code shareSize} items; for each share, the first dataset's items of that share are held
 * while the second dataset streams past them. A dataset of n items is thus read about
 * n / shareSize times; only the differences found are kept.
 *
 * <p>Within an item, annotations are matched whatever their order: each one of the first takes the
 * first not yet matched one of the second that is the same — same kind, same label name, same
 * z-order and attributes, coordinates within the tolerance, the same pixels for masks. Ids and
 * groups are not compared: formats renumber them.
 */
final class DatasetComparator {
    /** Items of the first dataset held at once, by default: a few tens of megabytes. */
    static final int SHARE_SIZE = 100_000;

    private final ComparisonOptions options;
    private final int shareSize;

    DatasetComparator(ComparisonOptions options, int shareSize) {
        this.options = options;
        this.shareSize = shareSize;
    }

    DatasetComparison compare(DatasetSource first, DatasetSource second) {
        LabelCategories firstLabels = first.categories().labels();
        LabelCategories secondLabels = second.categories().labels();
        long firstCount = count(first);
        int shares = (int) Math.max(1, (firstCount + shareSize - 1) / shareSize);
        List<ItemRef> onlyInFirst = new ArrayList<>();
        List<ItemRef> onlyInSecond = new ArrayList<>();
        List<ItemDifference> different = new ArrayList<>();
        long secondCount = 0;
        for (int share = 0; share < shares; share++) {
            Map<String, DatasetItem> held = new HashMap<>();
            try (ItemCursor items = first.items()) {
                while (items.hasNext()) {
                    DatasetItem item = items.next();
                    if (shareOf(item, shares) == share) {
                        held.put(key(item), item);
                    }
                }
            }
            secondCount = 0;
            try (ItemCursor items = second.items()) {
                while (items.hasNext()) {
                    DatasetItem item = items.next();
                    secondCount++;
                    if (shareOf(item, shares) != share) {
                        continue;
                    }
                    DatasetItem mine = held.remove(key(item));
                    if (mine == null) {
                        onlyInSecond.add(new ItemRef(item.id(), item.subset()));
                        continue;
                    }
                    List<String> details = differences(mine, firstLabels, item, secondLabels);
                    if (!details.isEmpty()) {
                        different.add(new ItemDifference(item.id(), item.subset(), details));
                    }
                }
            }
            held.values().forEach(item -> onlyInFirst.add(new ItemRef(item.id(), item.subset())));
        }
        Comparator<ItemRef> refOrder = Comparator.comparing(ItemRef::subset).thenComparing(ItemRef::id);
        onlyInFirst.sort(refOrder);
        onlyInSecond.sort(refOrder);
        different.sort(Comparator.comparing(ItemDifference::subset).thenComparing(ItemDifference::id));
        return new DatasetComparison(firstCount, secondCount, labelDifferences(firstLabels, secondLabels),
                onlyInFirst, onlyInSecond, different);
    }

    private static long count(DatasetSource source) {
        OptionalLong known = source.itemCount();
        if (known.isPresent()) {
            return known.getAsLong();
        }
        long n = 0;
        try (ItemCursor items = source.items()) {
            while (items.hasNext()) {
                items.next();
                n++;
            }
        }
        return n;
    }

    private static String key(DatasetItem item) {
        return item.subset() + '\0' + item.id();
    }

    private static int shareOf(DatasetItem item, int shares) {
        return shares == 1 ? 0 : (int) Math.floorMod(LongHashSet.hash(key(item)), (long) shares);
    }

    /** The labels only one side declares, and those whose parent differs. */
    static List<String> labelDifferences(LabelCategories first, LabelCategories second) {
        List<String> lines = new ArrayList<>();
        for (LabelCategory label : first.labels()) {
            var other = second.find(label.name());
            if (other.isEmpty()) {
                lines.add("label '" + label.name() + "' only in the first");
            } else if (!second.get(other.getAsInt()).parent().equals(label.parent())) {
                lines.add("label '" + label.name() + "': parent '" + label.parent() + "' != '"
                        + second.get(other.getAsInt()).parent() + "'");
            }
        }
        for (LabelCategory label : second.labels()) {
            if (first.find(label.name()).isEmpty()) {
                lines.add("label '" + label.name() + "' only in the second");
            }
        }
        return lines;
    }

    /** What differs between two items with the same key, one line each; empty when they are the same. */
    List<String> differences(DatasetItem a, LabelCategories aLabels, DatasetItem b, LabelCategories bLabels) {
        List<String> lines = new ArrayList<>();
        Attributes aAttributes = without(a.attributes(), options.ignoredItemAttributes());
        Attributes bAttributes = without(b.attributes(), options.ignoredItemAttributes());
        if (!aAttributes.equals(bAttributes)) {
            lines.add("item attributes " + aAttributes + " != " + bAttributes);
        }
        List<Annotation> unmatched = new ArrayList<>(b.annotations());
        List<Annotation> onlyInA = new ArrayList<>();
        for (Annotation x : a.annotations()) {
            int match = -1;
            for (int j = 0; j < unmatched.size() && match < 0; j++) {
                if (same(x, aLabels, unmatched.get(j), bLabels)) {
                    match = j;
                }
            }
            if (match < 0) {
                onlyInA.add(x);
            } else {
                unmatched.remove(match);
            }
        }
        onlyInA.forEach(x -> lines.add("only in the first: " + describe(x, aLabels)));
        unmatched.forEach(y -> lines.add("only in the second: " + describe(y, bLabels)));
        return lines;
    }

    private boolean same(Annotation x, LabelCategories xLabels, Annotation y, LabelCategories yLabels) {
        if (x.getClass() != y.getClass() || !Objects.equals(labelName(x, xLabels), labelName(y, yLabels))
                || x.zOrder() != y.zOrder()
                || !without(x.attributes(), options.ignoredAttributes()).equals(without(y.attributes(), options.ignoredAttributes()))) {
            return false;
        }
        if (x instanceof Caption c) {
            return c.caption().equals(((Caption) y).caption());
        }
        if (x instanceof Mask m) {
            Mask n = (Mask) y;
            return m.data().width() == n.data().width() && m.data().height() == n.data().height()
                    && Arrays.equals(m.data().pixels(), n.data().pixels());
        }
        return near(coordinates(x), coordinates(y));
    }

    private boolean near(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= options.tolerance())) {
                return false;
            }
        }
        return true;
    }

    /** The coordinates of a shape, none for a label. */
    private static double[] coordinates(Annotation a) {
        if (a instanceof Bbox b) {
            return new double[] {b.x1(), b.y1(), b.x2(), b.y2()};
        } else if (a instanceof Ellipse e) {
            return new double[] {e.x1(), e.y1(), e.x2(), e.y2()};
        } else if (a instanceof Polygon p) {
            return p.points().toArray();
        } else if (a instanceof PolyLine p) {
            return p.points().toArray();
        } else if (a instanceof Points p) {
            return p.points().toArray();
        }
        return new double[0];
    }

    private static String labelName(Annotation a, LabelCategories labels) {
        Integer label = a instanceof Caption ? null : a.label();
        return label == null || label < 0 || label >= labels.size() ? null : labels.get(label).name();
    }

    private static Attributes without(Attributes attributes, java.util.Set<String> ignored) {
        Attributes kept = attributes;
        for (String name : ignored) {
            kept = kept.has(name) ? kept.without(name) : kept;
        }
        return kept;
    }

    /** An annotation in a line: its kind, its label and its coordinates or caption. */
    static String describe(Annotation a, LabelCategories labels) {
        StringBuilder out = new StringBuilder(a.type().toString().toLowerCase(java.util.Locale.ROOT));
        String label = labelName(a, labels);
        if (label != null) {
            out.append(" '").append(label).append('\'');
        }
        if (a instanceof Caption c) {
            out.append(" \"").append(c.caption()).append('"');
        } else if (a instanceof Mask m) {
            out.append(' ').append(m.data().width()).append('x').append(m.data().height());
        } else {
            double[] xy = coordinates(a);
            if (xy.length > 0) {
                out.append(" (");
                for (int i = 0; i < xy.length; i++) {
                    out.append(i > 0 ? ", " : "").append(number(xy[i]));
                }
                out.append(')');
            }
        }
        if (!a.attributes().isEmpty()) {
            out.append(' ').append(a.attributes());
        }
        return out.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
