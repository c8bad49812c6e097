package io.datum.cvat.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The byte-level rules of the CVAT writer: quoting and escaping as Python's SAX writer does, the document's indentation, characters XML cannot hold, UTF-8, numbers. */
class XmlOutTest {
    private static String attribute(String value) throws IOException {
        StringWriter s = new StringWriter();
        XmlOut out = new XmlOut(s);
        out.startTag("t");
        out.attribute("a", value);
        out.close();
        return s.toString().substring("\n<t a=".length());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain                 | "plain"
            a,"b" & <c>           | 'a,"b" &amp; &lt;c&gt;'
            it's                  | "it's"
            l'"x                  | "l'&quot;x"
            ``                    | ""
            """)
    void quotesAttributesAsPythonQuoteattr(String value, String expected) throws IOException {
        assertEquals(expected, attribute(value));
    }

    @Test
    void escapesWhitespaceInAttributesButNotInText() throws IOException {
        assertEquals("\"l'&quot;&#10;&#9;x&#13;\"", attribute("l'\"\n\tx\r"));
        StringWriter s = new StringWriter();
        XmlOut out = new XmlOut(s);
        out.leaf("attribute", "name", "a\"b", "he said \"hi\" & <bye>\n\t\r");
        out.close();
        assertEquals("\n<attribute name='a\"b'>he said \"hi\" &amp; &lt;bye&gt;\n\t\r</attribute>", s.toString());
    }

    @Test
    void writesTheDocumentShapeOfTheReference() throws IOException {
        StringWriter s = new StringWriter();
        XmlOut out = new XmlOut(s);
        out.startDocument("annotations");
        out.leaf("version", "1.1");
        out.startTag("image");
        out.attribute("id", "0");
        out.endStartTag();
        out.startTag("box");
        out.endStartTag();
        out.close("box");
        out.close("image");
        out.leaf("id", "");
        out.endDocument("annotations");
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n  <version>1.1</version>\n"
                + "  <image id=\"0\">\n    <box>\n    </box>\n  </image>\n  <id></id>\n</annotations>", s.toString());
    }

    @Test
    void refusesCharactersOutsideXml() {
        XmlOut.check("tab\t lf\n cr\r \ud83d\ude42 \ue000 \ufffd");
        for (String bad : new String[] {"\u0000", "\u0001", "\u001f", "\ud800", "x\udc00", "\ufffe", "\uffff"}) {
            assertThrows(XmlOut.UnwritableText.class, () -> XmlOut.check(bad), () -> "accepted " + (int) bad.charAt(bad.length() - 1));
        }
        assertEquals("'a\\u0001' contains U+0001, which an XML file cannot hold",
                assertThrows(XmlOut.UnwritableText.class, () -> XmlOut.check("a\u0001")).getMessage());
    }

    @Test
    void encodesUtf8ItselfAsTheJdkDoes() throws IOException {
        String text = "caf\u00e9 \u4e2d\u6587 \uD83D\uDE00 " + "x".repeat(70_000) + " \u00ff";
        StringWriter chars = new StringWriter();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (XmlOut out : new XmlOut[] {new XmlOut(chars), new XmlOut(bytes)}) {
            out.startDocument("annotations");
            out.leaf("name", text);
            out.startTag("image");
            out.attribute("name", text);
            out.endStartTag();
            out.close("image");
            out.endDocument("annotations");
        }
        assertEquals(chars.toString(), bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(chars.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, bytes.size());
    }

    @Test
    void makesPiecesOnceThatWriteLikeTheCallsTheyReplace() throws IOException {
        String longName = "caf\u00e9 \"x\" & <y>" + "z".repeat(1000);
        java.io.ByteArrayOutputStream pieces = new java.io.ByteArrayOutputStream();
        XmlOut out = new XmlOut(pieces);
        out.startTag("box");
        out.raw(XmlOut.attributeBytes("label", longName));
        out.endStartTag();
        out.line(XmlOut.leafBytes(XmlOut.startTagBytes("attribute", "name", longName), "attribute", "a < b"));
        out.close("box");
        out.close();
        StringWriter calls = new StringWriter();
        XmlOut expected = new XmlOut(calls);
        expected.startTag("box");
        expected.attribute("label", longName);
        expected.endStartTag();
        expected.leaf("attribute", "name", longName, "a < b");
        expected.close("box");
        expected.close();
        assertEquals(calls.toString(), pieces.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertThrows(XmlOut.UnwritableText.class, () -> XmlOut.attributeBytes("label", "a\u0000"));
    }

    @Test
    void spellsNumbersInPlace() throws IOException {
        StringWriter s = new StringWriter();
        XmlOut out = new XmlOut(s);
        out.startTag("box");
        out.longAttribute("a", 0);
        out.longAttribute("b", -1234567890123L);
        out.longAttribute("c", Long.MIN_VALUE);
        out.longAttribute("d", Long.MAX_VALUE);
        out.fixed2Attribute("e", 2.675);
        out.fixed2Attribute("f", -0.0);
        out.close();
        assertEquals("\n<box a=\"0\" b=\"-1234567890123\" c=\"-9223372036854775808\" d=\"9223372036854775807\""
                + " e=\"2.67\" f=\"-0.00\"", s.toString());
    }
}
