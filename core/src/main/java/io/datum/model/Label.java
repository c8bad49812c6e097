package io.datum.model;

import java.util.Objects;

/** An image-level label (Open Images "image label", CVAT {@code <tag>}). */
public record Label(int labelIndex, long id, long group, Attributes attributes) implements Annotation {
    public Label {
        Objects.requireNonNull(attributes, "attributes");
    }

    public Label(int labelIndex) {
        this(labelIndex, 0, 0, Attributes.empty());
    }

    public Label(int labelIndex, Attributes attributes) {
        this(labelIndex, 0, 0, attributes);
    }

    @Override
    public AnnotationType type() {
        return AnnotationType.LABEL;
    }

    @Override
    public Integer label() {
        return labelIndex;
    }

    @Override
    public int zOrder() {
        return 0;
    }

    @Override
    public Label withAttributes(Attributes attributes) {
        return new Label(labelIndex, id, group, attributes);
    }

    @Override
    public Label withGroup(long group) {
        return new Label(labelIndex, id, group, attributes);
    }
}
