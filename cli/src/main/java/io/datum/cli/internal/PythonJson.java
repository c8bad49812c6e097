package io.datum.cli.internal;

import io.datum.text.PythonNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON spelled as Python's {@code json.dumps(indent=2, ensure_ascii=False)} spells it, so that
 * files such as {@code statistics.json} match the reference's: floats in {@code repr} form
 * ({@code 1.0}, {@code 6.361265799828938e-08}, {@code NaN}), {@code []}/{@code {}} when empty, no
 * trailing newline. Values are maps (insertion-ordered), lists, strings, booleans, longs, ints and doubles.
 */
final class PythonJson {
    private PythonJson() {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0, null);
        return sb.toString();
    }

    /**
     * Writes {@code value} to {@code out} as it goes, for a document larger than the heap: an
     * {@link Iterable} that is no list (one read from a file) is written as a list, and a map as
     * large is iterated once.
     */
    static void write(Writer out, Object value) throws IOException {
        StringBuilder sb = new StringBuilder();
        try {
            write(sb, value, 0, out);
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

    private static void write(StringBuilder sb, Object v, int depth, Writer sink) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Double d) {
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
                indent(sb, depth + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), depth + 1, sink);
                drain(sb, sink);
            }
            sb.append('\n');
            indent(sb, depth);
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
                indent(sb, depth + 1);
                write(sb, elements.next(), depth + 1, sink);
                drain(sb, sink);
            }
            sb.append('\n');
            indent(sb, depth);
            sb.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        }
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth));
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
