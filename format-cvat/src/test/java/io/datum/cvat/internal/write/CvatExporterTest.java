package io.datum.cvat.internal.write;

import static io.datum.cvat.internal.CvatTestSupport.assertSameAnnotations;
import static io.datum.cvat.internal.CvatTestSupport.export;
import static io.datum.cvat.internal.CvatTestSupport.image;
import static io.datum.cvat.internal.CvatTestSupport.load;
import static io.datum.cvat.internal.CvatTestSupport.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.cvat.internal.CvatTestSupport;
import io.datum.cvat.internal.CvatTestSupport.Loaded;
import io.datum.cvat.internal.RleMask;
import io.datum.cvat.internal.read.CvatImporter;
import io.datum.model.AttributeSpec;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.Categories;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.options.ParsedOptions;
import io.datum.options.UsageException;
import io.datum.spi.CollectingJobContext;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CvatExporterTest {
    @TempDir
    Path dir;

    private static Attributes attrs(Object... namesAndValues) {
        return Attributes.of(namesAndValues);
    }

    private static Categories labels(String... names) {
        return new Categories(LabelCategories.ofNames(names));
    }

    private static LabelCategories digits(List<AttributeSpec> common, List<AttributeSpec> ofLabel2) {
        List<LabelCategory> labels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            labels.add(new LabelCategory(Integer.toString(i), "", i == 2 ? ofLabel2 : List.of()));
        }
        return new LabelCategories(labels, common);
    }

    private static AttributeSpec text(String name) {
        return new AttributeSpec(name, true, "text", "", List.of());
    }

    private Image file(String relative, int width, int height) {
        return Image.ofFile(image(dir, relative, width, height), null);
    }

    private static Set<String> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static String body(Path xml) throws IOException {
        String text = read(xml);
        return text.substring(text.indexOf("  </meta>\n") + "  </meta>\n".length());
    }

    /**
     * A label of the meta as the exporter declares it, indented as in a task: each attribute named
     * is mutable text without default or values, as an attribute the model declares by name only.
     */
    private static String declaredLabel(String name, String... textAttributes) {
        StringBuilder xml = new StringBuilder("        <label>\n          <name>" + name + "</name>\n          <attributes>\n");
        for (String attribute : textAttributes) {
            xml.append("            <attribute>\n              <name>").append(attribute).append("</name>\n")
                    .append("              <mutable>True</mutable>\n              <input_type>text</input_type>\n")
                    .append("              <default_value></default_value>\n              <values></values>\n")
                    .append("            </attribute>\n");
        }
        return xml.append("          </attributes>\n        </label>\n").toString();
    }

    // --- Datumaro's CvatExporterTest ---

    @Test
    void savesAndLoadsEveryShapeKind() throws IOException {
        List<AttributeSpec> common = List.of(AttributeSpec.named("occluded"), AttributeSpec.named("common"));
        List<AttributeSpec> ofLabel2 = List.of(AttributeSpec.named("a1"), AttributeSpec.named("a2"), AttributeSpec.named("empty"));
        byte[] maskPixels = new byte[50];
        Random random = new Random(42);
        for (int i = 0; i < maskPixels.length; i++) {
            maskPixels[i] = (byte) random.nextInt(2);
        }
        DatasetSource source = Datasets.of(new Categories(digits(common, ofLabel2)), List.of(
                new DatasetItem("0", "s1", file("src/0.png", 10, 5), List.of(
                        new Polygon(1, Coords.of(0, 0, 4, 0, 4, 4), 0, 4, 0, attrs("occluded", true, "common", "t")),
                        new Points(2, Coords.of(1, 1, 3, 2, 2, 3), 0, 0, 0, attrs("a1", "x", "a2", 42, "empty", "", "unknown", "bar")),
                        new Label(1),
                        new Label(2, attrs("a1", "y", "a2", 44)))),
                new DatasetItem("1", "s1", null, List.of(
                        new PolyLine(3, Coords.of(0, 0, 4, 0, 4, 4), 4, 4, 0, Attributes.empty()),
                        new Bbox(3, 5, 0, 6, 9, 4, 4, 0, Attributes.empty(), null))),
                new DatasetItem("2", "s2", file("src/2.png", 10, 5), List.of(
                        new Polygon(3, Coords.of(0, 0, 4, 0, 4, 4), 0, 4, 1, attrs("occluded", false)),
                        new PolyLine(null, Coords.of(5, 0, 9, 0, 5, 5), 0, 0, 0, Attributes.empty()))),
                new DatasetItem("3", "s3", file("src/3.png", 10, 5), List.of(
                        new Mask(3, MaskData.of(10, 5, maskPixels), 0, 4, 1, Attributes.empty())))));
        CollectingJobContext warnings = export(source, dir.resolve("out"), "--save-media");
        assertEquals(Map.of(SubsetXmlWriter.WARN_UNDECLARED, Map.of("unknown", 1L),
                SubsetXmlWriter.WARN_NO_LABEL, Map.of("polyline", 1L)), warnings.warningKinds());

        Loaded d = load(dir.resolve("out"));
        assertEquals(List.of("s1/0", "s1/1", "s2/2", "s3/3"), d.ids());
        assertEquals(digits(List.of(AttributeSpec.named("occluded")), List.of(text("a1"), text("a2"), text("empty"), text("common")))
                .labels().stream().map(LabelCategory::name).toList(), d.labelNames());
        for (int i = 0; i < 10; i++) {
            List<AttributeSpec> expected = i == 2 ? List.of(text("a1"), text("a2"), text("empty"), text("common")) : List.of(text("common"));
            assertEquals(expected, d.categories().labels().get(i).attributes(), "label " + i);
        }
        DatasetItem s10 = d.item("s1", "0");
        assertEquals(attrs("frame", 0L), s10.attributes());
        assertEquals(new ImageSize(10, 5), s10.image().size().orElseThrow());
        assertTrue(s10.image().hasData());
        assertSameAnnotations(List.of(
                new Polygon(1, Coords.of(0, 0, 4, 0, 4, 4), 0, 4, 0, attrs("common", "t", "occluded", true)),
                new Points(2, Coords.of(1, 1, 3, 2, 2, 3), 0, 0, 0, attrs("a1", "x", "a2", "42", "empty", "", "occluded", false)),
                new Label(1),
                new Label(2, attrs("a1", "y", "a2", "44"))), s10.annotations());
        DatasetItem s11 = d.item("s1", "1");
        assertEquals(attrs("frame", 1L), s11.attributes());
        assertFalse(s11.image().hasData(), "no media: kept without it (docs/differences.md, D5)");
        assertSameAnnotations(List.of(
                new PolyLine(3, Coords.of(0, 0, 4, 0, 4, 4), 0, 4, 0, attrs("occluded", false)),
                new Bbox(3, 5, 0, 6, 9, 0, 4, 0, attrs("occluded", false), null)), s11.annotations());
        DatasetItem s22 = d.item("s2", "2");
        assertEquals(attrs("frame", 0L), s22.attributes());
        assertSameAnnotations(List.of(new Polygon(3, Coords.of(0, 0, 4, 0, 4, 4), 0, 4, 1, attrs("occluded", false))),
                s22.annotations());
        assertSameAnnotations(List.of(new Mask(3, MaskData.of(10, 5, maskPixels), 0, 4, 1, attrs("occluded", false))),
                d.item("s3", "3").annotations());
        assertEquals(Set.of("0.png", "2.png", "3.png"), list(dir.resolve("out/images")));
    }

    @Test
    void writesUndeclaredAttributesWhenAllowed() throws IOException {
        Categories categories = new Categories(new LabelCategories(
                List.of(new LabelCategory("a", "", List.of(AttributeSpec.named("x")))), List.of()));
        DatasetSource source = Datasets.of(categories, List.of(new DatasetItem("0", null, null, List.of(
                new Label(0, attrs("x", 4, "y", 2)),
                Bbox.ofXywh(0, 1, 2, 3, 4, attrs("x", 1, "y", 1))))));
        assertEquals(Map.of(), export(source, dir, "--allow-undeclared-attrs").warnings());
        Loaded d = load(dir);
        assertEquals(List.of(text("x")), d.categories().labels().get(0).attributes());
        assertSameAnnotations(List.of(
                new Label(0, attrs("x", "4", "y", "2")),
                new Bbox(0, 1, 2, 4, 6, 0, 0, 0, attrs("x", "1", "y", "1", "occluded", false), null)),
                d.item("default", "0").annotations());
    }

    @Test
    void savesImagesOfItemsInSubfolders() throws IOException {
        DatasetSource source = Datasets.of(Categories.empty(), List.of(
                new DatasetItem("1", null, file("src/1.jpg", 2, 4), List.of()),
                new DatasetItem("subdir1/1", null, file("src/subdir1/1.jpg", 6, 2), List.of()),
                new DatasetItem("subdir2/1", null, file("src/subdir2/1.jpg", 4, 5), List.of())));
        export(source, dir.resolve("out"), "--save-media");
        Loaded d = load(dir.resolve("out"));
        assertEquals(List.of("default/1", "default/subdir1/1", "default/subdir2/1"), d.ids());
        long frame = 0;
        for (DatasetItem item : d.items()) {
            assertEquals(attrs("frame", frame++), item.attributes());
            assertEquals(dir.resolve("out/images/" + item.id() + ".jpg"), item.image().path().orElseThrow());
            assertTrue(item.image().hasData());
        }
        assertEquals(new ImageSize(6, 2), d.item("default", "subdir1/1").image().size().orElseThrow());
    }

    @Test
    void savesNamesWithCyrillicAndSpaces() throws IOException {
        DatasetSource source = Datasets.of(new Categories(digits(List.of(AttributeSpec.named("occluded")), List.of())), List.of(
                new DatasetItem("кириллица с пробелом", "s1", file("src/k.jpg", 10, 5), List.of(new Label(1)))));
        export(source, dir.resolve("out"), "--save-media");
        Loaded d = load(dir.resolve("out"));
        DatasetItem item = d.item("s1", "кириллица с пробелом");
        assertTrue(item.image().hasData());
        assertEquals(attrs("frame", 0L), item.attributes());
        assertSameAnnotations(List.of(new Label(1)), item.annotations());
    }

    @Test
    void keepsArbitraryImageExtensions() throws IOException {
        DatasetSource source = Datasets.of(Categories.empty(), List.of(
                new DatasetItem("q/1", null, file("src/q/1.JPEG", 3, 4), List.of(), attrs("frame", 1)),
                new DatasetItem("a/b/c/2", null, file("src/a/b/c/2.bmp", 4, 3), List.of(), attrs("frame", 2))));
        export(source, dir.resolve("out"), "--save-media");
        assertArrayEquals(Files.readAllBytes(dir.resolve("src/q/1.JPEG")), Files.readAllBytes(dir.resolve("out/images/q/1.JPEG")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("src/a/b/c/2.bmp")), Files.readAllBytes(dir.resolve("out/images/a/b/c/2.bmp")));
        Loaded d = load(dir.resolve("out"));
        assertEquals(attrs("frame", 1L), d.item("default", "q/1").attributes());
        assertEquals(".JPEG", d.item("default", "q/1").image().extension());
        assertEquals(new ImageSize(4, 3), d.item("default", "a/b/c/2").image().size().orElseThrow());
    }

    @Test
    void keepsFrameNumbers() throws IOException {
        DatasetSource source = Datasets.of(Categories.empty(), List.of(
                new DatasetItem("some/name1", null, file("src/n.jpg", 2, 4), List.of(), attrs("frame", 40))));
        export(source, dir.resolve("out"));
        assertEquals(attrs("frame", 40L), load(dir.resolve("out")).items().get(0).attributes());
    }

    @Test
    void reindexesFrames() throws IOException {
        DatasetSource source = Datasets.of(Categories.empty(), List.of(
                new DatasetItem("some/name1", null, file("src/n.jpg", 2, 4), List.of(), attrs("frame", 40))));
        export(source, dir.resolve("out"), "--reindex");
        assertEquals(attrs("frame", 0L), load(dir.resolve("out")).items().get(0).attributes());
    }

    @Test
    void writesOneFilePerSubsetAndOneSharedImagesFolder() throws IOException {
        DatasetSource source = Datasets.of(Categories.empty(), List.of(
                new DatasetItem("1", "a", null, List.of()),
                new DatasetItem("2", "a", file("src/2.jpg", 2, 3), List.of()),
                new DatasetItem("2", "b", null, List.of())));
        export(source, dir.resolve("out"), "--save-media");
        assertEquals(Set.of("a.xml", "b.xml", "images"), list(dir.resolve("out")));
        assertEquals(Set.of("2.jpg"), list(dir.resolve("out/images")));
        Loaded d = load(dir.resolve("out"));
        assertEquals(List.of("a/1", "a/2", "b/2"), d.ids());
        assertTrue(d.item("a", "2").image().hasData());
        assertTrue(d.item("b", "2").image().hasData(), "the shared folder serves every subset");
    }

    @Test
    void writesVideoTracks() throws IOException {
        List<DatasetItem> frames = new ArrayList<>();
        for (int f = 0; f < 20; f++) {
            frames.add(new DatasetItem(String.format("frame_%06d", f), null, file(String.format("src/frame_%06d.png", f), 25, 20),
                    List.of(
                            new Bbox(1, 3, 4, 10, 5, 0, 0, 0, attrs("occluded", true, "outside", false, "keyframe", true, "track_id", 0), null),
                            new Points(0, Coords.of(21.95, 8.00, 2.55, 15.09, 2.23, 3.16), 1, 0, 0,
                                    attrs("occluded", false, "outside", false, "keyframe", true, "track_id", 1))),
                    attrs("frame", f)));
        }
        export(Datasets.of(labels("label1", "label2"), frames), dir.resolve("out"), "--save-media", "--use-track");
        assertEquals(Set.of(), list(dir.resolve("out/images")), "track mode writes no images");
        String xml = read(dir.resolve("out/default.xml"));
        assertTrue(xml.contains("      <original_size>\n        <width>25</width>\n        <height>20</height>\n      </original_size>\n"));
        assertEquals(2, xml.split("<track ", -1).length - 1);
        Loaded d = load(dir.resolve("out"));
        assertEquals(20, d.items().size());
        assertEquals(Set.of("default"), d.items().stream().map(DatasetItem::subset).collect(Collectors.toSet()));
        assertSameAnnotations(List.of(
                new Bbox(1, 3, 4, 10, 5, 0, 0, 0, attrs("occluded", true, "outside", false, "keyframe", true, "track_id", 0L), null),
                new Points(0, Coords.of(21.95, 8.00, 2.55, 15.09, 2.23, 3.16), 1, 0, 0,
                        attrs("occluded", false, "outside", false, "keyframe", true, "track_id", 1L))),
                d.item("default", "frame_000007").annotations());
    }

    // --- byte-exact output: the files as Datumaro writes them ---

    @Test
    void writesOpenImagesV6TrainAsTheReference() throws IOException {
        // as the Open Images importer gives them: a parent, no attribute declarations
        Categories categories = new Categories(new LabelCategories(List.of(new LabelCategory("/m/0"),
                new LabelCategory("/m/1", "/m/0", List.of()), new LabelCategory("/m/2"), new LabelCategory("/m/3")), List.of()));
        byte[] columns01 = new byte[16];
        for (int y = 0; y < 2; y++) {
            columns01[y * 8] = 1;
            columns01[y * 8 + 1] = 1;
        }
        DatasetSource source = Datasets.of(categories, List.of(
                new DatasetItem("a", "train", Image.withoutFile(".jpg", new ImageSize(6, 8)),
                        List.of(new Label(0, attrs("score", 1.0)))),
                new DatasetItem("b", "train", Image.withoutFile(".jpg", new ImageSize(8, 2)), List.of(
                        new Label(0, attrs("score", 0.0)),
                        new Bbox(0, 1.6, 0.6, 8.0, 1.0, 0, 1, 0, attrs("score", 1.0, "occluded", false), null),
                        new Mask(0, MaskData.of(8, 2, columns01), 0, 1, 0, attrs("box_id", "01234567", "predicted_iou", 0.5))))));
        CollectingJobContext context = export(source, dir);
        assertEquals("""
                <?xml version="1.0" encoding="utf-8"?>
                <annotations>
                  <version>1.1</version>
                  <meta>
                    <task>
                      <id></id>
                      <name>train</name>
                      <size>2</size>
                      <mode>annotation</mode>
                      <overlap></overlap>
                      <start_frame>0</start_frame>
                      <stop_frame>2</stop_frame>
                      <frame_filter></frame_filter>
                      <z_order>True</z_order>
                      <labels>
                        <label>
                          <name>/m/0</name>
                          <attributes>
                          </attributes>
                        </label>
                        <label>
                          <name>/m/1</name>
                          <attributes>
                          </attributes>
                        </label>
                        <label>
                          <name>/m/2</name>
                          <attributes>
                          </attributes>
                        </label>
                        <label>
                          <name>/m/3</name>
                          <attributes>
                          </attributes>
                        </label>
                      </labels>
                    </task>
                  </meta>
                  <image id="0" name="a.jpg" width="6" height="8">
                    <tag label="/m/0">
                    </tag>
                  </image>
                  <image id="1" name="b.jpg" width="8" height="2">
                    <tag label="/m/0">
                    </tag>
                    <box label="/m/0" occluded="0" outside="0" keyframe="0" xtl="1.60" ytl="0.60" xbr="8.00" ybr="1.00" z_order="0" group_id="1">
                    </box>
                    <mask label="/m/0" occluded="0" outside="0" keyframe="0" rle="0, 2, 6, 2, 6" left="0" top="0" width="8" height="2" z_order="0" group_id="1">
                    </mask>
                  </image>
                </annotations>""", read(dir.resolve("train.xml")));
        assertEquals(Map.of(SubsetXmlWriter.WARN_UNDECLARED, Map.of("score", 3L, "box_id", 1L, "predicted_iou", 1L)),
                context.warningKinds());
    }

    @Test
    void writesAHandMadeDatasetAsTheReferenceWithExactNumbers() throws IOException {
        Categories categories = new Categories(new LabelCategories(List.of(
                new LabelCategory("cat", "", List.of(AttributeSpec.named("flag"), AttributeSpec.named("count"))),
                new LabelCategory("a,\"b\" & <c>", "cat", List.of(AttributeSpec.named("note"), AttributeSpec.named("ratio"))),
                new LabelCategory("ярлык")), List.of(AttributeSpec.named("occluded"), AttributeSpec.named("common"))));
        byte[] mask = new byte[48];
        for (int y = 1; y <= 2; y++) {
            for (int x = 2; x <= 4; x++) {
                mask[y * 8 + x] = 1;
            }
        }
        mask[5 * 8 + 7] = 1;
        DatasetSource source = Datasets.of(categories, List.of(
                new DatasetItem("dir/sub/img 1", "train", Image.withoutFile("", new ImageSize(8, 6)), List.of(
                        new Label(0),
                        new Label(1, 0, 2, attrs("score", 0.9, "flag", true, "count", 3, "ratio", 0.125,
                                "note", "he said \"hi\" & <bye>", "common", "c1")),
                        new Bbox(0, 1.005, 2.345, 1.005 + 3.1, 2.345 + 4.9999, 7, 2, 3, attrs("occluded", true, "flag", false, "count", 2.5), null),
                        new Polygon(1, Coords.of(0, 0, 4.125, 0, 4, 4.375), 0, 0, -1, attrs("occluded", 1, "ratio", 1e-05)),
                        new PolyLine(2, Coords.of(1, 1, 2, 2.5), 0, 0, 0, attrs("occluded", false, "outside", true, "keyframe", true, "track_id", 5)),
                        new Points(0, Coords.of(1, 2, 3, 4), 0, 0, 0, attrs("flag", null)),
                        new Mask(2, MaskData.of(8, 6, mask), 0, 3, 1, Attributes.empty()),
                        new Ellipse(0, 1, 1, 3, 3, 0, 0, 0, Attributes.empty()),
                        new Caption("hello", 0, 0, Attributes.empty()),
                        new Bbox(null, 0, 0, 1, 1, 0, 0, 0, Attributes.empty(), null))),
                new DatasetItem("ünïcødé,\"q\"", "train", null,
                        List.of(new Bbox(0, 0, 0, 1, 1, 0, 0, 0, attrs("count", "[1, 2]"), null)), attrs("frame", 5)),
                new DatasetItem("plain", "train", Image.withoutFile(".png", new ImageSize(3, 2)), List.of(), attrs("frame", "7")),
                new DatasetItem("x", null, Image.withoutFile("", new ImageSize(4, 4)),
                        List.of(new Points(2, Coords.of(0.5, 0.5), 0, 0, 0, Attributes.empty())))));
        CollectingJobContext context = export(source, dir);
        String labels = "      <labels>\n"
                + declaredLabel("cat", "flag", "count", "common")
                + declaredLabel("a,\"b\" &amp; &lt;c&gt;", "note", "ratio", "common")
                + declaredLabel("ярлык", "common")
                + "      </labels>\n";
        String train = read(dir.resolve("train.xml"));
        assertTrue(train.contains("      <size>3</size>\n") && train.contains("      <stop_frame>3</stop_frame>\n"));
        assertTrue(train.contains("      <z_order>True</z_order>\n" + labels + "    </task>\n  </meta>\n"), train);
        // coordinates are exact doubles (docs/differences.md, D1): 2.345 -> 2.35 and 1.005 + 3.1 -> 4.11 where float32 gives 2.34 and 4.10
        assertEquals("""
                  <image id="0" name="dir/sub/img 1.jpg" width="8" height="6">
                    <tag label="cat">
                    </tag>
                    <tag label='a,"b" &amp; &lt;c&gt;' group_id="2">
                      <attribute name="ratio">0.125</attribute>
                      <attribute name="note">he said "hi" &amp; &lt;bye&gt;</attribute>
                      <attribute name="common">c1</attribute>
                    </tag>
                    <box label="cat" occluded="1" outside="0" keyframe="0" xtl="1.00" ytl="2.35" xbr="4.11" ybr="7.34" z_order="3" group_id="2">
                      <attribute name="flag">false</attribute>
                      <attribute name="count">2.5</attribute>
                    </box>
                    <polygon label='a,"b" &amp; &lt;c&gt;' occluded="1" outside="0" keyframe="0" points="0.00,0.00;4.12,0.00;4.00,4.38" z_order="-1">
                      <attribute name="ratio">1e-05</attribute>
                    </polygon>
                    <polyline label="ярлык" occluded="0" outside="1" keyframe="1" points="1.00,1.00;2.00,2.50" z_order="0">
                    </polyline>
                    <points label="cat" occluded="0" outside="0" keyframe="0" points="1.00,2.00;3.00,4.00" z_order="0">
                      <attribute name="flag">None</attribute>
                    </points>
                    <mask label="ярлык" occluded="0" outside="0" keyframe="0" rle="10, 3, 5, 3, 26, 1" left="0" top="0" width="8" height="6" z_order="1" group_id="3">
                    </mask>
                  </image>
                  <image id="5" name='ünïcødé,"q".jpg'>
                    <box label="cat" occluded="0" outside="0" keyframe="0" xtl="0.00" ytl="0.00" xbr="1.00" ybr="1.00" z_order="0">
                      <attribute name="count">[1, 2]</attribute>
                    </box>
                  </image>
                  <image id="7" name="plain.png" width="3" height="2">
                  </image>
                </annotations>""", body(dir.resolve("train.xml")));
        assertEquals("""
                  <image id="0" name="x.jpg" width="4" height="4">
                    <points label="ярлык" occluded="0" outside="0" keyframe="0" points="0.50,0.50" z_order="0">
                    </points>
                  </image>
                </annotations>""", body(dir.resolve("default.xml")));
        assertEquals(Map.of(SubsetXmlWriter.WARN_UNDECLARED, Map.of("score", 1L, "flag", 1L, "count", 1L),
                SubsetXmlWriter.WARN_NO_LABEL, Map.of("bbox", 1L)), context.warningKinds());
        assertEquals(Set.of("images", "train.xml", "default.xml"), list(dir));
    }

    @Test
    void writesVideoInImageModeAndTrackModeAsTheReference() throws IOException {
        Path video = CvatTestSupport.videoDataset(dir.resolve("video"));
        try (DatasetSource source = new CvatImporter().open(video, ParsedOptions.none(), JobContext.collecting())) {
            export(source, dir.resolve("images-mode"));
            export(source, dir.resolve("track-mode"), "--use-track");
        }
        assertEquals("""
                  <image id="10" name="frame_000010.png" width="25" height="20">
                    <box label="II" occluded="1" outside="0" keyframe="1" xtl="3.00" ytl="4.00" xbr="10.00" ybr="5.00" z_order="0">
                    </box>
                    <points label="klhg" occluded="0" outside="0" keyframe="1" points="21.95,8.00;2.55,15.09;2.23,3.16" z_order="0">
                      <attribute name="hgl">hgkf</attribute>
                    </points>
                  </image>
                  <image id="13" name="frame_000013.png" width="25" height="20">
                    <box label="II" occluded="0" outside="1" keyframe="1" xtl="7.00" ytl="6.00" xbr="14.00" ybr="8.00" z_order="0">
                    </box>
                    <points label="klhg" occluded="0" outside="1" keyframe="1" points="21.95,8.00;9.55,15.09;5.23,1.16" z_order="0">
                      <attribute name="hgl">jk</attribute>
                    </points>
                    <polyline label="II" occluded="0" outside="0" keyframe="1" points="7.85,13.88;3.50,6.67;15.90,2.00;13.31,7.21" z_order="0">
                    </polyline>
                  </image>
                  <image id="16" name="frame_000016.png" width="25" height="20">
                    <box label="II" occluded="0" outside="1" keyframe="1" xtl="8.00" ytl="7.00" xbr="14.00" ybr="17.00" z_order="0">
                    </box>
                    <polyline label="II" occluded="0" outside="1" keyframe="1" points="7.85,13.88;3.50,6.67;15.90,2.00;13.31,7.21" z_order="0">
                    </polyline>
                  </image>
                </annotations>""", body(dir.resolve("images-mode/annotations.xml")));
        String tracks = read(dir.resolve("track-mode/annotations.xml"));
        assertTrue(tracks.contains("""
                              <default_value>jk</default_value>
                              <values>jk
                hgkf</values>
                """), "declarations kept (docs/differences.md, D20)");
        assertTrue(tracks.contains("""
                      </labels>
                      <original_size>
                        <width>25</width>
                        <height>20</height>
                      </original_size>
                    </task>
                """));
        assertEquals("""
                  <track id="0" label="II">
                    <box frame="10" occluded="1" outside="0" keyframe="1" xtl="3.00" ytl="4.00" xbr="10.00" ybr="5.00" z_order="0">
                    </box>
                    <box frame="13" occluded="0" outside="1" keyframe="1" xtl="7.00" ytl="6.00" xbr="14.00" ybr="8.00" z_order="0">
                    </box>
                    <box frame="16" occluded="0" outside="1" keyframe="1" xtl="8.00" ytl="7.00" xbr="14.00" ybr="17.00" z_order="0">
                    </box>
                  </track>
                  <track id="1" label="klhg">
                    <points frame="10" occluded="0" outside="0" keyframe="1" points="21.95,8.00;2.55,15.09;2.23,3.16" z_order="0">
                    </points>
                    <points frame="13" occluded="0" outside="1" keyframe="1" points="21.95,8.00;9.55,15.09;5.23,1.16" z_order="0">
                    </points>
                  </track>
                  <track id="2" label="II">
                    <polyline frame="13" occluded="0" outside="0" keyframe="1" points="7.85,13.88;3.50,6.67;15.90,2.00;13.31,7.21" z_order="0">
                    </polyline>
                    <polyline frame="16" occluded="0" outside="1" keyframe="1" points="7.85,13.88;3.50,6.67;15.90,2.00;13.31,7.21" z_order="0">
                    </polyline>
                  </track>
                </annotations>""", body(dir.resolve("track-mode/annotations.xml")));
    }

    @Test
    void writesTaskAttributeDeclarationsBackAsDeclared() throws IOException {
        Path task = CvatTestSupport.taskDataset(dir.resolve("task"));
        try (DatasetSource source = new CvatImporter().open(task, ParsedOptions.none(), JobContext.collecting())) {
            export(source, dir.resolve("out"), "--save-images");
        }
        String xml = read(dir.resolve("out/train.xml"));
        assertTrue(xml.contains("""
                            <attribute>
                              <name>a3</name>
                              <mutable>False</mutable>
                              <input_type>text</input_type>
                              <default_value>0000</default_value>
                              <values></values>
                            </attribute>
                            <attribute>
                              <name>a4</name>
                              <mutable>True</mutable>
                              <input_type>number</input_type>
                              <default_value>0</default_value>
                              <values>-5.6
                2.4
                0.1</values>
                            </attribute>
                """), xml);
        assertArrayEquals(Files.readAllBytes(task.resolve("images/img0.jpg")), Files.readAllBytes(dir.resolve("out/images/img0.jpg")));
        assertEquals(load(task).categories(), load(dir.resolve("out")).categories());
    }

    // --- options ---

    @Test
    void hasTheReferenceOptions() {
        assertEquals("usage: cvat [-h] [--save-images] [--save-media] [--image-ext IMAGE_EXT]\n"
                + "            [--save-dataset-meta] [--reindex] [--allow-undeclared-attrs]\n"
                + "            [--use-track] [--label-names {name,display}]", new CvatExporter().options().usage());
        UsageException e = assertThrows(UsageException.class, () -> new CvatExporter().options().parse(List.of("--save")));
        assertTrue(e.getMessage().startsWith("ambiguous option: --save could match --save-images, --save-media"), e.getMessage());
        assertTrue(new CvatExporter().options().parse(List.of("--save_media", "--allow_undeclared_attrs")).flag("save-media"));
        // one option beyond the reference's: the parser of UTF-8 files for one run
        assertEquals("usage: cvat [-h] [--xml-reader READER]", new CvatImporter().options().usage());
    }

    @Test
    void refusesBothSaveOptionsAndAnImageExtensionWithoutDot() {
        DatasetSource source = Datasets.of(Categories.empty(), List.of());
        DatasetException both = assertThrows(DatasetException.class, () -> export(source, dir, "--save-media", "--save-images"));
        assertEquals("Can't use both 'save-media' and 'save-images'", both.getMessage());
        assertThrows(DatasetException.class, () -> export(source, dir, "--save-media", "--image-ext", "png"));
    }

    @Test
    void reencodesImagesForAnotherExtension() throws IOException {
        DatasetSource source = Datasets.of(Categories.empty(), List.of(
                new DatasetItem("a", null, file("src/a.jpg", 5, 3), List.of()),
                new DatasetItem("b", null, Image.withoutFile(".jpg", new ImageSize(2, 2)), List.of())));
        CollectingJobContext context = export(source, dir.resolve("out"), "--save-media", "--image-ext", ".png");
        var png = ImageIO.read(dir.resolve("out/images/a.png").toFile());
        assertEquals(5, png.getWidth());
        assertEquals(3, png.getHeight());
        assertTrue(read(dir.resolve("out/default.xml")).contains("<image id=\"1\" name=\"b.png\" width=\"2\" height=\"2\">"));
        assertEquals(Map.of("items without an image file: no image saved for them", 1L), context.warnings());
        assertEquals(Set.of("a.png"), list(dir.resolve("out/images")));
    }

    @Test
    void writesNothingButTheImagesFolderForAnEmptyDataset() throws IOException {
        export(Datasets.of(labels("a"), List.of()), dir);
        assertEquals(Set.of("images"), list(dir));
    }

    // --- streaming: interleaved subsets, counts from the first pass ---

    @Test
    void writesInterleavedSubsetsToTheirOwnFiles() throws IOException {
        List<DatasetItem> items = IntStream.range(0, 9)
                .mapToObj(i -> new DatasetItem("i" + i, List.of("a", "b", "c").get(i % 3), null, List.of(new Label(0)), attrs("frame", i)))
                .toList();
        export(Datasets.of(labels("l"), items), dir);
        Loaded d = load(dir);
        assertEquals(List.of("a/i0", "a/i3", "a/i6", "b/i1", "b/i4", "b/i7", "c/i2", "c/i5", "c/i8"), d.ids());
        assertTrue(read(dir.resolve("b.xml")).contains("<size>3</size>"));
    }

    // --- number spelling (two decimals, Python rounding) on exact doubles (docs/differences.md, D1) ---

    @Test
    void spellsCoordinatesWithTwoDecimalsRoundedHalfEvenOnTheExactValue() throws IOException {
        double[][] table = {
            // value, then the Python "{:.2f}" of the same double
            {1.005}, {2.345}, {3.1 + 1.005}, {4.125}, {4.375}, {2.675}, {-0.001}, {1e-7}, {123456.789},
            {1e6 + 0.015}, {16777217}, {0.995}, {0.015}, {1048576.13}, {-0.0}, {Double.NaN}, {Double.POSITIVE_INFINITY},
        };
        String[] expected = {"1.00", "2.35", "4.11", "4.12", "4.38", "2.67", "-0.00", "0.00", "123456.79",
            "1000000.02", "16777217.00", "0.99", "0.01", "1048576.13", "-0.00", "nan", "inf"};
        double[] values = new double[table.length * 2];
        for (int i = 0; i < table.length; i++) {
            values[2 * i] = table[i][0];
            values[2 * i + 1] = -1.0 / 0;
        }
        export(Datasets.of(labels("a"), List.of(new DatasetItem("p", null, null,
                List.of(new PolyLine(0, Coords.of(values), 0, 0, 0, Attributes.empty()))))), dir);
        String xml = read(dir.resolve("default.xml"));
        String points = xml.substring(xml.indexOf("points=\"") + 8, xml.indexOf('"', xml.indexOf("points=\"") + 8));
        String[] pairs = points.split(";");
        for (int i = 0; i < table.length; i++) {
            assertEquals(expected[i] + ",-inf", pairs[i], "value " + table[i][0]);
        }
    }

    @Test
    void spellsFlagsAndImageIdsAsPythonInt() throws IOException {
        Object[][] flags = {{true, "1"}, {false, "0"}, {2.9, "2"}, {-0.5, "0"}, {"1", "1"}, {" 0 ", "0"}, {7, "7"}};
        List<DatasetItem> items = new ArrayList<>();
        for (int i = 0; i < flags.length; i++) {
            items.add(new DatasetItem("f" + i, null, null, List.of(new Points(0, Coords.of(0, 0), 0, 0, 0,
                    attrs("occluded", flags[i][0], "outside", flags[i][0], "keyframe", flags[i][0])))));
        }
        items.add(new DatasetItem("abc", "ids", null, List.of(), attrs("frame", "abc")));
        items.add(new DatasetItem("real", "ids", null, List.of(), attrs("frame", 2.7)));
        items.add(new DatasetItem("bool", "ids", null, List.of(), attrs("frame", true)));
        items.add(new DatasetItem("none", "ids", null, List.of(), attrs("frame", null)));
        export(Datasets.of(labels("a"), items), dir);
        String xml = read(dir.resolve("default.xml"));
        for (Object[] f : flags) {
            String v = (String) f[1];
            assertTrue(xml.contains("occluded=\"" + v + "\" outside=\"" + v + "\" keyframe=\"" + v + "\""), v);
        }
        String ids = body(dir.resolve("ids.xml"));
        assertTrue(ids.contains("<image id=\"0\" name=\"abc.jpg\">"), ids);
        assertTrue(ids.contains("<image id=\"2\" name=\"real.jpg\">"), ids);
        assertTrue(ids.contains("<image id=\"1\" name=\"bool.jpg\">"), ids);
        assertTrue(ids.contains("<image id=\"3\" name=\"none.jpg\">"), ids);
    }

    @Test
    void spellsNegativeGroupsLargeZOrdersAndTinyBoxes() throws IOException {
        export(Datasets.of(labels("a"), List.of(new DatasetItem("b", null, null, List.of(
                new Bbox(0, -0.001, 123456.789, -0.001 + 0.005, 123456.789 + 1e-7, 0, -1, 1_000_000, Attributes.empty(), null))))), dir);
        assertTrue(read(dir.resolve("default.xml")).contains(
                "xtl=\"-0.00\" ytl=\"123456.79\" xbr=\"0.00\" ybr=\"123456.79\" z_order=\"1000000\" group_id=\"-1\">"));
    }

    @Test
    void refusesAFlagThatIsNotANumber() {
        DatasetSource source = Datasets.of(labels("a"), List.of(new DatasetItem("it", null, null,
                List.of(Bbox.ofXywh(0, 0, 0, 1, 1, attrs("occluded", "yes"))))));
        DatasetException e = assertThrows(DatasetException.class, () -> export(source, dir));
        assertEquals("Item 'it' of subset 'default': attribute 'occluded' of a bbox is yes, not a number", e.getMessage());
    }

    @Test
    void refusesALabelIndexOutsideTheCategories() {
        DatasetSource source = Datasets.of(labels("a"), List.of(new DatasetItem("it", null, null, List.of(new Label(3)))));
        DatasetException e = assertThrows(DatasetException.class, () -> export(source, dir));
        assertTrue(e.getMessage().contains("has label index 3, but the dataset has 1 labels"), e.getMessage());
    }

    @Test
    void encodesMasksOverTheWholeFrame() throws IOException {
        byte[] ones = new byte[12];
        java.util.Arrays.fill(ones, (byte) 255);
        byte[] lastSet = new byte[4];
        lastSet[3] = 1;
        export(Datasets.of(labels("a"), List.of(new DatasetItem("m", null, null, List.of(
                new Mask(0, MaskData.of(3, 4, ones), 0, 0, 0, Attributes.empty()),
                new Mask(0, MaskData.of(2, 2, lastSet), 0, 0, 0, Attributes.empty()),
                new Mask(0, new RleMask(4, 3, 1, 1, 2, 2, new int[] {0, 1, 0, 3}), 0, 0, 0, Attributes.empty()))))), dir);
        String xml = read(dir.resolve("default.xml"));
        assertTrue(xml.contains("rle=\"0, 12\" left=\"0\" top=\"0\" width=\"3\" height=\"4\""), xml);
        assertTrue(xml.contains("rle=\"3, 1\" left=\"0\" top=\"0\" width=\"2\" height=\"2\""), xml);
        assertTrue(xml.contains("rle=\"5, 2, 2, 2, 1\" left=\"0\" top=\"0\" width=\"4\" height=\"3\""), xml);
    }
}
