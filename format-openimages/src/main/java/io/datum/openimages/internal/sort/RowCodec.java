package io.datum.openimages.internal.sort;

import io.datum.openimages.internal.read.AnnotationRow.BoxRow;
import io.datum.openimages.internal.read.AnnotationRow.LabelRow;
import io.datum.openimages.internal.read.AnnotationRow.MaskRow;
import io.datum.openimages.internal.read.AnnotationRow.PointRow;
import io.datum.openimages.internal.read.AnnotationRow.RelationRow;
import io.datum.openimages.internal.read.AnnotationRow;
import io.datum.openimages.internal.read.KeptCells;
import java.io.DataInput;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The binary form of an annotation row in {@link RowSorter}'s runs, read and written straight
 * into byte arrays (no stream call per field) and read back as a {@link DataInput}. Big-endian (as
 * {@code DataInput} reads), fixed-width fields:
 * <pre>
 *   int    fileIndex &lt;&lt; 4 | kept &lt;&lt; 3 | kind (3 bits)
 *   long   line
 *   int    label
 *   label: double confidence
 *   box:   double confidence, xMin, xMax, yMin, yMax; byte flags (3^5 packed values fit a byte)
 *   mask:  int n, n bytes of MaskPath; int n, n bytes of BoxID (UTF-8);
 *          byte box length (-1: none), the box's doubles; byte 1 and a double if there is a PredictedIoU, else 0
 *   point: double x, y; long yes, no, unsure votes; int n, n bytes (UTF-8) of each of EstimatedYesNo, Source, TextLabel
 *   relation: int label2; the 8 doubles of the two boxes; int n, n bytes of RelationshipLabel
 *   kept:  int n, then n column names and n cells as read (UTF-8, each an int length and its bytes)
 * </pre>
 * The last part is there only when the kept bit is set ({@link KeptCells}: only when the export
 * writes Open Images back with its columns as read).
 * Doubles keep their exact bits, so a row reads back equal to the one written.
 */
final class RowCodec {
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Bytes before the kind's own fields. */
    static final int HEADER = 16;
    /** Label and box rows have no more than this; masks have strings besides. */
    static final int MAX_FIXED = HEADER + 5 * Double.BYTES + 1;

    private static final int LABEL = 0;
    private static final int BOX = 1;
    private static final int MASK = 2;
    private static final int POINT = 3;
    private static final int RELATION = 4;
    private static final int KIND_MASK = 7;
    private static final int KEPT = 8;
    private static final int KIND_BITS = 4;

    private RowCodec() {
    }

    /** A growable byte array that rows are encoded into. */
    static final class Bytes {
        private byte[] array;
        private int size;

        Bytes(int capacity) {
            array = new byte[Math.max(16, capacity)];
        }

        byte[] array() {
            return array;
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }

        /** Makes room for {@code more} bytes after the current end. */
        void reserve(int more) {
            if (array.length - size < more) {
                long wanted = Math.max((long) array.length * 2, (long) size + more);
                if (wanted > Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("a sort buffer cannot hold more than 2 GB");
                }
                array = Arrays.copyOf(array, (int) wanted);
            }
        }

        void putInt(int v) {
            reserve(Integer.BYTES);
            INT.set(array, size, v);
            size += Integer.BYTES;
        }

        /** Appends {@code length} bytes of {@code from} starting at {@code offset}. */
        void put(byte[] from, int offset, int length) {
            reserve(length);
            System.arraycopy(from, offset, array, size, length);
            size += length;
        }

        /** Appends one row (without its position). */
        void putRow(AnnotationRow row) {
            reserve(MAX_FIXED);
            byte[] a = array;
            int at = size;
            at = putHeader(a, at, row);
            if (row instanceof LabelRow l) {
                LONG.set(a, at, Double.doubleToRawLongBits(l.confidence()));
                size = at + Double.BYTES;
            } else if (row instanceof BoxRow b) {
                LONG.set(a, at, Double.doubleToRawLongBits(b.confidence()));
                LONG.set(a, at + 8, Double.doubleToRawLongBits(b.xMin()));
                LONG.set(a, at + 16, Double.doubleToRawLongBits(b.xMax()));
                LONG.set(a, at + 24, Double.doubleToRawLongBits(b.yMin()));
                LONG.set(a, at + 32, Double.doubleToRawLongBits(b.yMax()));
                a[at + 40] = (byte) b.flags();
                size = at + 41;
            } else if (row instanceof MaskRow m) {
                size = at;
                putMask(m);
            } else if (row instanceof PointRow p) {
                size = at;
                putPoint(p);
            } else {
                size = at;
                putRelation((RelationRow) row);
            }
            if (row.kept() != null) {
                putKept(row.kept());
            }
        }

        private void putKept(KeptCells kept) {
            putInt(kept.names().size());
            for (String name : kept.names()) {
                putString(name);
            }
            for (String value : kept.values()) {
                putString(value);
            }
        }

