package io.datum.model;

import java.util.Objects;

/** Key points (CVAT has no per-point visibility: all are visible). Coordinates are exact (decisions D1). */
public record Points(Integer label, Coords points, long id, long group, int zOrder, Attributes attributes)
        implements Annotation {
    public Points {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public AnnotationType type() {
        return AnnotationType.POINTS;
    }

    @Override
    public Points withAttributes(Attributes attributes) {
        return new Points(label, points, id, group, zOrder, attributes);
    }

    @Override
    public Points withGroup(long group) {
        return new Points(label, points, id, group, zOrder, attributes);
    }
}
