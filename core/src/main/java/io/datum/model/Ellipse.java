package io.datum.model;

import java.util.Objects;

/** An axis-aligned ellipse inscribed in the box {@code (x1, y1)–(x2, y2)}. */
public record Ellipse(Integer label, double x1, double y1, double x2, double y2, long id, long group, int zOrder,
                      Attributes attributes) implements Annotation {
    public Ellipse {
        Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public AnnotationType type() {
        return AnnotationType.ELLIPSE;
    }

    @Override
    public Ellipse withAttributes(Attributes attributes) {
        return new Ellipse(label, x1, y1, x2, y2, id, group, zOrder, attributes);
    }

    @Override
    public Ellipse withGroup(long group) {
        return new Ellipse(label, x1, y1, x2, y2, id, group, zOrder, attributes);
    }
}
