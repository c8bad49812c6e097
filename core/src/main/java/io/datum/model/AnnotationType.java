package io.datum.model;

/** Annotation kinds, named and ordered as the reference tool reports them ({@code datum stats}). */
public enum AnnotationType {
    UNKNOWN("unknown"),
    LABEL("label"),
    MASK("mask"),
    POINTS("points"),
    POLYGON("polygon"),
    POLYLINE("polyline"),
    BBOX("bbox"),
    CAPTION("caption"),
    CUBOID_3D("cuboid_3d"),
    SUPER_RESOLUTION_ANNOTATION("super_resolution_annotation"),
    DEPTH_ANNOTATION("depth_annotation"),
    ELLIPSE("ellipse"),
    HASH_KEY("hash_key"),
    FEATURE_VECTOR("feature_vector");

    private final String typeName;

    AnnotationType(String typeName) {
        this.typeName = typeName;
    }

    /** The reference's name for the type, e.g. {@code bbox}. */
    public String typeName() {
        return typeName;
    }
}
