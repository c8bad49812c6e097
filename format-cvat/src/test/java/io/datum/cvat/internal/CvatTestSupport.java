package io.datum.cvat.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.datum.cvat.internal.read.CvatFile;
import io.datum.cvat.internal.read.CvatImporter;
import io.datum.cvat.internal.write.CvatExporter;
import io.datum.model.Annotation;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Mask;
import io.datum.options.ParsedOptions;
import io.datum.spi.CollectingJobContext;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Fixtures and helpers shared by the CVAT tests: files written by the tests, whole-dataset reads, comparisons. */
public final class CvatTestSupport {
    private CvatTestSupport() {
    }

    /** A dataset read completely, with the warnings its import gave. */
    public record Loaded(Categories categories, List<DatasetItem> items, CollectingJobContext context) {
        public DatasetItem item(String subset, String id) {
            return items.stream().filter(i -> i.subset().equals(subset) && i.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no item " + subset + "/" + id + " in " + ids()));
        }

        public List<String> ids() {
            return items.stream().map(i -> i.subset() + "/" + i.id()).toList();
        }

        public List<String> labelNames() {
            return categories.labels().labels().stream().map(l -> l.name()).toList();
        }
    }

    public static Loaded load(Path path) throws IOException {
        return load(new CvatImporter(), path);
    }

    public static Loaded load(CvatImporter importer, Path path) throws IOException {
        CollectingJobContext context = JobContext.collecting();
        try (DatasetSource source = importer.open(path, ParsedOptions.none(), context)) {
            return new Loaded(source.categories(), readAll(source), context);
        }
    }

    public static List<DatasetItem> readAll(DatasetSource source) {
        List<DatasetItem> items = new ArrayList<>();
        try (ItemCursor cursor = source.items()) {
            while (cursor.hasNext()) {
                items.add(cursor.next());
            }
        }
        return items;
    }

    /** Exports with the exporter's own option parser, as the command line does. */
    public static CollectingJobContext export(DatasetSource source, Path out, String... options) throws IOException {
        CvatExporter exporter = new CvatExporter();
        CollectingJobContext context = JobContext.collecting();
        Files.createDirectories(out);
        exporter.export(source, out, exporter.options().parse(List.of(options)), context);
        return context;
    }

