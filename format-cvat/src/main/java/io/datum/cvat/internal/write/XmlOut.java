package io.datum.cvat.internal.write;

import io.datum.model.Coords;
import io.datum.text.PythonNumbers;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes CVAT XML byte for byte as Python's SAX {@code XMLGenerator} does in Datumaro's CVAT
 * exporter: a declaration line, every start tag and every container's end tag on a new line indented
 * by two spaces per level, text leaves on one line, empty containers still closed on their own
 * line, no newline after the root's end tag. Text escapes {@code & < >}; attribute values also
 * {@code LF CR TAB}, and are single-quoted when they hold {@code "} but no {@code '}.
 *
 * <p>A character XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF) is
 * refused with {@link UnwritableText}, which fails the export: the output is well-formed or not
 * there at all (docs/differences.md, S4).
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

    private final OutputStream stream;
    /**
     * Output is built here as UTF-8 and handed on in large pieces. Built as bytes rather than
     * chars: through a StringBuilder each character was copied twice more (into a String, then
     * encoded), a third of the writer's time on the 2.6 GB of a large export; the pieces that
     * repeat (indentation, label attributes, whole attribute lines) are encoded once.
     */
    private byte[] buf;
    private int pos;
    private int level;

    /** Writes characters to {@code out} (tests). */
    XmlOut(Writer out) {
        this(out == null ? null : new CharsOut(out));
    }

    /** Writes UTF-8 to {@code out}; null keeps everything in memory (pieces made once, see {@link #attributeBytes}). */
    XmlOut(OutputStream out) {
        this.stream = out;
        // a piece (no stream) is a line or less: a few hundred bytes, made often (reals that change)
        this.buf = new byte[out == null ? 256 : FLUSH_AT + 1024];
    }

    /** Hands bytes to a Writer: whole characters only, as XmlOut never flushes within one. */
    private static final class CharsOut extends OutputStream {
        private final Writer out;

        CharsOut(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(new String(b, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Room for {@code n} more bytes: flushes first if needed, and grows for a piece larger than the buffer. */
    private void ensure(int n) throws IOException {
        if (pos + n > buf.length) {
            if (stream != null) {
                flushOut();
            }
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(pos + n, buf.length * 2));
            }
        }
    }

    private void flushIfFull() throws IOException {
        if (pos >= FLUSH_AT) {
            flushOut();
        }
    }

    private void flushOut() throws IOException {
        if (stream != null && pos > 0) {
            stream.write(buf, 0, pos);
        }
        pos = 0;
    }

    /** The declaration and the root's start tag. */
    void startDocument(String root) throws IOException {
        putAscii("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<");
        putAscii(root);
        putByte('>');
        level = 1;
    }

    /** The root's end tag, without a newline after it. */
    void endDocument(String root) throws IOException {
        close(root);
        flushOut();
        stream.flush();
    }

    /** A new line, the indentation, and {@code <tag}; follow with {@link #attribute} calls and {@link #endStartTag}. */
    void startTag(String tag) throws IOException {
        flushIfFull();
        indent();
        putByte('<');
        putAscii(tag);
    }

    void attribute(String name, String value) throws IOException {
        putByte(' ');
        putAscii(name);
        putByte('=');
        writeAttributeValue(value);
    }

    /**
     * {@code  name="value"} for a value that needs neither the XML check nor escaping (numbers,
     * digits, fixed words): the per-character scans of {@link #attribute} cost more than the
     * writing for the millions of numeric attributes of a large export.
     */
    void plainAttribute(String name, String value) throws IOException {
        startAttributeValue(name);
        putAscii(value);
        putByte('"');
    }

    void longAttribute(String name, long value) throws IOException {
        startAttributeValue(name);
        putLong(value);
        putByte('"');
    }

    /** {@code  name="value"} with Python {@code "{:.2f}"}, written in place. */
    void fixed2Attribute(String name, double value) throws IOException {
        startAttributeValue(name);
        putFixed2(value);
        putByte('"');
    }

    /** {@code  name="x,y;x,y"} with two decimals; a trailing odd coordinate is dropped, as in Datumaro. */
    void pointsAttribute(String name, Coords c) throws IOException {
        startAttributeValue(name);
        for (int i = 0; i + 1 < c.size(); i += 2) {
            if (i > 0) {
                putByte(';');
            }
            putFixed2(c.get(i));
            putByte(',');
            putFixed2(c.get(i + 1));
        }
        putByte('"');
    }

    /**
     * {@code  name="} of an attribute whose value is a list of numbers written as they come
     * ({@link #listedLong}), closed by {@link #endListAttribute}: a list as long as a mask's runs
     * is never held whole.
     */
    void startListAttribute(String name) throws IOException {
        startAttributeValue(name);
    }

    /** A number of the list begun by {@link #startListAttribute}, after {@code ", "} unless it is the first. */
    void listedLong(long value, boolean first) throws IOException {
        if (!first) {
            putByte(',');
            putByte(' ');
        }
        putLong(value);
    }

    void endListAttribute() throws IOException {
        putByte('"');
    }

    /** {@code  name="}, for names that are ASCII words. */
    private void startAttributeValue(String name) throws IOException {
        ensure(name.length() + 3);
        byte[] b = buf;
        int p = pos;
        b[p++] = ' ';
        for (int i = 0; i < name.length(); i++) {
            b[p++] = (byte) name.charAt(i);
        }
        b[p++] = '=';
        b[p++] = '"';
        pos = p;
    }

    private void putFixed2(double value) throws IOException {
        ensure(PythonNumbers.FIXED2_MAX_BYTES);
        pos = PythonNumbers.putFixed2(buf, pos, value);
    }

    /** Decimal digits of {@code value}, as {@code Long.toString}. */
    private void putLong(long value) throws IOException {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                putAscii(Long.toString(value));
                return;
            }
            putByte('-');
            value = -value;
        }
        ensure(19);
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        byte[] b = buf;
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        pos = end;
    }

    /**
     * {@code  name="value"} checked, escaped and encoded, ready to be written again with
     * {@link #raw}: for attributes that repeat, like a shape's label.
     *
     * @throws UnwritableText when the value has a character XML cannot hold
     */
    static byte[] attributeBytes(String name, String value) {
        return piece(piece -> piece.attribute(name, value));
    }

    /** {@code <tag name="value">} checked and escaped, ready for {@link #leafAfter}. */
    static byte[] startTagBytes(String tag, String attributeName, String attributeValue) {
        return piece(piece -> {
            piece.putByte('<');
            piece.putAscii(tag);
            piece.attribute(attributeName, attributeValue);
            piece.putByte('>');
        });
    }

    /**
     * {@code <start>text</tag>}: a whole leaf made once (start from {@link #startTagBytes}, text
     * checked and escaped), for {@link #line}.
     */
    static byte[] leafBytes(byte[] startTag, String tag, String text) {
        return piece(piece -> {
            piece.raw(startTag);
            piece.writeText(text);
            piece.putAscii("</");
            piece.putAscii(tag);
            piece.putByte('>');
        });
    }

    /** What {@link #piece} writes. */
    private interface PieceWriting {
        void write(XmlOut piece) throws IOException;
    }

    /** The bytes {@code writing} writes into an XmlOut without a stream (in memory: no I/O to fail). */
    private static byte[] piece(PieceWriting writing) {
        XmlOut piece = new XmlOut((OutputStream) null);
        try {
            writing.write(piece);
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // no stream: cannot happen
        }
        return Arrays.copyOf(piece.buf, piece.pos);
    }

    /** Output made by {@link #attributeBytes}, written as it is. */
    void raw(byte[] checkedAndEscaped) throws IOException {
        ensure(checkedAndEscaped.length);
        System.arraycopy(checkedAndEscaped, 0, buf, pos, checkedAndEscaped.length);
        pos += checkedAndEscaped.length;
    }

    /**
     * {@code <tag ...>text</tag>} on one line after a start tag from {@link #startTagBytes};
     * {@code plainText} skips the check and escaping for text that needs neither (numbers, booleans).
     */
    void leafAfter(byte[] startTag, String tag, String text, boolean plainText) throws IOException {
        if (!plainText) {
            check(text);
        }
        indent();
        raw(startTag);
        if (plainText) {
            putAscii(text);
        } else {
            writeText(text);
        }
        putByte('<');
        putByte('/');
        putAscii(tag);
        putByte('>');
    }

    /** A line made beforehand (checked and escaped), on its own line at the current depth. */
    void line(byte[] checkedAndEscaped) throws IOException {
        indent();
        raw(checkedAndEscaped);
    }

    /** Ends a start tag; the element's children come one level deeper. */
    void endStartTag() throws IOException {
        putByte('>');
        level++;
    }

    /** A container's end tag, on its own line. */
    void close(String tag) throws IOException {
        level--;
        indent();
        putByte('<');
        putByte('/');
        putAscii(tag);
        putByte('>');
    }

    /** {@code <tag>text</tag>} on one line. */
    void leaf(String tag, String text) throws IOException {
        check(text);
        indent();
        putByte('<');
        putAscii(tag);
        putByte('>');
        writeText(text);
        putByte('<');
        putByte('/');
        putAscii(tag);
        putByte('>');
    }

    /** {@code <tag name="value">text</tag>} on one line. */
    void leaf(String tag, String attributeName, String attributeValue, String text) throws IOException {
        check(attributeValue);
        check(text);
        indent();
        putByte('<');
        putAscii(tag);
        attribute(attributeName, attributeValue);
        putByte('>');
        writeText(text);
        putByte('<');
        putByte('/');
        putAscii(tag);
        putByte('>');
    }

    /** A line break and two spaces per level, for the usual depths: one copy each. */
    private static final byte[][] INDENTS = new byte[16][];

    static {
        for (int i = 0; i < INDENTS.length; i++) {
            INDENTS[i] = ("\n" + "  ".repeat(i)).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private void indent() throws IOException {
        if (level < INDENTS.length) {
            raw(INDENTS[level]);
        } else {
            putByte('\n');
            for (int i = 0; i < level; i++) {
                putByte(' ');
                putByte(' ');
            }
        }
        flushIfFull();
    }

    private void putByte(char c) throws IOException {
        if (pos == buf.length) {
            ensure(1);
        }
        buf[pos++] = (byte) c;
    }

    /** Tag and attribute names, digits, fixed words: ASCII, copied byte for byte (anything else is encoded). */
    private void putAscii(String s) throws IOException {
        int n = s.length();
        ensure(n);
        byte[] b = buf;
        int p = pos;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                pos = p;
                putUtf8(s, i, n);
                return;
            }
            b[p++] = (byte) c;
        }
        pos = p;
    }

    /** {@code s[from, to)} as UTF-8; surrogates come in pairs (checked before). */
    private void putUtf8(String s, int from, int to) throws IOException {
        ensure(3 * (to - from));
        byte[] b = buf;
        int p = pos;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        pos = p;
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
        putEscaped(s, NOT_QUOTED);
    }

    private void writeAttributeValue(String s) throws IOException {
        check(s);
        boolean doubleQuote = s.indexOf('"') >= 0;
        boolean singleQuote = s.indexOf('\'') >= 0;
        // Python's saxutils.quoteattr: prefer quotes that need no escaping
        char quote = doubleQuote && !singleQuote ? '\'' : '"';
        putByte(quote);
        putEscaped(s, quote);
        putByte(quote);
    }

    /** The {@code quote} argument of {@link #putEscaped} for text content, which no quote encloses. */
    private static final char NOT_QUOTED = 0;

    /**
     * Writes {@code s} with {@code & < >} escaped, and inside an attribute value enclosed by
     * {@code quote} also the characters a parser would not give back as written: the line breaks
     * and tabs (which attribute normalization turns into spaces) and the enclosing quote.
     */
    private void putEscaped(String s, char quote) throws IOException {
        boolean attribute = quote != NOT_QUOTED;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            String replacement = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\n' -> attribute ? "&#10;" : null;
                case '\r' -> attribute ? "&#13;" : null;
                case '\t' -> attribute ? "&#9;" : null;
                case '"' -> quote == '"' ? "&quot;" : null;
                default -> null;
            };
            if (replacement != null) {
                putUtf8(s, from, i);
                putAscii(replacement);
                from = i + 1;
            }
        }
        putUtf8(s, from, s.length());
    }

    @Override
    public void close() throws IOException {
        try {
            flushOut();
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
    }
}
