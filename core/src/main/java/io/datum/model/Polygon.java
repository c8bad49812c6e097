package io.datum.model;

import java.util.Objects;

/** A closed polygon; at least three points. Coordinates are exact (decisions D1). */
public record Polygon(Integer label, Coords points, long id, long group, int zOrder, Attributes attributes)
        implements Annotation {
    public Polygon {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public AnnotationType type() {
        return AnnotationType.POLYGON;
    }

    @Override
    public Polygon withAttributes(Attributes attributes) {
        return new Polygon(label, points, id, group, zOrder, attributes);
    }

    @Override
    public Polygon withGroup(long group) {
        return new Polygon(label, points, id, group, zOrder, attributes);
    }
}
