package io.datum.core.internal.pipeline;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.NormalizedBox;
import io.datum.model.NormalizedPoints;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.support.stream.RecordCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole items written to a merge's spill files and read back equal: the image (file, extension,
 * declared size), every kind of annotation with its fields and typed attributes, the item
 * attributes. A mask goes as its pixels, so that a spilled item no longer depends on the file or
 * the run-length code it was decoded from.
 */
final class MergeItemCodec implements RecordCodec<DatasetItem> {
    static final MergeItemCodec INSTANCE = new MergeItemCodec();

    private static final int LABEL = 0;
    private static final int BBOX = 1;
    private static final int POLYGON = 2;
    private static final int POLYLINE = 3;
    private static final int POINTS = 4;
    private static final int MASK = 5;
    private static final int ELLIPSE = 6;
    private static final int CAPTION = 7;

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int TRUE = 2;
    private static final int FALSE = 3;
    private static final int LONG = 4;
    private static final int DOUBLE = 5;

    private MergeItemCodec() {
    }

    @Override
    public void write(DataOutput out, DatasetItem item) throws IOException {
        RecordCodec.writeString(out, item.id());
        RecordCodec.writeString(out, item.subset());
        Image image = item.image();
        out.writeBoolean(image != null);
        if (image != null) {
            out.writeBoolean(image.path().isPresent());
            if (image.path().isPresent()) {
                RecordCodec.writeString(out, image.path().get().toString());
            } else {
                RecordCodec.writeString(out, image.extension());
            }
            writeSize(out, image.declaredSize().orElse(null));
        }
        writeAttributes(out, item.attributes());
        out.writeInt(item.annotations().size());
        for (Annotation a : item.annotations()) {
            writeAnnotation(out, a);
        }
    }

