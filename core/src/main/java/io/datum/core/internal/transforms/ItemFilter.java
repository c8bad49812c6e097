package io.datum.core.internal.transforms;

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
import io.datum.text.PythonNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The {@code filter} transform's work ({@code -e/--filter} of {@code convert} and {@code export}):
 * an XPath 1.0 expression evaluated against each item written as the reference's item XML, one
 * item at a time.
 * Modes: {@code items} keeps the items for which the expression is true (XPath {@code boolean()},
 * which matches Python's truthiness of the reference's result); {@code annotations} keeps the
 * annotation elements it selects; {@code items+annotations} does that and drops items left empty.
 */
final class ItemFilter {
    enum Mode { ITEMS, ANNOTATIONS, ITEMS_AND_ANNOTATIONS }

    private final String expression;
    private final XPathExpression compiled;
    private final Mode mode;
    private final DocumentBuilder builder;

    ItemFilter(String expression, String modeName) {
        this.expression = expression;
        this.mode = modeOf(modeName);
        try {
            this.compiled = XPathFactory.newInstance().newXPath().compile(expression);
            this.builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        } catch (XPathExpressionException e) {
            throw new DatasetException("Failed to create XPath from expression '" + expression + "'");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
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
        Document doc = builder.newDocument();
        List<Element> annotationElements = encode(doc, item, labels);
        try {
            if (mode == Mode.ITEMS) {
                return (Boolean) compiled.evaluate(doc, XPathConstants.BOOLEAN) ? item : null;
            }
            NodeList selected;
            try {
                selected = (NodeList) compiled.evaluate(doc, XPathConstants.NODESET);
            } catch (XPathExpressionException e) {
                throw new DatasetException("The annotation filter '" + expression + "' must select annotation elements");
            }
            List<Annotation> kept = new ArrayList<>();
            for (int i = 0; i < annotationElements.size(); i++) {
                for (int j = 0; j < selected.getLength(); j++) {
                    if (selected.item(j) == annotationElements.get(i)) {
                        kept.add(item.annotations().get(i));
                        break;
                    }
                }
            }
            if (mode == Mode.ITEMS_AND_ANNOTATIONS && kept.isEmpty()) {
                return null;
            }
            return item.withAnnotations(kept);
        } catch (XPathExpressionException e) {
            throw new DatasetException("Failed to evaluate the filter '" + expression + "' on item '" + item.id() + "': "
                    + e.getMessage());
        }
    }

    /** The reference's item XML; returns the annotation elements in annotation order. */
    static List<Element> encode(Document doc, DatasetItem item, LabelCategories labels) {
        Element root = doc.createElement("item");
        doc.appendChild(root);
        leaf(root, "id", item.id());
        leaf(root, "subset", item.subset());
        if (item.image() != null) {
            Element image = child(root, "image");
            ImageSize size = item.image().size().orElse(null);
            leaf(image, "width", size == null ? "unknown" : Integer.toString(size.width()));
            leaf(image, "height", size == null ? "unknown" : Integer.toString(size.height()));
            leaf(image, "has_data", item.image().hasData() ? "1" : "0");
            item.image().path().ifPresent(p -> leaf(image, "path", p.toString()));
        }
        List<Element> out = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            Element e = child(root, "annotation");
            leaf(e, "id", Long.toString(a.id()));
            leaf(e, "type", a.type().typeName());
            for (Map.Entry<String, Object> attr : a.attributes().entries()) {
                leaf(e, elementName(attr.getKey()), PythonNumbers.str(attr.getValue()));
            }
            leaf(e, "group", Long.toString(a.group()));
            if (!(a instanceof Caption)) {
                Integer label = a.label();
                boolean known = label != null && label >= 0 && label < labels.size();
                leaf(e, "label", known ? labels.get(label).name() : "");
                leaf(e, "label_id", label == null ? "" : Integer.toString(label));
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
                leaf(e, "x1", PythonNumbers.repr(el.x1()));
                leaf(e, "y1", PythonNumbers.repr(el.y1()));
                leaf(e, "x2", PythonNumbers.repr(el.x2()));
                leaf(e, "y2", PythonNumbers.repr(el.y2()));
                leaf(e, "area", PythonNumbers.repr(Math.PI * (el.x2() - el.x1()) * (el.y2() - el.y1()) / 4));
            } else if (a instanceof Caption c) {
                leaf(e, "caption", c.caption());
            }
            out.add(e);
        }
        return out;
    }

    private static void shape(Element e, Coords points, boolean visibility) {
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
        Element bbox = child(e, "bbox");
        if (points.size() >= 2) {
            box(bbox, minX, minY, maxX - minX, maxY - minY);
        }
        for (int i = 0; i + 1 < points.size(); i += 2) {
            Element p = child(e, "point");
            leaf(p, "x", PythonNumbers.repr(points.get(i)));
            leaf(p, "y", PythonNumbers.repr(points.get(i + 1)));
            if (visibility) {
                leaf(p, "visible", "True");
            }
        }
    }

    private static void box(Element e, double x, double y, double w, double h) {
        leaf(e, "x", PythonNumbers.repr(x));
        leaf(e, "y", PythonNumbers.repr(y));
        leaf(e, "w", PythonNumbers.repr(w));
        leaf(e, "h", PythonNumbers.repr(h));
        leaf(e, "area", PythonNumbers.repr(w * h));
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

    private static Element child(Node parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    private static void leaf(Element parent, String name, String text) {
        child(parent, name).setTextContent(text);
    }
}