    public static Path write(Path root, String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** An image file of that size, encoded after its extension (jpg, png, bmp). */
    public static Path image(Path root, String relative, int width, int height) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.dispose();
            String ext = CvatFile.extension(relative).substring(1).toLowerCase(Locale.ROOT);
            if (!ImageIO.write(img, ext.equals("jpg") ? "jpeg" : ext, file.toFile())) {
                throw new IllegalArgumentException("no writer for " + ext);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Annotations equal one by one; masks by their pixels, since mask data has no equality of its own. */
    public static void assertSameAnnotations(List<Annotation> expected, List<Annotation> actual) {
        assertEquals(expected.size(), actual.size(), () -> "annotations: " + actual);
        for (int i = 0; i < expected.size(); i++) {
            Annotation e = expected.get(i);
            Annotation a = actual.get(i);
            if (e instanceof Mask em) {
                Mask am = assertInstanceOf(Mask.class, a);
                assertEquals(em.label(), am.label());
                assertEquals(em.group(), am.group());
                assertEquals(em.zOrder(), am.zOrder());
                assertEquals(em.attributes(), am.attributes());
                assertEquals(em.data().width(), am.data().width());
                assertEquals(em.data().height(), am.data().height());
                assertArrayEquals(binary(em.data().pixels()), binary(am.data().pixels()));
            } else {
                assertEquals(e, a, "annotation " + i);
            }
        }
    }

    private static byte[] binary(byte[] pixels) {
        byte[] b = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            b[i] = (byte) (pixels[i] != 0 ? 1 : 0);
        }
        return b;
    }

    // Datumaro's test assets (tests/assets/cvat_dataset), written out again by hand.

    public static final String TASK_XML = """
            <annotations>
              <version>1.1</version>
              <meta>
                <task>
                  <z_order>True</z_order>
                  <mode>annotation</mode>
                  <labels>
                    <label>
                      <name>label1</name>
                      <attributes>
                        <attribute><name>a1</name><input_type>checkbox</input_type><default_value>false</default_value><values>false
            true</values></attribute>
                        <attribute><name>a2</name><input_type>radio</input_type><default_value>v1</default_value><values>v1
            v2
            v3</values></attribute>
                        <attribute><name>a3</name><mutable>False</mutable><input_type>text</input_type><default_value>0000</default_value><values></values></attribute>
                        <attribute><name>a4</name><input_type>number</input_type><default_value>0</default_value><values>-5.6
            2.4
            0.1</values></attribute>
                      </attributes>
                    </label>
                    <label><name>label2</name></label>
                  </labels>
                </task>
              </meta>
              <image id="0" name="img0.jpg" width="8" height="8">
                <box label="label1" occluded="1" xtl="0" ytl="2" xbr="4" ybr="4" z_order="1">
                  <attribute name="a1">true</attribute>
                  <attribute name="a2">v3</attribute>
                  <attribute name="a3">0003</attribute>
                  <attribute name="a4">2.4</attribute>
                </box>
                <polyline label="" points="1.0,2;3,4;5,6;7,8"/>
              </image>
              <image id="1" name="img1.jpg" width="10" height="10">
                <polygon label="" points="1,2;3,4;6,5" z_order="1"/>
                <points label="label2" points="1,2;3,4;5,6" z_order="2"/>
              </image>
            </annotations>""";

    public static Path taskDataset(Path root) {
        write(root, "train.xml", TASK_XML);
        image(root, "images/img0.jpg", 8, 8);
        image(root, "images/img1.jpg", 10, 10);
        return root;
    }

    public static final String PROJECT_XML = """
            <?xml version="1.0" encoding="utf-8"?>
            <annotations>
              <version>1.1</version>
              <meta>
                <project>
                  <id>1</id>
                  <name>p</name>
                  <labels>
                    <label><name>label1</name><attributes>
                      <attribute><name>a1</name><mutable>False</mutable><input_type>checkbox</input_type><default_value>false</default_value><values>false
            true</values></attribute>
                      <attribute><name>a2</name><mutable>False</mutable><input_type>radio</input_type><default_value>v1</default_value><values>v1
            v2
            v3</values></attribute>
                      <attribute><name>a3</name><mutable>False</mutable><input_type>text</input_type><default_value>0000</default_value><values></values></attribute>
                      <attribute><name>a4</name><mutable>False</mutable><input_type>number</input_type><default_value>0</default_value><values>-5.6
            2.4
            0.1</values></attribute>
                    </attributes></label>
                    <label><name>label2</name><attributes></attributes></label>
                  </labels>
                  <tasks>
                    <task><id>39</id><name>Test</name><subset>Test</subset></task>
                    <task><id>40</id><name>train</name><subset>Train</subset></task>
                    <task><id>41</id><name>Validation</name><subset>Validation</subset></task>
                  </tasks>
                  <subsets>Train
            Test
            Validation</subsets>
                </project>
              </meta>
            %s</annotations>""".formatted(String.join("", List.of("Test", "Train", "Validation").stream().map(s -> """
              <image id="0" name="img0.jpg" subset="%1$s" task_id="39" width="8" height="8">
                <box label="label1" occluded="1" source="manual" xtl="0.00" ytl="2.00" xbr="4.00" ybr="4.00" z_order="1">
                  <attribute name="a1">true</attribute>
                  <attribute name="a2">v3</attribute>
                  <attribute name="a3">0003</attribute>
                  <attribute name="a4">2.4</attribute>
                </box>
                <polyline label="label2" occluded="0" source="manual" points="1.00,2.00;3.00,4.00;5.00,6.00;7.00,8.00" z_order="0">
                </polyline>
              </image>
              <image id="1" name="img1.jpg" subset="%1$s" task_id="39" width="10" height="10">
                <polygon label="label1" occluded="0" source="manual" points="1.00,2.00;3.00,4.00;6.00,5.00" z_order="1">
                </polygon>
                <points label="label2" occluded="0" source="manual" points="1.00,2.00;3.00,4.00;5.00,6.00" z_order="2">
                </points>
              </image>
            """.formatted(s)).toList()));

    public static Path projectDataset(Path root) {
        write(root, "annotations.xml", PROJECT_XML);
        for (String subset : List.of("Test", "Train", "Validation")) {
            image(root, "images/" + subset + "/img0.jpg", 8, 8);
            image(root, "images/" + subset + "/img1.jpg", 10, 10);
        }
        return root;
    }

    public static final String VIDEO_XML = """
            <?xml version="1.0" encoding="utf-8"?>
            <annotations>
              <version>1.1</version>
              <meta>
                <task>
                  <id>5</id>
                  <name>v1</name>
                  <size>4</size>
                  <mode>interpolation</mode>
                  <start_frame>10</start_frame>
                  <stop_frame>19</stop_frame>
                  <frame_filter>step=3</frame_filter>
                  <labels>
                    <label><name>klhg</name><attributes><attribute><name>hgl</name><mutable>True</mutable><input_type>select</input_type><default_value>jk</default_value><values>jk
            hgkf</values></attribute></attributes></label>
                    <label><name>z U k</name><attributes></attributes></label>
                    <label><name>II</name><attributes></attributes></label>
                  </labels>
                  <original_size><width>25</width><height>20</height></original_size>
                </task>
                <dumped>2020-04-23 09:05:02.335612+00:00</dumped>
              </meta>
              <track id="0" label="II">
                <box frame="10" outside="0" occluded="1" keyframe="1" xtl="3.00" ytl="4.00" xbr="10.00" ybr="5.00" z_order="0"/>
                <box frame="13" outside="1" occluded="0" keyframe="1" xtl="7.00" ytl="6.00" xbr="14.00" ybr="8.00" z_order="0"/>
                <box frame="16" outside="1" occluded="0" keyframe="1" xtl="8.00" ytl="7.00" xbr="14.00" ybr="17.00" z_order="0"/>
              </track>
              <track id="1" label="klhg">
                <points frame="10" outside="0" occluded="0" keyframe="1" points="21.95,8.00;2.55,15.09;2.23,3.16" z_order="0">
                  <attribute name="hgl">hgkf</attribute>
                </points>
                <points frame="13" outside="1" occluded="0" keyframe="1" points="21.95,8.00;9.55,15.09;5.23,1.16" z_order="0">
                  <attribute name="hgl">jk</attribute>
                </points>
              </track>
              <track id="2" label="II">
                <polyline frame="13" outside="0" occluded="0" keyframe="1" points="7.85,13.88;3.50,6.67;15.90,2.00;13.31,7.21" z_order="0"/>
                <polyline frame="16" outside="1" occluded="0" keyframe="1" points="7.85,13.88;3.50,6.67;15.90,2.00;13.31,7.21" z_order="0"/>
              </track>
            </annotations>""";

    public static Path videoDataset(Path root) {
        write(root, "annotations.xml", VIDEO_XML);
        for (String frame : List.of("frame_000010.png", "frame_000013.png", "frame_000016.png")) {
            image(root, "images/" + frame, 25, 20);
        }
        return root;
    }

    /** A minimal task file around a body, with labels {@code a} (attribute {@code n}: number) and {@code b}. */
    public static String task(String body) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <annotations>
                  <version>1.1</version>
                  <meta><task><labels>
                    <label><name>a</name><attributes><attribute><name>n</name><input_type>number</input_type></attribute></attributes></label>
                    <label><name>b</name></label>
                  </labels></task></meta>
                """ + body + "\n</annotations>";
    }
}
