package io.datum.core.internal.transforms.xpath;

import io.datum.core.internal.transforms.xpath.XPathFunctions.Context;
import java.util.List;

/**
 * An XPath 1.0 expression compiled once and evaluated on many small {@link XmlNode} trees. It
 * replaces the JDK's XPath over a DOM per item, which spent most of a filter's time building a
 * DOM, converting it to its own node table and setting up an evaluation context for every item
 * (more than 100 µs an item); this costs a few microseconds.
 */
public final class ItemXPath {
    private final XPathParser.Expr expr;

    private ItemXPath(XPathParser.Expr expr) {
        this.expr = expr;
    }

    /** The compiled expression; {@link XPathFailure} names what is wrong with it. */
    public static ItemXPath compile(String expression) {
        return new ItemXPath(XPathParser.parse(expression));
    }

    /**
     * The value of the expression with {@code context} as the context node: a Boolean, a Double, a
     * String or a node-set ({@code List<XmlNode>} in document order).
     */
    public Object evaluate(XmlNode context) {
        return expr.eval(new Context(context, 1, 1));
    }

    /** The node-set a value is, or null when it is another type. */
    @SuppressWarnings("unchecked")
    public static List<XmlNode> nodeSet(Object value) {
        return value instanceof List<?> l ? (List<XmlNode>) l : null;
    }

    /** XPath's string() of a value (of a node-set, its first node's). */
    public static String string(Object value) {
        return XPathValues.string(value);
    }
}
