package io.datum.core.internal.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.datum.core.internal.transforms.xpath.ItemXPath;
import io.datum.core.internal.transforms.xpath.XPathFailure;
import io.datum.core.internal.transforms.xpath.XmlNode;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The filter's own XPath evaluator gives what the JDK's XPath 1.0 gives on a DOM of the same item
 * XML (the evaluator the filter used before), expression by expression: the same booleans,
 * numbers, strings and the same nodes in the same order; and the two refuse the same malformed
 * expressions.
 */
class ItemXPathTest {
    private static final LabelCategories LABELS = LabelCategories.ofNames("cat", "dog", "person", "/m/0bt9lr");

    /** Items with every kind of annotation the encoder writes, and the edge cases of its elements. */
    static List<DatasetItem> items() {
        return List.of(
                new DatasetItem("a", "train", Image.withoutFile(".jpg", new ImageSize(6, 8)),
                        List.of(new Label(0, Attributes.of("score", 1.0)))),
                new DatasetItem("b/c", "validation", Image.withoutFile(".jpg", new ImageSize(640, 480)), List.of(
                        new Bbox(0, 10, 20, 110.5, 70, 3, 1, 0, Attributes.of("occluded", false, "score", 0.25,
                                "is group of", true, "7", "seven"), null),
                        new Bbox(2, 0, 0, 20, 5, 4, 1, 0, Attributes.of("occluded", true), null),
                        new Bbox(1, 1e-7, 2.5, 300, 400, 5, 0, 0, Attributes.empty(), null),
                        new Polygon(3, Coords.of(1, 2, 30, 4, 5, 60.25), 6, 2, 0, Attributes.empty()),
                        new PolyLine(null, Coords.of(0, 0, 10, 10), 7, 0, 0, Attributes.of("kind", "")),
                        new Points(1, Coords.of(3, 4, 5, 6), 8, 0, 0, Attributes.empty()),
                        new Ellipse(2, 0, 0, 4, 2, 9, 0, 0, Attributes.empty()),
                        new Caption("a cat and a dog", 10, 0, Attributes.empty()))),
                new DatasetItem("d", "test", Image.withoutFile(".png", null), List.of()),
                new DatasetItem("e", "train", null, List.of(new Label(1), new Label(2), new Label(1))));
    }

