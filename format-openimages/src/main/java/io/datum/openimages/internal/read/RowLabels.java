package io.datum.openimages.internal.read;

/**
 * What the row readers check label names against, the file that declared them (named in
 * errors), and whether rows keep their cells as read ({@link KeptCells}).
 */
record RowLabels(LabelIndex index, String source, boolean keepColumns) {
}
