package io.datum.support.stream;

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
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dataset items and annotations to spill files and back, exactly: id, subset, image (path,
 * extension, declared size), item attributes, and every annotation with all its fields and
 * attributes, kept with their types and order. A format or transform that sorts or regroups
 * items or annotations on disk ({@link ExternalSort}) spills them with these codecs rather than a
 * record format of its own. A mask's pixels are taken a row at a time ({@link
 * MaskData#forEachRow}) and stored as runs of equal values; read back, the mask holds the runs
 * and makes its rows from them, so it costs what its runs cost, never its whole frame.
 */
public final class DatasetRecords {
    private static final RecordCodec<DatasetItem> ITEMS = new RecordCodec<>() {
        @Override
        public void write(DataOutput out, DatasetItem item) throws IOException {
            writeItem(out, item);
        }

        @Override
        public DatasetItem read(DataInput in) throws IOException {
            return readItem(in);
        }
    };

    private static final RecordCodec<Annotation> ANNOTATIONS = new RecordCodec<>() {
        @Override
        public void write(DataOutput out, Annotation annotation) throws IOException {
            writeAnnotation(out, annotation);
        }

        @Override
        public Annotation read(DataInput in) throws IOException {
            return readAnnotation(in);
        }
    };

    private static final int LABEL = 1;
    private static final int BBOX = 2;
    private static final int POLYGON = 3;
    private static final int POLYLINE = 4;
    private static final int POINTS = 5;
    private static final int MASK = 6;
    private static final int ELLIPSE = 7;
    private static final int CAPTION = 8;

    private DatasetRecords() {
    }

    /** Whole items: what a sort of items by their key spills. */
    public static RecordCodec<DatasetItem> items() {
        return ITEMS;
    }

    /** Single annotations: what a sort of annotations by frame or track spills. */
    public static RecordCodec<Annotation> annotations() {
        return ANNOTATIONS;
    }

    private static void writeItem(DataOutput out, DatasetItem item) throws IOException {
        RecordCodec.writeString(out, item.id());
        RecordCodec.writeString(out, item.subset());
        Image image = item.image();
        out.writeBoolean(image != null);
        if (image != null) {
            Path path = image.path().orElse(null);
            out.writeBoolean(path != null);
            if (path != null) {
                RecordCodec.writeString(out, path.toString());
            }
            RecordCodec.writeString(out, image.extension());
            writeSize(out, image.declaredSize().orElse(null));
        }
        writeAttributes(out, item.attributes());
        out.writeInt(item.annotations().size());
        for (Annotation a : item.annotations()) {
            writeAnnotation(out, a);
        }
    }

