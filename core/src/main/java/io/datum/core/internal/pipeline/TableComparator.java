package io.datum.core.internal.pipeline;

import io.datum.api.ComparisonOptions;
import io.datum.api.DatasetComparison;
import io.datum.api.TableComparison;
import io.datum.api.TableComparison.Row;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.text.PythonNumbers;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table method: the statistics of {@code datum stats} of each dataset (images decoded for
 * their means, annotations counted) put side by side in the reference's three tables. Subsets and
 * labels are listed sorted, the first dataset's, then those only the second has.
 *
 * <p>Two values the reference cannot give are {@code n/a}: a subset's image mean and standard
 * deviation when it has no readable image (the reference fails there), and the covariate shift,
 * which the reference measures with an image feature model that Datum does not ship.
 */
final class TableComparator {
    static final String NOT_AVAILABLE = "n/a";

    private final JobContext context;
    private final Path spillDir;

    TableComparator(JobContext context, Path spillDir) {
        this.context = context;
        this.spillDir = spillDir;
    }

    DatasetComparison compare(DatasetSource first, DatasetSource second, String firstFormat, String secondFormat)
            throws IOException {
        Map<String, Object> a = new Statistics(first, null, context, spillDir).compute(true, true);
        Map<String, Object> b = new Statistics(second, null, context, spillDir).compute(true, true);
        TableComparison table = tables(firstFormat, first.categories().labels(), a,
                secondFormat, second.categories().labels(), b);
        long firstItems = ((Number) a.get("images count")).longValue();
        long secondItems = ((Number) b.get("images count")).longValue();
        return new DatasetComparison(firstItems, secondItems, List.of(), List.of(), List.of(), List.of(),
                ComparisonOptions.Method.TABLE, table, null);
    }

    /** The three tables from each dataset's format, labels and statistics. */
    static TableComparison tables(String firstFormat, LabelCategories firstLabels, Map<String, Object> a,
                                  String secondFormat, LabelCategories secondLabels, Map<String, Object> b) {
        return new TableComparison(highLevel(firstFormat, firstLabels, a, secondFormat, secondLabels, b),
                midLevel(a, b), List.of(new Row("Covariate shift", List.of(NOT_AVAILABLE)),
                        new Row("Label shift", List.of(labelShift(labelCounts(a), labelCounts(b))))));
    }

    private static List<Row> highLevel(String firstFormat, LabelCategories firstLabels, Map<String, Object> a,
                                       String secondFormat, LabelCategories secondLabels, Map<String, Object> b) {
        Set<String> first = names(firstLabels);
        Set<String> second = names(secondLabels);
        Set<String> common = new TreeSet<>(first);
        common.retainAll(second);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Format", List.of(firstFormat, secondFormat)));
        rows.add(new Row("Number of classes", List.of(Integer.toString(first.size()), Integer.toString(second.size()))));
        rows.add(new Row("Common classes", List.of(String.join(", ", common), String.join(", ", common))));
        rows.add(new Row("Classes", List.of(String.join(", ", first), String.join(", ", second))));
        rows.add(new Row("Images count", List.of(imageCount(a, "images count"), imageCount(b, "images count"))));
        rows.add(new Row("Unique images count", List.of(imageCount(a, "unique images count"),
                imageCount(b, "unique images count"))));
        rows.add(new Row("Repeated images count", List.of(imageCount(a, "repeated images count"),
                imageCount(b, "repeated images count"))));
        rows.add(new Row("Annotations count", List.of(a.get("annotations count").toString(),
                b.get("annotations count").toString())));
        rows.add(new Row("Unannotated images count", List.of(a.get("unannotated images count").toString(),
                b.get("unannotated images count").toString())));
        return rows;
    }

