package io.datum.text;

import io.datum.spi.DatasetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON spelled as Python's {@code json.dumps(value, indent=N, ensure_ascii=False)} spells it, for
 * the files a Datumaro user compares byte for byte ({@code statistics.json}, {@code dataset_meta.json},
 * the Open Images class hierarchy): keys in the maps' iteration order, {@code ": "} and
 * {@code ","} + newline between entries, {@code []} and {@code {}} when empty, floats in
 * {@code repr} form ({@code 1.0}, {@code 6.361265799828938e-08}, {@code NaN}, {@code Infinity}),
 * non-ASCII characters as they are, no trailing newline. Where no such file is compared, use Gson.
 *
 * <p>Values are maps, lists (any {@link Iterable}), strings, booleans, integral numbers, doubles and null.
 */
public final class PythonJson {
    /** Deeper nesting is refused: the writer recurses once a level. */
    public static final int MAX_DEPTH = 1000;

    private PythonJson() {
    }

    /** {@code value} as {@code json.dumps(value, indent=indent, ensure_ascii=False)} writes it. */
    public static String dumps(Object value, int indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, indent, 0, null);
        return sb.toString();
    }

    /**
     * Writes {@code value} to {@code out} as it goes, for a document larger than the heap: an
     * {@link Iterable} that is no list (one read from a file, say) is written as a list, and a map
     * as large is iterated once.
     */
    public static void dump(Object value, int indent, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        try {
            write(sb, value, indent, 0, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.append(sb);
    }

    /** After each element: what is built so far goes to the sink once it is large. */
    private static void drain(StringBuilder sb, Writer sink) {
        if (sink != null && sb.length() >= 1 << 16) {
            try {
                sink.append(sb);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sb.setLength(0);
        }
    }

    private static void write(StringBuilder sb, Object v, int indent, int depth, Writer sink) {
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
                write(sb, e.getValue(), indent, depth + 1, sink);
                drain(sb, sink);
            }
            sb.append('\n');
            indent(sb, indent, depth);
            sb.append('}');
        } else if (v instanceof Iterable<?> l) {
            Iterator<?> elements = l.iterator();
            if (!elements.hasNext()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            boolean first = true;
            while (elements.hasNext()) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, indent, depth + 1);
                write(sb, elements.next(), indent, depth + 1, sink);
                drain(sb, sink);
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
