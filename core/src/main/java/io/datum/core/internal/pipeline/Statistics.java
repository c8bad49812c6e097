package io.datum.core.internal.pipeline;

import io.datum.model.Annotation;
import io.datum.model.AnnotationType;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.ImageSize;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.Polygon;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import io.datum.text.PythonNumbers;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code datum stats}: the reference's statistics, key order and arithmetic
 * included — among them its unweighted combination of per-image means and the channel order
 * reversed to R, G, B. Items are streamed; per-image results and segment areas are spilled to
 * files so that memory does not grow with the dataset (the duplicate-image index is the exception:
 * one entry per distinct image).
 */
final class Statistics {
    /**
     * Each label's display name, when some label has one that differs from its name (Open Images'
     * {@code Dog} for {@code /m/0bt9lr}); empty otherwise, so that the statistics are the
     * reference's for datasets without display names.
     */
    static Map<String, Object> displayNames(LabelCategories labels) {
        Map<String, Object> names = new LinkedHashMap<>();
        boolean any = false;
        for (LabelCategory c : labels.labels()) {
            names.put(c.name(), c.displayName());
            any |= !c.displayName().isEmpty() && !c.displayName().equals(c.name());
        }
        return any ? names : Map.of();
    }

    private static final Set<String> IGNORED_ATTRIBUTES = Set.of("occluded", "visibility", "score", "id", "track_id");

    private final DatasetSource source;
    private final String subset;
    private final JobContext context;
    private final Path spillDir;

    Statistics(DatasetSource source, String subset, JobContext context, Path spillDir) {
        this.source = source;
        this.subset = subset;
        this.context = context;
        this.spillDir = spillDir;
    }

    Map<String, Object> compute(boolean imageStats, boolean annotationStats) throws IOException {
        List<String> subsets = subsets();
        if (subset != null && !subsets.contains(subset)) {
            throw new io.datum.spi.DatasetException("Unknown subset '" + subset + "', available subsets: " + subsets);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (imageStats) {
            imageStats(result, subset == null ? subsets : List.of(subset));
        }
        if (annotationStats) {
            annotationStats(result);
        }
        return result;
    }

    /** Subset names in order of appearance: from the source when it knows them, else from a pass. */
    private List<String> subsets() {
        var known = source.subsetSizes();
        if (known.isPresent()) {
            return new ArrayList<>(known.get().keySet());
        }
        List<String> names = new ArrayList<>();
        try (ItemCursor items = source.items()) {
            while (items.hasNext()) {
                String s = items.next().subset();
                if (!names.contains(s)) {
                    names.add(s);
                }
            }
        }
        return names;
    }

    private boolean selected(DatasetItem item) {
        return subset == null || subset.equals(item.subset());
    }

    // ------------------------------------------------------------------ images

    /** Mean and sample variance per channel (B, G, R, as OpenCV orders them) over n pixels. */
    record ChannelStats(double[] mean, double[] variance, long n) {
    }

    private void imageStats(Map<String, Object> result, List<String> subsetNames) throws IOException {
        Map<String, Path> spills = new LinkedHashMap<>();
        Map<String, DataOutputStream> writers = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : subsetNames) {
            counts.put(s, 0L);
        }
        Map<String, List<List<String>>> byDigest = new LinkedHashMap<>();
        long measured = 0;
        try (ItemCursor items = source.items()) {
            while (items.hasNext()) {
                DatasetItem item = items.next();
                if (!selected(item)) {
                    continue;
                }
                if (item.image() == null || !item.image().hasData()) {
                    context.warn("image statistics skip items without an image file");
                    context.debug("item (id: " + item.id() + ", subset: " + item.subset() + ") has no image file");
                    continue;
                }
                BufferedImage image;
                try {
                    image = item.image().read();
                } catch (UncheckedIOException e) {
                    context.warn("image statistics skip images that cannot be decoded");
                    context.debug("item " + item.id() + ": " + e.getCause().getMessage());
                    continue;
                }
                PixelSummary p = summarize(image);
                byDigest.computeIfAbsent(p.digest, d -> new ArrayList<>()).add(List.of(item.id(), item.subset()));
                DataOutputStream out = writers.computeIfAbsent(item.subset(), s -> {
                    try {
                        Path f = Files.createTempFile(spillDir, "stats-", ".bin");
                        spills.put(s, f);
                        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                for (int c = 0; c < 3; c++) {
                    out.writeDouble(p.stats.mean[c]);
                    out.writeDouble(p.stats.variance[c]);
                }
                out.writeLong(p.stats.n);
                counts.merge(item.subset(), 1L, Long::sum);
                measured++;
            }
        } finally {
            for (DataOutputStream w : writers.values()) {
                w.close();
            }
        }
        List<Object> repeated = new ArrayList<>();
        for (List<List<String>> group : byDigest.values()) {
            if (group.size() > 1) {
                List<List<String>> sorted = new ArrayList<>(group);
                sorted.sort((a, b) -> a.get(0).equals(b.get(0)) ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
                repeated.add(sorted);
            }
        }
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("images count", measured);
        dataset.put("unique images count", (long) byDigest.size());
        dataset.put("repeated images count", (long) repeated.size());
        dataset.put("repeated images", repeated);
        result.put("dataset", dataset);
        Map<String, Object> perSubset = new LinkedHashMap<>();
        for (String s : subsetNames) {
            Map<String, Object> entry = new LinkedHashMap<>();
            long n = counts.getOrDefault(s, 0L);
            entry.put("images count", n);
            if (n == 0) {
                entry.put("image mean", "n/a");
                entry.put("image std", "n/a");
            } else {
                ChannelStats combined;
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spills.get(s))))) {
                    combined = combineRange(in, n);
                }
                List<Object> mean = new ArrayList<>();
                List<Object> std = new ArrayList<>();
                for (int c = 2; c >= 0; c--) {
                    mean.add(combined.mean[c] * 255);
                    std.add(Math.sqrt(combined.variance[c]) * 255);
                }
                entry.put("image mean", mean);
                entry.put("image std", std);
            }
            perSubset.put(s, entry);
        }
        for (Path f : spills.values()) {
            Files.deleteIfExists(f);
        }
        result.put("subsets", perSubset);
    }

