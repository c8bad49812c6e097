package io.datum.openimages.internal.read;

import io.datum.files.FolderPaths;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.openimages.internal.read.AnnotationRow.BoxRow;
import io.datum.openimages.internal.read.AnnotationRow.LabelRow;
import io.datum.openimages.internal.read.AnnotationRow.MaskRow;
import io.datum.spi.DatasetException;
import io.datum.text.PythonNumbers;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and validates the rows of one label, box or mask file. Every bad value is a
 * {@link DatasetException} naming the file, the line and the value. Checks run in the reference's
 * order where it matters to which error is reported, and some are stricter: image ids, mask
 * paths and box ids that could leave the dataset folder are always refused (docs/differences.md, S1).
 *
 * <p>This runs for every row of every pass (12 million per pass of a million images), so cells
 * are read from the CSV buffer: labels are looked up and numbers parsed from their bytes, and
 * the image id becomes a String only where it changes (rows of one item come together).
 */
public final class AnnotationRowReader implements Closeable {
    private final AnnotationFile file;
    private final CsvTable table;
    private final LabelIndex labels;
    private final String labelSource;
    private final boolean keepColumns;
    /** Reads the kept cells of each row when {@link #keepColumns}; made with the columns. */
    private KeptCells.Reader kept;
    private int imageIdColumn = -2;
    private int labelColumn;
    private int confidenceColumn;
    private int[] coordinateColumns;
    private int[] flagColumns;
    private int maskPathColumn;
    private int boxIdColumn;
    private int[] maskBoxColumns;
    private int iouColumn;
    private PointLabelFile.Columns pointColumns;
    private RelationshipFile.Columns relationColumns;
    /** The current ImageID as a String, made when asked for: files out of item order change it at every row. */
    private String imageId;
    /** The UTF-8 bytes of the current ImageID: a row with the same bytes has the same, already checked, id. */
    private byte[] imageIdBytes = new byte[32];
    private int imageIdLength = -1;
    private boolean sameImageId;
    private AnnotationRow row;

    private AnnotationRowReader(AnnotationFile file, CsvTable table, LabelIndex labels, String labelSource,
                                boolean keepColumns) {
        this.file = file;
        this.table = table;
        this.labels = labels;
        this.labelSource = labelSource;
        this.keepColumns = keepColumns;
    }

    static AnnotationRowReader open(AnnotationFile file, Path annotationDir, LabelIndex labels,
                                    String labelSource) throws IOException {
        return open(file, annotationDir, labels, labelSource, false);
    }

    /** With {@code keepColumns}, each row also carries its {@link KeptCells}. */
    static AnnotationRowReader open(AnnotationFile file, Path annotationDir, LabelIndex labels,
                                    String labelSource, boolean keepColumns) throws IOException {
        return new AnnotationRowReader(file, CsvTable.open(annotationDir.resolve(file.name()), file.name(), true),
                labels, labelSource, keepColumns);
    }

    AnnotationFile file() {
        return file;
    }

    /** Reads the next row; false at the end of the file. */
    public boolean next() throws IOException {
        if (!table.next()) {
            return false;
        }
        if (imageIdColumn == -2) {
            resolveColumns();
        }
        switch (file.kind()) {
            case LABEL -> readLabel();
            case BOX -> readBox();
            case MASK -> readMask();
            case POINT -> {
                readImageId();
                row = pointColumns.read(this, table);
            }
            case RELATION -> {
                readImageId();
                row = relationColumns.read(this, table);
            }
        }
        return true;
    }

    /** The current row's ImageID (already checked to be a safe relative path). */
    public String imageId() {
        if (imageId == null) {
            imageId = new String(imageIdBytes, 0, imageIdLength, StandardCharsets.UTF_8);
        }
        return imageId;
    }

    /** The UTF-8 bytes of the current row's ImageID: {@code [0, imageIdLength())} of this array, until the next row. */
    public byte[] imageIdBytes() {
        return imageIdBytes;
    }

    public int imageIdLength() {
        return imageIdLength;
    }

    /** True when the current row has the same ImageID as the row before it. */
    public boolean sameImageId() {
        return sameImageId;
    }

    public AnnotationRow row() {
        return row;
    }

    long line() {
        return table.line();
    }

    public DatasetException error(String problem) {
        return table.error(problem);
    }