    static final List<String> EXPRESSIONS = List.of(
            // the reference's documented examples
            "/item[image/width < image/height]", "/item[subset=\"train\"]",
            "/item/annotation[(label=\"cat\" and area > 99.5) or label!=\"person\"]",
            "/item/annotation[occluded=\"False\"]",
            // Datum's documented examples
            "/item[subset='validation']", "/item/annotation[label='/m/0bt9lr']",
            // paths, axes and node tests
            "/", "/*", "/item", "item", "subset", "/item/*", "//x", "//point/x", "//annotation//x", "/item//text()",
            "/item/annotation/..", "/item/annotation/.", "/item/annotation[1]", "/item/annotation[last()]",
            "/item/annotation[position() > 1 and position() < 4]", "/item/annotation[2]/id",
            "/item/annotation/point[2]", "(/item/annotation/point)[2]", "(//x)[last()]", "//x[1]",
            "/item/annotation[3]/preceding-sibling::annotation", "/item/annotation[3]/preceding-sibling::*[1]",
            "/item/annotation[1]/following-sibling::annotation[type='bbox']", "//point/ancestor::*",
            "//point[1]/ancestor-or-self::node()", "//y/following::x", "//y/preceding::x", "//y/preceding::*[2]",
            "//x/ancestor::annotation[1]/id", "/item/annotation/self::annotation", "/item/id/text()",
            "/item/descendant::id", "/descendant-or-self::node()", "/item/image/child::node()", "/item/@id",
            "/item/attribute::*", "/item/comment()", "/item/processing-instruction()",
            "/item/processing-instruction('x')", "/item/annotation[caption]", "/item/annotation[not(label)]",
            "/item[not(image)]", "/item/annotation | /item/id", "/item/id | /item/annotation[1] | /item/id",
            "//annotation[x > 5][w < 200]", "//annotation[label_id = 1]", "//annotation[label_id = 'None']",
            "//annotation[_7]", "//annotation[is-group-of = 'True']", "//annotation[kind = '']",
            "//point[visible = 'visible']/..",
            // values and operators
            "count(/item/annotation)", "count(//point) * 2 + 1", "sum(//annotation/area)", "sum(//x) div 3",
            "10 mod 3", "-7 mod 3", "7.5 mod -2", "1 div 0", "-1 div 0", "0 div 0", "-2", "- 2 - -1",
            "/item/image/width div /item/image/height", "/item/image/width - 1", "number('  12.5 ')", "number('1e3')",
            "number('-.5')", "number('')", "number(/item/id)", "number(true())", "string(1 div 3)", "string(0.1 + 0.2)",
            "string(0.0000001 * 1)", "string(1 div 7)", "string(100000000000000000000)", "string(-0)", "string(2.50)", "string(//x)",
            "string(/item/annotation[2])", "string()", "string(true())", "string(/nothing)",
            "boolean(/item/annotation)", "boolean('')", "boolean('0')", "boolean(0)", "boolean(0 div 0)", "true()",
            "false()", "not(1)", "1 = 1", "1 = '1'", "'1.0' = 1", "true() = 'x'", "false() = ''", "1 != 2",
            "/item/annotation/label = 'dog'", "/item/annotation/label != 'dog'", "/item/annotation/label = /item/id",
            "//annotation/id = //annotation/label_id", "//annotation/id > 3", "3 < //annotation/id",
            "//annotation/id <= 3", "//annotation/id >= '9'", "//annotation/x = 10", "10 = //annotation/x",
            "/item/annotation = true()", "/nothing = false()", "/nothing != /nothing", "/nothing = ''",
            "'a' < 'b'", "2 > 1 > 0", "1 < 2 = true()", "1 or 0 and 0", "(1 or 0) and 0",
            // functions
            "concat(/item/id, '-', /item/subset, '-', 1)", "starts-with(/item/subset, 'tra')",
            "contains(//caption, 'dog')", "substring-before('a/b/c', '/')", "substring-after('a/b/c', '/')",
            "substring-after('abc', '')", "substring('12345', 2, 3)", "substring('12345', 1.5, 2.6)",
            "substring('12345', 0, 3)", "substring('12345', 0 div 0, 3)", "substring('12345', 1, 0 div 0)",
            "substring('12345', -42, 1 div 0)", "substring('12345', -1 div 0, 1 div 0)", "substring('12345', 3)",
            "string-length('héllo')", "string-length()", "string-length(/item/subset)",
            "normalize-space('  a   b \t c  ')", "normalize-space()", "translate('bar', 'abc', 'ABC')",
            "translate('--aaa--', 'abc-', 'ABC')", "floor(-1.5)", "ceiling(-1.5)", "round(2.5)", "round(-2.5)",
            "round(-0.4)", "round(0 div 0)", "name(/item/*[2])", "local-name(/item/annotation)", "name()",
            "local-name(/nothing)", "namespace-uri(/item)", "id('a')", "lang('en')",
            "/item[count(annotation[type='label']) = 3]", "/item[sum(annotation/w) > 100]",
            "/item[annotation[type='bbox']/area > 1000]", "/item[string-length(id) = 3]",
            "/item[starts-with(id, 'b')]", "/item[contains(image/path, 'x')]", "/item[image/width='unknown']",
            "/item[annotation[type='points']/point/x = 5]", "/item/annotation[type='ellipse']/area",
            " /item [ subset = 'train' ] ", "/item/annotation[type='bbox'][2]", "//annotation[group=1][last()]",
            "/child::item/child::annotation[attribute::x]", "*", "and", "div", "/item[and]",
            "//annotation[id*2=6]", "//annotation[id * 2 = 6]", "//annotation[w div h > 2]");

    static final List<String> MALFORMED = List.of("/item[", "/item]", "item/", "1 +", "unknown()", "$x", "@", "//", "child::", "/item[1", "'unterminated", "1 = = 2", "(1", "1)", "[1]", "/item[]",
            "count()", "count(1, 2)", "concat('a')", "substring('a')", "true(1)", "foo::item", "/item/ancestor::",
            "1 2", "/item id", "!", "a!b", "..x", "/item[@]", "text()[", ":", "a::b", "processing-instruction(1)",
            "item/comment('x')", "", " ", "#", "1 * * 2", "string(1e-7)", "/item[subset='train'");

