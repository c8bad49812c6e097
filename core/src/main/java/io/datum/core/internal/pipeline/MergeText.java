package io.datum.core.internal.pipeline;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.Coords;
import io.datum.model.Ellipse;
import io.datum.model.Label;
import io.datum.model.Mask;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.text.PythonNumbers;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Values spelt as Python prints them, for merge messages that read as the reference's: an item's
 * key is the tuple {@code ('a', 'train')}, sets of dataset indexes {@code {0, 2}}, vote counts
 * dictionaries, annotations in the attrs notation {@code Bbox(id=0, attributes={}, ...)}.
 */
final class MergeText {
    private MergeText() {
    }

    static String key(String id, String subset) {
        return "(" + str(id) + ", " + str(subset) + ")";
    }

    /** A Python string literal as {@code repr} makes it: single quotes unless the text has one and no double. */
    static String str(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c == quote) {
                        b.append('\\');
                    }
                    b.append(c);
                }
            }
        }
        return b.append(quote).toString();
    }

    /** Any value of an attribute, a vote or a message as Python's {@code repr}. */
    static String value(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof String s) {
            return str(s);
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            return PythonNumbers.repr(((Number) v).doubleValue());
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            m.forEach((k, x) -> b.append(b.length() > 1 ? ", " : "").append(value(k)).append(": ").append(value(x)));
            return b.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            l.forEach(x -> b.append(b.length() > 1 ? ", " : "").append(value(x)));
            return b.append(']').toString();
        }
        if (v instanceof Annotation a) {
            return annotation(a);
        }
        return v.toString();
    }

    /** A set of dataset indexes; Python prints small integers in order. */
    static String indexSet(Collection<Integer> indexes) {
        if (indexes.isEmpty()) {
            return "set()";
        }
        StringBuilder b = new StringBuilder("{");
        for (Integer i : new TreeSet<>(indexes)) {
            b.append(b.length() > 1 ? ", " : "").append(i);
        }
        return b.append('}').toString();
    }

    /** A set of label names (None for a shape whose label vote failed), sorted so that runs agree. */
    static String nameSet(Collection<String> names) {
        if (names.isEmpty()) {
            return "set()";
        }
        StringBuilder b = new StringBuilder("{");
        names.stream().sorted((x, y) -> x == null ? -1 : y == null ? 1 : x.compareTo(y))
                .forEach(n -> b.append(b.length() > 1 ? ", " : "").append(value(n)));
        return b.append('}').toString();
    }

    static String attributes(Attributes attributes) {
        StringBuilder b = new StringBuilder("{");
        attributes.forEach((k, x) -> b.append(b.length() > 1 ? ", " : "").append(str(k)).append(": ").append(value(x)));
        return b.append('}').toString();
    }

    /** An annotation as the reference's attrs classes print themselves. */
    static String annotation(Annotation a) {
        String head = "id=" + a.id() + ", attributes=" + attributes(a.attributes()) + ", group=" + a.group();
        String label = a.label() == null ? "None" : a.label().toString();
        if (a instanceof Label) {
            return "Label(" + head + ", label=" + label + ")";
        }
        if (a instanceof Caption c) {
            return "Caption(" + head + ", caption=" + str(c.caption()) + ")";
        }
        if (a instanceof Mask) {
            return "Mask(" + head + ", label=" + label + ", z_order=" + a.zOrder() + ")";
        }
        String points;
        if (a instanceof Bbox b) {
            points = list(b.x1(), b.y1(), b.x2(), b.y2());
        } else if (a instanceof Ellipse e) {
            points = list(e.x1(), e.y1(), e.x2(), e.y2());
        } else if (a instanceof Polygon p) {
            points = list(p.points().toArray());
        } else if (a instanceof PolyLine p) {
            points = list(p.points().toArray());
        } else {
            points = list(((Points) a).points().toArray());
        }
        return a.getClass().getSimpleName() + "(" + head + ", points=" + points + ", label=" + label + ", z_order="
                + a.zOrder() + ")";
    }

    private static String list(double... values) {
        StringBuilder b = new StringBuilder("[");
        for (double v : values) {
            b.append(b.length() > 1 ? ", " : "").append(PythonNumbers.repr(v));
        }
        return b.append(']').toString();
    }

    static String coords(Coords c) {
        return list(c.toArray());
    }
}
