package io.datum.cvat.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

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

    private final Writer out;
    private int level;

    XmlOut(Writer out) {
        this.out = out;
    }

    /** The declaration and the root's start tag. */
    void startDocument(String root) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<");
        out.write(root);
        out.write('>');
        level = 1;
    }

    /** The root's end tag, without a newline after it. */
    void endDocument(String root) throws IOException {
        close(root);
        out.flush();
    }

    /** A new line, the indentation, and {@code <tag}; follow with {@link #attribute} calls and {@link #endStartTag}. */
    void startTag(String tag) throws IOException {
        indent();
        out.write('<');
        out.write(tag);
    }

    void attribute(String name, String value) throws IOException {
        out.write(' ');
        out.write(name);
        out.write('=');
        writeAttributeValue(value);
    }

    /** Ends a start tag; the element's children come one level deeper. */
    void endStartTag() throws IOException {
        out.write('>');
        level++;
    }

    /** A container's end tag, on its own line. */
    void close(String tag) throws IOException {
        level--;
        indent();
        out.write("</");
        out.write(tag);
        out.write('>');
    }

    /** {@code <tag>text</tag>} on one line. */
    void leaf(String tag, String text) throws IOException {
        check(text);
        indent();
        out.write('<');
        out.write(tag);
        out.write('>');
        writeText(text);
        out.write("</");
        out.write(tag);
        out.write('>');
    }

    /** {@code <tag name="value">text</tag>} on one line. */
    void leaf(String tag, String attributeName, String attributeValue, String text) throws IOException {
        check(attributeValue);
        check(text);
        indent();
        out.write('<');
        out.write(tag);
        attribute(attributeName, attributeValue);
        out.write('>');
        writeText(text);
        out.write("</");
        out.write(tag);
        out.write('>');
    }

    private void indent() throws IOException {
        out.write('\n');
        for (int i = 0; i < level; i++) {
            out.write("  ");
        }
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
                out.write(s, from, i - from);
                out.write(replacement);
                from = i + 1;
            }
        }
        out.write(s, from, s.length() - from);
    }

    private void writeAttributeValue(String s) throws IOException {
        check(s);
        boolean doubleQuote = s.indexOf('"') >= 0;
        boolean singleQuote = s.indexOf('\'') >= 0;
        // Python's saxutils.quoteattr: prefer quotes that need no escaping
        char quote = doubleQuote && !singleQuote ? '\'' : '"';
        out.write(quote);
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
                out.write(s, from, i - from);
                out.write(replacement);
                from = i + 1;
            }
        }
        out.write(s, from, s.length() - from);
        out.write(quote);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
