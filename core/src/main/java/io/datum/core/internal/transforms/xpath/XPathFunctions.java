package io.datum.core.internal.transforms.xpath;

import static io.datum.core.internal.transforms.xpath.XPathValues.bool;
import static io.datum.core.internal.transforms.xpath.XPathValues.nodes;
import static io.datum.core.internal.transforms.xpath.XPathValues.number;
import static io.datum.core.internal.transforms.xpath.XPathValues.string;

import java.util.List;

/**
 * XPath 1.0's core function library. {@code id()} finds nothing and {@code lang()} is false, as
 * the item XML has no ID attributes and no {@code xml:lang}; {@code namespace-uri()} is empty.
 */
final class XPathFunctions {
    /** A context: the node, its position (from 1) and the size of the node list it is in. */
    record Context(XmlNode node, int position, int size) {
    }

    private XPathFunctions() {
    }

    /** Fails unless {@code name} is a core function that takes {@code arity} arguments. */
    static void check(String name, int arity) {
        int[] range = switch (name) {
            case "last", "position", "true", "false" -> new int[] {0, 0};
            case "count", "id", "boolean", "not", "lang", "sum", "floor", "ceiling", "round" -> new int[] {1, 1};
            case "local-name", "namespace-uri", "name", "string", "string-length", "normalize-space", "number" ->
                    new int[] {0, 1};
            case "concat" -> new int[] {2, Integer.MAX_VALUE};
            case "starts-with", "contains", "substring-before", "substring-after" -> new int[] {2, 2};
            case "substring" -> new int[] {2, 3};
            case "translate" -> new int[] {3, 3};
            default -> throw new XPathFailure("unknown function '" + name + "'");
        };
        if (arity < range[0] || arity > range[1]) {
            throw new XPathFailure("wrong number of arguments to " + name + "()");
        }
    }

    static Object call(String name, Context c, Object[] a) {
        switch (name) {
            case "last":
                return (double) c.size();
            case "position":
                return (double) c.position();
            case "count":
                return (double) nodes(a[0]).size();
            case "id":
                return List.of();
            case "local-name", "name": {
                XmlNode n = a.length == 0 ? c.node() : first(a[0]);
                return n == null ? "" : n.name;
            }
            case "namespace-uri":
                if (a.length > 0) {
                    nodes(a[0]);
                }
                return "";
            case "string":
                return a.length == 0 ? c.node().stringValue() : string(a[0]);
            case "concat": {
                StringBuilder sb = new StringBuilder();
                for (Object v : a) {
                    sb.append(string(v));
                }
                return sb.toString();
            }
            case "starts-with":
                return string(a[0]).startsWith(string(a[1]));
            case "contains":
                return string(a[0]).contains(string(a[1]));
            case "substring-before": {
                String s = string(a[0]);
                int at = s.indexOf(string(a[1]));
                return at < 0 ? "" : s.substring(0, at);
            }
            case "substring-after": {
                String s = string(a[0]);
                String t = string(a[1]);
                int at = s.indexOf(t);
                return at < 0 ? "" : s.substring(at + t.length());
            }
            case "substring":
                return substring(string(a[0]), number(a[1]), a.length > 2 ? number(a[2]) : Double.POSITIVE_INFINITY);
            case "string-length": {
                String s = a.length == 0 ? c.node().stringValue() : string(a[0]);
                return (double) s.codePointCount(0, s.length());
            }
            case "normalize-space":
                return normalizeSpace(a.length == 0 ? c.node().stringValue() : string(a[0]));
            case "translate":
                return translate(string(a[0]), string(a[1]), string(a[2]));
            case "boolean":
                return bool(a[0]);
            case "not":
                return !bool(a[0]);
            case "true":
                return true;
            case "false":
                return false;
            case "lang":
                string(a[0]);
                return false;
            case "number":
                return a.length == 0 ? number(c.node().stringValue()) : number(a[0]);
            case "sum": {
                double sum = 0;
                for (XmlNode n : nodes(a[0])) {
                    sum += number(n.stringValue());
                }
                return sum;
            }
            case "floor":
                return Math.floor(number(a[0]));
            case "ceiling":
                return Math.ceil(number(a[0]));
            case "round":
                return round(number(a[0]));
            default:
                throw new XPathFailure("unknown function '" + name + "'");
        }
    }

    private static XmlNode first(Object v) {
        List<XmlNode> n = nodes(v);
        return n.isEmpty() ? null : n.get(0);
    }

    /** XPath's round(): the nearest whole number, halves up; NaN, infinities and zeros as they are. */
    static double round(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return d;
        }
        if (d < 0 && d >= -0.5) {
            return -0.0;
        }
        return Math.floor(d + 0.5);
    }

    /** The characters at positions p (from 1) with round(start) <= p < round(start) + round(length). */
    private static String substring(String s, double start, double length) {
        double from = round(start);
        double to = from + round(length);
        StringBuilder sb = new StringBuilder();
        int p = 1;
        for (int i = 0; i < s.length(); p++) {
            int cp = s.codePointAt(i);
            if (p >= from && p < to) {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static String normalizeSpace(String s) {
        StringBuilder sb = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (XPathValues.isSpace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String translate(String s, String from, String to) {
        int[] f = from.codePoints().toArray();
        int[] t = to.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            for (int i = 0; i < f.length; i++) {
                if (f[i] == cp) {
                    if (i < t.length) {
                        sb.appendCodePoint(t[i]);
                    }
                    return;
                }
            }
            sb.appendCodePoint(cp);
        });
        return sb.toString();
    }
}
