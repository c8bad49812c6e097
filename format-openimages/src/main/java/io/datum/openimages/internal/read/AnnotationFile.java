package io.datum.openimages.internal.read;

import io.datum.openimages.internal.OpenImagesPaths;

/**
 * A label, box, mask, point-label or relationship file to read: its kind, its name in the
 * annotation folder, its place in the reading order, and the subset given to items first seen in
 * it (from the file name: the first {@code -}-separated piece, or the second after {@code oidv6};
 * also for masks, docs/differences.md, D6; point-label files name theirs as {@link PointLabelFile} says).
 */
record AnnotationFile(Kind kind, String name, int index, String subsetForNewItems) {
    enum Kind { LABEL, BOX, MASK, POINT, RELATION }

    static AnnotationFile of(Kind kind, String name, int index) {
        if (kind == Kind.POINT) {
            return new AnnotationFile(kind, name, index, PointLabelFile.subsetOf(name));
        }
        String[] parts = name.split("-", -1);
        String subset = parts[0].equals("oidv6") && parts.length > 1 ? parts[1] : parts[0];
        return new AnnotationFile(kind, name, index, subset);
    }

    /** The name of the column that holds the image id: point-label files spell it {@code ImageId}. */
    String imageIdColumn() {
        return kind == Kind.POINT ? PointLabelFile.IMAGE_ID : OpenImagesPaths.IMAGE_ID;
    }
}
