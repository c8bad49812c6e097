package io.datum.openimages.internal;

/**
 * One parsed row of a label, box or mask file, already validated, without its image id (the
 * join replaces it by the item's position). {@code fileIndex} and {@code line} place the row in
 * the reference's annotation order: files of one kind in name order, labels before boxes before
 * masks, rows in file order.
 */
sealed interface AnnotationRow permits AnnotationRow.LabelRow, AnnotationRow.BoxRow, AnnotationRow.MaskRow {
    int fileIndex();

    long line();

    int label();

    /** An image-level label with its {@code Confidence}. */
    record LabelRow(int fileIndex, long line, int label, double confidence) implements AnnotationRow {
    }

    /**
     * A box in normalised coordinates; {@code flags} holds the five Is* columns in
     * {@link OpenImagesPaths#BOX_FLAG_COLUMNS} order as -1 (absent), 0 or 1.
     */
    record BoxRow(int fileIndex, long line, int label, double confidence, double xMin, double xMax, double yMin,
                  double yMax, byte[] flags) implements AnnotationRow {
    }

    /**
     * A mask: its PNG under {@code masks/<subset>/}, its box id, the normalised box it was drawn
     * in ({@code null} unless all four cells were filled) and the predicted IoU ({@code null}
     * when empty).
     */
    record MaskRow(int fileIndex, long line, int label, String maskPath, String boxId, double[] box,
                   Double predictedIou) implements AnnotationRow {
    }
}