    private static DatasetItem readItem(DataInput in) throws IOException {
        String id = RecordCodec.readString(in);
        String subset = RecordCodec.readString(in);
        Image image = null;
        if (in.readBoolean()) {
            String path = in.readBoolean() ? RecordCodec.readString(in) : null;
            String extension = RecordCodec.readString(in);
            ImageSize size = readSize(in);
            image = path != null ? Image.ofFile(Path.of(path), size) : Image.withoutFile(extension, size);
        }
        Attributes attributes = readAttributes(in);
        int n = in.readInt();
        List<Annotation> annotations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
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
            writeDoubles(out, b.x1(), b.y1(), b.x2(), b.y2());
            NormalizedBox n = b.source();
            out.writeBoolean(n != null);
            if (n != null) {
                writeDoubles(out, n.xMin(), n.xMax(), n.yMin(), n.yMax());
                writeSize(out, n.scaledBy());
            }
        } else if (a instanceof Polygon p) {
            writeShape(out, POLYGON, p.label(), p.points());
        } else if (a instanceof PolyLine p) {
            writeShape(out, POLYLINE, p.label(), p.points());
        } else if (a instanceof Points p) {
            writeShape(out, POINTS, p.label(), p.points());
            NormalizedPoints n = p.source();
            out.writeBoolean(n != null);
            if (n != null) {
                writeCoords(out, n.coords());
                writeSize(out, n.scaledBy());
            }
        } else if (a instanceof Mask m) {
            out.writeByte(MASK);
            writeLabel(out, m.label());
            writeMask(out, m.data());
        } else if (a instanceof Ellipse e) {
            out.writeByte(ELLIPSE);
            writeLabel(out, e.label());
            writeDoubles(out, e.x1(), e.y1(), e.x2(), e.y2());
        } else {
            out.writeByte(CAPTION);
            RecordCodec.writeString(out, ((Caption) a).caption());
        }
        out.writeLong(a.id());
        out.writeLong(a.group());
        out.writeInt(a.zOrder());
        writeAttributes(out, a.attributes());
    }

    private static Annotation readAnnotation(DataInput in) throws IOException {
        int kind = in.readByte();
        Integer label = kind == LABEL || kind == CAPTION ? null : readLabel(in);
        int labelIndex = kind == LABEL ? in.readInt() : 0;
        double[] box = kind == BBOX || kind == ELLIPSE ? readDoubles(in, 4) : null;
        NormalizedBox boxSource = kind == BBOX && in.readBoolean()
                ? new NormalizedBox(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), readSize(in))
                : null;
        Coords points = kind == POLYGON || kind == POLYLINE || kind == POINTS ? readCoords(in) : null;
        NormalizedPoints pointsSource = kind == POINTS && in.readBoolean()
                ? new NormalizedPoints(readCoords(in), readSize(in)) : null;
        MaskData mask = kind == MASK ? readMask(in) : null;
        String caption = kind == CAPTION ? RecordCodec.readString(in) : null;
        long id = in.readLong();
        long group = in.readLong();
        int z = in.readInt();
        Attributes attributes = readAttributes(in);
        return switch (kind) {
            case LABEL -> new Label(labelIndex, id, group, attributes);
            case BBOX -> new Bbox(label, box[0], box[1], box[2], box[3], id, group, z, attributes, boxSource);
            case POLYGON -> new Polygon(label, points, id, group, z, attributes);
            case POLYLINE -> new PolyLine(label, points, id, group, z, attributes);
            case POINTS -> new Points(label, points, id, group, z, attributes, pointsSource);
            case MASK -> new Mask(label, mask, id, group, z, attributes);
            case ELLIPSE -> new Ellipse(label, box[0], box[1], box[2], box[3], id, group, z, attributes);
            case CAPTION -> new Caption(caption, id, group, attributes);
            default -> throw new IOException("corrupt spill file: annotation kind " + kind);
        };
    }

    private static void writeShape(DataOutput out, int kind, Integer label, Coords points) throws IOException {
        out.writeByte(kind);
        writeLabel(out, label);
        writeCoords(out, points);
    }

    private static void writeCoords(DataOutput out, Coords coords) throws IOException {
        out.writeInt(coords.size());
        for (int i = 0; i < coords.size(); i++) {
            out.writeDouble(coords.get(i));
        }
    }

    private static Coords readCoords(DataInput in) throws IOException {
        return Coords.of(readDoubles(in, in.readInt()));
    }

    private static void writeDoubles(DataOutput out, double... values) throws IOException {
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInput in, int n) throws IOException {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    private static void writeLabel(DataOutput out, Integer label) throws IOException {
        out.writeBoolean(label != null);
        if (label != null) {
            out.writeInt(label);
        }
    }

    private static Integer readLabel(DataInput in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
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

    /** The pixels as runs, row-major: the number of runs, then each run's value and length. */
    private static void writeMask(DataOutput out, MaskData data) throws IOException {
        SpilledMask runs = SpilledMask.of(data);
        out.writeInt(runs.width());
        out.writeInt(runs.height());
        runs.writeRuns(out);
    }

    private static MaskData readMask(DataInput in) throws IOException {
        int width = in.readInt();
        int height = in.readInt();
        return SpilledMask.readRuns(in, width, height);
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
                out.writeDouble(((Number) v).doubleValue());
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
