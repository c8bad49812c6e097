package io.datum.core.internal.transforms.xpath;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * XPath 1.0's four value types and the rules between them. A value is a {@link Boolean}, a
 * {@link Double}, a {@link String} or a node-set: a {@code List<XmlNode>} in document order
 * without duplicates.
 */
final class XPathValues {
    private static final Comparator<XmlNode> DOCUMENT_ORDER = Comparator.comparingInt(n -> n.order);

    private XPathValues() {
    }

    @SuppressWarnings("unchecked")
    static List<XmlNode> nodes(Object v) {
        if (v instanceof List<?> l) {
            return (List<XmlNode>) l;
        }
        throw new XPathFailure("a node-set is expected, the value is " + v);
    }

    static boolean isNodeSet(Object v) {
        return v instanceof List<?>;
    }

    static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return !nodes(v).isEmpty();
    }

    static double number(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return number(string(v));
    }

    /** XPath's number(): optional white space, an optional minus, digits with an optional point; else NaN. */
    static double number(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        int i = from;
        if (i < to && s.charAt(i) == '-') {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        return digits == 0 ? Double.NaN : Double.parseDouble(s.substring(from, to));
    }

    static String string(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Double d) {
            return string(d.doubleValue());
        }
        List<XmlNode> n = nodes(v);
        return n.isEmpty() ? "" : n.get(0).stringValue();
    }

    /** XPath's string() of a number: no exponent, no trailing ".0" on a whole number. */
    static String string(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e18) {
            return Long.toString((long) d);
        }
        String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        return plain;
    }

    /** {@code a op b} for =, !=, <, <=, >, >= with node-sets compared member by member. */
    static boolean compare(String op, Object a, Object b) {
        if (isNodeSet(a) && isNodeSet(b)) {
            for (XmlNode x : nodes(a)) {
                String xs = x.stringValue();
                for (XmlNode y : nodes(b)) {
                    if (atomic(op, xs, y.stringValue())) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (isNodeSet(a) || isNodeSet(b)) {
            boolean left = isNodeSet(a);
            List<XmlNode> set = nodes(left ? a : b);
            Object other = left ? b : a;
            if (other instanceof Boolean) {
                return left ? atomic(op, bool(a), other) : atomic(op, other, bool(b));
            }
            for (XmlNode n : set) {
                Object member = other instanceof Double ? (Object) number(n.stringValue()) : n.stringValue();
                if (left ? atomic(op, member, other) : atomic(op, other, member)) {
                    return true;
                }
            }
            return false;
        }
        return atomic(op, a, b);
    }

    /** A comparison of two values that are not node-sets. */
    private static boolean atomic(String op, Object a, Object b) {
        if (op.equals("=") || op.equals("!=")) {
            boolean equal;
            if (a instanceof Boolean || b instanceof Boolean) {
                equal = bool(a) == bool(b);
            } else if (a instanceof Double || b instanceof Double) {
                equal = number(a) == number(b);
            } else {
                equal = string(a).equals(string(b));
            }
            return op.equals("=") == equal;
        }
        double x = number(a);
        double y = number(b);
        return switch (op) {
            case "<" -> x < y;
            case "<=" -> x <= y;
            case ">" -> x > y;
            default -> x >= y;
        };
    }

    /** The union of node-sets, in document order without duplicates. */
    static List<XmlNode> union(List<XmlNode> a, List<XmlNode> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        List<XmlNode> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return sorted(all);
    }

    /** {@code nodes} sorted into document order, duplicates removed (in place). */
    static List<XmlNode> sorted(List<XmlNode> nodes) {
        nodes.sort(DOCUMENT_ORDER);
        int w = 0;
        for (int r = 0; r < nodes.size(); r++) {
            if (w == 0 || nodes.get(w - 1) != nodes.get(r)) {
                nodes.set(w++, nodes.get(r));
            }
        }
        return w == nodes.size() ? nodes : new ArrayList<>(nodes.subList(0, w));
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
