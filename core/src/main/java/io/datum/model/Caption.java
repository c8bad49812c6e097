package io.datum.model;

import java.util.Objects;

/** A free-text caption; it has no label. */
public record Caption(String caption, long id, long group, Attributes attributes) implements Annotation {
    public Caption {
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public AnnotationType type() {
        return AnnotationType.CAPTION;
    }

    @Override
    public Integer label() {
        return null;
    }

    @Override
    public int zOrder() {
        return 0;
    }

    @Override
    public Caption withAttributes(Attributes attributes) {
        return new Caption(caption, id, group, attributes);
    }

    @Override
    public Caption withGroup(long group) {
        return new Caption(caption, id, group, attributes);
    }
}
