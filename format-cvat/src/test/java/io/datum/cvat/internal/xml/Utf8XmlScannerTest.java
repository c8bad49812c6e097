package io.datum.cvat.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.datum.cvat.internal.CvatNames;
import io.datum.cvat.internal.SharedConformanceTest;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CVAT XML readers against a conforming parser (Aalto, see {@link XmlOracle}): the scanner
 * at its real buffer size and at small ones (so that every token straddles refills), the
 * library-backed reader, and the scanner started in the middle of a file must accept exactly the
 * documents the oracle accepts and give the same events.
 */
class Utf8XmlScannerTest {
    @TempDir
    Path dir;

    private static final XmlLimits LIMITS = XmlLimits.DEFAULT;
    /** Buffer sizes for the sweeps: one a multiple of the scanner's 8-byte steps, one not. */
    private static final int[] SMALL_BUFFERS = {16, 27};

    private Path write(byte[] xml) throws IOException {
        Path file = dir.resolve("doc.xml");
        Files.write(file, xml);
        return file;
    }

    /**
     * Every reader (both of {@link SafeXml.Utf8Parser}, and the scanner with each of
     * {@code bufferSizes} for a UTF-8 document without a byte-order mark) gives the
     * oracle's events, or refuses the document where the oracle does. Returns the oracle's verdict.
     */
    private boolean assertAgreesWithTheOracle(byte[] xml, String what, int... bufferSizes) throws IOException {
        return assertAgreesWithTheOracle(xml, what, true, bufferSizes);
    }

    /** As above, with the readers at their real buffer size only when {@code opened}. */
    private boolean assertAgreesWithTheOracle(byte[] xml, String what, boolean opened, int... bufferSizes) throws IOException {
        XmlOracle.Events expected = XmlOracle.read(xml);
        List<String> want = expected == null ? null : expected.lines();
        Path file = write(xml);
        for (SafeXml.Utf8Parser parser : opened ? SafeXml.Utf8Parser.values() : new SafeXml.Utf8Parser[0]) {
            List<String> got = XmlOracle.events(() -> SafeXml.open(file, "doc.xml", LIMITS, parser), expected);
            assertSameEvents(want, got, parser + " on " + what);
        }
        // the scanner made here as SafeXml makes it: only for the files SafeXml gives it (UTF-8 declared or implied)
        boolean scanned;
        try (XmlCursor c = SafeXml.open(file, "doc.xml", LIMITS, SafeXml.Utf8Parser.SCANNER)) {
            scanned = c instanceof Utf8XmlScanner;
        } catch (DatasetException e) {
            scanned = false;
        }
        for (int size : scanned ? bufferSizes : new int[0]) {
            List<String> got = XmlOracle.events(() -> new Utf8XmlScanner(Files.newInputStream(file), file, 0, "doc.xml",
                    LIMITS, size), expected);
            assertSameEvents(want, got, "the scanner with a buffer of " + size + " on " + what);
        }
        return expected != null;
    }

    /** Fails naming the first event that differs, not printing thousands of them. */
    private static void assertSameEvents(List<String> want, List<String> got, String what) {
        if (want == null || got == null) {
            assertEquals(want == null, got == null, () -> what + ": " + (want == null ? "the oracle refuses, the reader accepts"
                    : "the oracle accepts, the reader refuses"));
            return;
        }
        int i = 0;
        while (i < want.size() && i < got.size() && want.get(i).equals(got.get(i))) {
            i++;
        }
        int at = i;
        assertEquals(want.subList(at, Math.min(want.size(), at + 3)), got.subList(at, Math.min(got.size(), at + 3)),
                () -> what + ": event " + at + " differs");
    }