    /**
     * The reference combines per-image results by recursive halving in item order; reading the
     * spill file in order while recursing gives the same tree without holding the list.
     */
    private static ChannelStats combineRange(DataInputStream in, long n) throws IOException {
        if (n == 1) {
            double[] mean = new double[3];
            double[] variance = new double[3];
            for (int c = 0; c < 3; c++) {
                mean[c] = in.readDouble();
                variance[c] = in.readDouble();
            }
            return new ChannelStats(mean, variance, in.readLong());
        }
        long half = n / 2;
        ChannelStats a = combineRange(in, half);
        ChannelStats b = combineRange(in, n - half);
        double[] mean = new double[3];
        double[] variance = new double[3];
        long count = a.n + b.n;
        for (int c = 0; c < 3; c++) {
            double delta = b.mean[c] - a.mean[c];
            double m2 = a.variance[c] * (a.n - 1) + b.variance[c] * (b.n - 1)
                    + delta * delta * a.n * b.n / count;
            variance[c] = m2 / (count - 1);
            mean[c] = (a.mean[c] + b.mean[c]) / 2; // unweighted, as the reference does
        }
        return new ChannelStats(mean, variance, count);
    }

    private record PixelSummary(ChannelStats stats, String digest) {
    }

    private static PixelSummary summarize(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        long[] sum = new long[3];
        long[] squares = new long[3];
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int[] row = new int[w];
        byte[] bgr = new byte[w * 3];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                int[] channel = {rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF};
                for (int c = 0; c < 3; c++) {
                    sum[c] += channel[c];
                    squares[c] += (long) channel[c] * channel[c];
                    bgr[3 * x + c] = (byte) channel[c];
                }
            }
            md5.update(bgr);
        }
        long n = (long) w * h;
        double[] mean = new double[3];
        double[] variance = new double[3];
        for (int c = 0; c < 3; c++) {
            double m = (double) sum[c] / n;
            double population = Math.max(0, (double) squares[c] / n - m * m);
            mean[c] = m / 255;
            variance[c] = n > 1 ? population / (255.0 * 255.0) * n / (n - 1) : Double.NaN;
        }
        return new PixelSummary(new ChannelStats(mean, variance, n), HexFormat.of().formatHex(md5.digest()));
    }

    // ------------------------------------------------------------------ annotations

    private void annotationStats(Map<String, Object> result) throws IOException {
        LabelCategories labels = source.categories().labels();
        long items = 0;
        long annotations = 0;
        List<Object> unannotated = new ArrayList<>();
        long[] byType = new long[AnnotationType.values().length];
        long labelled = 0;
        long[] perLabel = new long[labels.size()];
        Map<String, AttributeStats> attributes = new LinkedHashMap<>();
        long[] pixels = new long[labels.size()];
        long segments = 0;
        long truncatedTotal = 0;
        double minArea = Double.POSITIVE_INFINITY;
        double maxArea = Double.NEGATIVE_INFINITY;
        Path areaFile = Files.createTempFile(spillDir, "areas-", ".bin");
        try {
            try (ItemCursor cursor = source.items();
                 DataOutputStream areas = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(areaFile)))) {
                while (cursor.hasNext()) {
                    DatasetItem item = cursor.next();
                    if (!selected(item)) {
                        continue;
                    }
                    items++;
                    if (item.annotations().isEmpty()) {
                        unannotated.add(item.id());
                    }
                    for (Annotation a : item.annotations()) {
                        annotations++;
                        byType[a.type().ordinal()]++;
                        Integer label = a.label();
                        if (label == null || label < 0 || label >= labels.size()) {
                            continue;
                        }
                        labelled++;
                        perLabel[label]++;
                        for (Map.Entry<String, Object> e : a.attributes().entries()) {
                            if (IGNORED_ATTRIBUTES.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                                continue;
                            }
                            attributes.computeIfAbsent(e.getKey(), k -> new AttributeStats())
                                    .add(PythonNumbers.str(e.getValue()));
                        }
                        double area = area(a, item);
                        if (!Double.isNaN(area)) {
                            segments++;
                            long truncated = (long) area;
                            pixels[label] += truncated;
                            truncatedTotal += truncated;
                            minArea = Math.min(minArea, area);
                            maxArea = Math.max(maxArea, area);
                            areas.writeDouble(area);
                        }
                    }
                }
            }
            result.put("images count", items);
            result.put("annotations count", annotations);
            result.put("unannotated images count", (long) unannotated.size());
            result.put("unannotated images", unannotated);
            Map<String, Object> types = new LinkedHashMap<>();
            for (AnnotationType t : AnnotationType.values()) {
                types.put(t.typeName(), Map.of("count", byType[t.ordinal()]));
            }
            result.put("annotations by type", types);
            Map<String, Object> labelPart = new LinkedHashMap<>();
            labelPart.put("count", labelled);
            Map<String, Object> distribution = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                distribution.put(labels.get(i).name(), List.of(perLabel[i], (double) perLabel[i] / Math.max(1, labelled)));
            }
            labelPart.put("distribution", distribution);
            Map<String, Object> displayNames = displayNames(labels);
            if (!displayNames.isEmpty()) {
                labelPart.put("display names", displayNames);
            }
            Map<String, Object> attributePart = new LinkedHashMap<>();
            attributes.forEach((name, s) -> attributePart.put(name, s.toJson()));
            labelPart.put("attributes", attributePart);
            Map<String, Object> segmentPart = new LinkedHashMap<>();
            segmentPart.put("avg. area", segments == 0 ? 0.0 : (double) truncatedTotal / segments);
            segmentPart.put("area distribution", segments == 0 ? List.of() : histogram(areaFile, segments, minArea, maxArea));
            Map<String, Object> pixelPart = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                pixelPart.put(labels.get(i).name(), List.of(pixels[i], (double) pixels[i] / Math.max(1, truncatedTotal)));
            }
            segmentPart.put("pixel distribution", pixelPart);
            Map<String, Object> annotationPart = new LinkedHashMap<>();
            annotationPart.put("labels", labelPart);
            annotationPart.put("segments", segmentPart);
            result.put("annotations", annotationPart);
        } finally {
            Files.deleteIfExists(areaFile);
        }
    }

    /** Area of a segment (box, mask, polygon), or NaN for annotations that are not segments. */
    private static double area(Annotation a, DatasetItem item) {
        if (a instanceof Bbox b) {
            return b.w() * b.h();
        }
        if (a instanceof Mask m) {
            long set = 0;
            for (byte p : m.data().pixels()) {
                if (p != 0) {
                    set++;
                }
            }
            return set;
        }
        if (a instanceof Polygon p) {
            double[] xy = p.points().toArray();
            ImageSize size = item.image() == null ? null : item.image().size().orElse(null);
            int w = size != null ? size.width() : (int) Math.ceil(maxOf(xy, 0)) + 1;
            int h = size != null ? size.height() : (int) Math.ceil(maxOf(xy, 1)) + 1;
            return CocoPolygonArea.area(xy, h, w);
        }
        return Double.NaN;
    }

    private static double maxOf(double[] xy, int offset) {
        double m = 0;
        for (int i = offset; i < xy.length; i += 2) {
            m = Math.max(m, xy[i]);
        }
        return m;
    }

    /** numpy.histogram(areas, bins=10) over the spilled areas. */
    private static List<Object> histogram(Path areaFile, long count, double min, double max) throws IOException {
        NumpyHistogram histogram = new NumpyHistogram(min, max, 10);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(areaFile)))) {
            for (long i = 0; i < count; i++) {
                histogram.add(in.readDouble());
            }
        }
        double[] edges = histogram.edges();
        long[] counts = histogram.counts();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            Map<String, Object> bin = new LinkedHashMap<>();
            bin.put("min", edges[i]);
            bin.put("max", edges[i + 1]);
            bin.put("count", counts[i]);
            bin.put("percent", (double) counts[i] / count);
            out.add(bin);
        }
        return out;
    }

    /** Value counts of one attribute, in first-seen order. */
    private static final class AttributeStats {
        private long count;
        private final Map<String, Long> values = new LinkedHashMap<>();

        void add(String value) {
            count++;
            values.merge(value, 1L, Long::sum);
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", count);
            m.put("values count", (long) values.size());
            m.put("values present", new ArrayList<>(new TreeSet<>(values.keySet())));
            Map<String, Object> distribution = new LinkedHashMap<>();
            values.forEach((v, n) -> distribution.put(v, List.of(n, (double) n / count)));
            m.put("distribution", distribution);
            return m;
        }
    }

}