    private static List<Row> midLevel(Map<String, Object> a, Map<String, Object> b) {
        List<Row> rows = new ArrayList<>();
        Map<String, Object> firstSubsets = map(a.get("subsets"));
        Map<String, Object> secondSubsets = map(b.get("subsets"));
        for (String subset : firstThenOthers(firstSubsets.keySet(), secondSubsets.keySet())) {
            Map<String, Object> x = map(firstSubsets.get(subset));
            Map<String, Object> y = map(secondSubsets.get(subset));
            rows.add(new Row(subset + " - Image Mean", List.of(channels(x, "image mean"), channels(y, "image mean"))));
            rows.add(new Row(subset + " - Image Std", List.of(channels(x, "image std"), channels(y, "image std"))));
        }
        Map<String, Object> firstLabels = distribution(a);
        Map<String, Object> secondLabels = distribution(b);
        for (String label : firstThenOthers(firstLabels.keySet(), secondLabels.keySet())) {
            rows.add(new Row("Label - " + label, List.of(share(firstLabels.get(label)), share(secondLabels.get(label)))));
        }
        return rows;
    }

    /** The sorted names of the first, then the sorted names only the second has. */
    private static List<String> firstThenOthers(Set<String> first, Set<String> second) {
        List<String> names = new ArrayList<>(new TreeSet<>(first));
        for (String name : new TreeSet<>(second)) {
            if (!first.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> names(LabelCategories labels) {
        Set<String> names = new TreeSet<>();
        for (LabelCategory c : labels.labels()) {
            names.add(c.name());
        }
        return names;
    }

    private static String imageCount(Map<String, Object> stats, String key) {
        return map(stats.get("dataset")).get(key).toString();
    }

    /** A subset's three channel values as {@code "%6.2f"}, joined; empty for a subset the dataset lacks. */
    private static String channels(Map<String, Object> subset, String key) {
        Object values = subset.get(key);
        if (values == null) {
            return "";
        }
        if (!(values instanceof List<?> list)) {
            return NOT_AVAILABLE;
        }
        List<String> parts = new ArrayList<>();
        for (Object v : list) {
            String fixed = PythonNumbers.fixed2(((Number) v).doubleValue());
            parts.add(" ".repeat(Math.max(0, 6 - fixed.length())) + fixed);
        }
        return String.join(", ", parts);
    }

    /** {@code imgs: N, percent: F} of a label's [count, fraction]; empty when it has no annotation. */
    private static String share(Object countAndFraction) {
        if (!(countAndFraction instanceof List<?> pair) || ((Number) pair.get(0)).longValue() == 0) {
            return "";
        }
        double fraction = ((Number) pair.get(1)).doubleValue();
        return "imgs: " + pair.get(0) + ", percent: " + new BigDecimal(fraction).setScale(4, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static Map<String, Object> distribution(Map<String, Object> stats) {
        return map(map(map(stats.get("annotations")).get("labels")).get("distribution"));
    }

    /** The labelled annotations by label index (the distribution lists every label in declaration order). */
    private static long[] labelCounts(Map<String, Object> stats) {
        Map<String, Object> distribution = distribution(stats);
        long[] counts = new long[distribution.size()];
        int i = 0;
        for (Object pair : distribution.values()) {
            counts[i++] = ((Number) ((List<?>) pair).get(0)).longValue();
        }
        return counts;
    }

    /**
     * One minus the p-value of the Anderson-Darling k-sample test of the two datasets' label
     * indices (the reference's label shift), as Python prints it; {@code n/a} where the test is
     * undefined (a dataset without labelled annotation, a single label in all, two annotations
     * or fewer), where the reference fails.
     */
    static String labelShift(long[] first, long[] second) {
        double p = AndersonDarling.pValue(first, second);
        return p < 0 ? NOT_AVAILABLE : PythonNumbers.repr(1 - p);
    }

    /**
     * The k-sample Anderson-Darling test (ties by mid-ranks) of two
     * samples of small integers given as counts per value, as SciPy's {@code anderson_ksamp}
     * computes it: the statistic, normalised, and its p-value interpolated (a quadratic fit of the
     * log of the significance levels over the critical values) and held between 0.001 and 0.25.
     * Counts, not the samples, suffice: ties make every term depend only on how many of each value
     * each sample has.
     */
    static final class AndersonDarling {
        private static final double[] CRITICAL_B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
        private static final double[] CRITICAL_B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
        private static final double[] CRITICAL_B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};
        private static final double[] SIGNIFICANCE = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};

        private AndersonDarling() {
        }

        /** The p-value, NaN when the statistic is not finite, or -1 when the test is undefined. */
        static double pValue(long[] first, long[] second) {
            int values = Math.max(first.length, second.length);
            long[][] counts = {java.util.Arrays.copyOf(first, values), java.util.Arrays.copyOf(second, values)};
            int k = 2;
            double[] n = new double[k];
            int distinct = 0;
            for (int j = 0; j < values; j++) {
                n[0] += counts[0][j];
                n[1] += counts[1][j];
                distinct += counts[0][j] + counts[1][j] > 0 ? 1 : 0;
            }
            double total = n[0] + n[1];
            if (n[0] == 0 || n[1] == 0 || distinct < 2 || total < 3) {
                return -1;
            }
            double a2kn = 0;
            for (int i = 0; i < k; i++) {
                double below = 0;
                double belowInSample = 0;
                double inner = 0;
                for (int j = 0; j < values; j++) {
                    double l = counts[0][j] + counts[1][j];
                    if (l == 0) {
                        continue;
                    }
                    double f = counts[i][j];
                    double bj = below + l / 2;
                    double mij = belowInSample + f - f / 2;
                    double d = total * mij - bj * n[i];
                    inner += l / total * d * d / (bj * (total - bj) - total * l / 4);
                    below += l;
                    belowInSample += f;
                }
                a2kn += inner / n[i];
            }
            a2kn *= (total - 1) / total;
            double h = 1;
            double g = 0;
            double running = 0;
            long big = (long) total;
            for (long t = big - 1; t >= 2; t--) {
                running += 1.0 / t;
                g += running / (big - t + 1);
            }
            h += running;
            double hh = 1 / n[0] + 1 / n[1];
            double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * hh;
            double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * hh - 8 * h + 4 * g - 6;
            double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * hh + 4 * h;
            double dd = (2 * h + 6) * k * k - 4 * h * k;
            double sigmaSquared = (a * total * total * total + b * total * total + c * total + dd)
                    / ((total - 1) * (total - 2) * (total - 3));
            int m = k - 1;
            double statistic = (a2kn - m) / Math.sqrt(sigmaSquared);
            double[] critical = new double[SIGNIFICANCE.length];
            double[] logSignificance = new double[SIGNIFICANCE.length];
            for (int i = 0; i < critical.length; i++) {
                critical[i] = CRITICAL_B0[i] + CRITICAL_B1[i] / Math.sqrt(m) + CRITICAL_B2[i] / m;
                logSignificance[i] = Math.log(SIGNIFICANCE[i]);
            }
            if (statistic < critical[0]) {
                return SIGNIFICANCE[0];
            }
            if (statistic > critical[critical.length - 1]) {
                return SIGNIFICANCE[SIGNIFICANCE.length - 1];
            }
            double[] fit = quadraticFit(critical, logSignificance);
            return Math.exp((fit[0] * statistic + fit[1]) * statistic + fit[2]);
        }

        /** Least squares {@code [c2, c1, c0]} of {@code y = c2 x^2 + c1 x + c0}. */
        static double[] quadraticFit(double[] x, double[] y) {
            double[][] m = new double[3][4];
            for (int i = 0; i < x.length; i++) {
                double[] row = {x[i] * x[i], x[i], 1};
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        m[r][c] += row[r] * row[c];
                    }
                    m[r][3] += row[r] * y[i];
                }
            }
            for (int p = 0; p < 3; p++) {
                int best = p;
                for (int r = p + 1; r < 3; r++) {
                    if (Math.abs(m[r][p]) > Math.abs(m[best][p])) {
                        best = r;
                    }
                }
                double[] t = m[p];
                m[p] = m[best];
                m[best] = t;
                for (int r = 0; r < 3; r++) {
                    if (r != p) {
                        double factor = m[r][p] / m[p][p];
                        for (int c = p; c < 4; c++) {
                            m[r][c] -= factor * m[p][c];
                        }
                    }
                }
            }
            return new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
