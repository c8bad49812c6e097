package io.datum.core.internal.transforms.xpath;

/** A step's node test: a name, {@code *}, {@code node()}, {@code text()}, or one that nothing passes. */
record XPathNodeTest(Kind kind, String name) {
    enum Kind { NAME, ANY_ELEMENT, ANY_NODE, TEXT, NOTHING }

    static final XPathNodeTest ANY_NODE = new XPathNodeTest(Kind.ANY_NODE, null);

    boolean matches(XmlNode n) {
        return switch (kind) {
            case NAME -> n.kind == XmlNode.Kind.ELEMENT && n.name.equals(name);
            case ANY_ELEMENT -> n.kind == XmlNode.Kind.ELEMENT;
            case ANY_NODE -> true;
            case TEXT -> n.kind == XmlNode.Kind.TEXT;
            case NOTHING -> false;
        };
    }
}
