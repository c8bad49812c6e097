package io.datum.cvat.internal.read;

import io.datum.cvat.internal.AttributeValues;
import io.datum.cvat.internal.CvatMeta;
import io.datum.cvat.internal.CvatNames;
import io.datum.cvat.internal.RleMask;
import io.datum.cvat.internal.xml.NameTable;
import io.datum.cvat.internal.xml.XmlCursor;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.files.FolderPaths;
import io.datum.text.PythonNumbers;

import static io.datum.cvat.internal.CvatNames.ATTRIBUTE;
import static io.datum.cvat.internal.CvatNames.BOX;
import static io.datum.cvat.internal.CvatNames.FRAME;
import static io.datum.cvat.internal.CvatNames.GROUP_ID;
import static io.datum.cvat.internal.CvatNames.HEIGHT;
import static io.datum.cvat.internal.CvatNames.ID;
import static io.datum.cvat.internal.CvatNames.IMAGE;
import static io.datum.cvat.internal.CvatNames.KEYFRAME;
import static io.datum.cvat.internal.CvatNames.LABEL;
import static io.datum.cvat.internal.CvatNames.LEFT;
import static io.datum.cvat.internal.CvatNames.MASK;
import static io.datum.cvat.internal.CvatNames.NAME;
import static io.datum.cvat.internal.CvatNames.OCCLUDED;
import static io.datum.cvat.internal.CvatNames.OUTSIDE;
import static io.datum.cvat.internal.CvatNames.POINTS;
import static io.datum.cvat.internal.CvatNames.POLYGON;
import static io.datum.cvat.internal.CvatNames.POLYLINE;
import static io.datum.cvat.internal.CvatNames.RLE;
import static io.datum.cvat.internal.CvatNames.SKELETON;
import static io.datum.cvat.internal.CvatNames.SUBSET;
import static io.datum.cvat.internal.CvatNames.TAG;
import static io.datum.cvat.internal.CvatNames.TOP;
import static io.datum.cvat.internal.CvatNames.TRACK;
import static io.datum.cvat.internal.CvatNames.TRACK_ID;
import static io.datum.cvat.internal.CvatNames.WIDTH;
import static io.datum.cvat.internal.CvatNames.XBR;
import static io.datum.cvat.internal.CvatNames.XTL;
import static io.datum.cvat.internal.CvatNames.YBR;
import static io.datum.cvat.internal.CvatNames.YTL;
import static io.datum.cvat.internal.CvatNames.Z_ORDER;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Coords;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.Mask;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the body of a CVAT file (everything after {@code </meta>}) into {@link FrameRecord}s, one
 * parser event at a time, so that a caller can pull items while the file streams.
 *
 * <p>Unlike Datumaro, an {@code <attribute>} belongs only to the shape or tag it is a direct
 * child of; attributes of skipped elements (ellipse, cuboid, skeleton) are dropped with them
 * instead of leaking into the previous annotation (docs/differences.md, D10). Input Datumaro crashes on
 * is an error naming the file, line and value.
 */
final class BodyReader {
    private record Track(long id, Integer label, long group, String subset, int depth) {
    }

    private record Frame(String frame, String name, ImageSize size, String subset, int depth) {
    }

    /**
     * A shape or tag being read: what its start tag said, and the attributes of its children. The
     * annotation is made once, at the end tag, when its attributes are known; one object is used
     * again for every shape (they do not nest).
     */
    private static final class Open {
        String element;
        int depth;
        String frame;
        final Attributes.Builder attributes = Attributes.builder().reusingBuilt();
        Integer label;
        long id;
        long group;
        int z;
        double x1;
        double y1;
        double x2;
        double y2;
        Coords points;
        RleMask mask;
        boolean occluded;
        boolean outside;
        boolean keyframe;

        Open start(String element, int depth, String frame) {
            this.element = element;
            this.depth = depth;
            this.frame = frame;
            this.attributes.clear();
            this.points = null;
            this.mask = null;
            return this;
        }