    @Override
    public DatasetItem read(DataInput in) throws IOException {
        String id = RecordCodec.readString(in);
        String subset = RecordCodec.readString(in);
        Image image = null;
        if (in.readBoolean()) {
            boolean file = in.readBoolean();
            String pathOrExtension = RecordCodec.readString(in);
            ImageSize size = readSize(in);
            image = file ? Image.ofFile(Path.of(pathOrExtension), size) : Image.withoutFile(pathOrExtension, size);
        }
        Attributes attributes = readAttributes(in);
        int count = in.readInt();
        List<Annotation> annotations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            annotations.add(readAnnotation(in));
        }
        return new DatasetItem(id, subset, image, annotations, attributes);
    }

    private static void writeAnnotation(DataOutput out, Annotation a) throws IOException {
        if (a instanceof Label l) {
            out.writeByte(LABEL);
            out.writeInt(l.labelIndex());
        } else if (a instanceof Bbox b) {
            out.writeByte(BBOX);
            writeLabel(out, b.label());
            writeCorners(out, b.x1(), b.y1(), b.x2(), b.y2());
            out.writeInt(b.zOrder());
            NormalizedBox n = b.source();
            out.writeBoolean(n != null);
            if (n != null) {
                writeCorners(out, n.xMin(), n.xMax(), n.yMin(), n.yMax());
                writeSize(out, n.scaledBy());
            }
        } else if (a instanceof Polygon p) {
            out.writeByte(POLYGON);
            writeLabel(out, p.label());
            writeCoords(out, p.points());
            out.writeInt(p.zOrder());
        } else if (a instanceof PolyLine p) {
            out.writeByte(POLYLINE);
            writeLabel(out, p.label());
            writeCoords(out, p.points());
            out.writeInt(p.zOrder());
        } else if (a instanceof Points p) {
            out.writeByte(POINTS);
            writeLabel(out, p.label());
            writeCoords(out, p.points());
            out.writeInt(p.zOrder());
            NormalizedPoints n = p.source();
            out.writeBoolean(n != null);
            if (n != null) {
                writeCoords(out, n.coords());
                writeSize(out, n.scaledBy());
            }
        } else if (a instanceof Mask m) {
            out.writeByte(MASK);
            writeLabel(out, m.label());
            out.writeInt(m.zOrder());
            MaskData data = m.data();
            out.writeInt(data.width());
            out.writeInt(data.height());
            out.write(MaskData.pixelsFromRows(data));
        } else if (a instanceof Ellipse e) {
            out.writeByte(ELLIPSE);
            writeLabel(out, e.label());
            writeCorners(out, e.x1(), e.y1(), e.x2(), e.y2());
            out.writeInt(e.zOrder());
        } else if (a instanceof Caption c) {
            out.writeByte(CAPTION);
            RecordCodec.writeString(out, c.caption());
        }
        out.writeLong(a.id());
        out.writeLong(a.group());
        writeAttributes(out, a.attributes());
    }

    private static Annotation readAnnotation(DataInput in) throws IOException {
        int kind = in.readByte();
        return switch (kind) {
            case LABEL -> {
                int label = in.readInt();
                long id = in.readLong();
                long group = in.readLong();
                yield new Label(label, id, group, readAttributes(in));
            }
            case BBOX -> {
                Integer label = readLabel(in);
                double[] c = readCorners(in);
                int z = in.readInt();
                NormalizedBox n = null;
                if (in.readBoolean()) {
                    double[] nc = readCorners(in);
                    n = new NormalizedBox(nc[0], nc[1], nc[2], nc[3], readSize(in));
                }
                long id = in.readLong();
                long group = in.readLong();
                yield new Bbox(label, c[0], c[1], c[2], c[3], id, group, z, readAttributes(in), n);
            }
            case POLYGON, POLYLINE -> {
                Integer label = readLabel(in);
                Coords points = readCoords(in);
                int z = in.readInt();
                long id = in.readLong();
                long group = in.readLong();
                Attributes attributes = readAttributes(in);
                yield kind == POLYGON ? new Polygon(label, points, id, group, z, attributes)
                        : new PolyLine(label, points, id, group, z, attributes);
            }
            case POINTS -> {
                Integer label = readLabel(in);
                Coords points = readCoords(in);
                int z = in.readInt();
                NormalizedPoints n = null;
                if (in.readBoolean()) {
                    Coords nc = readCoords(in);
                    n = new NormalizedPoints(nc, readSize(in));
                }
                long id = in.readLong();
                long group = in.readLong();
                yield new Points(label, points, id, group, z, readAttributes(in), n);
            }
            case MASK -> {
                Integer label = readLabel(in);
                int z = in.readInt();
                int w = in.readInt();
                int h = in.readInt();
                byte[] pixels = new byte[Math.multiplyExact(w, h)];
                in.readFully(pixels);
                long id = in.readLong();
                long group = in.readLong();
                yield new Mask(label, MaskData.of(w, h, pixels), id, group, z, readAttributes(in));
            }
            case ELLIPSE -> {
                Integer label = readLabel(in);
                double[] c = readCorners(in);
                int z = in.readInt();
                long id = in.readLong();
                long group = in.readLong();
                yield new Ellipse(label, c[0], c[1], c[2], c[3], id, group, z, readAttributes(in));
            }
            case CAPTION -> {
                String caption = RecordCodec.readString(in);
                long id = in.readLong();
                long group = in.readLong();
                yield new Caption(caption, id, group, readAttributes(in));
            }
            default -> throw new IOException("unknown annotation kind " + kind + " in a merge spill file");
        };
    }

    private static void writeLabel(DataOutput out, Integer label) throws IOException {
        out.writeInt(label == null ? -1 : label);
    }

    private static Integer readLabel(DataInput in) throws IOException {
        int label = in.readInt();
        return label < 0 ? null : label;
    }

    private static void writeCorners(DataOutput out, double a, double b, double c, double d) throws IOException {
        out.writeDouble(a);
        out.writeDouble(b);
        out.writeDouble(c);
        out.writeDouble(d);
    }

    private static double[] readCorners(DataInput in) throws IOException {
        return new double[] {in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()};
    }

    private static void writeCoords(DataOutput out, Coords coords) throws IOException {
        out.writeInt(coords.size());
        for (int i = 0; i < coords.size(); i++) {
            out.writeDouble(coords.get(i));
        }
    }

    private static Coords readCoords(DataInput in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return Coords.of(values);
    }

    private static void writeSize(DataOutput out, ImageSize size) throws IOException {
        out.writeBoolean(size != null);
        if (size != null) {
            out.writeInt(size.width());
            out.writeInt(size.height());
        }
    }

    private static ImageSize readSize(DataInput in) throws IOException {
        return in.readBoolean() ? new ImageSize(in.readInt(), in.readInt()) : null;
    }

    private static void writeAttributes(DataOutput out, Attributes attributes) throws IOException {
        out.writeInt(attributes.size());
        for (var e : attributes.entries()) {
            RecordCodec.writeString(out, e.getKey());
            Object v = e.getValue();
            if (v == null) {
                out.writeByte(NULL);
            } else if (v instanceof String s) {
                out.writeByte(STRING);
                RecordCodec.writeString(out, s);
            } else if (v instanceof Boolean b) {
                out.writeByte(b ? TRUE : FALSE);
            } else if (v instanceof Long l) {
                out.writeByte(LONG);
                out.writeLong(l);
            } else {
                out.writeByte(DOUBLE);
                out.writeDouble(((Number) v).doubleValue());
            }
        }
    }

    private static Attributes readAttributes(DataInput in) throws IOException {
        int count = in.readInt();
        if (count == 0) {
            return Attributes.empty();
        }
        Attributes.Builder b = Attributes.builder();
        for (int i = 0; i < count; i++) {
            String name = RecordCodec.readString(in);
            int kind = in.readByte();
            b.put(name, switch (kind) {
                case NULL -> null;
                case STRING -> RecordCodec.readString(in);
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case LONG -> in.readLong();
                case DOUBLE -> in.readDouble();
                default -> throw new IOException("unknown attribute kind " + kind + " in a merge spill file");
            });
        }
        return b.build();
    }
}
