package io.datum.cvat.internal.sort;

import io.datum.cvat.internal.RleMask;
import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.Coords;
import io.datum.model.Ellipse;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.NormalizedBox;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.support.stream.RecordCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;

/**
 * Writes annotations to spill files and reads them back, exactly: every field, every attribute
 * with its type and order. A mask is stored as run lengths (its pixels are produced once, here,
 * when it is not already a {@link RleMask}).
 */
public final class AnnotationCodec {
    private static final int LABEL = 1;
    private static final int BBOX = 2;
    private static final int POLYGON = 3;
    private static final int POLYLINE = 4;
    private static final int POINTS = 5;
    private static final int MASK = 6;
    private static final int ELLIPSE = 7;
    private static final int CAPTION = 8;

    private AnnotationCodec() {
    }

    public static void write(DataOutput out, Annotation a) throws IOException {
        if (a instanceof Label l) {
            out.writeByte(LABEL);
            out.writeInt(l.labelIndex());
        } else if (a instanceof Bbox b) {
            out.writeByte(BBOX);
            writeLabel(out, b.label());
            out.writeDouble(b.x1());
            out.writeDouble(b.y1());
            out.writeDouble(b.x2());
            out.writeDouble(b.y2());
            NormalizedBox n = b.source();
            out.writeBoolean(n != null);
            if (n != null) {
                out.writeDouble(n.xMin());
                out.writeDouble(n.xMax());
                out.writeDouble(n.yMin());
                out.writeDouble(n.yMax());
                out.writeBoolean(n.scaledBy() != null);
                if (n.scaledBy() != null) {
                    out.writeInt(n.scaledBy().width());
                    out.writeInt(n.scaledBy().height());
                }
            }
        } else if (a instanceof Polygon p) {
            writeCoords(out, POLYGON, p.label(), p.points());
        } else if (a instanceof PolyLine p) {
            writeCoords(out, POLYLINE, p.label(), p.points());
        } else if (a instanceof Points p) {
            writeCoords(out, POINTS, p.label(), p.points());
        } else if (a instanceof Mask m) {
            out.writeByte(MASK);
            writeLabel(out, m.label());
            MaskData data = m.data();
            RleMask rle = data instanceof RleMask r ? r : RleMask.of(data);
            out.writeInt(rle.width());
            out.writeInt(rle.height());
            out.writeInt(rle.left());
            out.writeInt(rle.top());
            out.writeInt(rle.boxWidth());
            out.writeInt(rle.boxHeight());
            int[] counts = rle.counts();
            out.writeInt(counts.length);
            for (int c : counts) {
                out.writeInt(c);
            }
        } else if (a instanceof Ellipse e) {
            out.writeByte(ELLIPSE);
            writeLabel(out, e.label());
            out.writeDouble(e.x1());
            out.writeDouble(e.y1());
            out.writeDouble(e.x2());
            out.writeDouble(e.y2());
        } else {
            out.writeByte(CAPTION);
            RecordCodec.writeString(out, ((Caption) a).caption());
        }
        out.writeLong(a.id());
        out.writeLong(a.group());
        out.writeInt(a.zOrder());
        writeAttributes(out, a.attributes());
    }

