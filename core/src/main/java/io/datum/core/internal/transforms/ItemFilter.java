package io.datum.core.internal.transforms;

import io.datum.core.internal.transforms.xpath.ItemXPath;
import io.datum.core.internal.transforms.xpath.XPathFailure;
import io.datum.core.internal.transforms.xpath.XmlNode;
import io.datum.model.Annotation;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.ImageSize;
import io.datum.model.LabelCategories;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code filter} transform's work ({@code -e/--filter} of {@code convert} and {@code export}):
 * an XPath 1.0 expression evaluated against each item written as the reference's item XML, one
 * item at a time, with the item element as the context node (as the reference evaluates it, so
 * that {@code subset='train'} works as well as {@code /item[subset='train']}).
 * Modes: {@code items} keeps the items for which the result is true as Python takes it (a
 * non-empty node-set or string, a non-zero number, true); {@code annotations} keeps the
 * annotation elements it selects; {@code items+annotations} does that and drops items left empty.
 * The XML is a light tree ({@link XmlNode}) whose numbers are spelled only when read.
 */
final class ItemFilter {
    enum Mode { ITEMS, ANNOTATIONS, ITEMS_AND_ANNOTATIONS }

    private final String expression;
    private final ItemXPath compiled;
    private final Mode mode;

    ItemFilter(String expression, String modeName) {
        this.expression = expression;
        this.mode = modeOf(modeName);
        try {
            this.compiled = ItemXPath.compile(expression);
        } catch (XPathFailure e) {
            throw new DatasetException("Failed to create XPath from expression '" + expression + "'");
        }
    }

    static Mode modeOf(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "items", "i":
                return Mode.ITEMS;
            case "annotations", "a":
                return Mode.ANNOTATIONS;
            case "items+annotations", "i+a", "a+i", "annotations+items":
                return Mode.ITEMS_AND_ANNOTATIONS;
            default:
                throw new DatasetException("Unknown filter mode '" + name + "' (choose from items, annotations, "
                        + "items+annotations; or i, a, i+a)");
        }
    }

    /** The source with the filter applied to every pass. */
    DatasetSource apply(DatasetSource source) {
        LabelCategories labels = source.categories().labels();
        return ItemStage.mapping(source, item -> filter(item, labels), ItemStage.Counts.UNKNOWN);
    }

    /** The item as the filter leaves it, or null when it is dropped. */
    DatasetItem filter(DatasetItem item, LabelCategories labels) {
        List<XmlNode> annotationElements = new ArrayList<>(item.annotations().size());
        XmlNode root = encode(item, labels, annotationElements);
        Object result;
        try {
            result = compiled.evaluate(root);
        } catch (XPathFailure e) {
            throw new DatasetException("Failed to evaluate the filter '" + expression + "' on item '" + item.id() + "': "
                    + e.getMessage());
        }
        if (mode == Mode.ITEMS) {
            return isTrue(result) ? item : null;
        }
        List<XmlNode> selected = ItemXPath.nodeSet(result);
        if (selected == null) {
            throw new DatasetException("The annotation filter '" + expression + "' must select annotation elements");
        }
        List<Annotation> kept = new ArrayList<>();
        // the selection is in document order, which is the order of the annotations
        for (XmlNode n : selected) {
            int i = annotationElements.indexOf(n);
            if (i >= 0) {
                kept.add(item.annotations().get(i));
            }
        }
        if (mode == Mode.ITEMS_AND_ANNOTATIONS && kept.isEmpty()) {
            return null;
        }
        return item.withAnnotations(kept);
    }

    /** Python's truth of the reference's result: of a number, anything but zero (NaN is true). */
    private static boolean isTrue(Object result) {
        if (result instanceof Boolean b) {
            return b;
        }
        if (result instanceof Double d) {
            return d != 0;
        }
        if (result instanceof String s) {
            return !s.isEmpty();
        }
        return !ItemXPath.nodeSet(result).isEmpty();
    }

    /**
     * The reference's item XML; returns its {@code <item>} element and adds the annotation
     * elements to {@code annotationElements} in annotation order.
     */
    static XmlNode encode(DatasetItem item, LabelCategories labels, List<XmlNode> annotationElements) {
        XmlNode root = XmlNode.document().element("item");
        root.leaf("id", item.id());
        root.leaf("subset", item.subset());
        if (item.image() != null) {
            XmlNode image = root.element("image");
            ImageSize size = item.image().size().orElse(null);
            image.leaf("width", size == null ? "unknown" : Integer.toString(size.width()));
            image.leaf("height", size == null ? "unknown" : Integer.toString(size.height()));
            image.leaf("has_data", item.image().hasData() ? "1" : "0");
            item.image().path().ifPresent(p -> image.leaf("path", p.toString()));
        }
        for (Annotation a : item.annotations()) {
            XmlNode e = root.element("annotation");
            e.leaf("id", Long.toString(a.id()));
            e.leaf("type", a.type().typeName());
            for (Map.Entry<String, Object> attr : a.attributes().entries()) {
                e.leafOf(elementName(attr.getKey()), attr.getValue());
            }
            e.leaf("group", Long.toString(a.group()));
            if (!(a instanceof Caption)) {
                Integer label = a.label();
                boolean known = label != null && label >= 0 && label < labels.size();
                e.leaf("label", known ? labels.get(label).name() : "");
                // Python's str(None) for an annotation without a label
                e.leaf("label_id", label == null ? "None" : Integer.toString(label));
            }
            if (a instanceof Bbox b) {
                box(e, b.x(), b.y(), b.w(), b.h());
            } else if (a instanceof Polygon p) {
                shape(e, p.points(), false);
            } else if (a instanceof PolyLine p) {
                shape(e, p.points(), false);
            } else if (a instanceof Points p) {
                shape(e, p.points(), true);
            } else if (a instanceof Ellipse el) {
                e.leaf("x1", el.x1());
                e.leaf("y1", el.y1());
                e.leaf("x2", el.x2());
                e.leaf("y2", el.y2());
                e.leaf("area", Math.PI * (el.x2() - el.x1()) * (el.y2() - el.y1()) / 4);
            } else if (a instanceof Caption c) {
                e.leaf("caption", c.caption());
            }
            annotationElements.add(e);
        }
        return root;
    }

    private static void shape(XmlNode e, Coords points, boolean visibility) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i + 1 < points.size(); i += 2) {
            minX = Math.min(minX, points.get(i));
            maxX = Math.max(maxX, points.get(i));
            minY = Math.min(minY, points.get(i + 1));
            maxY = Math.max(maxY, points.get(i + 1));
        }
        XmlNode bbox = e.element("bbox");
        if (points.size() >= 2) {
            box(bbox, minX, minY, maxX - minX, maxY - minY);
        }
        for (int i = 0; i + 1 < points.size(); i += 2) {
            XmlNode p = e.element("point");
            p.leaf("x", points.get(i));
            p.leaf("y", points.get(i + 1));
            if (visibility) {
                // the name of the reference's visibility; every point of the model is visible
                p.leaf("visible", "visible");
            }
        }
    }

    private static void box(XmlNode e, double x, double y, double w, double h) {
        e.leaf("x", x);
        e.leaf("y", y);
        e.leaf("w", w);
        e.leaf("h", h);
        e.leaf("area", w * h);
    }

    /** Attribute names as element names: spaces become dashes, a name starting with a digit gets '_'. */
    static String elementName(String attribute) {
        String name = attribute.replace(' ', '-');
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' ? c : '_');
        }
        return sb.toString();
    }
}
