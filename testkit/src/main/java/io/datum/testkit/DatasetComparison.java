package io.datum.testkit;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.ImageSize;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Two datasets compared by meaning: the same label names and parents in the same order, the same
 * items by subset and id, the same image size where both know one, and the same annotations in
 * any order — type, label, group, attributes (numbers by value, so {@code 1} equals {@code 1.0}),
 * caption text, mask pixels — with coordinates equal within a tolerance. Annotation ids and
 * z-orders are not compared: formats number them as they write. Items are held in memory, so
 * compare small samples only.
 */
public final class DatasetComparison {
    /** The default absolute tolerance for coordinates: formats may print floats with fewer digits. */
    public static final double DEFAULT_TOLERANCE = 1e-3;

    private final double tolerance;
    private final UnaryOperator<DatasetItem> normalise;

    private DatasetComparison(double tolerance, UnaryOperator<DatasetItem> normalise) {
        this.tolerance = tolerance;
        this.normalise = normalise;
    }

    /** A comparison with {@link #DEFAULT_TOLERANCE} that compares items as they are. */
    public static DatasetComparison byMeaning() {
        return new DatasetComparison(DEFAULT_TOLERANCE, UnaryOperator.identity());
    }

    /** The same comparison with another absolute tolerance for coordinates. */
    public DatasetComparison withTolerance(double absoluteTolerance) {
        return new DatasetComparison(absoluteTolerance, normalise);
    }

    /**
     * The same comparison applied to {@code normaliser(item)} on both sides, for what a format
     * knowingly does not keep (say, the attributes it cannot write).
     */
    public DatasetComparison normalising(UnaryOperator<DatasetItem> normaliser) {
        return new DatasetComparison(tolerance, normaliser);
    }

    /**
     * Reads both sources and throws {@link AssertionError} at the first difference, naming the item
     * and what differs.
     */
    public void assertSame(DatasetSource expected, DatasetSource actual) {
        List<String> wantLabels = labels(expected.categories().labels().labels());
        List<String> gotLabels = labels(actual.categories().labels().labels());
        if (!wantLabels.equals(gotLabels)) {
            throw new AssertionError("label categories differ: expected " + wantLabels + " but got " + gotLabels);
        }
        Map<String, DatasetItem> want = byKey(expected, "expected");
        Map<String, DatasetItem> got = byKey(actual, "actual");
        if (!want.keySet().equals(got.keySet())) {
            throw new AssertionError("items (subset/id) differ: expected " + want.keySet() + " but got " + got.keySet());
        }
        for (Map.Entry<String, DatasetItem> e : want.entrySet()) {
            assertSameItem(e.getKey(), normalise.apply(e.getValue()), normalise.apply(got.get(e.getKey())));
        }
    }

    private void assertSameItem(String key, DatasetItem expected, DatasetItem actual) {
        Optional<ImageSize> wantSize = expected.image() == null ? Optional.empty() : expected.image().size();
        Optional<ImageSize> gotSize = actual.image() == null ? Optional.empty() : actual.image().size();
        if (wantSize.isPresent() && gotSize.isPresent() && !wantSize.equals(gotSize)) {
            throw new AssertionError(key + ": image size: expected " + wantSize.get() + " but got " + gotSize.get());
        }
        List<Shape> want = shapes(expected.annotations());
        List<Shape> got = shapes(actual.annotations());
        if (want.size() != got.size()) {
            throw new AssertionError(key + ": expected " + want.size() + " annotations but got " + got.size()
                    + "\n  expected " + want + "\n  got      " + got);
        }
        for (int i = 0; i < want.size(); i++) {
            if (!want.get(i).sameAs(got.get(i), tolerance)) {
                throw new AssertionError(key + ": annotations differ (tolerance " + tolerance + ")\n  expected " + want
                        + "\n  got      " + got);
            }
        }
    }

    /** An annotation as what is compared exactly ({@code key}) and its coordinates. */
    private record Shape(String key, double[] coordinates) {
        boolean sameAs(Shape other, double tolerance) {
            if (!key.equals(other.key) || coordinates.length != other.coordinates.length) {
                return false;
            }
            for (int i = 0; i < coordinates.length; i++) {
                if (!(Math.abs(coordinates[i] - other.coordinates[i]) <= tolerance)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(key);
            if (coordinates.length > 0) {
                sb.append(' ').append(java.util.Arrays.toString(coordinates));
            }
            return sb.toString();
        }
    }

    private static final Comparator<Shape> ORDER = Comparator.comparing(Shape::key)
            .thenComparing(Shape::coordinates, java.util.Arrays::compare);

    private static List<Shape> shapes(List<Annotation> annotations) {
        List<Shape> shapes = new ArrayList<>();
        for (Annotation a : annotations) {
            StringBuilder key = new StringBuilder(a.type().typeName()).append(" label=").append(a.label())
                    .append(" group=").append(a.group()).append(' ').append(attributes(a.attributes()));
            double[] coordinates = new double[0];
            if (a instanceof Bbox b) {
                coordinates = new double[] {b.x1(), b.y1(), b.x2(), b.y2()};
            } else if (a instanceof Ellipse e) {
                coordinates = new double[] {e.x1(), e.y1(), e.x2(), e.y2()};
            } else if (a instanceof Polygon p) {
                coordinates = p.points().toArray();
            } else if (a instanceof PolyLine p) {
                coordinates = p.points().toArray();
            } else if (a instanceof Points p) {
                coordinates = p.points().toArray();
            }
            if (a instanceof Caption c) {
                key.append(" caption=").append(c.caption());
            } else if (a instanceof Mask m) {
                key.append(' ').append(pixels(m.data()));
            }
            shapes.add(new Shape(key.toString(), coordinates));
        }
        shapes.sort(ORDER);
        return shapes;
    }

    private static String attributes(Attributes attributes) {
        Map<String, String> sorted = new TreeMap<>();
        attributes.forEach((name, value) -> sorted.put(name,
                value instanceof Number n ? Double.toString(n.doubleValue()) : String.valueOf(value)));
        return sorted.toString();
    }

    /** Set pixels as the runs of each row, so that two encodings of one mask compare equal. */
    private static String pixels(MaskData data) {
        StringBuilder sb = new StringBuilder("mask ").append(data.width()).append('x').append(data.height());
        data.forEachRow((row, y) -> {
            for (int x = 0; x < row.length; x++) {
                if (row[x] != 0 && (x == 0 || row[x - 1] == 0)) {
                    sb.append(' ').append(y).append(':').append(x).append('+');
                    int end = x;
                    while (end < row.length && row[end] != 0) {
                        end++;
                    }
                    sb.append(end - x);
                }
            }
        });
        return sb.toString();
    }

    private static List<String> labels(List<LabelCategory> labels) {
        List<String> out = new ArrayList<>();
        for (LabelCategory c : labels) {
            out.add(c.parent().isEmpty() ? c.name() : c.name() + " < " + c.parent());
        }
        return out;
    }

    private static Map<String, DatasetItem> byKey(DatasetSource source, String side) {
        Map<String, DatasetItem> map = new TreeMap<>();
        try (ItemCursor items = source.items()) {
            while (items.hasNext()) {
                DatasetItem item = items.next();
                String key = item.subset() + "/" + item.id();
                if (map.put(key, item) != null) {
                    throw new AssertionError(side + ": item " + key + " appears twice");
                }
            }
        }
        return map;
    }
}