        Annotation build(Attributes a) {
            return switch (element) {
                case TAG -> new Label(label, 0, group, a);
                case BOX -> new Bbox(label, x1, y1, x2, y2, id, group, z, a, null);
                case POLYGON -> new Polygon(label, points, id, group, z, a);
                case POLYLINE -> new PolyLine(label, points, id, group, z, a);
                case POINTS -> new Points(label, points, id, group, z, a);
                default -> new Mask(label, mask, id, group, z, a);
            };
        }
    }

    /** The {@code <attribute>} child being read; one object, used again for each (there are millions). */
    private static final class AttributeText {
        String name;
        int depth;
        /** The text, when it came in one event (almost always: a word, a number); else gathered in {@link #more}. */
        String text;
        StringBuilder more = new StringBuilder();
        boolean gathering;
        boolean hasChild;

        AttributeText start(String name, int depth) {
            this.name = name;
            this.depth = depth;
            this.text = "";
            this.gathering = false;
            this.hasChild = false;
            if (more.capacity() > 1 << 16) {
                more = new StringBuilder();  // not kept at the size of one huge value
            }
            return this;
        }

        int length() {
            return gathering ? more.length() : text.length();
        }

        void append(String piece) {
            if (!gathering && text.isEmpty()) {
                text = piece;
                return;
            }
            if (!gathering) {
                more.setLength(0);
                more.append(text);
                gathering = true;
            }
            more.append(piece);
        }

        String value() {
            return gathering ? more.toString() : text;
        }
    }

    private final XmlCursor parser;
    private final Labels labels;
    private final Map<String, String> attributeTypes;
    private final ImageSize originalSize;
    private final XmlLimits limits;
    private final Consumer<String> skippedElement;
    private Track track;
    private Frame image;
    private final Open open = new Open();
    private Open shape;  // open while inside a shape or tag, else null
    private final AttributeText attributeText = new AttributeText();
    private AttributeText attribute;  // attributeText while inside an <attribute>, else null
    private String skeletonFrame;

    /**
     * @param labels         the labels that label names are resolved against
     * @param skippedElement told the name of every unsupported shape element that is skipped
     */
    BodyReader(XmlCursor parser, CvatMeta meta, LabelCategories labels, XmlLimits limits,
               Consumer<String> skippedElement) {
        this(parser, meta, new Labels(labels), limits, skippedElement);
    }

    /** A reader that resolves label names with {@code labels}, made once for all readers of a pass. */
    BodyReader(XmlCursor parser, CvatMeta meta, Labels labels, XmlLimits limits, Consumer<String> skippedElement) {
        this.parser = parser;
        this.labels = labels;
        this.attributeTypes = meta.attributeTypes();
        this.originalSize = meta.originalSize();
        this.limits = limits;
        this.skippedElement = skippedElement;
    }

    /** Reads one parser event, giving any record it completes to {@code sink}; false at the end of the file. */
    boolean step(Consumer<FrameRecord> sink) {
        int event = parser.next();
        switch (event) {
            case XmlCursor.END_DOCUMENT -> {
                return false;
            }
            case XmlCursor.START_ELEMENT -> start(parser.name());
            case XmlCursor.CHARACTERS -> text();
            case XmlCursor.END_ELEMENT -> end(parser.name(), parser.depth() + 1, sink);
            default -> {
            }
        }
        return true;
    }

    private void start(String name) {
        int depth = parser.depth();
        if (attribute != null) {
            attribute.hasChild = true;
        }
        switch (name) {
            case TRACK -> startTrack(depth);
            case IMAGE -> startImage(depth);
            case BOX, POLYGON, POLYLINE, POINTS, MASK -> startShape(name, depth);
            case TAG -> startTag(depth);
            case ATTRIBUTE -> {
                if (shape != null && depth == shape.depth + 1) {
                    attribute = attributeText.start(required(ATTRIBUTE, NAME), depth);
                }
            }
            default -> {
                if (CvatNames.UNSUPPORTED_SHAPES.contains(name) && (image != null || track != null)) {
                    skippedElement.accept(name);
                    if (SKELETON.equals(name) && track != null) {
                        skeletonFrame = parser.attribute(FRAME);
                    }
                }
            }
        }
    }

