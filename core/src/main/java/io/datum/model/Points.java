package io.datum.model;

import java.util.Objects;

/**
 * Key points (CVAT has no per-point visibility: all are visible). Coordinates are exact (decisions D1).
 * {@link #source()} optionally remembers the normalised numbers the points were read from.
 */
public record Points(Integer label, Coords points, long id, long group, int zOrder, Attributes attributes,
                     NormalizedPoints source) implements Annotation {
    public Points {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(attributes, "attributes");
    }

    /** Points that were not read from normalised coordinates. */
    public Points(Integer label, Coords points, long id, long group, int zOrder, Attributes attributes) {
        this(label, points, id, group, zOrder, attributes, null);
    }

    @Override
    public AnnotationType type() {
        return AnnotationType.POINTS;
    }

    @Override
    public Points withAttributes(Attributes attributes) {
        return new Points(label, points, id, group, zOrder, attributes, source);
    }

    @Override
    public Points withGroup(long group) {
        return new Points(label, points, id, group, zOrder, attributes, source);
    }
}