        private static int putHeader(byte[] a, int at, AnnotationRow row) {
            int kind = row instanceof LabelRow ? LABEL : row instanceof BoxRow ? BOX : row instanceof MaskRow ? MASK
                    : row instanceof PointRow ? POINT : RELATION;
            INT.set(a, at, row.fileIndex() << KIND_BITS | (row.kept() != null ? KEPT : 0) | kind);
            LONG.set(a, at + 4, row.line());
            INT.set(a, at + 12, row.label());
            return at + HEADER;
        }

        private void putMask(MaskRow m) {
            putString(m.maskPath());
            putString(m.boxId());
            double[] box = m.box();
            int length = box == null ? 0 : box.length;
            reserve(1 + length * Double.BYTES + 1 + Double.BYTES);
            array[size++] = (byte) (box == null ? -1 : length);
            for (int i = 0; i < length; i++) {
                LONG.set(array, size, Double.doubleToRawLongBits(box[i]));
                size += Double.BYTES;
            }
            array[size++] = (byte) (m.predictedIou() == null ? 0 : 1);
            if (m.predictedIou() != null) {
                LONG.set(array, size, Double.doubleToRawLongBits(m.predictedIou()));
                size += Double.BYTES;
            }
        }

        private void putPoint(PointRow p) {
            reserve(5 * Double.BYTES);
            for (long bits : new long[] {Double.doubleToRawLongBits(p.x()), Double.doubleToRawLongBits(p.y()),
                p.yesVotes(), p.noVotes(), p.unsureVotes()}) {
                LONG.set(array, size, bits);
                size += Long.BYTES;
            }
            putString(p.estimatedYesNo());
            putString(p.source());
            putString(p.textLabel());
        }

        private void putRelation(RelationRow r) {
            reserve(Integer.BYTES + 8 * Double.BYTES);
            INT.set(array, size, r.label2());
            size += Integer.BYTES;
            for (double[] box : new double[][] {r.box1(), r.box2()}) {
                for (double v : box) {
                    LONG.set(array, size, Double.doubleToRawLongBits(v));
                    size += Double.BYTES;
                }
            }
            putString(r.relationship());
        }

        private void putString(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            putInt(bytes.length);
            put(bytes, 0, bytes.length);
        }
    }

    /** The next row of a run, written by {@link Bytes#putRow}. */
    static AnnotationRow readRow(DataInput in) throws IOException {
        int source = in.readInt();
        long line = in.readLong();
        int label = in.readInt();
        int fileIndex = source >>> KIND_BITS;
        boolean kept = (source & KEPT) != 0;
        switch (source & KIND_MASK) {
            case LABEL -> {
                double confidence = readDouble(in);
                return new LabelRow(fileIndex, line, label, confidence, kept ? readKept(in) : null);
            }
            case BOX -> {
                double confidence = readDouble(in);
                double xMin = readDouble(in);
                double xMax = readDouble(in);
                double yMin = readDouble(in);
                double yMax = readDouble(in);
                int flags = in.readUnsignedByte();
                return new BoxRow(fileIndex, line, label, confidence, xMin, xMax, yMin, yMax, flags,
                        kept ? readKept(in) : null);
            }
            case MASK -> {
                String maskPath = readString(in);
                String boxId = readString(in);
                int length = in.readByte();
                double[] box = null;
                if (length >= 0) {
                    box = new double[length];
                    for (int i = 0; i < length; i++) {
                        box[i] = readDouble(in);
                    }
                }
                Double iou = in.readByte() != 0 ? readDouble(in) : null;
                return new MaskRow(fileIndex, line, label, maskPath, boxId, box, iou, kept ? readKept(in) : null);
            }
            case POINT -> {
                double x = readDouble(in);
                double y = readDouble(in);
                long yes = in.readLong();
                long no = in.readLong();
                long unsure = in.readLong();
                String estimated = readString(in);
                String pointSource = readString(in);
                String textLabel = readString(in);
                return new PointRow(fileIndex, line, label, x, y, estimated, pointSource, yes, no, unsure, textLabel);
            }
            case RELATION -> {
                int label2 = in.readInt();
                double[] box1 = new double[4];
                double[] box2 = new double[4];
                for (int i = 0; i < 4; i++) {
                    box1[i] = readDouble(in);
                }
                for (int i = 0; i < 4; i++) {
                    box2[i] = readDouble(in);
                }
                return new RelationRow(fileIndex, line, label, label2, box1, box2, readString(in));
            }
            default -> throw new IOException("corrupt sort run: row kind " + (source & KIND_MASK));
        }
    }

    private static KeptCells readKept(DataInput in) throws IOException {
        int count = in.readInt();
        String[] names = new String[count];
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = readString(in);
        }
        for (int i = 0; i < count; i++) {
            values[i] = readString(in);
        }
        return new KeptCells(List.of(names), Arrays.asList(values));
    }

    /** A double with its exact bits (NaN payloads included), as {@link Bytes} writes it. */
    private static double readDouble(DataInput in) throws IOException {
        return Double.longBitsToDouble(in.readLong());
    }

    private static String readString(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
