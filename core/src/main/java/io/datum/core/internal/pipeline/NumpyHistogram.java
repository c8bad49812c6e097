package io.datum.core.internal.pipeline;

/**
 * The bins of {@code numpy.histogram(values, bins=n)} once the smallest and largest value are
 * known: edges by {@code linspace} (the last one exactly the largest value), a value equal to
 * the largest in the last bin, and numpy's corrections of the computed index at the edges, so
 * that counts match the reference's. A range of one value becomes {@code value ± 0.5}. Values are
 * counted one at a time: a second pass over a stream fills the bins without holding it.
 */
public final class NumpyHistogram {
    private final double min;
    private final double[] edges;
    private final double norm;
    private final long[] counts;

    public NumpyHistogram(double min, double max, int bins) {
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        this.min = min;
        this.edges = new double[bins + 1];
        double step = (max - min) / bins;
        for (int i = 0; i <= bins; i++) {
            edges[i] = min + i * step;
        }
        edges[bins] = max;
        this.norm = bins / (max - min);
        this.counts = new long[bins];
    }

    public void add(double v) {
        int bins = counts.length;
        int index = (int) ((v - min) * norm);
        if (index == bins) {
            index--;
        }
        if (v < edges[index]) {
            index--;
        } else if (v >= edges[index + 1] && index != bins - 1) {
            index++;
        }
        counts[index]++;
    }

    /** The {@code bins + 1} edges. */
    public double[] edges() {
        return edges.clone();
    }

    public long[] counts() {
        return counts.clone();
    }
}