    /** Columns are looked up on the first data row: a file with a header only is never an error. */
    private void resolveColumns() {
        imageIdColumn = table.requireColumn(file.imageIdColumn());
        switch (file.kind()) {
            case POINT -> pointColumns = PointLabelFile.Columns.resolve(table);
            case RELATION -> relationColumns = RelationshipFile.Columns.resolve(table);
            default -> labelColumn = table.requireColumn(OpenImagesPaths.LABEL_NAME);
        }
        switch (file.kind()) {
            case LABEL -> confidenceColumn = table.requireColumn(OpenImagesPaths.CONFIDENCE);
            case BOX -> {
                // Only the id, label and coordinates are required: box files cut down by other tools drop
                // Source, Confidence or the Is* columns (docs/differences.md, D23). A missing Confidence means no
                // score and a missing flag column an absent attribute, as -1 does.
                confidenceColumn = table.column(OpenImagesPaths.CONFIDENCE);
                coordinateColumns = new int[] {
                    table.requireColumn(OpenImagesPaths.X_MIN), table.requireColumn(OpenImagesPaths.X_MAX),
                    table.requireColumn(OpenImagesPaths.Y_MIN), table.requireColumn(OpenImagesPaths.Y_MAX)};
                flagColumns = new int[OpenImagesPaths.BOX_FLAG_COLUMNS.size()];
                for (int i = 0; i < flagColumns.length; i++) {
                    flagColumns[i] = table.column(OpenImagesPaths.BOX_FLAG_COLUMNS.get(i));
                }
            }
            case MASK -> {
                maskPathColumn = table.requireColumn(OpenImagesPaths.MASK_PATH);
                boxIdColumn = table.requireColumn(OpenImagesPaths.BOX_ID);
                maskBoxColumns = new int[OpenImagesPaths.MASK_BOX_COLUMNS.size()];
                for (int i = 0; i < maskBoxColumns.length; i++) {
                    maskBoxColumns[i] = table.requireColumn(OpenImagesPaths.MASK_BOX_COLUMNS.get(i));
                }
                iouColumn = table.requireColumn(OpenImagesPaths.PREDICTED_IOU);
            }
            default -> {
                // resolved above
            }
        }
        ColumnsAsRead asRead = ColumnsAsRead.of(file.kind());
        if (keepColumns && asRead != null) {
            kept = new KeptCells.Reader(table, asRead);
        } else if (!keepColumns) {
            int last = lastColumnRead();
            if (last >= 0) {
                // Google's box and mask files end with clicks nobody reads (XClick*, Clicks)
                table.keepColumnsUpTo(last);
            }
        }
    }

    /** The last column a label, box or mask row is read from; -1 for the other kinds (all are read). */
    private int lastColumnRead() {
        int last = Math.max(imageIdColumn, labelColumn);
        switch (file.kind()) {
            case LABEL -> last = Math.max(last, confidenceColumn);
            case BOX -> {
                last = Math.max(last, confidenceColumn);
                for (int c : coordinateColumns) {
                    last = Math.max(last, c);
                }
                for (int c : flagColumns) {
                    last = Math.max(last, c);
                }
            }
            case MASK -> {
                last = Math.max(last, Math.max(maskPathColumn, Math.max(boxIdColumn, iouColumn)));
                for (int c : maskBoxColumns) {
                    last = Math.max(last, c);
                }
            }
            default -> last = -1;
        }
        return last;
    }

    private KeptCells kept() {
        return kept == null ? null : kept.cells(table);
    }

    private void readImageId() {
        table.requirePresent(imageIdColumn, file.imageIdColumn());
        byte[] buffer = table.buffer();
        int from = table.start(imageIdColumn);
        int to = table.end(imageIdColumn);
        int length = to - from;
        sameImageId = length == imageIdLength && Arrays.equals(buffer, from, to, imageIdBytes, 0, length);
        if (sameImageId) {
            return;
        }
        if (!FolderPaths.isSafeName(buffer, from, to)) {
            throw table.error("unsafe " + file.imageIdColumn() + " '"
                    + new String(buffer, from, length, StandardCharsets.UTF_8) + "' (empty, absolute, or with '..', '\\' or NUL)");
        }
        imageId = null;
        if (imageIdBytes.length < length) {
            imageIdBytes = new byte[length * 2];
        }
        System.arraycopy(buffer, from, imageIdBytes, 0, length);
        imageIdLength = length;
    }

