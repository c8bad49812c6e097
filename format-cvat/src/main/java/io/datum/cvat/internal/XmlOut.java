package io.datum.cvat.internal;

import io.datum.model.Coords;
import io.datum.text.PythonNumbers;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes CVAT XML byte for byte as the reference's SAX {@code XMLGenerator} does (cvat-format.md
 * §5.3): a declaration line, every start tag and every container's end tag on a new line indented
 * by two spaces per level, text leaves on one line, empty containers still closed on their own
 * line, no newline after the root's end tag. Text escapes {@code & < >}; attribute values also
 * {@code LF CR TAB}, and are single-quoted when they hold {@code "} but no {@code '}.
 *
 * <p>A character XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF) is
 * refused with {@link UnwritableText}, which fails the export: the output is well-formed or not
 * there at all (decisions S4).
 */
final class XmlOut implements Closeable {
    /** A value with a character that XML cannot hold. */
    static final class UnwritableText extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnwritableText(String value, int codePoint) {
            super("'" + printable(value) + "' contains " + String.format("U+%04X", codePoint)
                    + ", which an XML file cannot hold");
        }

        private static String printable(String value) {
            StringBuilder sb = new StringBuilder();
            value.codePoints().forEach(c -> {
                if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
                    sb.append(String.format("\\u%04x", c));
                } else {
                    sb.appendCodePoint(c);
                }
            });
            return sb.toString();
        }
    }

    private static final int FLUSH_AT = 1 << 16;

    private final Writer sink;
    private final OutputStream stream;
    /** Output is built here and handed on in large pieces: BufferedWriter's per-call locking cost
     *  more than the XML itself when written a character at a time. */
    private final StringBuilder out = new StringBuilder(FLUSH_AT + 1024);
    private int level;

    /** Writes characters to {@code out} (tests). */
    XmlOut(Writer out) {
        this.sink = out;
        this.stream = null;
    }

    /**
     * Writes UTF-8 to {@code out}, a whole buffer at a time through String's encoder: through an
     * OutputStreamWriter each character was copied three times (to a String, to the writer's
     * buffer, to the encoder's), a tenth of the time of a large export.
     */
    XmlOut(OutputStream out) {
        this.sink = null;
        this.stream = out;
    }

    private void flushIfFull() throws IOException {
        if (out.length() >= FLUSH_AT) {
            flushOut();
        }
    }

    private void flushOut() throws IOException {
        int length = out.length();
        if (stream == null) {
            sink.append(out);
        } else if (length > 0) {
            // String's own encoder: mostly a copy (ASCII), vectorised; a per-char loop was a sixth of a write
            stream.write(out.toString().getBytes(StandardCharsets.UTF_8));
        }
        out.setLength(0);
    }

    /** The declaration and the root's start tag. */
    void startDocument(String root) throws IOException {
        out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<");
        out.append(root);
        out.append('>');
        level = 1;
    }

    /** The root's end tag, without a newline after it. */
    void endDocument(String root) throws IOException {
        close(root);
        flushOut();
        if (stream == null) {
            sink.flush();
        } else {
            stream.flush();
        }
    }

    /** A new line, the indentation, and {@code <tag}; follow with {@link #attribute} calls and {@link #endStartTag}. */
    void startTag(String tag) throws IOException {
        flushIfFull();
        indent();
        out.append('<');
        out.append(tag);
    }

    void attribute(String name, String value) {
        out.append(' ');
        out.append(name);
        out.append('=');
        writeAttributeValue(value);
    }

    /**
     * {@code  name="value"} for a value that needs neither the XML check nor escaping (numbers,
     * digits, fixed words): the per-character scans of {@link #attribute} cost more than the
     * writing for the millions of numeric attributes of a large export.
     */
    void plainAttribute(String name, String value) {
        out.append(' ').append(name).append("=\"").append(value).append('"');
    }

    void longAttribute(String name, long value) {
        out.append(' ').append(name).append("=\"").append(value).append('"');
    }

    /** {@code  name="value"} with Python {@code "{:.2f}"}, written in place. */
    void fixed2Attribute(String name, double value) {
        out.append(' ').append(name).append("=\"");
        appendFixed2(value);
        out.append('"');
    }

    /** {@code  name="x,y;x,y"} with two decimals; a trailing odd coordinate is dropped, as in the reference. */
    void pointsAttribute(String name, Coords c) {
        out.append(' ').append(name).append("=\"");
        for (int i = 0; i + 1 < c.size(); i += 2) {
            if (i > 0) {
                out.append(';');
            }
            appendFixed2(c.get(i));
            out.append(',');
            appendFixed2(c.get(i + 1));
        }
        out.append('"');
    }

    private void appendFixed2(double value) {
        PythonNumbers.appendFixed2(out, value);
    }

    /**
     * {@code  name="value"} checked and escaped, ready to be written again with {@link #raw}:
     * for attributes that repeat, like a shape's label.
     *
     * @throws UnwritableText when the value has a character XML cannot hold
     */
    static String attributeText(String name, String value) {
        XmlOut piece = new XmlOut((Writer) null);
        piece.attribute(name, value);
        return piece.out.toString();
    }

    /** {@code <tag name="value">} checked and escaped, ready for {@link #leafAfter}. */
    static String startTagText(String tag, String attributeName, String attributeValue) {
        return "<" + tag + attributeText(attributeName, attributeValue) + ">";
    }

    /** Output made by {@link #attributeText}, written as it is. */
    void raw(String checkedAndEscaped) {
        out.append(checkedAndEscaped);
    }

    /**
     * {@code <tag ...>text</tag>} on one line after a start tag from {@link #startTagText};
     * {@code plainText} skips the check and escaping for text that needs neither (numbers, booleans).
     */
    void leafAfter(String startTag, String tag, String text, boolean plainText) throws IOException {
        if (!plainText) {
            check(text);
        }
        indent();
        out.append(startTag);
        if (plainText) {
            out.append(text);
        } else {
            writeText(text);
        }
        out.append("</").append(tag).append('>');
    }

    /** A line made beforehand (checked and escaped), on its own line at the current depth. */
    void line(String checkedAndEscaped) throws IOException {
        indent();
        out.append(checkedAndEscaped);
    }

    /** Ends a start tag; the element's children come one level deeper. */
    void endStartTag() throws IOException {
        out.append('>');
        level++;
    }

    /** A container's end tag, on its own line. */
    void close(String tag) throws IOException {
        level--;
        indent();
        out.append("</");
        out.append(tag);
        out.append('>');
    }

    /** {@code <tag>text</tag>} on one line. */
    void leaf(String tag, String text) throws IOException {
        check(text);
        indent();
        out.append('<');
        out.append(tag);
        out.append('>');
        writeText(text);
        out.append("</");
        out.append(tag);
        out.append('>');
    }

    /** {@code <tag name="value">text</tag>} on one line. */
    void leaf(String tag, String attributeName, String attributeValue, String text) throws IOException {
        check(attributeValue);
        check(text);
        indent();
        out.append('<');
        out.append(tag);
        attribute(attributeName, attributeValue);
        out.append('>');
        writeText(text);
        out.append("</");
        out.append(tag);
        out.append('>');
    }

    /** A line break and two spaces per level, for the usual depths: one append each. */
    private static final String[] INDENTS = new String[16];

    static {
        for (int i = 0; i < INDENTS.length; i++) {
            INDENTS[i] = "\n" + "  ".repeat(i);
        }
    }

    private void indent() throws IOException {
        if (level < INDENTS.length) {
            out.append(INDENTS[level]);
        } else {
            out.append('\n');
            for (int i = 0; i < level; i++) {
                out.append("  ");
            }
        }
        flushIfFull();
    }

    /** Refuses characters outside XML 1.0's Char production. */
    static void check(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                continue;
            }
            if (c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            throw new UnwritableText(s, c);
        }
    }

    private void writeText(String s) throws IOException {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            String replacement = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (replacement != null) {
                out.append(s, from, from + (i - from));
                out.append(replacement);
                from = i + 1;
            }
        }
        out.append(s, from, s.length());
    }

    private void writeAttributeValue(String s) {
        check(s);
        boolean doubleQuote = s.indexOf('"') >= 0;
        boolean singleQuote = s.indexOf('\'') >= 0;
        // Python's saxutils.quoteattr: prefer quotes that need no escaping
        char quote = doubleQuote && !singleQuote ? '\'' : '"';
        out.append(quote);
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\n' -> "&#10;";
                case '\r' -> "&#13;";
                case '\t' -> "&#9;";
                case '"' -> quote == '"' ? "&quot;" : null;
                default -> null;
            };
            if (replacement != null) {
                out.append(s, from, from + (i - from));
                out.append(replacement);
                from = i + 1;
            }
        }
        out.append(s, from, s.length());
        out.append(quote);
    }

    @Override
    public void close() throws IOException {
        try {
            flushOut();
        } finally {
            if (stream == null) {
                sink.close();
            } else {
                stream.close();
            }
        }
    }
}
