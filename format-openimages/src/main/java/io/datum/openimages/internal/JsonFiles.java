package io.datum.openimages.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.datum.spi.DatasetException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reading JSON strictly (as Python's {@code json} reads it, a BOM ignored) and writing it as
 * Python's {@code json.dumps(obj, indent=N, ensure_ascii=False)} spells it.
 */
final class JsonFiles {
    /** Deeper label hierarchies than this are refused rather than risking the stack. */
    static final int MAX_DEPTH = 1000;
    /** The real 601-class hierarchy is 89 KB; a JSON file this large is not a label list. */
    static final long MAX_BYTES = 64L << 20;

    private JsonFiles() {
    }

    static JsonElement read(Path file, String displayName) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw DatasetException.at(displayName, -1, "file larger than " + (MAX_BYTES >> 20) + " MB");
        }
        try (Reader in = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            JsonReader reader = new JsonReader(in);
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw DatasetException.at(displayName, -1, "malformed JSON: extra data after the value");
            }
            return root;
        } catch (JsonParseException | IllegalStateException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw DatasetException.at(displayName, -1, "malformed JSON: " + why);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw DatasetException.at(displayName, -1, "not valid UTF-8 text");
        }
    }

    /**
     * Python's {@code json.dumps(value, indent=indent, ensure_ascii=False)} for nested maps
     * (in their iteration order), lists and strings.
     */
    static String dumps(Object value, int indent) {
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
