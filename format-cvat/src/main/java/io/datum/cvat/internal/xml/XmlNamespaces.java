package io.datum.cvat.internal.xml;

/**
 * The constraints of Namespaces in XML 1.0 that both CVAT XML readers apply: what a qualified
 * name is, and which bindings a namespace declaration may make.
 */
final class XmlNamespaces {
    static final String XML = "http://www.w3.org/XML/1998/namespace";
    static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private XmlNamespaces() {
    }

    /** Whether {@code name} is a qualified name as far as colons go: at most one, with text on both sides. */
    static boolean isQualifiedName(String name) {
        int colon = name.indexOf(':');
        return colon < 0 || colon > 0 && colon < name.length() - 1 && name.indexOf(':', colon + 1) < 0;
    }

    /**
     * What is wrong with declaring {@code prefix} ("" for the default namespace) as {@code uri},
     * or null when nothing is: a prefix cannot be undeclared (1.1 allows it, 1.0 does not), the
     * prefixes xml and xmlns are bound for good, and their namespaces to no other prefix.
     */
    static String bindingProblem(String prefix, String uri) {
        if (prefix.isEmpty()) {
            return uri.equals(XML) || uri.equals(XMLNS) ? "the default namespace cannot be '" + uri + "'" : null;
        }
        if (uri.isEmpty()) {
            return "the namespace prefix '" + prefix + "' cannot be bound to an empty name";
        }
        if (prefix.equals("xmlns") || prefix.equals("xml") != uri.equals(XML) || uri.equals(XMLNS)) {
            return "the namespace prefix '" + prefix + "' cannot be bound to '" + uri + "'";
        }
        return null;
    }
}
