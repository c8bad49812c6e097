package io.datum.model;

import java.util.Objects;

/** A per-pixel mask; its pixels are produced on demand by {@link MaskData}. */
public record Mask(Integer label, MaskData data, long id, long group, int zOrder, Attributes attributes)
        implements Annotation {
    public Mask {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public AnnotationType type() {
        return AnnotationType.MASK;
    }

    @Override
    public Mask withAttributes(Attributes attributes) {
        return new Mask(label, data, id, group, zOrder, attributes);
    }

    @Override
    public Mask withGroup(long group) {
        return new Mask(label, data, id, group, zOrder, attributes);
    }
}