    private void startTrack(int depth) {
        if (track != null || image != null) {
            throw parser.at("<track> inside another <track> or <image>");
        }
        long id = integer(TRACK, ID, required(TRACK, ID));
        track = new Track(id, label(), optionalInteger(TRACK, GROUP_ID, 0),
                parser.attribute(SUBSET), depth);
    }

    private void startImage(int depth) {
        if (track != null || image != null) {
            throw parser.at("<image> inside another <image> or <track>");
        }
        String frame = required(IMAGE, ID);
        integer(IMAGE, ID, frame);
        String name = required(IMAGE, NAME);
        String unsafe = FolderPaths.nameProblem(name);
        if (unsafe != null) {
            throw parser.at("<image id=\"" + frame + "\"> name '" + name + "' " + unsafe);
        }
        String width = parser.attribute(WIDTH);
        String height = parser.attribute(HEIGHT);
        ImageSize size = null;
        if (width != null && !width.isEmpty() && height != null && !height.isEmpty()) {
            long w = integer(IMAGE, WIDTH, width);
            long h = integer(IMAGE, HEIGHT, height);
            if (w <= 0 || h <= 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
                throw parser.at("<image id=\"" + frame + "\"> has an invalid size " + width + "x" + height);
            }
            size = new ImageSize((int) w, (int) h);
        }
        image = new Frame(frame, name, size, parser.attribute(SUBSET), depth);
    }

    private void startShape(String element, int depth) {
        if (shape != null) {
            throw parser.at("<" + element + "> inside <" + shape.element + ">");
        }
        if (image == null && track == null) {
            throw parser.at("<" + element + "> outside an <image> or <track>");
        }
        String frame;
        Integer label;
        long group;
        long id;
        boolean outside = false;
        boolean keyframe = false;
        if (track != null) {
            frame = parser.attribute(FRAME);
            if (frame == null) {
                frame = skeletonFrame;
            }
            if (frame == null) {
                throw parser.at("<" + element + "> in <track id=\"" + track.id + "\"> has no 'frame' attribute");
            }
            integer(element, FRAME, frame);
            label = track.label;
            group = track.group;
            id = track.id;
            outside = "1".equals(parser.attribute(OUTSIDE));
            keyframe = "1".equals(parser.attribute(KEYFRAME));
        } else {
            frame = image.frame;
            label = label();
            group = optionalInteger(element, GROUP_ID, 0);
            id = 0;
        }
        long zOrder = optionalInteger(element, Z_ORDER, 0);
        if (zOrder != (int) zOrder) {
            throw parser.at("<" + element + "> z_order " + zOrder + " is out of range");
        }
        Open s = open.start(element, depth, frame);
        s.occluded = "1".equals(parser.attribute(OCCLUDED));
        s.outside = outside;
        s.keyframe = keyframe;
        s.label = label;
        s.id = id;
        s.group = group;
        s.z = (int) zOrder;
        switch (element) {
            case BOX -> {
                s.x1 = real(element, XTL);
                s.y1 = real(element, YTL);
                s.x2 = real(element, XBR);
                s.y2 = real(element, YBR);
            }
            case POLYGON -> {
                double[] p = points(element);
                if (p.length % 2 != 0 || p.length < 6) {
                    throw parser.at("<polygon> needs at least 3 points (x,y pairs), got '" + parser.attribute(POINTS) + "'");
                }
                s.points = Coords.of(p);
            }
            case POLYLINE -> s.points = Coords.of(points(element));
            case POINTS -> {
                double[] p = points(element);
                if (p.length % 2 != 0) {
                    throw parser.at("<points> needs x,y pairs, got '" + parser.attribute(POINTS) + "'");
                }
                s.points = Coords.of(p);
            }
            default -> s.mask = mask();
        }
        shape = s;
    }

