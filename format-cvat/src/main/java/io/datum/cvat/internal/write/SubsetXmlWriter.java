package io.datum.cvat.internal.write;

import static io.datum.cvat.internal.CvatNames.ATTRIBUTE;
import static io.datum.cvat.internal.CvatNames.ATTRIBUTES;
import static io.datum.cvat.internal.CvatNames.DEFAULT_VALUE;
import static io.datum.cvat.internal.CvatNames.FRAME;
import static io.datum.cvat.internal.CvatNames.FRAME_FILTER;
import static io.datum.cvat.internal.CvatNames.GROUP_ID;
import static io.datum.cvat.internal.CvatNames.HEIGHT;
import static io.datum.cvat.internal.CvatNames.ID;
import static io.datum.cvat.internal.CvatNames.IMAGE;
import static io.datum.cvat.internal.CvatNames.INPUT_TYPE;
import static io.datum.cvat.internal.CvatNames.KEYFRAME;
import static io.datum.cvat.internal.CvatNames.LABEL;
import static io.datum.cvat.internal.CvatNames.LABELS;
import static io.datum.cvat.internal.CvatNames.LEFT;
import static io.datum.cvat.internal.CvatNames.META;
import static io.datum.cvat.internal.CvatNames.MODE;
import static io.datum.cvat.internal.CvatNames.MUTABLE;
import static io.datum.cvat.internal.CvatNames.NAME;
import static io.datum.cvat.internal.CvatNames.OCCLUDED;
import static io.datum.cvat.internal.CvatNames.ORIGINAL_SIZE;
import static io.datum.cvat.internal.CvatNames.OUTSIDE;
import static io.datum.cvat.internal.CvatNames.OVERLAP;
import static io.datum.cvat.internal.CvatNames.POINTS;
import static io.datum.cvat.internal.CvatNames.RLE;
import static io.datum.cvat.internal.CvatNames.SIZE;
import static io.datum.cvat.internal.CvatNames.START_FRAME;
import static io.datum.cvat.internal.CvatNames.STOP_FRAME;
import static io.datum.cvat.internal.CvatNames.TAG;
import static io.datum.cvat.internal.CvatNames.TASK;
import static io.datum.cvat.internal.CvatNames.TOP;
import static io.datum.cvat.internal.CvatNames.TRACK;
import static io.datum.cvat.internal.CvatNames.VERSION;
import static io.datum.cvat.internal.CvatNames.WIDTH;
import static io.datum.cvat.internal.CvatNames.XBR;
import static io.datum.cvat.internal.CvatNames.XTL;
import static io.datum.cvat.internal.CvatNames.YBR;
import static io.datum.cvat.internal.CvatNames.YTL;
import static io.datum.cvat.internal.CvatNames.Z_ORDER;

