package io.datum.openimages.internal.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.datum.spi.DatasetException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * JSON as Python's {@code json.loads} reads it: RFC 8259 plus {@code NaN}, {@code Infinity} and
 * {@code -Infinity}; no comments, single quotes, unquoted names or trailing commas; no control
 * characters inside strings; a later duplicate name wins; a leading BOM is ignored. Every error
 * names the file, the line and the column and says what is wrong in plain words. Written here
 * rather than left to Gson's reader because no setting of it reads that grammar (strict refuses
 * {@code NaN}, lenient takes comments, single quotes and unquoted names, which Python refuses), and
 * its messages carry advice for programmers and a web link instead of a position for a person;
 * the values are Gson's tree types all the same.
 */
final class StrictJsonParser {
    private final String text;
    private final String displayName;
    private final int maxDepth;
    private final int maxValues;
    private final Map<JsonElement, Long> positions = new IdentityHashMap<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    private int values;
    /** Where the root value starts. */
    private long rootAt;

    private StrictJsonParser(String text, String displayName, int maxDepth, int maxValues) {
        this.text = text;
        this.displayName = displayName;
        this.maxDepth = maxDepth;
        this.maxValues = maxValues;
    }

    /**
     * Parses UTF-8 bytes holding one JSON value. Nesting deeper than {@code maxDepth} (the
     * parser recurses) and more than {@code maxValues} values in all (the tree is held in
     * memory) are refused.
     */
    static JsonDocument parse(byte[] utf8, String displayName, int maxDepth, int maxValues) {
        StrictJsonParser parser = new StrictJsonParser(decode(utf8, displayName), displayName, maxDepth, maxValues);
        if (parser.text.startsWith("\uFEFF")) {
            parser.pos = 1;
            parser.lineStart = 1;
        }
        JsonElement root = parser.value(0);
        parser.skipWhiteSpace();
        if (parser.pos < parser.text.length()) {
            throw parser.error("extra data after the JSON value");
        }
        return new JsonDocument(displayName, root, parser.positions, parser.rootAt);
    }

    /** Strict UTF-8; the first bad byte is reported at its line and column. */
    private static String decode(byte[] utf8, String displayName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(utf8.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(utf8), out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            StrictJsonParser prefix = new StrictJsonParser(out.toString(), displayName, 0, 0);
            prefix.pos = prefix.text.length();
            prefix.countLines(0, prefix.pos);
            throw prefix.error("not valid UTF-8 text");
        }
        return out.toString();
    }

    private JsonElement value(int depth) {
        skipWhiteSpace();
        if (pos == text.length()) {
            throw error("a value was expected, but the file ends");
        }
        if (++values > maxValues) {
            throw error("more than " + maxValues + " values");
        }
        long at = (long) line << 32 | (pos - lineStart + 1);
        char c = text.charAt(pos);
        JsonElement value;
        if (c == '{' || c == '[') {
            if (depth >= maxDepth) {
                throw error("values nested deeper than " + maxDepth + " levels");
            }
            value = c == '{' ? object(depth + 1) : array(depth + 1);
        } else if (c == '"') {
            value = new JsonPrimitive(string());
        } else if (c == '-' && text.startsWith("-Infinity", pos)) {
            value = literal("-Infinity", new JsonPrimitive(Double.NEGATIVE_INFINITY));
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            value = number();
        } else {
            value = switch (c) {
                case 't' -> literal("true", new JsonPrimitive(true));
                case 'f' -> literal("false", new JsonPrimitive(false));
                case 'n' -> literal("null", JsonNull.INSTANCE);
                case 'N' -> literal("NaN", new JsonPrimitive(Double.NaN));
                case 'I' -> literal("Infinity", new JsonPrimitive(Double.POSITIVE_INFINITY));
                default -> throw error(describe(c) + " where a value was expected");
            };
        }
        if (!value.isJsonNull()) {
            positions.put(value, at);
        }
        if (depth == 0) {
            rootAt = at;
        }
        return value;
    }

    private JsonObject object(int depth) {
        JsonObject object = new JsonObject();
        pos++;
        skipWhiteSpace();
        if (peek() == '}') {
            pos++;
            return object;
        }
        while (true) {
            skipWhiteSpace();
            if (peek() != '"') {
                throw error(found() + " where a name in double quotes was expected");
            }
            String name = string();
            skipWhiteSpace();
            if (peek() != ':') {
                throw error(found() + " where ':' was expected after a name");
            }
            pos++;
            object.add(name, value(depth));
            skipWhiteSpace();
            int c = peek();
            pos++;
            if (c == '}') {
                return object;
            }
            if (c != ',') {
                pos--;
                throw error(found() + " where ',' or '}' was expected");
            }
        }
    }

    private JsonArray array(int depth) {
        JsonArray array = new JsonArray();
        pos++;
        skipWhiteSpace();
        if (peek() == ']') {
            pos++;
            return array;
        }
        while (true) {
            array.add(value(depth));
            skipWhiteSpace();
            int c = peek();
            pos++;
            if (c == ']') {
                return array;
            }
            if (c != ',') {
                pos--;
                throw error(found() + " where ',' or ']' was expected");
            }
        }
    }

    private String string() {
        int open = pos;
        pos++;
        StringBuilder sb = null;
        int runStart = pos;
        while (true) {
            if (pos == text.length()) {
                pos = open;
                throw error("a string that is never closed");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(runStart, pos) : sb.append(text, runStart, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("a control character (U+" + String.format("%04X", (int) c) + ") inside a string");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, runStart, pos);
            if (pos + 1 == text.length()) {
                pos = open;
                throw error("a string that is never closed");
            }
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    int code = pos + 6 <= text.length() ? hex4(pos + 2) : -1;
                    if (code < 0) {
                        throw error("'\\u' is not followed by four hexadecimal digits");
                    }
                    sb.append((char) code);
                    pos += 4;
                }
                default -> throw error("an unknown escape '\\" + e + "' in a string");
            }
            pos += 2;
            runStart = pos;
        }
    }

    private int hex4(int at) {
        int code = 0;
        for (int i = at; i < at + 4; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0 || text.charAt(i) > 'f') {
                return -1;
            }
            code = code << 4 | d;
        }
        return code;
    }

    private JsonElement number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw error(found() + " where a digit was expected");
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw error(found() + " where a digit was expected after '.'");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error(found() + " where a digit of the exponent was expected");
            }
        }
        String number = text.substring(start, pos);
        try {
            return new JsonPrimitive(new BigDecimal(number));
        } catch (NumberFormatException e) {
            // an exponent beyond what BigDecimal holds: Python reads such a number as a float
            return new JsonPrimitive(Double.parseDouble(number));
        }
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private JsonElement literal(String word, JsonElement value) {
        if (!text.startsWith(word, pos)) {
            throw error(describe(text.charAt(pos)) + " where a value was expected");
        }
        pos += word.length();
        return value;
    }

    private void skipWhiteSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n' || (c == '\r' && (pos + 1 == text.length() || text.charAt(pos + 1) != '\n'))) {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** Counts the line breaks of {@code text} between two offsets, as {@link #skipWhiteSpace} does. */
    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    /** What is at the current position, in words. */
    private String found() {
        return pos < text.length() ? describe(text.charAt(pos)) : "the end of the file";
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7F || Character.isWhitespace(c) || Character.isSurrogate(c)
                ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }

    private DatasetException error(String problem) {
        return DatasetException.at(displayName, line, pos - lineStart + 1, "malformed JSON: " + problem);
    }
}
