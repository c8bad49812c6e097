package io.datum.core.internal.pipeline;

import io.datum.api.ComparisonOptions;
import io.datum.api.DatasetComparison;
import io.datum.api.DatasetComparison.ItemDifference;
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
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Compares two datasets by the method of the options. Equality and distance pair the items by
 * subset and id with a {@link ComparisonJoin} — one pass over each dataset, at most
 * {@code sortBuffer} items of a side in memory — and keep only what differs; the table method
 * ({@link TableComparator}) puts the statistics of each side by side.
 *
 * <p>By equality, within an item annotations are matched whatever their order: each one of the
 * first takes the first not yet matched one of the second that is the same — same kind, same
 * label name, same z-order and attributes, coordinates within the tolerance, the same pixels for
 * masks. Ids and groups are not compared: formats renumber them.
 */
final class DatasetComparator {
    private final ComparisonOptions options;
    private final int sortBuffer;
    private final Path spillDir;

    /** A comparator sorting in the system's temporary folder (for tests). */
    DatasetComparator(ComparisonOptions options, int sortBuffer) {
        this(options, sortBuffer, null);
    }

    DatasetComparator(ComparisonOptions options, int sortBuffer, Path spillDir) {
        this.options = options;
        this.sortBuffer = sortBuffer;
        this.spillDir = spillDir;
    }

    /** By equality or distance; the table method needs {@link #compareTables}. */
    DatasetComparison compare(DatasetSource first, DatasetSource second) {
        return switch (options.method()) {
            case EQUALITY -> equality(first, second);
            case DISTANCE -> new DistanceComparator(options.iouThreshold(), new ComparisonJoin(sortBuffer, spillDir))
                    .compare(first, second);
            case TABLE -> throw new IllegalStateException("the table method needs the datasets' formats");
        };
    }

    /** By the table method: {@code formats} names the format of each dataset. */
    static DatasetComparison compareTables(DatasetSource first, DatasetSource second, List<String> formats,
                                           JobContext context, Path spillDir) throws IOException {
        return new TableComparator(context, spillDir).compare(first, second, formats.get(0), formats.get(1));
    }

    private DatasetComparison equality(DatasetSource first, DatasetSource second) {
        LabelCategories firstLabels = first.categories().labels();
        LabelCategories secondLabels = second.categories().labels();
        var joined = new ComparisonJoin(sortBuffer, spillDir).run(first, second,
                () -> new Equality(firstLabels, secondLabels));
        Equality e = joined.visitor();
        return new DatasetComparison(joined.firstItems(), joined.secondItems(),
                labelDifferences(firstLabels, secondLabels), e.onlyInFirst, e.onlyInSecond, e.different);
    }

    /** The visitor of the equality join: the items of both that differ, with what differs. */
    private final class Equality extends UnpairedItemsVisitor {
        final LabelCategories firstLabels;
        final LabelCategories secondLabels;
        final List<ItemDifference> different = new ArrayList<>();

        Equality(LabelCategories firstLabels, LabelCategories secondLabels) {
            this.firstLabels = firstLabels;
            this.secondLabels = secondLabels;
        }

        @Override
        public void inBoth(DatasetItem a, DatasetItem b) {
            List<String> details = differences(a, firstLabels, b, secondLabels);
            if (!details.isEmpty()) {
                different.add(new ItemDifference(b.id(), b.subset(), details));
            }
        }
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
