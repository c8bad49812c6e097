package io.datum.openimages.internal.read;

import io.datum.openimages.internal.OpenImagesPaths;

/**
 * One parsed row of a label, box, mask, point-label or relationship file, already validated, without its image id (the
 * join replaces it by the item's position). {@code fileIndex} and {@code line} place the row in
 * the reference's annotation order: files of one kind in name order, labels before boxes before
 * masks, rows in file order.
 */
public sealed interface AnnotationRow permits AnnotationRow.LabelRow, AnnotationRow.BoxRow, AnnotationRow.MaskRow,
        AnnotationRow.PointRow, AnnotationRow.RelationRow {
    int fileIndex();

    long line();

    int label();

    /** The row's cells kept as read ({@link KeptCells}), or null when the export does not write them. */
    KeptCells kept();

    /** An image-level label with its {@code Confidence}. */
    record LabelRow(int fileIndex, long line, int label, double confidence, KeptCells kept) implements AnnotationRow {
        public LabelRow(int fileIndex, long line, int label, double confidence) {
            this(fileIndex, line, label, confidence, null);
        }
    }

    /**
     * A box in normalised coordinates; {@code flags} packs the five Is* columns, each -1 (absent),
     * 0 or 1, as base-3 digits in {@link OpenImagesPaths#BOX_FLAG_COLUMNS} order (first column
     * most significant): one small int instead of an array per box, and a ready key for
     * {@link ScoreAttributes}.
     */
    record BoxRow(int fileIndex, long line, int label, double confidence, double xMin, double xMax, double yMin,
                  double yMax, int flags, KeptCells kept) implements AnnotationRow {
        public BoxRow(int fileIndex, long line, int label, double confidence, double xMin, double xMax, double yMin,
               double yMax, int flags) {
            this(fileIndex, line, label, confidence, xMin, xMax, yMin, yMax, flags, null);
        }

        /** The packed flags of no column yet; {@link #withFlag} appends the next column's value. */
        static final int NO_FLAGS = 0;
        /**
         * The confidence of a box from a file without a Confidence column: a NaN whose payload no
         * parser produces (a cell {@code nan} parses to the canonical NaN), so the row stays one
         * double and survives spilling, which copies raw bits.
         */
        static final double NO_CONFIDENCE = Double.longBitsToDouble(0x7ff80000d5e1a7edL);

        /** Whether {@code confidence} is {@link #NO_CONFIDENCE}, compared by its bits. */
        static boolean hasConfidence(double confidence) {
            return Double.doubleToRawLongBits(confidence) != Double.doubleToRawLongBits(NO_CONFIDENCE);
        }

        /** {@code flags} with one more column, whose value is -1, 0 or 1. */
        static int withFlag(int flags, int value) {
            return flags * 3 + value + 1;
        }

        /** The value (-1, 0 or 1) of flag column {@code i} of {@code count} packed columns. */
        static int flag(int flags, int i, int count) {
            for (int k = count - 1; k > i; k--) {
                flags /= 3;
            }
            return flags % 3 - 1;
        }
    }

    /**
     * A mask: its PNG under {@code masks/<subset>/}, its box id, the normalised box it was drawn
     * in ({@code null} unless all four cells were filled) and the predicted IoU ({@code null}
     * when empty).
     */
    record MaskRow(int fileIndex, long line, int label, String maskPath, String boxId, double[] box,
                   Double predictedIou, KeptCells kept) implements AnnotationRow {
        public MaskRow(int fileIndex, long line, int label, String maskPath, String boxId, double[] box, Double predictedIou) {
            this(fileIndex, line, label, maskPath, boxId, box, predictedIou, null);
        }
    }

    /**
     * A V7 point label ({@link PointLabelFile}): the point in normalised coordinates, and the
     * other columns as read; a vote count is -1 when its cell is empty.
     */
    record PointRow(int fileIndex, long line, int label, double x, double y, String estimatedYesNo, String source,
                    long yesVotes, long noVotes, long unsureVotes, String textLabel) implements AnnotationRow {
        /** Every column of a point label is in the row already: nothing else to keep. */
        @Override
        public KeptCells kept() {
            return null;
        }
    }

    /**
     * A visual relationship ({@link RelationshipFile}): {@code label} and the first box are one
     * end, {@code label2} and the second box the other; boxes are normalised
     * {@code XMin, XMax, YMin, YMax}.
     */
    record RelationRow(int fileIndex, long line, int label, int label2, double[] box1, double[] box2,
                       String relationship) implements AnnotationRow {
        /** Every column of a relationship is in the row already: nothing else to keep. */
        @Override
        public KeptCells kept() {
            return null;
        }
    }
}
