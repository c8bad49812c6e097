package io.datum.cvat.internal.read;

import static io.datum.cvat.internal.CvatTestSupport.export;
import static io.datum.cvat.internal.CvatTestSupport.load;
import static io.datum.cvat.internal.CvatTestSupport.task;
import static io.datum.cvat.internal.CvatTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.cvat.internal.CvatTestSupport;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.model.Attributes;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decisions S1 (paths), S2 (XML features and limits), S4 (well-formed output). */
class SecurityTest {
    @TempDir
    Path dir;

    private DatasetException importFails(String xml) {
        write(dir, "data/annotations.xml", xml);
        return assertThrows(DatasetException.class, () -> load(dir.resolve("data")));
    }

    @Test
    void refusesEntityDeclarationsBeforeExpandingAny() throws IOException {
        Path secret = write(dir, "secret.txt", "TOP-SECRET");
        DatasetException e = importFails("<?xml version=\"1.0\"?>\n<!DOCTYPE annotations [ <!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\"> ]>\n" + task("<image id=\"0\" name=\"a.jpg\"><tag label=\"&xxe;\"/></image>")
                .replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", ""));
        assertTrue(e.getMessage().startsWith("annotations.xml:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE is not allowed"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void refusesABillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE annotations [<!ENTITY l0 \"ha\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        DatasetException e = importFails(dtd + "<annotations><meta><task><labels><label><name>&l9;</name></label></labels></task></meta></annotations>");
        assertTrue(e.getMessage().contains("DOCTYPE is not allowed"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE annotations SYSTEM \"http://127.0.0.1:9/cvat.dtd\"><annotations/>",
        "<!DOCTYPE annotations [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;]><annotations/>",
        "<!DOCTYPE annotations><annotations/>",
    })
    void refusesEveryDoctype(String xml) {
        assertTrue(importFails(xml).getMessage().contains("DOCTYPE is not allowed"));
    }

    @Test
    void undeclaredEntityReferencesAreMalformed() {
        DatasetException e = importFails(task("<image id=\"0\" name=\"&xxe;.jpg\"/>"));
        assertTrue(e.getMessage().startsWith("annotations.xml:"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed XML"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.jpg", "a/../../secret.jpg", "/etc/passwd", "a\\b.jpg", "C:/x.jpg", ""})
    void refusesImageNamesThatLeaveTheImagesFolder(String name) {
        write(dir, "secret.jpg", "not an image");
        DatasetException e = importFails(task("<image id=\"0\" name=\"" + name.replace("\\", "\\\\").replace("\\\\", "\\")
                + "\"/>"));
        assertTrue(e.getMessage().startsWith("annotations.xml:"), e.getMessage());
        assertTrue(e.getMessage().contains("name '" + name + "'"), e.getMessage());
    }

    @Test
    void refusesAHugeAttributeWithoutReadingItWhole() throws IOException {
        Path file = Files.createDirectories(dir.resolve("data")).resolve("annotations.xml");
        int length = XmlLimits.DEFAULT.maxAttributeLength() + 10;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(task("").replace("\n</annotations>", ""));
            w.write("<image id=\"0\" name=\"");
            char[] chunk = "a".repeat(1 << 16).toCharArray();
            for (int written = 0; written < length; written += chunk.length) {
                w.write(chunk);
            }
            w.write(".jpg\"/></annotations>");
        }
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir.resolve("data")));
        assertTrue(e.getMessage().startsWith("annotations.xml:8:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("attribute value longer than 16777216 characters (limit of the CVAT reader)"),
                e.getMessage());
    }

    @Test
    void limitsTextsCommentsAndDepth() throws IOException {
        XmlLimits small = new XmlLimits(12, 100, 100, 1000);
        CvatImporter importer = new CvatImporter(small, 10);
        write(dir, "text/a.xml", task("<image id=\"0\" name=\"a.jpg\"><tag label=\"a\"><attribute name=\"n\">"
                + "x".repeat(101) + "</attribute></tag></image>"));
        assertTrue(assertThrows(DatasetException.class, () -> load(importer, dir.resolve("text"))).getMessage()
                .contains("text longer than 100 characters"));
        write(dir, "cdata/a.xml", task("<image id=\"0\" name=\"a.jpg\"><tag label=\"a\"><attribute name=\"n\">"
                + "<![CDATA[xxxxxxxxxx]]>".repeat(11) + "</attribute></tag></image>"));
        assertTrue(assertThrows(DatasetException.class, () -> load(importer, dir.resolve("cdata"))).getMessage()
                .contains("longer than 100 characters"), "coalesced pieces count together");
        write(dir, "comment/a.xml", task("<!--" + "c".repeat(101) + "-->"));
        assertTrue(assertThrows(DatasetException.class, () -> load(importer, dir.resolve("comment"))).getMessage()
                .contains("comment longer than 100 characters"));
        write(dir, "deep/a.xml", task("<image id=\"0\" name=\"a.jpg\">" + "<x>".repeat(11) + "</x>".repeat(11) + "</image>"));
        assertTrue(assertThrows(DatasetException.class, () -> load(importer, dir.resolve("deep"))).getMessage()
                .contains("nested deeper than 12 levels"));
        write(dir, "mask/a.xml", task("<image id=\"0\" name=\"a.jpg\" width=\"40\" height=\"40\">"
                + "<mask label=\"a\" rle=\"1\" left=\"0\" top=\"0\" width=\"1\" height=\"1\"/></image>"));
        assertTrue(assertThrows(DatasetException.class, () -> load(importer, dir.resolve("mask"))).getMessage()
                .contains("canvas of 40x40 pixels exceeds the limit of 1000 pixels"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "/tmp/evil", "a/../../evil", "a\\evil"})
    void exportRefusesIdsThatLeaveTheOutputFolder(String id) throws IOException {
        Path source = CvatTestSupport.image(dir, "src/x.png", 2, 2);
        DatasetSource dataset = Datasets.of(Categories.empty(), List.of(new DatasetItem(id, null, Image.ofFile(source, null), List.of())));
        Path out = dir.resolve("work/out");
        DatasetException e = assertThrows(DatasetException.class, () -> export(dataset, out, "--save-media"));
        assertTrue(e.getMessage().contains("refusing to use it"), e.getMessage());
        try (Stream<Path> files = Files.walk(dir.resolve("work"))) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).filter(p -> !p.startsWith(out)).toList());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith("evil")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "..", ".", "", "a\\b"})
    void exportRefusesSubsetsThatAreNotFileNames(String subset) {
        DatasetSource dataset = Datasets.of(Categories.empty(), List.of(new DatasetItem("i", subset.isEmpty() ? "x/" : subset, null, List.of())));
        assertThrows(DatasetException.class, () -> export(dataset, dir.resolve("out")));
    }

    @Test
    void exportRefusesCharactersXmlCannotHold() {
        DatasetSource badLabel = Datasets.of(new Categories(LabelCategories.ofNames("a\u0001b")),
                List.of(new DatasetItem("i", null, null, List.of())));
        assertEquals("label 'a\\u0001b' contains U+0001, which an XML file cannot hold",
                assertThrows(DatasetException.class, () -> export(badLabel, dir.resolve("o1"))).getMessage());
        DatasetSource badValue = Datasets.of(new Categories(LabelCategories.ofNames("a")), List.of(new DatasetItem("i", null, null,
                List.of(new Label(0, Attributes.of("note", "x\u0000y"))))));
        DatasetException e = assertThrows(DatasetException.class, () -> export(badValue, dir.resolve("o2"), "--allow-undeclared-attrs"));
        assertEquals("Item 'i' of subset 'default': 'x\\u0000y' contains U+0000, which an XML file cannot hold", e.getMessage());
        DatasetSource loneSurrogate = Datasets.of(Categories.empty(), List.of(new DatasetItem("a\ud800", null, null, List.of())));
        assertThrows(DatasetException.class, () -> export(loneSurrogate, dir.resolve("o3")));
    }

    @Test
    void writtenXmlReadsBackWithAwkwardCharacters() throws IOException {
        String label = "l'\"\n\tx <&> 🙂";
        DatasetSource dataset = Datasets.of(new Categories(LabelCategories.ofNames(label)), List.of(new DatasetItem("id 'q\"", null, null,
                List.of(new Label(0, Attributes.of("a\"b", "tab\tlf\nquote\"'"))))));
        export(dataset, dir.resolve("out"), "--allow-undeclared-attrs");
        String xml = CvatTestSupport.read(dir.resolve("out/default.xml"));
        assertTrue(xml.contains("<tag label=\"l'&quot;&#10;&#9;x &lt;&amp;&gt; 🙂\">"), xml);
        assertTrue(xml.contains("<attribute name='a\"b'>tab\tlf\nquote\"'</attribute>"), xml);
        CvatTestSupport.Loaded back = load(dir.resolve("out"));
        assertEquals(List.of(label), back.labelNames());
        assertEquals(Attributes.of("a\"b", "tab\tlf\nquote\"'"), back.items().get(0).annotations().get(0).attributes());
        assertEquals("id 'q\"", back.items().get(0).id());
    }
}
