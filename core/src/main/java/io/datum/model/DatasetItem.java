package io.datum.model;

import java.util.List;
import java.util.Objects;

/**
 * One item of a dataset: an id unique within its subset, the subset ({@value #DEFAULT_SUBSET}
 * when the source has none), an optional image, annotations in order, and item attributes (CVAT's
 * {@code frame}).
 */
public record DatasetItem(String id, String subset, Image image, List<Annotation> annotations, Attributes attributes) {
    public static final String DEFAULT_SUBSET = "default";

    public DatasetItem {
        Objects.requireNonNull(id, "id");
        subset = subset == null || subset.isEmpty() ? DEFAULT_SUBSET : subset;
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
        attributes = attributes == null ? Attributes.empty() : attributes;
    }

    public DatasetItem(String id, String subset, Image image, List<Annotation> annotations) {
        this(id, subset, image, annotations, Attributes.empty());
    }

    public DatasetItem withAnnotations(List<Annotation> newAnnotations) {
        return new DatasetItem(id, subset, image, newAnnotations, attributes);
    }

    public DatasetItem withSubset(String newSubset) {
        return new DatasetItem(id, newSubset, image, annotations, attributes);
    }

    public DatasetItem withImage(Image newImage) {
        return new DatasetItem(id, subset, newImage, annotations, attributes);
    }

    public DatasetItem withAttributes(Attributes newAttributes) {
        return new DatasetItem(id, subset, image, annotations, newAttributes);
    }
}
