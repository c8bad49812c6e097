package io.datum.openimages.internal;

/**
 * A label, box or mask file to read: its kind, its name in the annotation folder, its place in
 * the reading order, and the subset given to items first seen in it (from the file name: the
 * first {@code -}-separated piece, or the second after {@code oidv6}; decisions D6 also for masks).
 */
record AnnotationFile(Kind kind, String name, int index, String subsetForNewItems) {
    enum Kind { LABEL, BOX, MASK }

    static AnnotationFile of(Kind kind, String name, int index) {
        String[] parts = name.split("-", -1);
        String subset = parts[0].equals("oidv6") && parts.length > 1 ? parts[1] : parts[0];
        return new AnnotationFile(kind, name, index, subset);
    }
}
