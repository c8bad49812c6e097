package io.datum.text;

import io.datum.spi.DatasetException;
import java.util.List;
import java.util.Map;

/**
 * JSON spelled as Python's {@code json.dumps(value, indent=N, ensure_ascii=False)} spells it, for
 * the files a Datumaro user compares byte for byte ({@code statistics.json}, {@code dataset_meta.json},
 * the Open Images class hierarchy): keys in the maps' iteration order, {@code ": "} and
 * {@code ","} + newline between entries, {@code []} and {@code {}} when empty, floats in
 * {@code repr} form ({@code 1.0}, {@code 6.361265799828938e-08}, {@code NaN}, {@code Infinity}),
 * non-ASCII characters as they are, no trailing newline. Where no such file is compared, use Gson.
 *
 * <p>Values are maps, lists, strings, booleans, integral numbers, doubles and null.
 */
public final class PythonJson {
    /** Deeper nesting is refused: the writer recurses once a level. */
    public static final int MAX_DEPTH = 1000;

    private PythonJson() {
    }

    /** {@code value} as {@code json.dumps(value, indent=indent, ensure_ascii=False)} writes it. */
    public static String dumps(Object value, int indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, indent, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, int indent, int depth) {
        if (depth > MAX_DEPTH) {
            throw new DatasetException("cannot write JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : PythonNumbers.repr(d));
        } else if (v instanceof Number n) {
            sb.append(n.longValue());
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, indent, depth + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), indent, depth + 1);
            }
            sb.append('\n');
            indent(sb, indent, depth);
            sb.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            boolean first = true;
            for (Object o : l) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, indent, depth + 1);
                write(sb, o, indent, depth + 1);
            }
            sb.append('\n');
            indent(sb, indent, depth);
            sb.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        }
    }

    private static void indent(StringBuilder sb, int indent, int depth) {
        sb.append(" ".repeat(indent * depth));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
