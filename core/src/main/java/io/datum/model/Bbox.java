package io.datum.model;

import java.util.Objects;

/**
 * An axis-aligned box, stored by its corners ({@code x1 = x}, {@code x2 = x + w}) as the reference
 * model stores its points; coordinates are exact (no float32 rounding, decisions D1).
 * {@link #source()} optionally remembers the normalised numbers the box was read from.
 */
public record Bbox(Integer label, double x1, double y1, double x2, double y2, long id, long group, int zOrder,
                   Attributes attributes, NormalizedBox source) implements Annotation {
    public Bbox {
        Objects.requireNonNull(attributes, "attributes");
    }

    /** A box from its corner and size, as {@code Bbox(x, y, w, h)} in the reference. */
    public static Bbox ofXywh(Integer label, double x, double y, double w, double h, Attributes attributes) {
        return new Bbox(label, x, y, x + w, y + h, 0, 0, 0, attributes, null);
    }

    public double x() {
        return x1;
    }

    public double y() {
        return y1;
    }

    public double w() {
        return x2 - x1;
    }

    public double h() {
        return y2 - y1;
    }

    @Override
    public AnnotationType type() {
        return AnnotationType.BBOX;
    }

    @Override
    public Bbox withAttributes(Attributes attributes) {
        return new Bbox(label, x1, y1, x2, y2, id, group, zOrder, attributes, source);
    }

    @Override
    public Bbox withGroup(long group) {
        return new Bbox(label, x1, y1, x2, y2, id, group, zOrder, attributes, source);
    }

    public Bbox withZOrder(int zOrder) {
        return new Bbox(label, x1, y1, x2, y2, id, group, zOrder, attributes, source);
    }

    public Bbox withId(long id) {
        return new Bbox(label, x1, y1, x2, y2, id, group, zOrder, attributes, source);
    }
}
