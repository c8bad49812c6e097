package io.datum.model;

import java.util.Arrays;

/**
 * An immutable flat list of coordinates {@code x0, y0, x1, y1, ...}. Values are kept exactly as
 * given: Datum does not round coordinates to float32 (decisions D1); a writer applies its own
 * precision.
 */
public final class Coords {
    private final double[] values;

    private Coords(double[] values) {
        this.values = values;
    }

    public static Coords of(double... values) {
        return new Coords(values.clone());
    }

    public int size() {
        return values.length;
    }

    public double get(int index) {
        return values[index];
    }

    public double[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coords && Arrays.equals(values, ((Coords) o).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
