package io.datum.openimages.internal.json;

import io.datum.spi.DatasetException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reading JSON strictly (as Python's {@code json} reads it, a BOM ignored) and writing it as
 * Python's {@code json.dumps(obj, indent=N, ensure_ascii=False)} spells it.
 */
public final class JsonFiles {
    /** Deeper label hierarchies than this are refused rather than risking the stack. */
    static final int MAX_DEPTH = 1000;
    /**
     * The real 601-class hierarchy is 89 KB, a {@code dataset_meta.json} of 20,000 labels about
     * 1 MB; a JSON file this large is not a label list. The limits keep a file's tree well inside
     * a 256 MB heap.
     */
    static final long MAX_BYTES = 16L << 20;
    /** Values in one file (each object, list, string, number, ...); the real files hold tens of thousands. */
    static final int MAX_VALUES = 250_000;

    private JsonFiles() {
    }

    /** Reads a JSON file strictly (see {@link StrictJsonParser}); errors name {@code displayName}. */
    public static JsonDocument read(Path file, String displayName) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw DatasetException.at(displayName, -1, "file larger than " + (MAX_BYTES >> 20) + " MB");
        }
        return StrictJsonParser.parse(Files.readAllBytes(file), displayName, MAX_DEPTH, MAX_VALUES);
    }

    /**
     * Python's {@code json.dumps(value, indent=indent, ensure_ascii=False)} for nested maps
     * (in their iteration order), lists and strings.
     */
    public static String dumps(Object value, int indent) {
        StringWriter out = new StringWriter();
        write(out, value, indent, 0);
        return out.toString();
    }

    private static void write(StringWriter out, Object value, int indent, int depth) {
        if (depth > MAX_DEPTH) {
            throw new DatasetException("cannot write JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.write("{}");
                return;
            }
            out.write("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.write(first ? "\n" : ",\n");
                first = false;
                out.write(" ".repeat(indent * (depth + 1)));
                string(out, (String) e.getKey());
                out.write(": ");
                write(out, e.getValue(), indent, depth + 1);
            }
            out.write("\n" + " ".repeat(indent * depth) + "}");
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.write("[]");
                return;
            }
            out.write("[");
            boolean first = true;
            for (Object o : list) {
                out.write(first ? "\n" : ",\n");
                first = false;
                out.write(" ".repeat(indent * (depth + 1)));
                write(out, o, indent, depth + 1);
            }
            out.write("\n" + " ".repeat(indent * depth) + "]");
        } else if (value instanceof String s) {
            string(out, s);
        } else {
            throw new IllegalArgumentException("unsupported JSON value " + value);
        }
    }

    private static void string(StringWriter out, String s) {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                case '\b' -> out.write("\\b");
                case '\f' -> out.write("\\f");
                default -> {
                    if (c < 0x20) {
                        out.write(String.format("\\u%04x", (int) c));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }
}
