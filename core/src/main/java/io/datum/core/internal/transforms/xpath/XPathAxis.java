package io.datum.core.internal.transforms.xpath;

import java.util.ArrayList;
import java.util.List;

/**
 * XPath's thirteen axes over an {@link XmlNode} tree. Each lists its nodes in the axis's own order
 * (nearest first for the reverse axes), the order in which a predicate counts positions. The
 * attribute and namespace axes are always empty: the item XML has neither.
 */
enum XPathAxis {
    CHILD("child", false), DESCENDANT("descendant", false), DESCENDANT_OR_SELF("descendant-or-self", false),
    SELF("self", false), PARENT("parent", true), ANCESTOR("ancestor", true), ANCESTOR_OR_SELF("ancestor-or-self", true),
    FOLLOWING_SIBLING("following-sibling", false), PRECEDING_SIBLING("preceding-sibling", true),
    FOLLOWING("following", false), PRECEDING("preceding", true), ATTRIBUTE("attribute", false),
    NAMESPACE("namespace", false);

    final String axisName;
    final boolean reverse;

    XPathAxis(String axisName, boolean reverse) {
        this.axisName = axisName;
        this.reverse = reverse;
    }

    static XPathAxis named(String name) {
        for (XPathAxis a : values()) {
            if (a.axisName.equals(name)) {
                return a;
            }
        }
        throw new XPathFailure("unknown axis '" + name + "'");
    }

    /** Adds the nodes of this axis from {@code n} that pass {@code test}, in axis order. */
    void collect(XmlNode n, XPathNodeTest test, List<XmlNode> out) {
        switch (this) {
            case CHILD -> {
                for (XmlNode c : n.children) {
                    add(c, test, out);
                }
            }
            case DESCENDANT -> descendants(n, test, out);
            case DESCENDANT_OR_SELF -> {
                add(n, test, out);
                descendants(n, test, out);
            }
            case SELF -> add(n, test, out);
            case PARENT -> {
                if (n.parent != null) {
                    add(n.parent, test, out);
                }
            }
            case ANCESTOR, ANCESTOR_OR_SELF -> {
                for (XmlNode a = this == ANCESTOR ? n.parent : n; a != null; a = a.parent) {
                    add(a, test, out);
                }
            }
            case FOLLOWING_SIBLING -> {
                if (n.parent != null) {
                    List<XmlNode> siblings = n.parent.children;
                    for (int i = n.index + 1; i < siblings.size(); i++) {
                        add(siblings.get(i), test, out);
                    }
                }
            }
            case PRECEDING_SIBLING -> {
                if (n.parent != null) {
                    for (int i = n.index - 1; i >= 0; i--) {
                        add(n.parent.children.get(i), test, out);
                    }
                }
            }
            case FOLLOWING -> {
                for (XmlNode a = n; a.parent != null; a = a.parent) {
                    List<XmlNode> siblings = a.parent.children;
                    for (int i = a.index + 1; i < siblings.size(); i++) {
                        add(siblings.get(i), test, out);
                        descendants(siblings.get(i), test, out);
                    }
                }
            }
            case PRECEDING -> {
                for (XmlNode a = n; a.parent != null; a = a.parent) {
                    List<XmlNode> siblings = a.parent.children;
                    for (int i = a.index - 1; i >= 0; i--) {
                        List<XmlNode> subtree = new ArrayList<>();
                        add(siblings.get(i), test, subtree);
                        descendants(siblings.get(i), test, subtree);
                        for (int j = subtree.size() - 1; j >= 0; j--) {
                            out.add(subtree.get(j));
                        }
                    }
                }
            }
            case ATTRIBUTE, NAMESPACE -> {
            }
        }
    }

    private static void descendants(XmlNode n, XPathNodeTest test, List<XmlNode> out) {
        for (XmlNode c : n.children) {
            add(c, test, out);
            descendants(c, test, out);
        }
    }

    private static void add(XmlNode n, XPathNodeTest test, List<XmlNode> out) {
        if (test.matches(n)) {
            out.add(n);
        }
    }
}
