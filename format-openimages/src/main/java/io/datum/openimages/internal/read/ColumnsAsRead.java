package io.datum.openimages.internal.read;

import io.datum.model.Attributes;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.text.PythonNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The columns of one kind of Open Images file as {@code --keep-columns} writes them back: the
 * header is the set of columns the input had (a 13- or 21-column box file, a description file
 * with or without Rotation), and each cell is the text as read ({@link KeptCells}, carried as
 * attributes named by the column) unless the model's value differs from what that text says, in
 * which case the model's value is written as the writer spells it. So an unchanged dataset is
 * written back byte for byte, and an edited box gets its new coordinates.
 */
public final class ColumnsAsRead {
    /** Google's V6 train box file has the four extreme clicks of each box after the 13 standard columns. */
    static final List<String> X_CLICK_COLUMNS = List.of(
            "XClick1X", "XClick2X", "XClick3X", "XClick4X", "XClick1Y", "XClick2Y", "XClick3Y", "XClick4Y");

    public static final ColumnsAsRead LABELS = new ColumnsAsRead(OpenImagesPaths.LABEL_FIELDS, OpenImagesPaths.LABEL_FIELDS.size(),
            Set.of(OpenImagesPaths.IMAGE_ID, OpenImagesPaths.LABEL_NAME, OpenImagesPaths.CONFIDENCE),
            Set.of(OpenImagesPaths.IMAGE_ID, OpenImagesPaths.LABEL_NAME));
    public static final ColumnsAsRead BOXES = new ColumnsAsRead(concat(OpenImagesPaths.BBOX_FIELDS, X_CLICK_COLUMNS),
            OpenImagesPaths.BBOX_FIELDS.size(),
            Set.of(OpenImagesPaths.IMAGE_ID, OpenImagesPaths.LABEL_NAME, OpenImagesPaths.X_MIN, OpenImagesPaths.X_MAX,
                    OpenImagesPaths.Y_MIN, OpenImagesPaths.Y_MAX),
            Set.of(OpenImagesPaths.IMAGE_ID, OpenImagesPaths.LABEL_NAME));
    public static final ColumnsAsRead MASKS = new ColumnsAsRead(OpenImagesPaths.MASK_FIELDS, OpenImagesPaths.MASK_FIELDS.size(),
            Set.copyOf(OpenImagesPaths.MASK_FIELDS.subList(0, OpenImagesPaths.MASK_FIELDS.size() - 1)),
            Set.of(OpenImagesPaths.MASK_PATH, OpenImagesPaths.IMAGE_ID, OpenImagesPaths.LABEL_NAME, OpenImagesPaths.BOX_ID));
    public static final ColumnsAsRead DESCRIPTIONS = new ColumnsAsRead(OpenImagesPaths.IMAGE_DESCRIPTION_FIELDS,
            OpenImagesPaths.IMAGE_DESCRIPTION_FIELDS.size(), Set.of(OpenImagesPaths.IMAGE_ID, OpenImagesPaths.SUBSET),
            Set.of(OpenImagesPaths.IMAGE_ID, OpenImagesPaths.SUBSET));

    /** Every column Datum writes back, in the order it writes them (Google's order). */
    private final List<String> columns;
    /** How many of {@link #columns} make the header of a file whose rows bring no kept cells. */
    private final int standard;
    /** Columns always written: those the reader requires. */
    private final Set<String> required;
    /** Columns written from the model's own values, never kept as text. */
    private final Set<String> derived;

    private ColumnsAsRead(List<String> columns, int standard, Set<String> required, Set<String> derived) {
        this.columns = columns;
        this.standard = standard;
        this.required = required;
        this.derived = derived;
    }

    /** The columns of a kind of annotation file; null for a kind whose columns are not kept. */
    static ColumnsAsRead of(AnnotationFile.Kind kind) {
        return switch (kind) {
            case LABEL -> LABELS;
            case BOX -> BOXES;
            case MASK -> MASKS;
            default -> null;
        };
    }

    /** The columns that are written from the model's values and so are not kept as text. */
    Set<String> derived() {
        return derived;
    }

    /** Whether a column of the input is kept as text. */
    boolean keeps(String column) {
        return !derived.contains(column) && columns.contains(column);
    }

    /**
     * The header of a file whose first row has {@code attributes}: the required columns and those
     * the row brought as text, in Google's order; the standard header when it brought none.
     */
    public List<String> header(Attributes attributes) {
        List<String> header = new ArrayList<>(columns.size());
        boolean kept = false;
        for (String column : columns) {
            if (required.contains(column)) {
                header.add(column);
            } else if (attributes.get(column) instanceof String) {
                header.add(column);
                kept = true;
            }
        }
        return kept ? header : columns.subList(0, standard);
    }

    /**
     * The cells of one row under {@code header}: {@code computed} holds, by position in
     * {@link #columns}, what the writer would write (null or empty for nothing), and the row's
     * attributes hold the text as read.
     */
    public List<String> cells(List<String> header, String[] computed, Attributes attributes) {
        List<String> cells = new ArrayList<>(header.size());
        for (String column : header) {
            int i = columns.indexOf(column);
            String value = i < computed.length && computed[i] != null ? computed[i] : "";
            if (attributes.get(column) instanceof String asRead && (value.isEmpty() || sameNumber(asRead, value))) {
                value = asRead;
            }
            cells.add(value);
        }
        return cells;
    }

    /** Two spellings of one number ({@code 1} and {@code 1.0}, {@code 0.012500} and {@code 0.0125}). */
    private static boolean sameNumber(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return PythonNumbers.parseFloat(a) == PythonNumbers.parseFloat(b);
        } catch (NumberFormatException e) {
            return false;  // text, such as a Source or a title: only the same text is the same
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