    private int label() {
        return label(labelColumn, OpenImagesPaths.LABEL_NAME);
    }

    /** The index of the label named in {@code column}; an unknown name is an error. */
    int label(int column, String name) {
        table.requirePresent(column, name);
        int index = labels.find(table.buffer(), table.start(column), table.end(column));
        if (index < 0) {
            throw table.error("unknown label '" + table.get(column) + "' (not in " + labelSource + ")");
        }
        return index;
    }

    private void readLabel() {
        readImageId();
        double confidence = number(confidenceColumn, OpenImagesPaths.CONFIDENCE);
        row = new LabelRow(file.index(), table.line(), label(), confidence, kept());
    }

    private void readBox() {
        readImageId();
        int label = label();
        double xMin = number(coordinateColumns[0], OpenImagesPaths.X_MIN);
        double xMax = number(coordinateColumns[1], OpenImagesPaths.X_MAX);
        double yMin = number(coordinateColumns[2], OpenImagesPaths.Y_MIN);
        double yMax = number(coordinateColumns[3], OpenImagesPaths.Y_MAX);
        double confidence = confidenceColumn < 0 ? BoxRow.NO_CONFIDENCE : number(confidenceColumn, OpenImagesPaths.CONFIDENCE);
        int flags = BoxRow.NO_FLAGS;
        for (int i = 0; i < flagColumns.length; i++) {
            // -1 is Open Images' "unknown"; any other value is read as a boolean
            long v = flag(i);
            flags = BoxRow.withFlag(flags, v < 0 ? -1 : v == 0 ? 0 : 1);
        }
        row = new BoxRow(file.index(), table.line(), label, confidence, xMin, xMax, yMin, yMax, flags, kept());
    }

    /** Python's {@code int()} of box flag column {@code i}: a single digit or -1 on the quick path. */
    private long flag(int i) {
        int column = flagColumns[i];
        if (column < 0) {
            return -1;
        }
        if (!table.has(column)) {
            table.requirePresent(column, OpenImagesPaths.BOX_FLAG_COLUMNS.get(i));
        }
        byte[] buffer = table.buffer();
        int from = table.start(column);
        int to = table.end(column);
        if (to - from == 1 && buffer[from] >= '0' && buffer[from] <= '9') {
            return buffer[from] - '0';
        }
        if (to - from == 2 && buffer[from] == '-' && buffer[from + 1] == '1') {
            return -1;
        }
        try {
            return PythonNumbers.parseInt(buffer, from, to);
        } catch (NumberFormatException e) {
            throw table.error("bad " + OpenImagesPaths.BOX_FLAG_COLUMNS.get(i) + " '" + table.get(column)
                    + "' (not an integer)");
        }
    }

    private void readMask() {
        String maskPath = table.require(maskPathColumn, OpenImagesPaths.MASK_PATH);
        readImageId();
        if (!FolderPaths.isSingleName(maskPath)) {
            throw table.error("item '" + imageId() + "' has a mask with an unsafe path '" + maskPath + "'");
        }
        int label = label();
        String boxId = table.require(boxIdColumn, OpenImagesPaths.BOX_ID);
        if (!FolderPaths.isSingleName(boxId)) {
            throw table.error("item '" + imageId() + "' has a mask with an unsafe box ID '" + boxId + "'");
        }
        double[] box = null;
        boolean complete = true;
        for (int column : maskBoxColumns) {
            complete &= !table.isBlank(column);
        }
        if (complete) {
            box = new double[maskBoxColumns.length];
            for (int i = 0; i < box.length; i++) {
                box[i] = number(maskBoxColumns[i], OpenImagesPaths.MASK_BOX_COLUMNS.get(i));
            }
        }
        Double iou = table.isBlank(iouColumn) ? null : number(iouColumn, OpenImagesPaths.PREDICTED_IOU);
        row = new MaskRow(file.index(), table.line(), label, maskPath, boxId, box, iou, kept());
    }

    /** The number in {@code column}, as Python's {@code float()} reads it; anything else is an error. */
    double number(int column, String name) {
        table.requirePresent(column, name);
        try {
            return PythonNumbers.parseFloat(table.buffer(), table.start(column), table.end(column));
        } catch (NumberFormatException e) {
            throw table.error("bad " + name + " '" + table.get(column) + "' (not a number)");
        }
    }

    @Override
    public void close() throws IOException {
        table.close();
    }
}
