package io.datum.openimages.internal.read;

import io.datum.model.Annotation;
import io.datum.model.AttributeSpec;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.ImageSize;
import io.datum.model.NormalizedBox;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.openimages.internal.csv.CsvWriter;
import io.datum.openimages.internal.read.AnnotationRow.RelationRow;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.util.List;

/**
 * The visual relationship files, {@code oidv6-train-annotations-vrd.csv} and
 * {@code <subset>-annotations-vrd.csv}: one row per relation between two boxes,
 * {@code ImageID,LabelName1,LabelName2,XMin1,XMax1,YMin1,YMax1,XMin2,XMax2,YMin2,YMax2,RelationshipLabel}.
 * {@code LabelName2} may name an attribute (from {@code oidv6-attributes-description.csv}) instead
 * of a class, with the relationship {@code is}.
 *
 * <p>In the model a relation is its two boxes in a group of their own, each with the attributes
 * {@value #RELATIONSHIP} (the relationship label) and {@value #END} (1 for the first box, 2 for
 * the second). The reader never gives a plain box an {@value #END}, and the writer takes a group
 * for a relation only when it holds exactly these two boxes, so a plain box is never written as a
 * relation end, nor an end as a plain box.
 */
public final class RelationshipFile {
    public static final List<String> PATTERNS = List.of("*-annotations-vrd.csv");
    static final String FILE_SUFFIX = "-annotations-vrd.csv";
    /** Google's train file carries the release prefix; the validation and test files do not. */
    static final String TRAIN_FILE = "oidv6-train" + FILE_SUFFIX;
    static final String TRAIN = "train";

    static final String LABEL_NAME_1 = "LabelName1";
    static final String LABEL_NAME_2 = "LabelName2";
    static final List<String> BOX_COLUMNS_1 = List.of("XMin1", "XMax1", "YMin1", "YMax1");
    static final List<String> BOX_COLUMNS_2 = List.of("XMin2", "XMax2", "YMin2", "YMax2");
    static final String RELATIONSHIP_LABEL = "RelationshipLabel";
    public static final List<String> FIELDS = List.of(OpenImagesPaths.IMAGE_ID, LABEL_NAME_1, LABEL_NAME_2,
            "XMin1", "XMax1", "YMin1", "YMax1", "XMin2", "XMax2", "YMin2", "YMax2", RELATIONSHIP_LABEL);

    public static final String RELATIONSHIP = "relationship";
    static final String END = "relationship_end";
    /** The attributes of a relation end, declared for every label when a dataset has relationships. */
    static final List<AttributeSpec> ATTRIBUTES = List.of(AttributeSpec.named(RELATIONSHIP), AttributeSpec.named(END));

    private RelationshipFile() {
    }

    /** The file the relations of {@code subset} are written to. */
    public static String fileName(String subset) {
        return subset.equals(TRAIN) ? TRAIN_FILE : subset + FILE_SUFFIX;
    }

    /** The columns of one file: all are required. */
    static final class Columns {
        private final int label1;
        private final int label2;
        private final int[] box1 = new int[4];
        private final int[] box2 = new int[4];
        private final int relationship;

        private Columns(CsvTable table) {
            label1 = table.requireColumn(LABEL_NAME_1);
            label2 = table.requireColumn(LABEL_NAME_2);
            for (int i = 0; i < 4; i++) {
                box1[i] = table.requireColumn(BOX_COLUMNS_1.get(i));
                box2[i] = table.requireColumn(BOX_COLUMNS_2.get(i));
            }
            relationship = table.requireColumn(RELATIONSHIP_LABEL);
        }

        static Columns resolve(CsvTable table) {
            return new Columns(table);
        }

        /** The current row (its image id already read by {@code reader}). */
        RelationRow read(AnnotationRowReader reader, CsvTable table) {
            int first = reader.label(label1, LABEL_NAME_1);
            int second = reader.label(label2, LABEL_NAME_2);
            double[] b1 = new double[4];
            double[] b2 = new double[4];
            for (int i = 0; i < 4; i++) {
                b1[i] = reader.number(box1[i], BOX_COLUMNS_1.get(i));
                b2[i] = reader.number(box2[i], BOX_COLUMNS_2.get(i));
            }
            String label = table.require(relationship, RELATIONSHIP_LABEL);
            if (label.isEmpty()) {
                throw table.error("empty " + RELATIONSHIP_LABEL);
            }
            return new RelationRow(reader.file().index(), table.line(), first, second, b1, b2, label);
        }
    }

    /** A group number after those of the item's annotations so far: boxes are numbered 1, 2, ... */
    static long nextGroup(List<Annotation> annotations) {
        long max = 0;
        for (Annotation a : annotations) {
            max = Math.max(max, a.group());
        }
        return max + 1;
    }

    /** The two boxes of a relation, scaled by the item's image size, in group {@code group}. */
    static List<Bbox> toBoxes(RelationRow row, ImageSize size, long group) {
        return List.of(box(row.label(), row.box1(), size, group, row.relationship(), 1),
                box(row.label2(), row.box2(), size, group, row.relationship(), 2));
    }

    private static Bbox box(int label, double[] b, ImageSize size, long group, String relationship, long end) {
        int w = size.width();
        int h = size.height();
        return new Bbox(label, b[0] * w, b[2] * h, b[1] * w, b[3] * h, 0, group, 0,
                Attributes.of(RELATIONSHIP, relationship, END, end), new NormalizedBox(b[0], b[1], b[2], b[3], size));
    }

    /**
     * The two ends of the relation that the annotations {@code [start, end)} of one group are, or
     * null when they are not one: exactly two boxes, ends 1 and 2, one relationship label. A box
     * that carries an end but is not part of such a pair is an error naming the item.
     */
    public static Bbox[] relation(List<Annotation> group, int start, int end, String itemId) {
        Bbox first = null;
        Bbox second = null;
        boolean anyEnd = false;
        for (int i = start; i < end; i++) {
            if (group.get(i) instanceof Bbox b && b.attributes().has(END)) {
                anyEnd = true;
                long which = endOf(b, itemId);
                if (which == 1 && first == null) {
                    first = b;
                } else if (which == 2 && second == null) {
                    second = b;
                }
            }
        }
        if (!anyEnd) {
            return null;
        }
        Object relationship = first == null ? null : first.attributes().get(RELATIONSHIP);
        if (end - start != 2 || second == null || relationship == null
                || !relationship.equals(second.attributes().get(RELATIONSHIP))) {
            throw new DatasetException("item '" + itemId + "': a box with attribute '" + END + "' must be one of"
                    + " exactly two boxes of its group, ends 1 and 2, with the same '" + RELATIONSHIP + "'");
        }
        return new Bbox[] {first, second};
    }

    private static long endOf(Bbox b, String itemId) {
        Object v = b.attributes().get(END);
        if (v instanceof Long l) {
            return l;
        }
        if ("1".equals(v) || "2".equals(v)) {
            return Long.parseLong((String) v);
        }
        throw new DatasetException("item '" + itemId + "': box attribute '" + END + "' is " + v + ", not 1 or 2");
    }

    /** Writes one relation: the normalised boxes are {@code XMin, XMax, YMin, YMax}. */
    public static void write(CsvWriter out, byte[] idCell, byte[] label1, byte[] label2, double[] box1, double[] box2,
                      Object relationship) throws IOException {
        out.cell(idCell).cell(label1).cell(label2);
        for (double v : box1) {
            out.cell(v);
        }
        for (double v : box2) {
            out.cell(v);
        }
        out.cell(String.valueOf(relationship)).endRow();
    }
}