    /** The scanner's own events, attributes left out. */
    private List<String> scannerEvents(byte[] xml) throws IOException {
        Path file = write(xml);
        List<String> events = new ArrayList<>();
        try (XmlCursor c = SafeXml.open(file, "scanned.xml", LIMITS, SafeXml.Utf8Parser.SCANNER)) {
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
        return XmlOracle.merged(events);
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
    void readsWellFormedDocumentsAsTheOracleDoes(String xml) throws Exception {
        assertTrue(assertAgreesWithTheOracle(utf8(xml), xml, SMALL_BUFFERS), "the oracle accepts it");
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
    void refusesMalformedDocumentsAsTheOracleDoes(String xml) throws IOException {
        assertFalse(assertAgreesWithTheOracle(utf8(xml), xml, SMALL_BUFFERS), "the oracle refuses it");
        DatasetException e = assertThrows(DatasetException.class, () -> scannerEvents(utf8(xml)));
        assertTrue(e.getMessage().startsWith("scanned.xml:"), e.getMessage());
    }

    /** Declarations, with and without a byte-order mark ("BOM" below), before a small UTF-8 document. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version=\"1.0\"?>",
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>",
        "<?xml version=\"1.0\" encoding=\"Utf-8\" ?>\n",
        "<?xml version = \"1.0\"\tencoding\n=\r\n'utf-8'  standalone=\"no\"?>",
        "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>",
        "<?xml version=\"1.0\" encoding=\"us-ascii\"?>",
        "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
        "<?xml version=\"1.0\" encoding=\"no-such-encoding\"?>",
        "<?xml version=\"1.0\" encoding=\"u!f-8\"?>",
        "<?xml version=\"1.0\" encoding=\"utf-8>\"?>",
        "<?xml version=\"1.0\" encoding=\"\"?>",
        "<?xml version=\"2.0\"?>",
        "<?xml version=\"1.0\" standalone=\"maybe\"?>",
        "<?xml encoding=\"utf-8\"?>",
        "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"utf-8\"?>",
        "<?xml version=\"1.0\"encoding=\"utf-8\"?>",
        "<?xml version=\"1.0\"?><?xml version=\"1.0\"?>",
        " <?xml version=\"1.0\"?>",
        "<!-- first --><?xml version=\"1.0\"?>",
        "<?xml-stylesheet href=\"a\"?>",
        "BOM",
        "BOM<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "BOM<?xml version=\"1.0\" encoding=\"utf-16\"?>",
        "BOM<?xml version=\"1.0\" encoding=\"UTF-16LE\"?>",
        "BOM BOM",
    })
    void readsDeclarationsAsTheOracleDoes(String head) throws IOException {
        assertAgreesWithTheOracle(utf8(head.replace("BOM", "\uFEFF") + "<a x=\"1\">t\u00e9</a>"), head);
    }

    /**
     * A UTF-8 byte-order mark before a declaration of a single-byte encoding: XML makes it an error
     * (the file is not in the encoding it names); Aalto lets it through, so it is checked here alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"iso-8859-1", "us-ascii", "windows-1252"})
    void refusesADeclaredEncodingThatTheByteOrderMarkContradicts(String encoding) throws IOException {
        Path file = write(utf8("\uFEFF<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><a/>"));
        for (SafeXml.Utf8Parser parser : SafeXml.Utf8Parser.values()) {
            DatasetException e = assertThrows(DatasetException.class, () -> SafeXml.open(file, "doc.xml", LIMITS, parser).close());
            assertTrue(e.getMessage().startsWith("doc.xml:1:"), e.getMessage());
            assertTrue(e.getMessage().contains("declaration names the encoding '" + encoding + "'"), e.getMessage());
        }
        byte[] utf16 = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>".getBytes(StandardCharsets.UTF_16BE);
        Path other = write(utf16);
        assertNull(XmlOracle.read(utf16), "the oracle refuses a UTF-16 file that declares UTF-8");
        DatasetException e = assertThrows(DatasetException.class, () -> SafeXml.open(other, "doc.xml", LIMITS).close());
        assertTrue(e.getMessage().contains("file is in UTF-16"), e.getMessage());
    }

    /** An encoding name must start with a letter; Aalto lets Java's alias 8859_1 through, so it is checked here alone. */
    @Test
    void refusesAnEncodingNameThatXmlDoesNotAllow() throws IOException {
        Path file = write(utf8("<?xml version=\"1.0\" encoding=\"8859_1\"?><a/>"));
        for (SafeXml.Utf8Parser parser : SafeXml.Utf8Parser.values()) {
            DatasetException e = assertThrows(DatasetException.class, () -> SafeXml.open(file, "doc.xml", LIMITS, parser).close());
            assertTrue(e.getMessage().startsWith("doc.xml:1:"), e.getMessage());
            assertTrue(e.getMessage().contains("'8859_1' is not an encoding name"), e.getMessage());
        }
    }

    /**
     * Java's own names of the Unicode encodings are not encoding names XML knows: a conforming parser
     * (the JDK's StAX parser) refuses them, Aalto lets them through, so they are checked here alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"UTF8", "utf8", "UTF_16", "UnicodeBigUnmarked"})
    void refusesJavaOnlyNamesOfUnicodeEncodings(String encoding) throws IOException {
        Path file = write(utf8("<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><a/>"));
        for (SafeXml.Utf8Parser parser : SafeXml.Utf8Parser.values()) {
            DatasetException e = assertThrows(DatasetException.class, () -> SafeXml.open(file, "doc.xml", LIMITS, parser).close());
            assertTrue(e.getMessage().startsWith("doc.xml:1:"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + encoding + "' is not the name of an encoding"), e.getMessage());
        }
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
    void readsALongDocumentAcrossBufferRefillsAsTheOracleDoes() throws Exception {
        byte[] xml = utf8(bigDocument(new Random(1), 3000));
        assertTrue(xml.length > 4 << 16, "several buffers long: " + xml.length);
        assertTrue(assertAgreesWithTheOracle(xml, "a long document", 4096));
    }

    /**
     * One of each construct, well-formed and malformed, to be placed inside a root element at every
     * offset around a buffer refill.
     */
    private static List<byte[]> constructs() {
        List<byte[]> all = new ArrayList<>();
        for (String s : List.of(
                // well-formed
                "                \n        \n    text after indentation        ",
                "<b x=\"1\" y='2' zz = \"3\"/>",
                "<b a=\"caf\u00e9 &amp; &#x1F600;&#9;\t\n\r\n x &lt;&gt;&quot;&apos;\"></b >",
                "<!-- a comment - with a dash and <b> -->",
                "<![CDATA[ <x> ]] ]> & ]]>",
                "&#65;&#x42;&lt;&gt;&amp;&apos;&quot;&#x10FFFF;",
                "\u00e9\u4e2d\u6587\uD83D\uDE00 text \u0085",
                "<\u00e9l\u00e8ve \u00e9=\"\u00e9\"/><a\u00b7b/><_\u0300/>",
                "<?pi some data ?>",
                "line\r\nline\rline\r",
                "<p:b xmlns:p=\"urn:p\" p:x=\"1\"><p:c/></p:b>",
                "<attribute name=\"score\">1.0</attribute><attribute name=\"score\">1.0</attribute>",
                "a ]] > b ]",
                // malformed
                "<b x=\"1\" x=\"2\"/>",
                "<b x=\"<\"/>",
                "a]]>b",
                "&undefined;",
                "&#0;",
                "&#xD800;",
                "&#x110000;",
                "&#xFFFE;",
                "& b",
                "\u0001",
                "\uFFFE",
                "<!-- a -- b -->",
                "<!-- a --->",
                "<?xml x?>",
                "<?XmL x?>",
                "<?x[y?>",
                "<?x\u00e9 y?>",
                "<b>",
                "</b>",
                "<b></c>",
                "<\u00d7/>",
                "<a\u00d7/>",
                "<\u0300a/>",
                "<b \u00d7=\"1\"/>",
                "<b x=1/>",
                "<b x=\"1\"y=\"2\"/>",
                "<![CDATA[x]]",
                "<q:b/>",
                "<:b/>",
                "<b:/>",
                "<q:b:c xmlns:q=\"urn:q\"/>",
                "<b xmlns:q=\"\"/>",
                "<b xmlns:xml=\"urn:other\"/>",
                "<b xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>",
                "<b xmlns:q=\"http://www.w3.org/XML/1998/namespace\"/>",
                "<b xmlns:xmlns=\"urn:x\"/>",
                "<b xmlns=\"http://www.w3.org/2000/xmlns/\"/>",
                "<b xmlns:q=\"urn:q\" xmlns:r=\"urn:q\" q:a=\"1\" r:a=\"2\"/>",
                "<!DOCTYPE b>")) {
            all.add(utf8(s));
        }
        // invalid UTF-8: a lone continuation byte, overlong forms, a surrogate, beyond U+10FFFF, a cut sequence
        for (int[] bytes : new int[][] {{0x80}, {0xC0, 0xAF}, {0xE0, 0x80, 0xAF}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80},
                {0xE4, 0xB8, '<', 'x', '/', '>'}, {0xF8, 0x88, 0x80, 0x80, 0x80}}) {
            byte[] b = new byte[bytes.length + 2];
            b[0] = 'x';
            for (int i = 0; i < bytes.length; i++) {
                b[i + 1] = (byte) bytes[i];
            }
            b[b.length - 1] = 'y';
            all.add(b);
        }
        return all;
    }

    /**
     * {@code construct} inside a root element, its first byte at {@code at} (at least 3), after
     * copies of {@code piece} (a token shorter than the buffer, so that none grows it) and spaces.
     */
    private static byte[] placed(byte[] construct, int at, String piece) {
        int fill = at - 3;
        String filler = piece.repeat(fill / piece.length()) + " ".repeat(fill % piece.length());
        byte[] head = utf8("<r>" + filler);
        byte[] tail = utf8("</r>\n");
        byte[] xml = Arrays.copyOf(head, head.length + construct.length + tail.length);
        System.arraycopy(construct, 0, xml, head.length, construct.length);
        System.arraycopy(tail, 0, xml, head.length + construct.length, tail.length);
        return xml;
    }

    private static String shown(byte[] construct) {
        return new String(construct, StandardCharsets.UTF_8);
    }

    @Test
    void agreesWithTheOracleOnEveryConstructAtEveryOffsetAroundSmallBufferRefills() throws IOException {
        int accepted = 0;
        int refused = 0;
        for (byte[] construct : constructs()) {
            for (int size : SMALL_BUFFERS) {
                for (int at = 3; at <= 2 * size + construct.length + 3; at++) {
                    if (assertAgreesWithTheOracle(placed(construct, at, "<p/>"), shown(construct) + " at " + at, at == 3, size)) {
                        accepted++;
                    } else {
                        refused++;
                    }
                }
            }
        }
        assertTrue(accepted > 1000 && refused > 1000, accepted + " accepted, " + refused + " refused");
    }

    @Test
    void agreesWithTheOracleOnEveryConstructAcrossTheEndOfTheRealBuffer() throws IOException {
        for (byte[] construct : constructs()) {
            for (int at = Utf8XmlScanner.BUFFER_SIZE - construct.length - 2; at <= Utf8XmlScanner.BUFFER_SIZE + 1; at++) {
                assertAgreesWithTheOracle(placed(construct, at, "<!--" + "-x".repeat(30) + "-->"), shown(construct) + " at " + at);
            }
        }
    }

    /** A {@code <meta>} of twenty thousand labels as Datum writes a full Open Images class list, then lines of every length. */
    @Test
    void agreesWithTheOracleOnABigMetaAndLongLines() throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n  <version>1.1</version>\n"
                + "  <meta>\n    <task>\n      <labels>\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("        <label>\n          <name>/m/0").append(Integer.toString(i, 36)).append("</name>\n"
                    + "          <attributes>\n          </attributes>\n        </label>\n");
        }
        sb.append("      </labels>\n    </task>\n  </meta>\n");
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            int length = random.nextInt(1 << random.nextInt(19));
            sb.append("  <image id=\"").append(i).append("\" name=\"").append("n\u00e9".repeat(length / 2)).append("\">")
                    .append(random.nextBoolean() ? " ".repeat(length) : "t &amp; ".repeat(length / 8))
                    .append("<tag label=\"a\"/>".repeat(random.nextInt(50))).append("</image>\n");
        }
        byte[] xml = utf8(sb.append("</annotations>\n").toString());
        assertTrue(xml.length > 40 * Utf8XmlScanner.BUFFER_SIZE, "many buffers long: " + xml.length);
        assertTrue(assertAgreesWithTheOracle(xml, "a big meta and long lines", 4096));
    }

    /** The scanner started at an {@code <image>} in the middle of a file reads what the oracle reads from there on. */
    @Test
    void readsAChunkFromTheMiddleOfAFileAsTheOracleDoes() throws IOException {
        String text = bigDocument(new Random(9), 3000);
        byte[] xml = utf8(text);
        Path file = write(xml);
        XmlOracle.Events all = XmlOracle.read(xml);
        assertNotNull(all);
        int imageStart = -1;
        int images = 0;
        for (int at = text.indexOf("\n  <image "); at >= 0; at = text.indexOf("\n  <image ", at + 1)) {
            if (images++ % 700 != 0) {
                continue;
            }
            // the oracle's events from that image's start on
            int seen = -1;
            for (imageStart = 0; imageStart < all.lines().size(); imageStart++) {
                if (all.lines().get(imageStart).startsWith("start image ") && ++seen == images - 1) {
                    break;
                }
            }
            int starts = (int) all.lines().subList(0, imageStart).stream().filter(l -> l.startsWith("start ")).count();
            XmlOracle.Events rest = new XmlOracle.Events(all.lines().subList(imageStart, all.lines().size()),
                    all.attributes().subList(starts, all.attributes().size()));
            long offset = utf8(text.substring(0, at + 3)).length;
            for (int size : new int[] {Utf8XmlScanner.BUFFER_SIZE, SMALL_BUFFERS[1]}) {
                List<String> got = XmlOracle.events(() -> {
                    Utf8XmlScanner s = Utf8XmlScanner.chunk(file, 0, offset, CvatNames.ANNOTATIONS, "doc.xml", LIMITS, size);
                    return s;
                }, rest);
                assertSameEvents(rest.lines(), got, "a chunk from byte " + offset + ", buffer " + size);
            }
        }
        assertTrue(images > 2000, "images: " + images);
    }

    /** The real exports of the shared conformance corpus, where the machine has it. */
    @Test
    void agreesWithTheOracleOnTheRealExports() throws IOException {
        Path inputs = SharedConformanceTest.CORPUS.resolve("inputs");
        assumeTrue(Files.isDirectory(inputs), "no conformance corpus on this machine");
        List<Path> files;
        try (var walk = Files.walk(inputs)) {
            files = walk.filter(f -> f.toString().endsWith(".xml") && Files.isRegularFile(f)).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            byte[] xml = Files.readAllBytes(f);
            boolean plainUtf8 = xml.length < 3 || (xml[0] & 0xFF) != 0xEF;
            assertAgreesWithTheOracle(xml, inputs.relativize(f).toString(), plainUtf8 ? new int[] {SMALL_BUFFERS[1]} : new int[0]);
        }
    }

    @Test
    void agreesWithTheOracleOnRandomlyDamagedDocuments() throws Exception {
        Random random = new Random(Long.getLong("fuzz.seed", 7));
        String base = bigDocument(random, 40);
        String alphabet = "<>/=\"'&;#x!-?[]\u00e9\u00d7\u0300 \n\r\tabAB01:";
        int accepted = 0;
        for (int round = 0; round < Integer.getInteger("fuzz.rounds", 1500); round++) {
            StringBuilder damaged = new StringBuilder(base);
            for (int n = 1 + random.nextInt(2); n > 0; n--) {
                int at = random.nextInt(damaged.length());
                switch (random.nextInt(3)) {
                    case 0 -> damaged.deleteCharAt(at);
                    case 1 -> damaged.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> damaged.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            int from = 0;
            while (from < base.length() && from < damaged.length() && base.charAt(from) == damaged.charAt(from)) {
                from++;
            }
            int to = 0;
            while (to < base.length() && to < damaged.length()
                    && base.charAt(base.length() - 1 - to) == damaged.charAt(damaged.length() - 1 - to)) {
                to++;
            }
            String around = damaged.substring(Math.max(0, from - 60), Math.min(damaged.length(), Math.max(from, damaged.length() - to) + 60));
            if (assertAgreesWithTheOracle(utf8(damaged.toString()), "a damaged document, around:\n" + around, SMALL_BUFFERS[0])) {
                accepted++;
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

    /**
     * The characters a reference or a UTF-8 sequence adds count against the limit, in attribute
     * values and text alike (a supplementary character counts two, as a Java string does), and
     * an overlong value is reported where it goes past the limit: at the reference that does, at
     * the tag or text that holds the sequence. With a small buffer too, so that reading a reference
     * or a sequence moves the bytes under the scanner.
     */
    @Test
    void countsReferencesAndSequencesAgainstTheLimits() throws IOException {
        XmlLimits small = new XmlLimits(3, 10, 10, 100);
        String clef = new String(Character.toChars(0x1D11E));
        for (int size : new int[] {Utf8XmlScanner.BUFFER_SIZE, SMALL_BUFFERS[0], SMALL_BUFFERS[1]}) {
            // exactly at the limit: accepted
            scan("<a v=\"" + "x".repeat(8) + "&#x1D11E;\">" + "x".repeat(8) + clef + "</a>", small, size);
            scan("<a v=\"" + "x".repeat(8) + clef + "\">" + "x".repeat(8) + "&#x1D11E;</a>", small, size);
            // plain characters: at the first one past the limit, whichever loop reads it
            assertOverlong("<a>\n<b v=\"" + "x".repeat(11) + "\"/></a>", small, size, "attribute value", 2, 17);
            assertOverlong("<a>\n<b v=\"" + "x".repeat(10) + "\t\"/></a>", small, size, "attribute value", 2, 17);
            assertOverlong("<a>\n<b>" + "x".repeat(11) + "</b></a>", small, size, "text", 2, 14);
            assertOverlong("<a>\n<b>" + " ".repeat(11) + "</b></a>", small, size, "text", 2, 14);
            assertOverlong("<a>\n<b>" + "x".repeat(10) + "\r</b></a>", small, size, "text", 2, 14);
            assertOverlong("<a>\n<b v=\"" + "x".repeat(9) + "&amp;&amp;\"/></a>", small, size, "attribute value", 2, 21);
            assertOverlong("<a>\n<b v=\"" + "x".repeat(9) + "&#x1D11E;\"/></a>", small, size, "attribute value", 2, 16);
            assertOverlong("<a>\n<b>" + "x".repeat(9) + "&lt;&lt;</b></a>", small, size, "text", 2, 17);
            assertOverlong("<a>\n<b>" + "x".repeat(9) + "&#x1D11E;</b></a>", small, size, "text", 2, 13);
            assertOverlong("<a>\n<b v=\"" + "x".repeat(9) + "\u00e9\u00e9\"/></a>", small, size, "attribute value", 2, 1);
            assertOverlong("<a>\n<b v=\"" + "x".repeat(9) + clef + "\"/></a>", small, size, "attribute value", 2, 1);
            assertOverlong("<a>\n<b>" + "x".repeat(9) + "\u00e9\u00e9</b></a>", small, size, "text", 2, 4);
            assertOverlong("<a>\n<b>" + "x".repeat(9) + clef + "</b></a>", small, size, "text", 2, 4);
        }
    }

    private void assertOverlong(String xml, XmlLimits limits, int bufferSize, String what, long line, long column) {
        DatasetException e = assertThrows(DatasetException.class, () -> scan(xml, limits, bufferSize), xml);
        assertTrue(e.getMessage().contains(what + " longer than 10 characters"), e.getMessage());
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), xml + " with a buffer of " + bufferSize);
    }

    private void scan(String xml, XmlLimits limits, int bufferSize) throws IOException {
        Path file = write(utf8(xml));
        try (XmlCursor c = new Utf8XmlScanner(Files.newInputStream(file), file, 0, "doc.xml", limits, bufferSize)) {
            while (c.next() != XmlCursor.END_DOCUMENT) {
                c.attribute("v");
            }
        }
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
