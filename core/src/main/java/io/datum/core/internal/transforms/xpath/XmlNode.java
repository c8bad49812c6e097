package io.datum.core.internal.transforms.xpath;

import io.datum.text.PythonNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of the small read-only tree an XPath expression is evaluated on: the document root,
 * elements and their text. Built once per item by appending in document order (each node's
 * {@link #order} is its place in that order), it has no attributes, namespaces, comments or
 * processing instructions, which the item XML never has. A text's characters are made only when
 * an expression reads them: most expressions read two or three of an item's hundred values, and
 * spelling every coordinate as Python does was the larger part of the work per item.
 */
public final class XmlNode {
    enum Kind { ROOT, ELEMENT, TEXT }

    private static final List<XmlNode> NONE = List.of();

    final Kind kind;
    final String name;
    final XmlNode parent;
    final int order;
    /** The position among the parent's children, from 0. */
    final int index;
    List<XmlNode> children = NONE;
    private final XmlNode root;
    private int nextOrder;
    /** A text's value: a String, or a Double spelled as Python's repr, or any object as Python's str. */
    private Object value;

    private XmlNode(Kind kind, String name, XmlNode parent, Object value) {
        this.kind = kind;
        this.name = name;
        this.parent = parent;
        this.value = value;
        if (parent == null) {
            this.root = this;
            this.order = 0;
            this.nextOrder = 1;
            this.index = 0;
        } else {
            this.root = parent.root;
            this.order = root.nextOrder++;
            if (parent.children == NONE) {
                parent.children = new ArrayList<>(4);
            }
            this.index = parent.children.size();
            parent.children.add(this);
        }
    }

    /** A new document, to which {@link #element} adds the document element. */
    public static XmlNode document() {
        return new XmlNode(Kind.ROOT, "", null, null);
    }

    /** A new last child element. */
    public XmlNode element(String elementName) {
        return new XmlNode(Kind.ELEMENT, elementName, this, null);
    }

    /** A new last child element holding {@code text} (no text node when it is empty, as in a parsed document). */
    public XmlNode leaf(String elementName, String text) {
        XmlNode e = element(elementName);
        if (!text.isEmpty()) {
            new XmlNode(Kind.TEXT, "", e, text);
        }
        return e;
    }

    /** A new last child element holding a number spelled as Python's {@code repr} spells it. */
    public XmlNode leaf(String elementName, double number) {
        XmlNode e = element(elementName);
        new XmlNode(Kind.TEXT, "", e, number);
        return e;
    }

    /** A new last child element holding {@code value} as Python's {@code str} spells it. */
    public XmlNode leafOf(String elementName, Object object) {
        XmlNode e = element(elementName);
        new XmlNode(Kind.TEXT, "", e, new PythonStr(object));
        return e;
    }

    /** The children, in document order. */
    public List<XmlNode> children() {
        return java.util.Collections.unmodifiableList(children);
    }

    /** Whether this is a text node (else an element, or the root when it has no parent). */
    public boolean isText() {
        return kind == Kind.TEXT;
    }

    /** The element's name ("" for the root and texts). */
    public String name() {
        return name;
    }

    /** The element's parent; null for the root. */
    public XmlNode parent() {
        return parent;
    }

    /** XPath's string-value: a text's characters, or those of every text below an element. */
    public String stringValue() {
        if (kind == Kind.TEXT) {
            return text();
        }
        if (children.size() == 1 && children.get(0).kind == Kind.TEXT) {
            return children.get(0).text();
        }
        StringBuilder sb = new StringBuilder();
        appendTexts(sb);
        return sb.toString();
    }

    private void appendTexts(StringBuilder sb) {
        for (XmlNode c : children) {
            if (c.kind == Kind.TEXT) {
                sb.append(c.text());
            } else {
                c.appendTexts(sb);
            }
        }
    }

    private String text() {
        Object v = value;
        if (v instanceof String s) {
            return s;
        }
        String s = v instanceof Double d ? PythonNumbers.repr(d) : PythonNumbers.str(((PythonStr) v).object());
        value = s;
        return s;
    }

    /** Marks a value to be spelled by Python's {@code str}, not {@code repr}. */
    private record PythonStr(Object object) {
    }
}
