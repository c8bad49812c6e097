package io.datum.cvat.internal.read;

import static io.datum.cvat.internal.CvatTestSupport.assertSameAnnotations;
import static io.datum.cvat.internal.CvatTestSupport.image;
import static io.datum.cvat.internal.CvatTestSupport.load;
import static io.datum.cvat.internal.CvatTestSupport.task;
import static io.datum.cvat.internal.CvatTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.cvat.internal.CvatTestSupport;
import io.datum.cvat.internal.CvatTestSupport.Loaded;
import io.datum.cvat.internal.detect.CvatDetector;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.model.Annotation;
import io.datum.model.AttributeSpec;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.options.ParsedOptions;
import io.datum.spi.Confidence;
import io.datum.spi.DatasetException;
import io.datum.spi.Detection;
import io.datum.spi.JobContext;
import io.datum.testkit.FolderJobContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CvatImporterTest {
    @TempDir
    Path dir;

    private static Attributes attrs(Object... namesAndValues) {
        return Attributes.of(namesAndValues);
    }

    // --- Datumaro's CvatImporterTest ---

    @Test
    void detectsImageTaskAndProjectExports() throws IOException {
        CvatDetector detector = new CvatDetector();
        assertEquals(Detection.match(Confidence.MEDIUM), detector.detect(CvatTestSupport.taskDataset(dir.resolve("task"))));
        assertEquals(Detection.match(Confidence.MEDIUM), detector.detect(CvatTestSupport.projectDataset(dir.resolve("project"))));
    }

    @Test
    void detectsVideoExport() throws IOException {
        assertTrue(new CvatDetector().detect(CvatTestSupport.videoDataset(dir)).matched());
    }

    @Test
    void loadsImageTask() throws IOException {
        Loaded d = load(CvatTestSupport.taskDataset(dir));
        assertEquals(List.of("train/img0", "train/img1"), d.ids());
        assertEquals(List.of("label1", "label2"), d.labelNames());
        assertEquals(List.of("a1", "a2", "a3", "a4"), d.categories().labels().get(0).attributes().stream()
                .map(AttributeSpec::name).toList());
        assertEquals(List.of("occluded"), d.categories().labels().commonAttributes().stream().map(AttributeSpec::name).toList());

        DatasetItem img0 = d.item("train", "img0");
        assertEquals(attrs("frame", 0L), img0.attributes());
        assertEquals(new ImageSize(8, 8), img0.image().size().orElseThrow());
        assertTrue(img0.image().hasData());
        assertSameAnnotations(List.of(
                new Bbox(0, 0, 2, 4, 4, 0, 0, 1, attrs("a1", true, "a2", "v3", "a3", "0003", "a4", 2.4, "occluded", true), null),
                new PolyLine(null, Coords.of(1, 2, 3, 4, 5, 6, 7, 8), 0, 0, 0, attrs("occluded", false))),
                img0.annotations());

        DatasetItem img1 = d.item("train", "img1");
        assertEquals(attrs("frame", 1L), img1.attributes());
        assertEquals(new ImageSize(10, 10), img1.image().size().orElseThrow());
        assertSameAnnotations(List.of(
                new Polygon(null, Coords.of(1, 2, 3, 4, 6, 5), 0, 0, 1, attrs("occluded", false)),
                new Points(1, Coords.of(1, 2, 3, 4, 5, 6), 0, 0, 2, attrs("occluded", false))),
                img1.annotations());
        assertEquals(Map.of(), d.context().warnings());
    }

    @Test
    void loadsImageProjectWithOneSubsetPerSubsetElement() throws IOException {
        Loaded d = load(CvatTestSupport.projectDataset(dir));
        assertEquals(List.of("Test/img0", "Test/img1", "Train/img0", "Train/img1", "Validation/img0", "Validation/img1"), d.ids());
        for (String subset : List.of("Test", "Train", "Validation")) {
            DatasetItem img0 = d.item(subset, "img0");
            assertEquals(dir.resolve("images/" + subset + "/img0.jpg"), img0.image().path().orElseThrow());
            assertSameAnnotations(List.of(
                    new Bbox(0, 0, 2, 4, 4, 0, 0, 1, attrs("a1", true, "a2", "v3", "a3", "0003", "a4", 2.4, "occluded", true), null),
                    new PolyLine(1, Coords.of(1, 2, 3, 4, 5, 6, 7, 8), 0, 0, 0, attrs("occluded", false))),
                    img0.annotations());
            assertSameAnnotations(List.of(
                    new Polygon(0, Coords.of(1, 2, 3, 4, 6, 5), 0, 0, 1, attrs("occluded", false)),
                    new Points(1, Coords.of(1, 2, 3, 4, 5, 6), 0, 0, 2, attrs("occluded", false))),
                    d.item(subset, "img1").annotations());
        }
    }

    @Test
    void loadsVideoTracksAsOneItemPerFrame() throws IOException {
        Loaded d = load(CvatTestSupport.videoDataset(dir));
        assertEquals(List.of("annotations/frame_000010", "annotations/frame_000013", "annotations/frame_000016"), d.ids());
        assertEquals(List.of("klhg", "z U k", "II"), d.labelNames());
        DatasetItem f10 = d.item("annotations", "frame_000010");
        assertEquals(attrs("frame", 10L), f10.attributes());
        assertEquals(new ImageSize(25, 20), f10.image().size().orElseThrow());
        assertSameAnnotations(List.of(
                new Bbox(2, 3, 4, 10, 5, 0, 0, 0, attrs("occluded", true, "outside", false, "keyframe", true, "track_id", 0L), null),
                new Points(0, Coords.of(21.95, 8.00, 2.55, 15.09, 2.23, 3.16), 1, 0, 0,
                        attrs("hgl", "hgkf", "occluded", false, "outside", false, "keyframe", true, "track_id", 1L))),
                f10.annotations());
        assertSameAnnotations(List.of(
                new Bbox(2, 7, 6, 14, 8, 0, 0, 0, attrs("occluded", false, "outside", true, "keyframe", true, "track_id", 0L), null),
                new Points(0, Coords.of(21.95, 8.00, 9.55, 15.09, 5.23, 1.16), 1, 0, 0,
                        attrs("hgl", "jk", "occluded", false, "outside", true, "keyframe", true, "track_id", 1L)),
                new PolyLine(2, Coords.of(7.85, 13.88, 3.50, 6.67, 15.90, 2.00, 13.31, 7.21), 2, 0, 0,
                        attrs("occluded", false, "outside", false, "keyframe", true, "track_id", 2L))),
                d.item("annotations", "frame_000013").annotations());
        assertSameAnnotations(List.of(
                new Bbox(2, 8, 7, 14, 17, 0, 0, 0, attrs("occluded", false, "outside", true, "keyframe", true, "track_id", 0L), null),
                new PolyLine(2, Coords.of(7.85, 13.88, 3.50, 6.67, 15.90, 2.00, 13.31, 7.21), 2, 0, 0,
                        attrs("occluded", false, "outside", true, "keyframe", true, "track_id", 2L))),
                d.item("annotations", "frame_000016").annotations());
    }

    // --- detection ---

    @Test
    void detectionRejectsWithTheReferenceMessages() throws IOException {
        CvatDetector detector = new CvatDetector();
        Files.createDirectories(dir.resolve("empty"));
        assertEquals("The following requirement was not met:\n  dataset must contain a file matching pattern \"*.xml\"",
                detector.detect(dir.resolve("empty")).message());
        write(dir, "other/a.xml", "<foo/>");
        write(dir, "other/b.xml", task(""));
        assertEquals("The following requirement was not met:\n  a.xml: must be an XML file with an \"annotations\" root element",
                detector.detect(dir.resolve("other")).message());
        write(dir, "broken/a.xml", "not xml at all");
        assertFalse(detector.detect(dir.resolve("broken")).matched());
        write(dir, "doctype/a.xml", "<!DOCTYPE annotations><annotations/>");
        assertFalse(detector.detect(dir.resolve("doctype")).matched());
        assertFalse(detector.detect(write(dir, "file/a.xml", task(""))).matched(), "a file is not a dataset folder");
    }

    // --- layouts and decisions ---

    @Test
    void readsJobExportsLikeTaskExports() throws IOException {
        write(dir, "annotations.xml", """
                <annotations><version>1.1</version><meta><job><id>7</id><labels><label><name>a</name></label></labels></job></meta>
                <image id="3" name="x.png" width="4" height="2"><tag label="a"/></image></annotations>""");
        Loaded d = load(dir);
        assertEquals(List.of("annotations/x"), d.ids());
        assertSameAnnotations(List.of(new Label(0)), d.item("annotations", "x").annotations());
    }

    @Test
    void keepsItemsWhoseImagesAreMissingWithTheDeclaredSize() throws IOException {
        write(dir, "default.xml", task("""
                <image id="0" name="here.png" width="7" height="3"/>
                <image id="1" name="gone.jpg" width="5" height="4"><box label="a" xtl="0" ytl="0" xbr="1" ybr="1"/></image>
                <image id="2" name="gone2.jpg"/>"""));
        image(dir, "images/here.png", 7, 3);
        Loaded d = load(dir);
        assertTrue(d.item("default", "here").image().hasData());
        DatasetItem gone = d.item("default", "gone");
        assertFalse(gone.image().hasData());
        assertEquals(".jpg", gone.image().extension());
        assertEquals(new ImageSize(5, 4), gone.image().size().orElseThrow());
        assertEquals(1, gone.annotations().size());
        assertTrue(d.item("default", "gone2").image().size().isEmpty());
        assertEquals(Map.of(CvatSource.WARN_NO_IMAGE, Map.of("default.xml", 2L)), d.context().warningKinds());
    }

    @Test
    void trackFramesWithoutImagesTakeTheOriginalSize() throws IOException {
        write(dir, "annotations.xml", CvatTestSupport.VIDEO_XML);
        Loaded d = load(dir);
        assertEquals(3, d.items().size());
        for (DatasetItem item : d.items()) {
            assertEquals(new ImageSize(25, 20), item.image().size().orElseThrow());
            assertEquals(".png", item.image().extension());
            assertFalse(item.image().hasData());
        }
        assertEquals(3L, d.context().warningKinds().get(CvatSource.WARN_NO_IMAGE).get("annotations.xml"));
    }

    @Test
    void readsASingleXmlFileAndFilesFoundDeeper() throws IOException {
        Path file = write(dir, "x/y/train.xml", task("<image id=\"0\" name=\"a.jpg\"/>"));
        assertEquals(List.of("train/a"), load(file).ids());
        assertEquals(List.of("train/a"), load(dir).ids(), "found two levels down");
    }

    @Test
    void keepsAttributeDeclarationsAsDeclared() throws IOException {
        LabelCategory label1 = load(CvatTestSupport.taskDataset(dir)).categories().labels().get(0);
        assertEquals(List.of(
                new AttributeSpec("a1", true, "checkbox", "false", List.of("false", "true")),
                new AttributeSpec("a2", true, "radio", "v1", List.of("v1", "v2", "v3")),
                new AttributeSpec("a3", false, "text", "0000", List.of()),
                new AttributeSpec("a4", true, "number", "0", List.of("-5.6", "2.4", "0.1"))), label1.attributes());
    }

    @Test
    void typesAttributeValuesAsTheReferenceDoes() throws IOException {
        write(dir, "t.xml", """
                <annotations><meta><task><labels>
                  <label><name>a</name><attributes>
                    <attribute><name>num</name><input_type>number</input_type></attribute>
                    <attribute><name>sel</name><input_type>select</input_type></attribute>
                    <attribute><name>txt</name><input_type>text</input_type></attribute>
                    <attribute><name>shared</name><input_type>number</input_type></attribute>
                    <attribute><name>untyped</name><input_type></input_type></attribute>
                    <attribute><name>neg</name><input_type>number</input_type></attribute>
                  </attributes></label>
                  <label><name>b</name><attributes><attribute><name>shared</name><input_type>text</input_type></attribute></attributes></label>
                </labels></task></meta>
                <image id="0" name="i.jpg"><tag label="a">
                  <attribute name="num"> 1_0 </attribute>
                  <attribute name="sel">5</attribute>
                  <attribute name="txt">0003</attribute>
                  <attribute name="shared">7</attribute>
                  <attribute name="untyped">8</attribute>
                  <attribute name="undeclared">9</attribute>
                  <attribute name="bool">true</attribute>
                  <attribute name="caps">True</attribute>
                  <attribute name="empty"></attribute>
                  <attribute name="neg">-Infinity</attribute>
                  <attribute name="inf">-Infinity</attribute>
                  <attribute name="word">v3</attribute>
                  <attribute name="num">2.5</attribute>
                </tag></image></annotations>""");
        Annotation tag = load(dir).items().get(0).annotations().get(0);
        // a repeated name keeps its first position and its last value; "shared" is text because b declares it last
        assertEquals(attrs("num", 2.5, "sel", 5.0, "txt", "0003", "shared", "7", "untyped", "8", "undeclared", "9",
                "bool", true, "caps", "True", "empty", "", "neg", Double.NEGATIVE_INFINITY, "inf", "-Infinity", "word", "v3"),
                tag.attributes());
    }

    @Test
    void dropsAttributesOfSkippedShapesInsteadOfLeakingThem() throws IOException {
        write(dir, "default.xml", task("""
                <image id="0" name="i.jpg" width="10" height="10">
                  <box label="a" xtl="0" ytl="0" xbr="1" ybr="1"><attribute name="n">1</attribute></box>
                  <ellipse label="a" cx="5" cy="5" rx="1" ry="1"><attribute name="n">2</attribute></ellipse>
                  <cuboid label="a"><attribute name="leak">x</attribute></cuboid>
                </image>"""));
        Loaded d = load(dir);
        List<Annotation> annotations = d.items().get(0).annotations();
        assertEquals(1, annotations.size());
        assertEquals(attrs("n", 1.0, "occluded", false), annotations.get(0).attributes());
        assertEquals(Map.of("<ellipse> in default.xml", 1L, "<cuboid> in default.xml", 1L),
                d.context().warningKinds().get(CvatSource.WARN_UNSUPPORTED_SHAPE));
    }

    @Test
    void readsSkeletonNodesAsSeparatePoints() throws IOException {
        write(dir, "default.xml", task("""
                <image id="0" name="i.jpg" width="10" height="10">
                  <skeleton label="b" z_order="0"><attribute name="s">x</attribute>
                    <points label="a" occluded="0" points="1,2" z_order="0"><attribute name="n">3</attribute></points>
                    <points label="b" occluded="1" points="3,4" z_order="0"/>
                  </skeleton>
                </image>"""));
        assertSameAnnotations(List.of(
                new Points(0, Coords.of(1, 2), 0, 0, 0, attrs("n", 3.0, "occluded", false)),
                new Points(1, Coords.of(3, 4), 0, 0, 0, attrs("occluded", true))),
                load(dir).items().get(0).annotations());
    }

    @Test
    void keepsOnlyImagesOfTheSourcesSubset() throws IOException {
        write(dir, "train.xml", task("""
                <image id="0" name="kept.jpg"/>
                <image id="1" name="same.jpg" subset="train"/>
                <image id="2" name="other.jpg" subset="Train"><tag label="a"/></image>"""));
        assertEquals(List.of("train/kept", "train/same"), load(dir).ids());
    }

    @Test
    void mergesRepeatedFramesAndKeepsDistinctFrameSpellings() throws IOException {
        write(dir, "default.xml", task("""
                <image id="0" name="first.jpg" width="2" height="2"><tag label="a"/></image>
                <image id="00" name="zero.jpg"><tag label="b"/></image>
                <image id="0" name="last.jpg" width="3" height="3"><tag label="b"/></image>"""));
        Loaded d = load(dir);
        assertEquals(List.of("default/last", "default/zero"), d.ids());
        DatasetItem merged = d.item("default", "last");
        assertEquals(new ImageSize(3, 3), merged.image().size().orElseThrow());
        assertSameAnnotations(List.of(new Label(0), new Label(1)), merged.annotations());
        assertEquals(attrs("frame", 0L), d.item("default", "zero").attributes());
    }

    @Test
    void refusesTwoFramesThatGiveTheSameItem() {
        write(dir, "default.xml", task("<image id=\"0\" name=\"a.jpg\"/><image id=\"1\" name=\"a.png\"/>"));
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir));
        assertEquals("default.xml:8: images 'a.jpg' (line 8) and 'a.png' (frame 1) of subset 'default' give the same"
                + " item id 'a'; rename one of them", e.getMessage());
    }

    @Test
    void namesBothImagesOfARepeatedItemWhateverComesBetween() {
        write(dir, "default.xml", task("<image id=\"0\" name=\"x/b.jpeg\"/><image id=\"1\" name=\"c.jpg\"/>\n"
                + "<image id=\"2\" name=\"x/b.jpg\"><tag label=\"a\"/></image>"));
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir));
        assertTrue(e.getMessage().contains("images 'x/b.jpeg' (line 8) and 'x/b.jpg' (frame 2)"), e.getMessage());
        assertEquals(9, e.line(), "the line of the image that repeats the item");
        assertTrue(e.getMessage().contains("item id 'x/b'"), e.getMessage());
    }

    @Test
    void decodesMaskRunLengthsIntoTheImage() throws IOException {
        write(dir, "default.xml", task("""
                <image id="0" name="i.jpg" width="5" height="4">
                  <mask label="a" occluded="0" rle="1, 2, 1, 2" left="2" top="1" width="3" height="2" z_order="1" group_id="3"/>
                </image>"""));
        Mask mask = (Mask) load(dir).items().get(0).annotations().get(0);
        assertEquals(5, mask.data().width());
        assertEquals(4, mask.data().height());
        assertEquals(3, mask.group());
        assertEquals(1, mask.zOrder());
        assertArrayEquals(new byte[] {
            0, 0, 0, 0, 0,
            0, 0, 0, 1, 1,
            0, 0, 0, 1, 1,
            0, 0, 0, 0, 0}, mask.data().pixels());
    }

    @Test
    void regroupsTracksByFrameInBoundedMemory() throws IOException {
        StringBuilder body = new StringBuilder();
        // 30 tracks of 20 shapes each, frames interleaved so that the first mention order is not sorted
        for (int t = 0; t < 30; t++) {
            body.append("<track id=\"").append(t).append("\" label=\"a\">");
            for (int k = 0; k < 20; k++) {
                int frame = (t * 7 + k * 13) % 50;
                body.append("<box frame=\"").append(frame).append("\" keyframe=\"1\" xtl=\"").append(t).append("\" ytl=\"")
                        .append(k).append("\" xbr=\"60\" ybr=\"60\"><attribute name=\"n\">").append(k).append("</attribute></box>");
            }
            body.append("</track>");
        }
        String xml = task(body.toString()).replace("</labels>", "</labels><original_size><width>64</width><height>48</height></original_size>");
        write(dir, "data/annotations.xml", xml);
        Path spill = Files.createDirectories(dir.resolve("spill"));
        JobContext inSpillFolder = new FolderJobContext(spill);
        List<DatasetItem> spilled;
        try (var source = new CvatImporter(XmlLimits.DEFAULT, 7).open(dir.resolve("data"), ParsedOptions.none(), inSpillFolder)) {
            spilled = new ArrayList<>();
            try (var cursor = source.items()) {
                while (cursor.hasNext()) {
                    spilled.add(cursor.next());
                    try (Stream<Path> files = Files.list(spill)) {
                        assertEquals(1, files.count(), "one spill folder while the pass runs");
                    }
                }
            }
        }
        try (Stream<Path> files = Files.list(spill)) {
            assertEquals(0, files.count(), "spill files removed when the pass ends");
        }
        List<DatasetItem> inMemory = load(dir.resolve("data")).items();
        assertEquals(50, spilled.size());
        List<String> firstMention = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            for (int k = 0; k < 20; k++) {
                String name = String.format("frame_%06d", (t * 7 + k * 13) % 50);
                if (!firstMention.contains(name)) {
                    firstMention.add(name);
                }
            }
        }
        assertEquals(firstMention, spilled.stream().map(DatasetItem::id).toList());
        for (int i = 0; i < spilled.size(); i++) {
            assertEquals(inMemory.get(i).id(), spilled.get(i).id());
            assertSameAnnotations(inMemory.get(i).annotations(), spilled.get(i).annotations());
            List<Long> tracks = spilled.get(i).annotations().stream().map(a -> (Long) a.attributes().get("track_id")).toList();
            assertEquals(tracks.stream().sorted().toList(), tracks, "document order within a frame");
        }
        assertEquals(600, spilled.stream().mapToInt(i -> i.annotations().size()).sum());
    }

    @Test
    void readsOtherEncodingsFromTheDeclaration() throws IOException {
        String xml = task("<image id=\"0\" name=\"caf\u00e9.jpg\"><tag label=\"a\"/></image>")
                .replace("encoding=\"utf-8\"", "encoding=\"ISO-8859-1\"");
        Files.write(dir.resolve("default.xml"), xml.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("default/caf\u00e9"), load(dir).ids());
    }

    @Test
    void bytesNotValidInTheDeclaredEncodingAreReportedWhereTheyAre() throws IOException {
        String xml = task("<image id=\"0\" name=\"a.jpg\"><tag label=\"a\"/></image>").replace("encoding=\"utf-8\"", "encoding=\"UTF-16\"");
        int at = xml.indexOf("a.jpg");
        String before = xml.substring(0, at);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.write(before.getBytes(StandardCharsets.UTF_16LE));
        bytes.write(new byte[] {0x00, (byte) 0xDC}); // a low surrogate with no high one before it
        bytes.write(xml.substring(at).getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("default.xml"), bytes.toByteArray());
        long line = before.lines().count();
        long column = before.length() - before.lastIndexOf('\n');
        assertEquals("default.xml:" + line + ":" + column + ": bytes that are not valid UTF-16LE",
                assertThrows(DatasetException.class, () -> load(dir)).getMessage());
    }

    // --- errors: one message naming the file, the place and the value ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <image id="0" name="a.jpg"><box label="a" xtl="0" ytl="0" xbr="1" ybr="1"></image> | default.xml:1:   | malformed XML
            <image id="x" name="a.jpg"/>                                                 | default.xml:1:   | <image> id='x' is not an integer
            <image id="0"/>                                                              | default.xml:1:   | <image> has no 'name' attribute
            <image id="0" name="a.jpg" width="0" height="3"/>                            | default.xml:1:   | invalid size 0x3
            <image id="0" name="a.jpg"><tag label="zzz"/></image>                        | default.xml:1:   | <tag> label 'zzz' is not declared
            <image id="0" name="a.jpg"><tag/></image>                                    | default.xml:1:   | <tag> has no 'label' attribute
            <image id="0" name="a.jpg"><polygon label="a" points="1,2;3,4"/></image>     | default.xml:1:   | <polygon> needs at least 3 points
            <image id="0" name="a.jpg"><points label="a" points="1,2,3"/></image>        | default.xml:1:   | <points> needs x,y pairs
            <image id="0" name="a.jpg"><polyline label="a" points="1,2;"/></image>       | default.xml:1:   | '' is not a number
            <image id="0" name="a.jpg"><box label="a" xtl="0x1p3" ytl="0" xbr="1" ybr="1"/></image> | default.xml:1: | xtl='0x1p3' is not a number
            <image id="0" name="a.jpg"><box label="a" xtl="0" ytl="0" xbr="1"/></image>  | default.xml:1:   | <box> has no 'ybr' attribute
            <image id="0" name="a.jpg"><box label="a" xtl="0" ytl="0" xbr="1" ybr="1" z_order="1.5"/></image> | default.xml:1: | z_order='1.5' is not an integer
            <image id="0" name="a.jpg"><tag label="a"><attribute>1</attribute></tag></image> | default.xml:1: | <attribute> has no 'name' attribute
            <image id="0" name="a.jpg"><mask label="a" rle="1, 2" left="0" top="0" width="2" height="2"/></image> | default.xml:1: | needs the width and height of its <image
            <image id="0" name="a.jpg" width="4" height="4"><mask label="a" rle="1, 2" left="0" top="0" width="2" height="2"/></image> | default.xml:1: | add up to 3 pixels, but its box has 2x2 = 4
            <image id="0" name="a.jpg" width="4" height="4"><mask label="a" rle="1, -2, 5" left="0" top="0" width="2" height="2"/></image> | default.xml:1: | rle count -2 is out of range
            <image id="0" name="a.jpg" width="4" height="4"><mask label="a" rle="9" left="3" top="0" width="3" height="3"/></image> | default.xml:1: | does not fit in its 4x4 image
            <box label="a" xtl="0" ytl="0" xbr="1" ybr="1"/>                             | default.xml:1:   | <box> outside an <image> or <track>
            <track id="0" label="a"><box xtl="0" ytl="0" xbr="1" ybr="1"/></track>       | default.xml:1:   | has no 'frame' attribute
            <track id="0" label="a"><tag label="a"/></track>                             | default.xml:1:   | <tag> outside an <image>
            <track id="0" label="a"><mask frame="0" rle="1" left="0" top="0" width="1" height="1"/></track> | default.xml:1: | needs the <original_size>
            """)
    void reportsBadBodiesWithFileLineAndValue(String body, String place, String problem) {
        write(dir, "default.xml", task("").replace("\n</annotations>", body + "</annotations>").replace("\n", ""));
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir));
        assertTrue(e.getMessage().startsWith(place), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <annotations><image id="0" name="a.jpg"/></annotations>                      | a CVAT XML file must have a <meta> element
            <x:annotations xmlns:x="urn:x"><x:meta><x:task/></x:meta></x:annotations>     | a CVAT XML file must have a <meta> element
            <annotations><meta><dumped>1</dumped></meta></annotations>                    | must have a <task>, <job> or <project> element
            <annotations><meta><project><name>p</name></project></meta></annotations>     | must name its subsets in <subset> elements
            <annotations><meta><task><labels><label><color>#fff</color></label></labels></task></meta></annotations> | a <label> has no <name>
            <annotations><meta><task><labels><label><name></name></label></labels></task></meta></annotations> | a <label> has an empty <name>
            <annotations><meta><task><labels><label><name>a</name><attributes><attribute><name>x</name></attribute></attributes></label></labels></task></meta></annotations> | attribute 'x' has no <input_type>
            <annotations><meta><task><original_size><width>2</width></original_size></task></meta></annotations> | <original_size> needs <width> and <height>
            """)
    void reportsBadMetaWithTheFileName(String xml, String problem) {
        write(dir, "a.xml", xml);
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir));
        assertTrue(e.getMessage().startsWith("a.xml:1:"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void reportsTheLineAndColumnOfMalformedXml() {
        write(dir, "annotations.xml", "<?xml version=\"1.0\"?>\n<annotations>\n  <meta><task/></meta>\n  <image id=\"0\" name=\"a\">\n    <box xtl=\"0\" ytl=\"0\" xbr=\"1\" ybr=\"1\">\n  </image>");
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir));
        assertEquals("annotations.xml", e.file());
        assertEquals(6, e.line());
        assertTrue(e.getMessage().startsWith("annotations.xml:6:"), e.getMessage());
        assertTrue(e.problem().contains("\"box\""), e.problem());
    }

    @Test
    void reportsMissingDatasets() {
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir));
        assertTrue(e.getMessage().startsWith("Failed to find dataset 'cvat' at '"), e.getMessage());
        write(dir, "a.txt", "x");
        assertThrows(DatasetException.class, () -> load(dir.resolve("a.txt")));
    }

    @Test
    void invalidUtf8IsAnInputError() throws IOException {
        byte[] xml = task("<image id=\"0\" name=\"a.jpg\"/>").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[xml.length + 2];
        System.arraycopy(xml, 0, bad, 0, xml.length);
        bad[xml.length] = (byte) 0xC3;
        bad[xml.length + 1] = (byte) 0x28;
        Files.write(dir.resolve("default.xml"), bad);
        DatasetException e = assertThrows(DatasetException.class, () -> load(dir));
        assertTrue(e.getMessage().startsWith("default.xml"), e.getMessage());
    }

    @Test
    void shapesWithUnknownOrMissingLabelsHaveNoLabel() throws IOException {
        write(dir, "default.xml", task("""
                <image id="0" name="i.jpg"><points label="nope" points="1,2"/><points points="3,4"/></image>"""));
        List<Annotation> a = load(dir).items().get(0).annotations();
        assertNull(a.get(0).label());
        assertNull(a.get(1).label());
    }
}
