package io.datum.core.internal.validate;

import io.datum.core.internal.pipeline.NumpyHistogram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distribution of one numeric property (a box's width, a mask's area) within one label or one
 * attribute value: the first pass keeps count, mean and the sum of squared deviations (Welford's
 * update, exact enough without holding the values), minimum and maximum; the second counts the
 * histogram over the now known range and lists the annotations farther than k standard
 * deviations from the mean. The median would need every value: it is left out (null).
 */
final class PropertyStats {
    private long count;
    private double mean;
    private double squares;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private NumpyHistogram histogram;
    private final Spill farFromMean;

    PropertyStats(Path spillFolder) {
        this.farFromMean = new Spill(spillFolder);
    }

    /** First pass. */
    void add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        squares += delta * (value - mean);
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    boolean hasValues() {
        return count > 0;
    }

    double mean() {
        return mean;
    }

    /** Population standard deviation, as {@code numpy.std}. */
    double stdev() {
        return Math.sqrt(squares / count);
    }

    /** Second pass: one value into the histogram. */
    void count(double value) {
        if (histogram == null) {
            histogram = new NumpyHistogram(min, max, 10);
        }
        histogram.add(value);
    }

    /** True when {@code value} lies outside mean ± k·stdev. */
    boolean farFromMean(double value, double k) {
        double sd = stdev();
        return value > mean + k * sd || value < mean - k * sd;
    }

    /**
     * Records, for one item, the annotations far from the mean: {@code [item key, {annotation id:
     * value}, item id, subset]}.
     */
    void farFromMean(List<Object> itemEntry) {
        farFromMean.add(itemEntry);
    }

    Spill farFromMeanItems() {
        return farFromMean;
    }

    /** The histogram's bin counts ({@code []} when there were no values). */
    long[] histogramCounts() {
        if (!hasValues()) {
            return new long[0];
        }
        if (histogram == null) {
            histogram = new NumpyHistogram(min, max, 10);
        }
        return histogram.counts();
    }

    /** The reference's numerical statistics of a property. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        farFromMean.finish();
        m.put("items_far_from_mean", farFromMean.asMap());
        if (!hasValues()) {
            m.put("mean", null);
            m.put("stdev", null);
            m.put("min", null);
            m.put("max", null);
            m.put("median", null);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("bins", List.of());
            h.put("counts", List.of());
            m.put("histogram", h);
            return m;
        }
        m.put("mean", mean);
        m.put("stdev", stdev());
        m.put("min", min);
        m.put("max", max);
        m.put("median", null);
        Map<String, Object> h = new LinkedHashMap<>();
        List<Object> bins = new ArrayList<>();
        for (double e : histogram == null ? new NumpyHistogram(min, max, 10).edges() : histogram.edges()) {
            bins.add(e);
        }
        List<Object> counts = new ArrayList<>();
        for (long c : histogramCounts()) {
            counts.add(c);
        }
        h.put("bins", bins);
        h.put("counts", counts);
        m.put("histogram", h);
        return m;
    }
}