import io.datum.cvat.internal.AttributeValues;
import io.datum.cvat.internal.CvatNames;
import io.datum.cvat.internal.RleMask;
import io.datum.model.Annotation;
import io.datum.model.AttributeSpec;
import io.datum.model.Bbox;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.spi.DatasetException;
import io.datum.spi.JobContext;
import io.datum.text.PythonNumbers;
import io.datum.support.stream.WriteBehind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Writes one {@code <subset>.xml}: the header and {@code <meta>} at once (the item count comes
 * from the exporter's counting pass), then items or tracks as they come, then the root's end tag
 * in {@link #finish()}. Labels' attribute declarations are written in declaration order with
 * what the source declared (docs/differences.md, D9, D20).
 */
final class SubsetXmlWriter implements AutoCloseable {
    static final String WARN_UNDECLARED = "skipped undeclared attributes (pass --allow-undeclared-attrs)";
    static final String WARN_NO_LABEL = "skipped annotations with no label";
    private final XmlOut xml;
    private final String fileName;
    private final String subset;
    private final LabelCategories labels;
    private final List<Set<String>> declared = new ArrayList<>();
    private final ExportSettings settings;
    private final JobContext context;
    /** Undeclared attributes skipped: counts by label index (filled on first use), names in order of first occurrence; labels in that order too. */
    private final SkippedNames[] skippedByLabel;
    private final List<Integer> skippedLabels = new ArrayList<>();
    private static final int MAX_CACHED_ATTRIBUTE_NAMES = 1024;
    private static final Object ABSENT = new Object();
    /** The three flags of most shapes, in one piece. */
    private static final byte[] NO_FLAGS = (" " + OCCLUDED + "=\"0\" " + OUTSIDE + "=\"0\" " + KEYFRAME + "=\"0\"")
            .getBytes(StandardCharsets.US_ASCII);
    private final Map<String, AttributeName> attributeNames = new HashMap<>();
    /** By label index; filled on first use. */
    private final byte[][] labelAttributes;

    private SubsetXmlWriter(XmlOut xml, String fileName, String subset, LabelCategories labels, ExportSettings settings,
                            JobContext context) {
        this.xml = xml;
        this.fileName = fileName;
        this.subset = subset;
        this.labels = labels;
        this.settings = settings;
        this.context = context;
        this.labelAttributes = new byte[labels.size()][];
        this.skippedByLabel = new SkippedNames[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            declared.add(new HashSet<>(labels.attributeNames(i)));
        }
    }

    /**
     * Creates {@code folder/<subset>.xml}, written through {@code behind}, and writes everything up
     * to {@code </meta>}.
     */
    static SubsetXmlWriter open(Path folder, WriteBehind behind, String subset, long size, LabelCategories labels,
                                ImageSize originalSize, ExportSettings settings, JobContext context) throws IOException {
        String fileName = subset + CvatNames.XML_EXTENSION;
        XmlOut xml = new XmlOut(behind.open(folder.resolve(fileName)));
        SubsetXmlWriter w = new SubsetXmlWriter(xml, fileName, subset, labels, settings, context);
        try {
            w.writeHeader(size, originalSize);
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    private void writeHeader(long size, ImageSize originalSize) throws IOException {
        xml.startDocument(CvatNames.ANNOTATIONS);
        xml.leaf(VERSION, CvatNames.XML_VERSION);
        xml.startTag(META);
        xml.endStartTag();
        xml.startTag(TASK);
        xml.endStartTag();
        xml.leaf(ID, "");
        try {
            xml.leaf(NAME, subset);
        } catch (XmlOut.UnwritableText e) {
            throw new DatasetException("subset name " + e.getMessage());
        }
        xml.leaf(SIZE, Long.toString(size));
        xml.leaf(MODE, "annotation");
        xml.leaf(OVERLAP, "");
        xml.leaf(START_FRAME, "0");
        // Datumaro writes the item count here, where CVAT writes the last frame number
        xml.leaf(STOP_FRAME, Long.toString(size));
        xml.leaf(FRAME_FILTER, "");
        xml.leaf(Z_ORDER, "True");
        xml.startTag(LABELS);
        xml.endStartTag();
        for (LabelCategory label : labels.labels()) {
            try {
                writeLabel(label);
            } catch (XmlOut.UnwritableText e) {
                throw new DatasetException("label " + e.getMessage());
            }
        }
        xml.close(LABELS);
        if (originalSize != null) {
            xml.startTag(ORIGINAL_SIZE);
            xml.endStartTag();
            xml.leaf(WIDTH, Integer.toString(originalSize.width()));
            xml.leaf(HEIGHT, Integer.toString(originalSize.height()));
            xml.close(ORIGINAL_SIZE);
        }
        xml.close(TASK);
        xml.close(META);
    }

    private void writeLabel(LabelCategory label) throws IOException {
        xml.startTag(LABEL);
        xml.endStartTag();
        xml.leaf(NAME, label.name());
        xml.startTag(ATTRIBUTES);
        xml.endStartTag();
        Map<String, AttributeSpec> specs = new LinkedHashMap<>();
        for (AttributeSpec a : label.attributes()) {
            specs.putIfAbsent(a.name(), a);
        }
        for (AttributeSpec a : labels.commonAttributes()) {
            specs.putIfAbsent(a.name(), a);
        }
        for (AttributeSpec a : specs.values()) {
            if (CvatNames.BUILTIN_ATTRIBUTES.contains(a.name())) {
                continue;
            }
            xml.startTag(ATTRIBUTE);
            xml.endStartTag();
            xml.leaf(NAME, a.name());
            // what a format without declarations gets: Datumaro's fixed declaration
            xml.leaf(MUTABLE, !a.isTyped() || a.mutable() ? "True" : "False");
            xml.leaf(INPUT_TYPE, a.isTyped() ? a.inputType() : "text");
            xml.leaf(DEFAULT_VALUE, a.isTyped() && a.defaultValue() != null ? a.defaultValue() : "");
            xml.leaf(CvatNames.VALUES, a.isTyped() ? String.join("\n", a.values()) : "");
            xml.close(ATTRIBUTE);
        }
        xml.close(ATTRIBUTES);
        xml.close(LABEL);
    }

    /** One {@code <image>} with its tags and shapes, in the item's annotation order. */
    void writeImage(DatasetItem item, String imageId, String name, ImageSize size) throws IOException {
        try {
            xml.startTag(IMAGE);
            xml.plainAttribute(ID, imageId); // digits: Python str(int(...))
            xml.attribute(NAME, name);
            if (size != null) {
                xml.longAttribute(WIDTH, size.width());
                xml.longAttribute(HEIGHT, size.height());
            }
            xml.endStartTag();
            for (Annotation a : item.annotations()) {
                if (a instanceof Label l) {
                    writeTag(l, item.id());
                } else if (elementOf(a) != null) {
                    writeShape(a, item.id(), null);
                }
            }
            xml.close(IMAGE);
        } catch (XmlOut.UnwritableText e) {
            throw itemError(item.id(), e.getMessage());
        }
    }

    /** One {@code <track>}: its shapes with their frames, without labels or attributes, as Datumaro writes them. */
    void writeTrack(long trackId, int label, List<Long> frames, List<Annotation> annotations) throws IOException {
        try {
            xml.startTag(TRACK);
            xml.attribute(ID, Long.toString(trackId));
            xml.attribute(LABEL, labelName(label, null, "track " + trackId));
            xml.endStartTag();
            for (int i = 0; i < annotations.size(); i++) {
                Annotation a = annotations.get(i);
                if (elementOf(a) != null) {
                    writeShape(a, null, frames.get(i));
                }
            }
            xml.close(TRACK);
        } catch (XmlOut.UnwritableText e) {
            throw new DatasetException(fileName + ": track " + trackId + ": " + e.getMessage());
        }
    }

    private void writeTag(Label tag, String itemId) throws IOException {
        xml.startTag(TAG);
        xml.raw(labelAttribute(tag.labelIndex(), itemId, "label"));
        if (tag.group() != 0) {
            xml.longAttribute(GROUP_ID, tag.group());
        }
        xml.endStartTag();
        writeAttributes(tag, tag.labelIndex(), itemId);
        xml.close(TAG);
    }

    /** A shape of an image ({@code frame} null: with label and attributes) or of a track (with its frame). */
    private void writeShape(Annotation a, String itemId, Long frame) throws IOException {
        String element = elementOf(a);
        String type = a.type().typeName();
        if (frame == null && a.label() == null) {
            context.warn(WARN_NO_LABEL, type, 1);
            if (context.debugEnabled()) {
                context.debug("Item " + itemId + ": skipping a " + type + " with no label");
            }
            return;
        }
        xml.startTag(element);
        if (frame == null) {
            xml.raw(labelAttribute(a.label(), itemId, type));
        } else {
            xml.longAttribute(FRAME, frame);
        }
        String occluded = flag(a, OCCLUDED, itemId);
        String outside = flag(a, OUTSIDE, itemId);
        String keyframe = flag(a, KEYFRAME, itemId);
        if (occluded.equals("0") && outside.equals("0") && keyframe.equals("0")) {
            xml.raw(NO_FLAGS);
        } else {
            xml.plainAttribute(OCCLUDED, occluded);
            xml.plainAttribute(OUTSIDE, outside);
            xml.plainAttribute(KEYFRAME, keyframe);
        }
        if (a instanceof Bbox b) {
            xml.fixed2Attribute(XTL, b.x1());
            xml.fixed2Attribute(YTL, b.y1());
            xml.fixed2Attribute(XBR, b.x2());
            xml.fixed2Attribute(YBR, b.y2());
        } else if (a instanceof Mask m) {
            MaskData data = m.data();
            writeRle(data);
            xml.plainAttribute(LEFT, "0");
            xml.plainAttribute(TOP, "0");
            xml.longAttribute(WIDTH, data.width());
            xml.longAttribute(HEIGHT, data.height());
        } else {
            xml.pointsAttribute(POINTS, coordsOf(a));
        }
        xml.longAttribute(Z_ORDER, a.zOrder());
        if (a.group() != 0) {
            xml.longAttribute(GROUP_ID, a.group());
        }
        xml.endStartTag();
        if (frame == null) {
            writeAttributes(a, a.label(), itemId);
        }
        xml.close(element);
    }

    /**
     * Run lengths over the whole frame, as Datumaro writes masks (CVAT itself writes a tight
     * box), each written as the rows give it: a mask as large as the pixel limit allows is never
     * held whole, as pixels or as counts.
     */
    private void writeRle(MaskData data) throws IOException {
        xml.startListAttribute(RLE);
        int[] counts = null;
        if (data instanceof RleMask r && r.left() == 0 && r.top() == 0 && r.boxWidth() == r.width()
                && r.boxHeight() == r.height()) {
            counts = r.counts();
            for (int i = 1; i < counts.length; i++) {
                if (counts[i] == 0) {
                    counts = null; // not in the canonical form the pixels would give
                    break;
                }
            }
        }
        if (counts != null) {
            for (int i = 0; i < counts.length; i++) {
                xml.listedLong(counts[i], i == 0);
            }
        } else {
            boolean[] first = {true};
            RleMask.runs(data, length -> {
                xml.listedLong(length, first[0]);
                first[0] = false;
            });
        }
        xml.endListAttribute();
    }

    private static Coords coordsOf(Annotation a) {
        if (a instanceof Polygon p) {
            return p.points();
        } else if (a instanceof PolyLine p) {
            return p.points();
        }
        return ((Points) a).points();
    }

    /** {@code occluded}, {@code outside}, {@code keyframe} as Python {@code str(int(value))}, 0 when absent. */
    private String flag(Annotation a, String name, String itemId) {
        Object value = a.attributes().getOrDefault(name, ABSENT);
        if (value == ABSENT) {
            return "0";
        }
        try {
            return AttributeValues.intText(value);
        } catch (NumberFormatException e) {
            throw itemError(itemId, "attribute '" + name + "' of a " + a.type().typeName() + " is "
                    + PythonNumbers.str(value) + ", not a number");
        }
    }

    private void writeAttributes(Annotation a, int label, String itemId) throws IOException {
        // forEach on the map itself: iterating the unmodifiable entry set wrapped every entry
        attributeLines.label = label;
        attributeLines.itemId = itemId;
        try {
            a.attributes().forEach(attributeLines);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** {@link #writeAttribute} of each attribute: one object for every annotation, where a lambda was made for each. */
    private final class AttributeLines implements BiConsumer<String, Object> {
        int label;
        String itemId;

        @Override
        public void accept(String name, Object value) {
            writeAttribute(label, name, value, itemId);
        }
    }

    private final AttributeLines attributeLines = new AttributeLines();

    private void writeAttribute(int label, String name, Object value, String itemId) {
        try {
            AttributeName n = attributeName(name);
            if (n.builtin) {
                return;
            }
            if (settings.allowUndeclared() || declared.get(label).contains(name)) {
                // numbers and booleans print as digits, signs, '.', 'e', "inf", "nan", "true", "false"
                byte[] line = n.lineOf(value);
                if (line != null) {
                    xml.line(line);
                } else {
                    boolean plain = value instanceof Long || value instanceof Integer;
                    xml.leafAfter(n.startTag(), ATTRIBUTE, AttributeValues.text(value), plain);
                }
            } else {
                // Counted here and reported once per (label, attribute) on close: building the
                // message for each of millions of occurrences would cost more than the export.
                SkippedNames counts = skippedByLabel[label];
                if (counts == null) {
                    counts = skippedByLabel[label] = new SkippedNames();
                    skippedLabels.add(label);
                }
                counts.count(n);
                if (context.debugEnabled()) {
                    context.debug("Item " + itemId + ": " + undeclaredMessage(label, name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String undeclaredMessage(int label, String attribute) {
        return "skipping undeclared attribute '" + attribute + "' for label '" + labels.get(label).name() + "'";
    }

    /**
     * Reports the undeclared attributes skipped so far and forgets them: one warning per
     * attribute name (the front end adds up the labels' counts), the labels at debug level.
     */
    private void reportSkippedUndeclared() {
        for (int label : skippedLabels) {
            SkippedNames counts = skippedByLabel[label];
            for (int i = 0; i < counts.size; i++) {
                context.warn(WARN_UNDECLARED, counts.names[i].name, counts.counts[i]);
                if (context.debugEnabled()) {
                    context.debug(undeclaredMessage(label, counts.names[i].name) + ": " + counts.counts[i]
                            + (counts.counts[i] == 1 ? " time" : " times"));
                }
            }
            skippedByLabel[label] = null;
        }
        skippedLabels.clear();
    }

    /** The name's record: readers share one String per attribute name, so most lookups end at an identity check. */
    private AttributeName attributeName(String name) {
        for (int i = 0; i < recentNames.length; i++) {
            AttributeName n = recentNames[i];
            if (n != null && n.name == name) {
                return n;
            }
        }
        AttributeName n = attributeNames.get(name);
        if (n == null) {
            n = new AttributeName(name);
            // names come from the data with --allow-undeclared-attrs: keep the memory bounded
            if (attributeNames.size() < MAX_CACHED_ATTRIBUTE_NAMES) {
                attributeNames.put(name, n);
            }
        }
        recentNames[recent] = n;
        recent = (recent + 1) % recentNames.length;
        return n;
    }

    private final AttributeName[] recentNames = new AttributeName[8];
    private int recent;

    /** {@code  label="..."} of the label of a {@code type} annotation, checked and escaped once per label. */
    private byte[] labelAttribute(int index, String itemId, String type) {
        if (index >= 0 && index < labelAttributes.length && labelAttributes[index] != null) {
            return labelAttributes[index];
        }
        byte[] attribute = XmlOut.attributeBytes(LABEL, labelName(index, itemId, "a " + type));
        labelAttributes[index] = attribute;
        return attribute;
    }

    private String labelName(int index, String itemId, String what) {
        if (index < 0 || index >= labels.size()) {
            String problem = what + " has label index " + index + ", but the dataset has " + labels.size() + " labels";
            throw itemId == null ? new DatasetException(fileName + ": " + problem) : itemError(itemId, problem);
        }
        return labels.get(index).name();
    }

    /** The CVAT element of a shape, or null for annotations CVAT XML does not get (ellipse, caption). */
    static String elementOf(Annotation a) {
        return switch (a.type()) {
            case BBOX -> CvatNames.BOX;
            case POLYGON -> CvatNames.POLYGON;
            case POLYLINE -> CvatNames.POLYLINE;
            case POINTS -> CvatNames.POINTS;
            case MASK -> CvatNames.MASK;
            default -> null;
        };
    }

    private DatasetException itemError(String itemId, String problem) {
        return new DatasetException("Item '" + itemId + "' of subset '" + subset + "': " + problem);
    }

    /** The root's end tag; the file is complete after this. */
    void finish() throws IOException {
        xml.endDocument(CvatNames.ANNOTATIONS);
        reportSkippedUndeclared();
    }

    @Override
    public void close() throws IOException {
        xml.close();
    }
}