    private void startTag(int depth) {
        if (shape != null) {
            throw parser.at("<tag> inside <" + shape.element + ">");
        }
        if (image == null) {
            throw parser.at("<tag> outside an <image>");
        }
        int found = parser.lookUp(LABEL, labels.names);
        if (found == NameTable.ABSENT) {
            required(TAG, LABEL);  // the error for a missing attribute
        }
        if (found < 0) {
            throw parser.at("<tag> label '" + parser.attribute(LABEL) + "' is not declared in <meta>");
        }
        Integer label = labels.indexes[found];
        Open t = open.start(TAG, depth, image.frame);
        t.label = label;
        t.group = optionalInteger(TAG, GROUP_ID, 0);
        shape = t;
    }

    private void text() {
        if (attribute != null && !attribute.hasChild && parser.depth() == attribute.depth) {
            String piece = parser.text();
            if (attribute.length() + piece.length() > limits.maxTextLength()) {
                throw parser.at("<attribute name=\"" + attribute.name + "\"> text longer than " + limits.maxTextLength()
                        + " characters");
            }
            attribute.append(piece);
        }
    }

    private void end(String name, int depth, Consumer<FrameRecord> sink) {
        if (attribute != null && depth == attribute.depth) {
            shape.attributes.put(attribute.name, AttributeValues.typed(attribute.value(),
                    attributeTypes.get(attribute.name)));
            attribute = null;
        } else if (shape != null && depth == shape.depth) {
            sink.accept(new FrameRecord.AnnotationRecord(subset(), shape.frame, finish(shape)));
            shape = null;
        } else if (image != null && depth == image.depth) {
            sink.accept(new FrameRecord.ImageRecord(image.subset, image.frame, image.name, image.size));
            image = null;
        } else if (track != null && depth == track.depth) {
            track = null;
        } else if (SKELETON.equals(name)) {
            skeletonFrame = null;
        }
    }

    private String subset() {
        return image != null ? image.subset : track.subset;
    }

    /** The annotation with its attributes: the children's, then occluded, and for tracks outside, keyframe, track_id. */
    private Annotation finish(Open s) {
        Attributes.Builder a = s.attributes;
        if (!TAG.equals(s.element)) {
            a.put(OCCLUDED, s.occluded);
            if (track != null) {
                a.put(OUTSIDE, s.outside);
                a.put(KEYFRAME, s.keyframe);
                a.put(TRACK_ID, track.id);
            }
        }
        return s.build(a.build());
    }

    private RleMask mask() {
        ImageSize canvas = image != null ? image.size : originalSize;
        if (canvas == null) {
            throw parser.at(image != null
                    ? "<mask> needs the width and height of its <image id=\"" + image.frame + "\">"
                    : "<mask> in a <track> needs the <original_size> of the video in <meta>");
        }
        if (canvas.pixels() > limits.maxMaskPixels()) {
            throw parser.at("<mask> canvas of " + canvas.width() + "x" + canvas.height() + " pixels exceeds the limit of "
                    + limits.maxMaskPixels() + " pixels");
        }
        long left = integer(MASK, LEFT, required(MASK, LEFT));
        long top = integer(MASK, TOP, required(MASK, TOP));
        long width = integer(MASK, WIDTH, required(MASK, WIDTH));
        long height = integer(MASK, HEIGHT, required(MASK, HEIGHT));
        if (left < 0 || top < 0 || width < 0 || height < 0 || left + width > canvas.width()
                || top + height > canvas.height()) {
            throw parser.at("<mask> box left=" + left + " top=" + top + " width=" + width + " height=" + height
                    + " does not fit in its " + canvas.width() + "x" + canvas.height() + " image");
        }
        String rle = required(MASK, RLE);
        String[] pieces = rle.split(",", -1);
        int[] counts = new int[pieces.length];
        long total = 0;
        for (int i = 0; i < pieces.length; i++) {
            long c;
            try {
                c = PythonNumbers.parseInt(pieces[i]);
            } catch (NumberFormatException e) {
                throw parser.at("<mask> rle count '" + pieces[i].strip() + "' is not an integer");
            }
            if (c < 0 || c > Integer.MAX_VALUE) {
                throw parser.at("<mask> rle count " + c + " is out of range");
            }
            counts[i] = (int) c;
            total += c;
        }
        if (total != width * height) {
            throw parser.at("<mask> rle counts add up to " + total + " pixels, but its box has " + width + "x" + height
                    + " = " + (width * height));
        }
        return new RleMask(canvas.width(), canvas.height(), (int) left, (int) top, (int) width, (int) height, counts);
    }