    @Test
    void givesWhatTheJdksXPathGivesOnTheSameXml() throws Exception {
        XPathFactory jdk = XPathFactory.newInstance();
        int compared = 0;
        for (DatasetItem item : items()) {
            XmlNode root = ItemFilter.encode(item, LABELS, new ArrayList<>());
            Map<Node, XmlNode> nodes = new IdentityHashMap<>();
            Element dom = toDom(root, nodes);
            for (String expression : EXPRESSIONS) {
                XPathExpression reference;
                try {
                    reference = jdk.newXPath().compile(expression);
                } catch (XPathExpressionException e) {
                    throw new AssertionError("the JDK's XPath refuses `" + expression + "`", e);
                }
                Object mine = ItemXPath.compile(expression).evaluate(root);
                String where = "`" + expression + "` on item " + item.id();
                List<XmlNode> set = ItemXPath.nodeSet(mine);
                if (set != null) {
                    NodeList expected = (NodeList) reference.evaluate(dom, XPathConstants.NODESET);
                    List<XmlNode> mapped = new ArrayList<>();
                    for (int i = 0; i < expected.getLength(); i++) {
                        mapped.add(nodes.get(expected.item(i)));
                    }
                    assertEquals(describe(mapped), describe(set), where);
                    assertTrue(mapped.equals(set), where + ": the same nodes");
                } else if (mine instanceof Double d) {
                    assertEquals((Double) reference.evaluate(dom, XPathConstants.NUMBER), d, where);
                } else if (mine instanceof Boolean b) {
                    assertEquals(reference.evaluate(dom, XPathConstants.BOOLEAN), b, where);
                } else {
                    assertEquals(reference.evaluate(dom, XPathConstants.STRING), mine, where);
                }
                // and whatever the type, the same string and boolean
                if (set == null || !set.isEmpty()) {
                    assertEquals(reference.evaluate(dom, XPathConstants.STRING), stringOf(mine), where + " as a string");
                }
                compared++;
            }
        }
        assertEquals(items().size() * EXPRESSIONS.size(), compared);
    }

    @Test
    void refusesWhatTheJdksXPathRefuses() throws Exception {
        XPathFactory jdk = XPathFactory.newInstance();
        XmlNode root = ItemFilter.encode(items().get(1), LABELS, new ArrayList<>());
        Element dom = toDom(root, new IdentityHashMap<>());
        for (String expression : MALFORMED) {
            assertThrows(XPathFailure.class, () -> ItemXPath.compile(expression).evaluate(root), expression);
            try {
                jdk.newXPath().compile(expression).evaluate(dom, XPathConstants.NODESET);
                fail("the JDK's XPath takes `" + expression + "`");
            } catch (XPathExpressionException | RuntimeException expected) {
                // refused by both
            }
        }
    }

    /** The JDK's XPath finds nothing for an unbound prefix; the reference (libxml2) refuses it, and so does Datum. */
    @Test
    void refusesNamespacePrefixesAsTheReferenceDoes() {
        for (String expression : List.of("a:b", "/a:b", "/item[x:y = 1]", "//p:*")) {
            XPathFailure e = assertThrows(XPathFailure.class, () -> ItemXPath.compile(expression), expression);
            assertTrue(e.getMessage().contains("namespace prefix"), e.getMessage());
        }
    }

    @Test
    void aNumberWhereANodeSetMustBeFailsWhenEvaluated() {
        XmlNode root = ItemFilter.encode(items().get(0), LABELS, new ArrayList<>());
        XPathFailure e = assertThrows(XPathFailure.class, () -> ItemXPath.compile("1 | /item").evaluate(root));
        assertTrue(e.getMessage().contains("node-set"), e.getMessage());
        assertThrows(XPathFailure.class, () -> ItemXPath.compile("count(1)").evaluate(root));
        assertThrows(XPathFailure.class, () -> ItemXPath.compile("'x'[1]").evaluate(root));
    }

    private static String stringOf(Object v) {
        return ItemXPath.string(v);
    }

    private static String describe(List<XmlNode> nodes) {
        StringBuilder sb = new StringBuilder();
        for (XmlNode n : nodes) {
            sb.append(n == null ? "?" : n.isText() ? "text:" + n.stringValue() : "<" + n.name() + ">").append(' ');
        }
        return sb.toString();
    }

    /** A DOM document of the same tree; {@code nodes} maps each DOM node to its {@link XmlNode}. */
    private static Element toDom(XmlNode item, Map<Node, XmlNode> nodes) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        nodes.put(doc, item.parent());
        Element e = doc.createElement(item.name());
        doc.appendChild(e);
        nodes.put(e, item);
        copy(item, e, doc, nodes);
        return e;
    }

    private static void copy(XmlNode from, Element to, Document doc, Map<Node, XmlNode> nodes) {
        for (XmlNode c : from.children()) {
            Node n = c.isText() ? doc.createTextNode(c.stringValue()) : doc.createElement(c.name());
            to.appendChild(n);
            nodes.put(n, c);
            if (!c.isText()) {
                copy(c, (Element) n, doc, nodes);
            }
        }
    }
}
