package io.datum.openimages.internal;

import io.datum.openimages.internal.AnnotationRow.BoxRow;
import io.datum.openimages.internal.AnnotationRow.LabelRow;
import io.datum.openimages.internal.AnnotationRow.MaskRow;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Comparator;

/** An annotation row with the position of its item: the unit of the join and of its spill files. */
record PositionedRow(int position, AnnotationRow row) {
    /**
     * Item order first, then the reference's annotation order within the item. Written out: the
     * merge compares rows millions of times, and composed comparators cost several calls each.
     */
    static final Comparator<PositionedRow> ORDER = (a, b) -> {
        int c = Integer.compare(a.position, b.position);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.row.fileIndex(), b.row.fileIndex());
        return c != 0 ? c : Long.compare(a.row.line(), b.row.line());
    };

    private static final byte LABEL = 0;
    private static final byte BOX = 1;
    private static final byte MASK = 2;

    /** The binary form in spill files. */
    static final ExternalSorter.Codec<PositionedRow> CODEC = new ExternalSorter.Codec<>() {
        @Override
        public void write(DataOutputStream out, PositionedRow value) throws IOException {
            AnnotationRow row = value.row();
            out.writeInt(value.position());
            out.writeInt(row.fileIndex());
            out.writeLong(row.line());
            out.writeInt(row.label());
            if (row instanceof LabelRow l) {
                out.writeByte(LABEL);
                out.writeDouble(l.confidence());
            } else if (row instanceof BoxRow b) {
                out.writeByte(BOX);
                out.writeDouble(b.confidence());
                out.writeDouble(b.xMin());
                out.writeDouble(b.xMax());
                out.writeDouble(b.yMin());
                out.writeDouble(b.yMax());
                out.writeByte(b.flags()); // 3^5 packed values fit a byte
            } else if (row instanceof MaskRow m) {
                out.writeByte(MASK);
                ExternalSorter.Codec.writeString(out, m.maskPath());
                ExternalSorter.Codec.writeString(out, m.boxId());
                out.writeBoolean(m.box() != null);
                if (m.box() != null) {
                    for (double d : m.box()) {
                        out.writeDouble(d);
                    }
                }
                out.writeBoolean(m.predictedIou() != null);
                if (m.predictedIou() != null) {
                    out.writeDouble(m.predictedIou());
                }
            }
        }

        @Override
        public PositionedRow read(DataInputStream in) throws IOException {
            int position = in.readInt();
            int fileIndex = in.readInt();
            long line = in.readLong();
            int label = in.readInt();
            byte kind = in.readByte();
            AnnotationRow row;
            if (kind == LABEL) {
                row = new LabelRow(fileIndex, line, label, in.readDouble());
            } else if (kind == BOX) {
                double confidence = in.readDouble();
                double xMin = in.readDouble();
                double xMax = in.readDouble();
                double yMin = in.readDouble();
                double yMax = in.readDouble();
                int flags = in.readUnsignedByte();
                row = new BoxRow(fileIndex, line, label, confidence, xMin, xMax, yMin, yMax, flags);
            } else if (kind == MASK) {
                String maskPath = ExternalSorter.Codec.readString(in);
                String boxId = ExternalSorter.Codec.readString(in);
                double[] box = null;
                if (in.readBoolean()) {
                    box = new double[4];
                    for (int i = 0; i < 4; i++) {
                        box[i] = in.readDouble();
                    }
                }
                Double iou = in.readBoolean() ? in.readDouble() : null;
                row = new MaskRow(fileIndex, line, label, maskPath, boxId, box, iou);
            } else {
                throw new IOException("corrupt spill file: row kind " + kind);
            }
            return new PositionedRow(position, row);
        }
    };
}
