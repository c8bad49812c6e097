package io.datum.cvat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.spi.DatasetException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanner against the JDK's parser: the same events for well-formed documents (including
 * ones whose tokens straddle buffer refills), a refusal for malformed ones, and agreement on
 * thousands of randomly damaged documents.
 */
class Utf8XmlScannerTest {
    @TempDir
    Path dir;

    private static final XmlLimits LIMITS = XmlLimits.DEFAULT;

    /** Events as text, one per line: start with attributes (JDK order), text (coalesced), end. */
    private static List<String> jdkEvents(byte[] xml) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
        List<String> events = new ArrayList<>();
        int depth = 0;
        while (r.hasNext()) {
            int e = r.next();
            switch (e) {
                case XMLStreamReader.START_ELEMENT -> {
                    depth++;
                    String ns = r.getNamespaceURI();
                    StringBuilder sb = new StringBuilder("start " + (ns == null || ns.isEmpty() ? "" : "{" + ns + "}")
                            + r.getLocalName());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        sb.append(' ').append(r.getAttributeLocalName(i)).append('=').append(r.getAttributeValue(i));
                    }
                    events.add(sb.toString());
                }
                case XMLStreamReader.END_ELEMENT -> {
                    depth--;
                    events.add("end");
                }
                case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
                    if (depth > 0) {
                        events.add("text " + r.getText());
                    }
                }
                case XMLStreamReader.DTD -> throw new XMLStreamException("DTD");
                default -> {
                }
            }
        }
        return merged(events);
    }

    private List<String> scannerEvents(byte[] xml) throws IOException {
        Path file = dir.resolve("scanned.xml");
        Files.write(file, xml);
        List<String> events = new ArrayList<>();
        try (XmlCursor c = SafeXml.open(file, "scanned.xml", LIMITS)) {
            assertTrue(c instanceof Utf8XmlScanner);
            int e;
            while ((e = c.next()) != XmlCursor.END_DOCUMENT) {
                if (e == XmlCursor.START_ELEMENT) {
                    events.add("start " + c.name());
                } else if (e == XmlCursor.END_ELEMENT) {
                    events.add("end");
                } else {
                    events.add("text " + new String(c.textCharacters(), c.textStart(), c.textLength()));
                }
            }
        }
        return merged(events);
    }

    private static List<String> merged(List<String> events) {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            if (e.startsWith("text ") && !out.isEmpty() && out.get(out.size() - 1).startsWith("text ")) {
                out.set(out.size() - 1, out.get(out.size() - 1) + e.substring(5));
            } else if (!e.equals("text ")) {
                out.add(e);
            }
        }
        return out;
    }

    /** Compares events, and each attribute the JDK lists with the scanner's lookup by its local name. */
    private void assertSameAsJdk(byte[] xml) throws Exception {
        List<String> expected = jdkEvents(xml);
        List<String> expectedStarts = expected.stream().filter(e -> e.startsWith("start ")).toList();
        Path file = dir.resolve("scanned.xml");
        Files.write(file, xml);
        List<String> actual = new ArrayList<>();
        int starts = 0;
        try (XmlCursor c = SafeXml.open(file, "scanned.xml", LIMITS)) {
            int e;
            while ((e = c.next()) != XmlCursor.END_DOCUMENT) {
                if (e == XmlCursor.START_ELEMENT) {
                    // "start NAME a=1 b=2": look each JDK attribute up by name
                    String jdk = expectedStarts.get(starts++);
                    StringBuilder sb = new StringBuilder("start " + c.name());
                    String rest = jdk.substring(("start " + c.name()).length());
                    for (String part : rest.isEmpty() ? new String[0] : rest.substring(1).split(" (?=[^ =]+=)")) {
                        String name = part.substring(0, part.indexOf('='));
                        sb.append(' ').append(name).append('=').append(c.attribute(name));
                    }
                    actual.add(sb.toString());
                } else if (e == XmlCursor.END_ELEMENT) {
                    actual.add("end");
                } else {
                    actual.add("text " + new String(c.textCharacters(), c.textStart(), c.textLength()));
                }
            }
        }
        assertEquals(expected, merged(actual));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<a/>",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a x=\"1\" y='2'>t</a>",
        "<!-- c --><a><!-- inner --><b>x</b><?pi data?></a><!-- after -->\n",
        "<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x1F600;</a>",
        "<a v=\"&lt;x&gt; &amp; &#9;tab &#10;nl\"/>",
        "<a v=\"line1\nline2\ttab\r\nx\rz\"/>",
        "<a>line1\r\nline2\rline3\n</a>",
        "<a><![CDATA[<not> &amp; markup]]>tail<![CDATA[]]></a>",
        "<a>caf\u00e9 \u4e2d\u6587 \uD83D\uDE00</a>",
        "<a n=\"caf\u00e9\"><b\u00e9/></a>",
        "<a xmlns=\"urn:x\"><b/></a>",
        "<p:a xmlns:p=\"urn:p\" p:v=\"1\" w=\"2\"><p:b/><c/></p:a>",
        "<a xml:lang=\"en\">x</a>",
        "<a   x = \"1\"\n\ty\t=\t'2'  >  </a  >",
        "<a>]]</a>",
        "<a>a > b</a>",
        // names guessed from the tags before them (same element, same attributes in order), and every way the guess misses
        "<a><box x=\"1\" y=\"2\"/><box x=\"1\" y=\"2\"/><boxy x=\"1\"/><box y=\"2\" x=\"1\"/><box x=\"1\"/>"
            + "<box x=\"1\" y=\"2\" z=\"3\"/><box xy=\"1\" y=\"2\"/><box\tx=\"1\"\ny =\"2\"></box ><box/></a>",
        "<r><p:a xmlns:p=\"urn:p\"><p:b p:v=\"1\"/><p:b p:v=\"2\"/></p:a><q:a xmlns:q=\"urn:q\"><p:b xmlns:p=\"urn:z\" p:v=\"3\"/></q:a></r>",
        // runs of eight bytes and more: indentation, and values with a reference, a tab, a non-ASCII letter at every offset
        "<a>\n                \n        <b/>        text after sixteen spaces        </a>",
        "<a v=\"abcdefghijk&amp;lmnopqrstu\tvw\" w=\"12345678\" x=\"1234567\u00e9xyz\" y=\"0123456789abcdef\"/>",
        // leaves met again (replayed): with text, empty, blank, a text differing late, under another parent, in a namespace
        "<a>\n <attribute name=\"score\">1.0</attribute>\n <attribute name=\"score\">1.0</attribute>\n"
            + " <attribute name=\"flag\">true</attribute><attribute name=\"score\">1.0</attribute>"
            + "<attribute name=\"score\">1.5</attribute><attribute name=\"score\">1.0</attribute>"
            + "<attribute name=\"empty\"></attribute>..........<attribute name=\"empty\"></attribute>........"
            + "<attribute name=\"blank\">  \t </attribute>.........<attribute name=\"blank\">  \t </attribute>......."
            + "<b><attribute name=\"score\">1.0</attribute>................</b>"
            + "<attribute name=\"score\">1.0</attribute ><attribute name=\"score\">1.0</attribute>..............."
            + "<p:x xmlns:p=\"urn:p\"><attribute name=\"score\">1.0</attribute>...................</p:x>"
            + "<attribute name=\"score\">1.0</attribute><attribute name=\"score\">1.0</attribute>...............</a>",
    })
    void readsWellFormedDocumentsAsTheJdkDoes(String xml) throws Exception {
        assertSameAsJdk(utf8(xml));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "<a>",
        "<a></b>",
        "<a x=\"1\" x=\"2\"/>",
        "<a x=1/>",
        "<a x=\"<\"/>",
        "<a>&unknown;</a>",
        "<a>&#0;</a>",
        "<a>&#xD800;</a>",
        "<a>& b</a>",
        "<a>]]></a>",
        "<a>\u0001</a>",
        "<a/><b/>",
        "text<a/>",
        "<a/>text",
        "<!-- a -- b --><a/>",
        "<a><?xml version=\"1.0\"?></a>",
        " <?xml version=\"1.0\"?><a/>",
        "<p:a/>",
        "<a x=\"1\"y=\"2\"/>",
        "<1a/>",
        "<a><![CDATA[x]]</a>",
        "<a/",
        // a guess of a known name and attribute list must not let these through
        "<a><b x=\"1\" y=\"2\"/><b x=\"1\" x=\"2\"/></a>",
        "<a><b x=\"1\"/><b x=\"1\"y=\"2\"/></a>",
        "<a><box></box><box></boxx></a>",
        "<a><box/><box></bo></a>",
        "<r><x xmlns:p=\"urn:p\"><p:b/></x><x><p:b/></x></r>",
        "<r><x xmlns:p=\"urn:p\"><b p:v=\"1\"/></x><x><b p:v=\"1\"/></x></r>",
        "<a v=\"0123456789abcdef<\"/>",
        // a leaf met before must not let a different one through
        "<a><attribute name=\"score\">1.0</attribute><attribute name=\"score\">1.0</attributes>.....................</a>",
        "<a><attribute name=\"score\">1.0</attribute><attribute name=\"score\" name=\"s\">1.0</attribute>.......</a>",
        "<a><attribute name=\"score\">1.0</attribute><attribute name=\"score\">1.0&x;</attribute>........</a>",
        "<a><attribute name=\"score\">1.0</attribute><attribute name=\"score\">1.0</attribute>",
    })
    void refusesMalformedDocumentsAsTheJdkDoes(String xml) throws IOException {
        assertThrows(Exception.class, () -> jdkEvents(utf8(xml)), "the JDK refuses it too");
        Files.write(dir.resolve("bad.xml"), utf8(xml));
        DatasetException e = assertThrows(DatasetException.class, () -> scannerEvents(utf8(xml)));
        assertTrue(e.getMessage().startsWith("scanned.xml:"), e.getMessage());
    }

    /**
     * A run of indentation that ends exactly where the 64 KiB read buffer ends (the shape of a
     * {@code <meta>} with twenty thousand labels): the run must go on into the next read, at every
     * alignment of its start.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void readsIndentationEndingExactlyAtABufferEnd(int shift) throws Exception {
        String head = "<annotations>" + "x".repeat(shift) + "<labels>";
        String indentation = " ".repeat((1 << 16) - head.length() + 12);
        assertSameAsJdk(utf8(head + indentation + "<label><name>a</name></label>\n" + indentation + "</labels></annotations>"));
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] xml = {'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'};
        DatasetException e = assertThrows(DatasetException.class, () -> scannerEvents(xml));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        byte[] overlong = {'<', 'a', '>', (byte) 0xC0, (byte) 0xAF, '<', '/', 'a', '>'};
        assertThrows(DatasetException.class, () -> scannerEvents(overlong));
    }

    @Test
    void refusesDoctypes() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> scannerEvents(utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>")));
        assertTrue(e.getMessage().startsWith("scanned.xml:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE is not allowed"), e.getMessage());
    }

    /** A CVAT-like document of many elements: its tokens straddle every buffer refill. */
    private static String bigDocument(Random random, int images) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<annotations>\n<meta><task>"
                + "<name>t\u00e9st &amp; co</name></task></meta>\n");
        for (int i = 0; i < images; i++) {
            sb.append("  <image id=\"").append(i).append("\" name=\"img").append(i).append(i % 7 == 0 ? "\u00e9" : "")
                    .append(".jpg\" width=\"640\" height=\"480\">\n");
            for (int b = random.nextInt(4); b > 0; b--) {
                sb.append("    <box label=\"car\" occluded=\"0\" xtl=\"").append(random.nextInt(640)).append(".25\" ytl=\"1\""
                        + " xbr=\"2\" ybr=\"3\" z_order=\"0\">\n");
                // the lines that repeat in real files, read once and then replayed
                sb.append("      <attribute name=\"score\">1.0</attribute>\n");
                sb.append(random.nextBoolean() ? "      <attribute name=\"is_occluded\">true</attribute>\n"
                        : "      <attribute name=\"is_occluded\">false</attribute>\n");
                sb.append("      <attribute name=\"note\">");
                sb.append(i % 11 == 0 ? "x &lt; y" : i % 13 == 0 ? "<![CDATA[a<b]]>" : "plain text ".repeat(1 + random.nextInt(30)));
                sb.append("</attribute>\n    </box>\n");
            }
            if (i % 17 == 0) {
                sb.append("    <!-- a comment with <image id=\"999\"> in it -->\n");
            }
            sb.append("  </image>\n");
        }
        return sb.append("</annotations>\n").toString();
    }

    @Test
    void readsALongDocumentAcrossBufferRefillsAsTheJdkDoes() throws Exception {
        byte[] xml = utf8(bigDocument(new Random(1), 3000));
        assertTrue(xml.length > 4 << 16, "several buffers long: " + xml.length);
        assertSameAsJdk(xml);
    }

    @Test
    void agreesWithTheJdkOnRandomlyDamagedDocuments() throws Exception {
        Random random = new Random(Long.getLong("fuzz.seed", 7));
        String base = bigDocument(random, 40);
        String alphabet = "<>/=\"'&;#x!-?[]\u00e9 \n\tabAB01:";
        int accepted = 0;
        for (int round = 0; round < Integer.getInteger("fuzz.rounds", 1500); round++) {
            StringBuilder damaged = new StringBuilder(base);
            for (int n = 1 + random.nextInt(2); n > 0; n--) {
                // not in the declaration: the JDK reads bytes there knowing only IANA names ("utf8" is
                // Java's alias, which the scanner accepts as the JDK does when given characters)
                int body = base.indexOf("<annotations>");
                int at = body + random.nextInt(damaged.length() - body);
                switch (random.nextInt(3)) {
                    case 0 -> damaged.deleteCharAt(at);
                    case 1 -> damaged.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> damaged.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            byte[] xml = utf8(damaged.toString());
            List<String> expected;
            try {
                expected = jdkEvents(xml);
            } catch (XMLStreamException | RuntimeException e) {
                expected = null;
            }
            List<String> actual;
            try {
                actual = scannerEvents(xml);
            } catch (DatasetException e) {
                actual = null;
            }
            int from = 0;
            while (from < base.length() && from < damaged.length() && base.charAt(from) == damaged.charAt(from)) {
                from++;
            }
            String around = damaged.substring(Math.max(0, from - 60), Math.min(damaged.length(), from + 60));
            if (expected == null) {
                assertNull(actual, () -> "the JDK refuses, the scanner accepts, around:\n" + around);
            } else {
                accepted++;
                List<String> startsOnly = new ArrayList<>();
                for (String e : expected) {
                    startsOnly.add(e.startsWith("start ") ? e.split(" ")[0] + " " + e.split(" ")[1] : e);
                }
                assertEquals(startsOnly, actual, () -> "different events, around:\n" + around);
            }
        }
        assertTrue(accepted > 100, "some damaged documents stay well-formed: " + accepted);
    }

    @Test
    void reportsTheLineOfAnErrorFarIntoTheFile() throws IOException {
        String xml = bigDocument(new Random(3), 2000);
        int at = xml.lastIndexOf("</image>");
        String broken = xml.substring(0, at) + "</imagex>" + xml.substring(at + 8);
        long line = broken.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
        DatasetException e = assertThrows(DatasetException.class, () -> scannerEvents(utf8(broken)));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("malformed XML"), e.getMessage());
    }

    @Test
    void skimsToImagesAndTracksOnly() throws IOException {
        String xml = "<annotations><meta/><!-- <image id=\"x\"/> --><![CDATA[<image id=\"y\">]]>"
                + "<?pi <image id=\"z\"?><images/><image id=\"0\" subset=\"a\"><box/></image>"
                + "<image\nid=\"1\"/><track id=\"5\"/></annotations>";
        Path file = dir.resolve("skim.xml");
        Files.writeString(file, xml);
        try (XmlCursor c = SafeXml.open(file, "skim.xml", LIMITS)) {
            Utf8XmlScanner s = (Utf8XmlScanner) c;
            assertEquals("image", s.skimTo("image", "track"));
            assertEquals("0", s.attribute("id"));
            assertEquals("a", s.attribute("subset"));
            assertEquals("image", s.skimTo("image", "track"));
            assertEquals("1", s.attribute("id"));
            assertEquals("track", s.skimTo("image", "track"));
            assertEquals("5", s.attribute("id"));
            assertNull(s.skimTo("image", "track"));
        }
    }

    @Test
    void enforcesItsLimitsWhileReading() throws IOException {
        XmlLimits small = new XmlLimits(3, 10, 10, 100);
        assertTrue(assertThrows(DatasetException.class, () -> read("<a v=\"" + "x".repeat(11) + "\"/>", small))
                .getMessage().contains("attribute value longer than 10 characters"));
        assertTrue(assertThrows(DatasetException.class, () -> read("<a>" + "x".repeat(11) + "</a>", small))
                .getMessage().contains("text longer than 10 characters"));
        assertTrue(assertThrows(DatasetException.class, () -> read("<a><b><c><d/></c></b></a>", small))
                .getMessage().contains("nested deeper than 3 levels"));
        assertTrue(assertThrows(DatasetException.class, () -> read("<a>" + " ".repeat(11) + "<b/></a>", small))
                .getMessage().contains("text longer than 10 characters"));
        assertTrue(assertThrows(DatasetException.class, () -> read("<a>" + "\n".repeat(17) + "</a>", small))
                .getMessage().contains("text longer than 10 characters"));
        assertTrue(assertThrows(DatasetException.class, () -> read("<a v=\"" + "x".repeat(40) + "\"/>", small))
                .getMessage().contains("attribute value longer than 10 characters"));
        read("<a v=\"" + "x".repeat(10) + "\">" + " ".repeat(10) + "</a>", small);
        assertTrue(assertThrows(DatasetException.class, () -> read("<a v=\"" + "&amp;".repeat(11) + "\"/>", small))
                .getMessage().contains("attribute value longer than 10 characters"));
    }

    private void read(String xml, XmlLimits limits) throws IOException {
        Path file = dir.resolve("limited.xml");
        Files.writeString(file, xml);
        try (XmlCursor c = SafeXml.open(file, "limited.xml", limits)) {
            while (c.next() != XmlCursor.END_DOCUMENT) {
                c.attribute("v");
            }
        }
    }
}
