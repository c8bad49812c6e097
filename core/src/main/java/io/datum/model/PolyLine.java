package io.datum.model;

import java.util.Objects;

/** An open line through its points. Coordinates are exact (decisions D1). */
public record PolyLine(Integer label, Coords points, long id, long group, int zOrder, Attributes attributes)
        implements Annotation {
    public PolyLine {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public AnnotationType type() {
        return AnnotationType.POLYLINE;
    }

    @Override
    public PolyLine withAttributes(Attributes attributes) {
        return new PolyLine(label, points, id, group, zOrder, attributes);
    }

    @Override
    public PolyLine withGroup(long group) {
        return new PolyLine(label, points, id, group, zOrder, attributes);
    }
}