    /** CVAT's {@code "x1,y1;x2,y2"}; every number is read, whatever the grouping, as Datumaro does. */
    private double[] points(String element) {
        String text = required(element, POINTS);
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';' || c == ',') {
                n++;
            }
        }
        double[] values = new double[n];
        int from = 0;
        for (int k = 0; k < n; k++) {
            int to = from;
            while (to < text.length() && text.charAt(to) != ';' && text.charAt(to) != ',') {
                to++;
            }
            try {
                values[k] = PythonNumbers.parseFloat(text, from, to);
            } catch (NumberFormatException e) {
                throw parser.at("<" + element + "> points '" + text + "': '" + text.substring(from, to) + "' is not a number");
            }
            from = to + 1;
        }
        return values;
    }

    /**
     * The labels that label names are resolved against, as a {@link NameTable}: made once for a
     * pass and shared by the readers of its chunks (a table of tens of thousands of labels made
     * per chunk would cost more than the chunk), with each index boxed once.
     */
    static final class Labels {
        private final NameTable names;
        private final Integer[] indexes;

        Labels(LabelCategories labels) {
            List<String> names = new ArrayList<>(labels.size());
            List<Integer> numbers = new ArrayList<>(labels.size());
            indexes = new Integer[labels.size()];
            for (int i = 0; i < labels.size(); i++) {
                String name = labels.get(i).name();
                names.add(name);
                // the index the categories give the name: the same whichever label declared it first
                numbers.add(labels.find(name).orElse(i));
                indexes[i] = i;
            }
            this.names = new NameTable(names, numbers);
        }
    }

    /** The index of the label the current element's {@code label} attribute names; null without one, or for an unknown name. */
    private Integer label() {
        int i = parser.lookUp(LABEL, labels.names);
        return i >= 0 ? labels.indexes[i] : null;
    }

    private String required(String element, String attributeName) {
        String v = parser.attribute(attributeName);
        if (v == null) {
            throw parser.at("<" + element + "> has no '" + attributeName + "' attribute");
        }
        return v;
    }

    private long integer(String element, String attributeName, String value) {
        try {
            return PythonNumbers.parseInt(value);
        } catch (NumberFormatException e) {
            throw parser.at("<" + element + "> " + attributeName + "='" + value + "' is not an integer");
        }
    }

    // the numbers of every shape are read by position, so that the scanner can read them from its bytes

    private long optionalInteger(String element, String attributeName, long fallback) {
        int i = parser.attributeIndex(attributeName);
        if (i < 0) {
            return fallback;
        }
        try {
            return parser.integerValue(i);
        } catch (NumberFormatException e) {
            throw parser.at("<" + element + "> " + attributeName + "='" + parser.attributeValue(i) + "' is not an integer");
        }
    }

    private double real(String element, String attributeName) {
        int i = parser.attributeIndex(attributeName);
        if (i < 0) {
            throw parser.at("<" + element + "> has no '" + attributeName + "' attribute");
        }
        try {
            return parser.realValue(i);
        } catch (NumberFormatException e) {
            throw parser.at("<" + element + "> " + attributeName + "='" + parser.attributeValue(i) + "' is not a number");
        }
    }
}
