package io.datum.model;

/**
 * One annotation of an item. Every kind carries an id, a group (0 = none), a z-order and typed
 * attributes; all but {@link Caption} refer to a label by its index in the label categories
 * ({@code null} for a shape without label, as CVAT allows).
 */
public sealed interface Annotation permits Label, Bbox, Polygon, PolyLine, Points, Mask, Ellipse, Caption {
    AnnotationType type();

    /** Index into {@link LabelCategories}, or {@code null}. */
    Integer label();

    long id();

    long group();

    int zOrder();

    Attributes attributes();

    /** A copy with other attributes. */
    Annotation withAttributes(Attributes attributes);

    /** A copy with another group. */
    Annotation withGroup(long group);
}