    public static Annotation read(DataInput in) throws IOException {
        int kind = in.readByte();
        Annotation a = switch (kind) {
            case LABEL -> new Label(in.readInt());
            case BBOX -> {
                Integer label = readLabel(in);
                double x1 = in.readDouble();
                double y1 = in.readDouble();
                double x2 = in.readDouble();
                double y2 = in.readDouble();
                NormalizedBox n = null;
                if (in.readBoolean()) {
                    double xMin = in.readDouble();
                    double xMax = in.readDouble();
                    double yMin = in.readDouble();
                    double yMax = in.readDouble();
                    ImageSize scale = in.readBoolean() ? new ImageSize(in.readInt(), in.readInt()) : null;
                    n = new NormalizedBox(xMin, xMax, yMin, yMax, scale);
                }
                yield new Bbox(label, x1, y1, x2, y2, 0, 0, 0, Attributes.empty(), n);
            }
            case POLYGON -> new Polygon(readLabel(in), readCoords(in), 0, 0, 0, Attributes.empty());
            case POLYLINE -> new PolyLine(readLabel(in), readCoords(in), 0, 0, 0, Attributes.empty());
            case POINTS -> new Points(readLabel(in), readCoords(in), 0, 0, 0, Attributes.empty());
            case MASK -> {
                Integer label = readLabel(in);
                int w = in.readInt();
                int h = in.readInt();
                int left = in.readInt();
                int top = in.readInt();
                int bw = in.readInt();
                int bh = in.readInt();
                int[] counts = new int[in.readInt()];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = in.readInt();
                }
                yield new Mask(label, new RleMask(w, h, left, top, bw, bh, counts), 0, 0, 0, Attributes.empty());
            }
            case ELLIPSE -> new Ellipse(readLabel(in), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                    0, 0, 0, Attributes.empty());
            case CAPTION -> new Caption(RecordCodec.readString(in), 0, 0, Attributes.empty());
            default -> throw new IOException("corrupt spill file: annotation kind " + kind);
        };
        long id = in.readLong();
        long group = in.readLong();
        int zOrder = in.readInt();
        Attributes attributes = readAttributes(in);
        return withCommon(a, id, group, zOrder, attributes);
    }

    private static Annotation withCommon(Annotation a, long id, long group, int z, Attributes attrs) {
        if (a instanceof Label l) {
            return new Label(l.labelIndex(), id, group, attrs);
        } else if (a instanceof Bbox b) {
            return new Bbox(b.label(), b.x1(), b.y1(), b.x2(), b.y2(), id, group, z, attrs, b.source());
        } else if (a instanceof Polygon p) {
            return new Polygon(p.label(), p.points(), id, group, z, attrs);
        } else if (a instanceof PolyLine p) {
            return new PolyLine(p.label(), p.points(), id, group, z, attrs);
        } else if (a instanceof Points p) {
            return new Points(p.label(), p.points(), id, group, z, attrs);
        } else if (a instanceof Mask m) {
            return new Mask(m.label(), m.data(), id, group, z, attrs);
        } else if (a instanceof Ellipse e) {
            return new Ellipse(e.label(), e.x1(), e.y1(), e.x2(), e.y2(), id, group, z, attrs);
        }
        return new Caption(((Caption) a).caption(), id, group, attrs);
    }

    private static void writeCoords(DataOutput out, int kind, Integer label, Coords coords) throws IOException {
        out.writeByte(kind);
        writeLabel(out, label);
        out.writeInt(coords.size());
        for (int i = 0; i < coords.size(); i++) {
            out.writeDouble(coords.get(i));
        }
    }

    private static Coords readCoords(DataInput in) throws IOException {
        double[] v = new double[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        return Coords.of(v);
    }

    private static void writeLabel(DataOutput out, Integer label) throws IOException {
        out.writeInt(label == null ? -1 : label);
    }

    private static Integer readLabel(DataInput in) throws IOException {
        int label = in.readInt();
        return label < 0 ? null : label;
    }

    private static void writeAttributes(DataOutput out, Attributes attributes) throws IOException {
        out.writeInt(attributes.size());
        for (Map.Entry<String, Object> e : attributes.entries()) {
            RecordCodec.writeString(out, e.getKey());
            Object v = e.getValue();
            if (v == null) {
                out.writeByte(0);
            } else if (v instanceof String s) {
                out.writeByte(1);
                RecordCodec.writeString(out, s);
            } else if (v instanceof Boolean b) {
                out.writeByte(2);
                out.writeBoolean(b);
            } else if (v instanceof Long l) {
                out.writeByte(3);
                out.writeLong(l);
            } else {
                out.writeByte(4);
                out.writeDouble((Double) v);
            }
        }
    }

    private static Attributes readAttributes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n == 0) {
            return Attributes.empty();
        }
        Attributes.Builder b = Attributes.builder();
        for (int i = 0; i < n; i++) {
            String name = RecordCodec.readString(in);
            int kind = in.readByte();
            b.put(name, switch (kind) {
                case 0 -> null;
                case 1 -> RecordCodec.readString(in);
                case 2 -> in.readBoolean();
                case 3 -> in.readLong();
                case 4 -> in.readDouble();
                default -> throw new IOException("corrupt spill file: attribute kind " + kind);
            });
        }
        return b.build();
    }
}
