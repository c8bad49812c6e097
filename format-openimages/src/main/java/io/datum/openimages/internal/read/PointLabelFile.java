package io.datum.openimages.internal.read;

import io.datum.model.AttributeSpec;
import io.datum.model.Attributes;
import io.datum.model.Coords;
import io.datum.model.ImageSize;
import io.datum.model.NormalizedPoints;
import io.datum.model.Points;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.openimages.internal.csv.CsvWriter;
import io.datum.openimages.internal.read.AnnotationRow.PointRow;
import io.datum.spi.DatasetException;
import io.datum.text.PythonNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The V7 point-label files, {@code oidv7-<split>-annotations-point-labels.csv}: one row per point,
 * {@code ImageId,X,Y,Label,EstimatedYesNo,Source,YesVotes,NoVotes,UnsureVotes,TextLabel} (the
 * image id column is spelt with a lower-case d; X and Y are normalised).
 *
 * <p>A row becomes a {@link Points} annotation of one point, scaled to pixels like a box, with the
 * other columns as attributes; the point remembers its normalised numbers, so that a point written
 * back unchanged is written as read. The split {@code val} of a file name is the subset
 * {@code validation}, and back. A {@link Points} is written to this file when it has one point and
 * an {@value #ESTIMATED_YES_NO} attribute; other points are not point labels.
 */
public final class PointLabelFile {
    public static final List<String> PATTERNS = List.of("*-annotations-point-labels.csv");
    static final String FILE_SUFFIX = "-annotations-point-labels.csv";
    /** The release prefix of the names written (the only release with point labels). */
    static final String FILE_PREFIX = "oidv7-";

    static final String IMAGE_ID = "ImageId";
    static final String X = "X";
    static final String Y = "Y";
    static final String LABEL = "Label";
    static final String ESTIMATED_YES_NO_COLUMN = "EstimatedYesNo";
    static final String SOURCE_COLUMN = "Source";
    static final String YES_VOTES_COLUMN = "YesVotes";
    static final String NO_VOTES_COLUMN = "NoVotes";
    static final String UNSURE_VOTES_COLUMN = "UnsureVotes";
    static final String TEXT_LABEL_COLUMN = "TextLabel";
    public static final List<String> FIELDS = List.of(IMAGE_ID, X, Y, LABEL, ESTIMATED_YES_NO_COLUMN, SOURCE_COLUMN,
            YES_VOTES_COLUMN, NO_VOTES_COLUMN, UNSURE_VOTES_COLUMN, TEXT_LABEL_COLUMN);

    static final String ESTIMATED_YES_NO = "estimated_yes_no";
    static final String SOURCE = "source";
    static final String YES_VOTES = "yes_votes";
    static final String NO_VOTES = "no_votes";
    static final String UNSURE_VOTES = "unsure_votes";
    static final String TEXT_LABEL = "text_label";
    /** The attributes of a point label, declared for every label when a dataset has point labels. */
    static final List<AttributeSpec> ATTRIBUTES = List.of(
            AttributeSpec.named(ESTIMATED_YES_NO), AttributeSpec.named(SOURCE), AttributeSpec.named(YES_VOTES),
            AttributeSpec.named(NO_VOTES), AttributeSpec.named(UNSURE_VOTES), AttributeSpec.named(TEXT_LABEL));
    private static final List<String> ESTIMATES = List.of("yes", "no", "unsure");

    /** The split Google names {@code val}; Datum's subset (and the other Open Images files) say {@code validation}. */
    private static final String SHORT_VALIDATION = "val";
    private static final String VALIDATION = "validation";

    private PointLabelFile() {
    }

    /**
     * The subset of the items first seen in a point-label file: the split after the release
     * prefix ({@code oidv7-train-…} → {@code train}), or the first piece of a name without one;
     * {@code val} is {@code validation}.
     */
    static String subsetOf(String fileName) {
        String[] parts = fileName.split("-", -1);
        String split = parts[0].matches("oidv\\d+") && parts.length > 1 ? parts[1] : parts[0];
        return split.equals(SHORT_VALIDATION) ? VALIDATION : split;
    }

    /** The file the points of {@code subset} are written to. */
    public static String fileName(String subset) {
        return FILE_PREFIX + (subset.equals(VALIDATION) ? SHORT_VALIDATION : subset) + FILE_SUFFIX;
    }

    /** The columns of one file; those after EstimatedYesNo may be absent (their attributes are then absent). */
    static final class Columns {
        private final int x;
        private final int y;
        private final int label;
        private final int estimate;
        private final int source;
        private final int[] votes;
        private final int textLabel;

        private Columns(CsvTable table) {
            x = table.requireColumn(X);
            y = table.requireColumn(Y);
            label = table.requireColumn(LABEL);
            estimate = table.requireColumn(ESTIMATED_YES_NO_COLUMN);
            source = table.column(SOURCE_COLUMN);
            votes = new int[] {
                table.column(YES_VOTES_COLUMN), table.column(NO_VOTES_COLUMN), table.column(UNSURE_VOTES_COLUMN)};
            textLabel = table.column(TEXT_LABEL_COLUMN);
        }

        static Columns resolve(CsvTable table) {
            return new Columns(table);
        }

        /** The current row (its image id already read by {@code reader}). */
        PointRow read(AnnotationRowReader reader, CsvTable table) {
            int labelIndex = reader.label(label, LABEL);
            double px = reader.number(x, X);
            double py = reader.number(y, Y);
            String estimated = table.require(estimate, ESTIMATED_YES_NO_COLUMN);
            if (!ESTIMATES.contains(estimated)) {
                throw table.error("bad " + ESTIMATED_YES_NO_COLUMN + " '" + estimated + "' (not yes, no or unsure)");
            }
            return new PointRow(reader.file().index(), table.line(), labelIndex, px, py, estimated, text(table, source),
                    count(table, votes[0], YES_VOTES_COLUMN), count(table, votes[1], NO_VOTES_COLUMN),
                    count(table, votes[2], UNSURE_VOTES_COLUMN), text(table, textLabel));
        }

        private static String text(CsvTable table, int column) {
            return table.isBlank(column) ? "" : table.get(column);
        }

        /** A vote count: digits without a leading zero (so that it is written back as read), -1 when empty. */
        private static long count(CsvTable table, int column, String name) {
            if (table.isBlank(column)) {
                return -1;
            }
            byte[] b = table.buffer();
            int from = table.start(column);
            int to = table.end(column);
            boolean digits = to - from <= 18 && (b[from] != '0' || to - from == 1);
            for (int i = from; i < to && digits; i++) {
                digits = b[i] >= '0' && b[i] <= '9';
            }
            if (!digits) {
                throw table.error("bad " + name + " '" + new String(b, from, to - from, StandardCharsets.UTF_8)
                        + "' (not a count of votes)");
            }
            long v = 0;
            for (int i = from; i < to; i++) {
                v = v * 10 + (b[i] - '0');
            }
            return v;
        }
    }

    /** The annotation of a row, scaled by the item's image size. */
    static Points toPoints(PointRow row, ImageSize size) {
        Attributes.Builder a = Attributes.builder().put(ESTIMATED_YES_NO, row.estimatedYesNo());
        if (!row.source().isEmpty()) {
            a.put(SOURCE, row.source());
        }
        putCount(a, YES_VOTES, row.yesVotes());
        putCount(a, NO_VOTES, row.noVotes());
        putCount(a, UNSURE_VOTES, row.unsureVotes());
        if (!row.textLabel().isEmpty()) {
            a.put(TEXT_LABEL, row.textLabel());
        }
        Coords pixels = Coords.of(row.x() * size.width(), row.y() * size.height());
        return new Points(row.label(), pixels, 0, 0, 0, a.build(),
                new NormalizedPoints(Coords.of(row.x(), row.y()), size));
    }

    private static void putCount(Attributes.Builder a, String name, long count) {
        if (count >= 0) {
            a.put(name, count);
        }
    }

    /** True when {@code points} is a point label: one point, with an estimate. */
    public static boolean isPointLabel(Points points) {
        return points.points().size() == 2 && points.attributes().has(ESTIMATED_YES_NO);
    }

    /**
     * Writes one point label and returns the image size it was normalised by; null, and nothing
     * written, when the item's size is unknown. {@code known} is the item's size, or null.
     */
    public static ImageSize write(CsvWriter out, byte[] idCell, byte[] labelCell, Points p, ImageSize known, String itemId)
            throws IOException {
        ImageSize size = known != null ? known : p.source() != null ? p.source().scaledBy() : null;
        double[] n = normalized(p, known);
        if (n == null) {
            return null;
        }
        String estimated = text(p, ESTIMATED_YES_NO);
        if (!ESTIMATES.contains(estimated)) {
            throw new DatasetException("item '" + itemId + "': point attribute '" + ESTIMATED_YES_NO + "' = '"
                    + estimated + "' is not yes, no or unsure");
        }
        out.cell(idCell).cell(n[0]).cell(n[1]).cell(labelCell).cell(estimated).cell(text(p, SOURCE))
                .cell(text(p, YES_VOTES)).cell(text(p, NO_VOTES)).cell(text(p, UNSURE_VOTES)).cell(text(p, TEXT_LABEL))
                .endRow();
        return size;
    }

    private static String text(Points p, String attribute) {
        Object v = p.attributes().get(attribute);
        return v == null ? "" : v instanceof String s ? s : PythonNumbers.str(v);
    }

    /**
     * The point divided by the image size: the numbers it was read from when its pixels and size
     * are unchanged (also when only that source knew the size), else null without a size.
     */
    static double[] normalized(Points p, ImageSize known) {
        double x = p.points().get(0);
        double y = p.points().get(1);
        NormalizedPoints source = p.source();
        if (source != null && source.scaledBy() != null && source.coords().size() == 2
                && (known == null || known.equals(source.scaledBy()))) {
            double sx = source.coords().get(0);
            double sy = source.coords().get(1);
            if (x == sx * source.scaledBy().width() && y == sy * source.scaledBy().height()) {
                return new double[] {sx, sy};
            }
            if (known == null) {
                known = source.scaledBy();
            }
        }
        if (known == null || known.width() == 0 || known.height() == 0) {
            return null;
        }
        return new double[] {x / known.width(), y / known.height()};
    }
}
