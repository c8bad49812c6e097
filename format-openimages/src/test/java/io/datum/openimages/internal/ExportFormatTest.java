package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.Categories;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.NormalizedBox;
import io.datum.model.Points;
import io.datum.model.Polygon;
import io.datum.openimages.internal.write.OpenImagesExporter;
import io.datum.openimages.internal.write.OpenImagesWriter;
import io.datum.spi.CollectingJobContext;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.JobContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The files the exporter writes: their names, the order of their rows and the spelling of their cells. */
class ExportFormatTest {
    @TempDir
    Path temp;

    private Path export(Categories categories, List<DatasetItem> items, String... options) throws IOException {
        Path out = temp.resolve("out");
        Fixtures.export(Datasets.of(categories, items), out, options);
        return out;
    }

    private static String csv(Path out, String name) {
        return Fixtures.read(out.resolve("annotations").resolve(name));
    }

    /** An image of known size without a file. */
    private static Image sized(int width, int height) {
        return Image.withoutFile(".jpg", new ImageSize(width, height));
    }

    @ParameterizedTest
    @CsvSource({
        "0.2, 0.2", "1e-05, 1e-05", "0.0001, 0.0001", "2.5e-05, 2.5e-05", "0.000123, 0.000123",
        "0.30000000000000004, 0.30000000000000004", "1, 1.0", "100, 100.0", "0, 0.0", "-0.5, -0.5",
        "1e16, 1e+16", "9999999999999998, 9999999999999998.0", "123456789012345678, 1.2345678901234568e+17",
        "1e22, 1e+22", "5e-324, 5e-324", "0.1234567890123, 0.1234567890123",
    })
    void spellsCoordinatesAsPythonRepr(double value, String spelled) throws IOException {
        Path out = export(Fixtures.labels("l"), List.of(new DatasetItem("i", "s", sized(1, 1), List.of(
                new Bbox(0, value, 0, 1, 1, 0, 0, 0, Attributes.empty(), null)))));
        assertEquals("i,,l,1," + spelled + ",1.0,0.0,1.0,-1,-1,-1,-1,-1\r\n",
                csv(out, "s-annotations-bbox.csv").lines().skip(1).findFirst().orElseThrow() + "\r\n");
    }

    @Test
    void writesTheReferenceFilesWithCrlfAndMinimalQuoting() throws IOException {
        Categories categories = Fixtures.labelsWithParents("a,\"b\"", "/m/1<a,\"b\"");
        Path out = export(categories, List.of(new DatasetItem("x", "train", null, List.of(
                new Label(0), new Label(1, Attributes.of("score", 0.25))))));
        assertEquals("\"a,\"\"b\"\"\",\"a,\"\"b\"\"\"\r\n/m/1,/m/1\r\n", csv(out, "class-descriptions.csv"));
        assertEquals("ImageID,Subset,OriginalURL,OriginalLandingURL,License,AuthorProfileURL,Author,Title,"
                + "OriginalSize,OriginalMD5,Thumbnail300KURL,Rotation\r\nx,train,,,,,,,,,,\r\n",
                csv(out, "train-images-with-rotation.csv"));
        assertEquals("ImageID,Source,LabelName,Confidence\r\nx,,\"a,\"\"b\"\"\",1\r\nx,,/m/1,0.25\r\n",
                csv(out, "train-annotations-human-imagelabels.csv"));
        assertFalse(Files.exists(out.resolve("annotations/train-annotations-bbox.csv")), "no empty annotation files");
        assertFalse(Files.exists(out.resolve("annotations/images.meta")));
        assertEquals("{\n    \"LabelName\": \"/m/0\",\n    \"Subcategory\": [\n        {\n"
                + "            \"LabelName\": \"a,\\\"b\\\"\",\n            \"Subcategory\": [\n"
                + "                {\n                    \"LabelName\": \"/m/1\"\n                }\n"
                + "            ]\n        }\n    ]\n}\n", csv(out, "bbox_labels_600_hierarchy.json"));
    }

    @Test
    void rootsTheHierarchyAtTheFirstFreeOidNameAndLosesOrphansWithoutChildren() throws IOException {
        Path out = export(Fixtures.labelsWithParents("/m/0", "/m/1</m/0", "/m/2", "lost<not a label", "ünï"),
                List.of());
        assertEquals("{\n    \"LabelName\": \"/m/3\",\n    \"Subcategory\": [\n        {\n"
                + "            \"LabelName\": \"/m/0\",\n            \"Subcategory\": [\n                {\n"
                + "                    \"LabelName\": \"/m/1\"\n                }\n            ]\n        }\n"
                + "    ]\n}\n", csv(out, "bbox_labels_600_hierarchy.json"));
    }

    @Test
    void writesAnEmptyDataset() throws IOException {
        Path out = export(Fixtures.labels(), List.of(), "--save-dataset-meta");
        assertEquals("", csv(out, "class-descriptions.csv"));
        assertEquals("{\n    \"LabelName\": \"/m/0\",\n    \"Subcategory\": []\n}\n", csv(out, "bbox_labels_600_hierarchy.json"));
        assertEquals("{\n  \"labels\": []\n}", Fixtures.read(out.resolve("dataset_meta.json")));
        try (var files = Files.list(out.resolve("annotations"))) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void spellsConfidenceAndFlagsAsTheReference() throws IOException {
        Path out = export(Fixtures.labels("l"), List.of(new DatasetItem("i", "s", sized(10, 10), List.of(
                Bbox.ofXywh(0, 1, 1, 1, 1, Attributes.empty()),
                Bbox.ofXywh(0, 1, 1, 1, 1, Attributes.of("score", 1L, "occluded", true, "truncated", false,
                        "is_group_of", 1.7, "is_depiction", 2L, "is_inside", "1")),
                Bbox.ofXywh(0, 1, 1, 1, 1, Attributes.of("score", 1.0)),
                Bbox.ofXywh(0, 1, 1, 1, 1, Attributes.of("score", "0.5"))))));
        List<String> rows = csv(out, "s-annotations-bbox.csv").lines().skip(1).toList();
        assertEquals(List.of("i,,l,1,0.1,0.2,0.1,0.2,-1,-1,-1,-1,-1", "i,,l,1,0.1,0.2,0.1,0.2,1,0,1,2,1",
                "i,,l,1.0,0.1,0.2,0.1,0.2,-1,-1,-1,-1,-1", "i,,l,0.5,0.1,0.2,0.1,0.2,-1,-1,-1,-1,-1"), rows);
        DatasetException e = assertThrows(DatasetException.class, () -> export(Fixtures.labels("l"), List.of(
                new DatasetItem("i", "s", sized(10, 10), List.of(Bbox.ofXywh(0, 1, 1, 1, 1,
                        Attributes.of("occluded", "maybe")))))));
        assertEquals("item 'i': box attribute 'occluded' = maybe is not an integer, a boolean or yes/no", e.getMessage());
    }

    @Test
    void writesYesNoAndTrueFalseTextFlagsAsOneAndZero() throws IOException {
        Path out = export(Fixtures.labels("l"), List.of(new DatasetItem("i", "s", sized(10, 10), List.of(
                Bbox.ofXywh(0, 1, 1, 1, 1, Attributes.of("occluded", "yes", "truncated", "No",
                        "is_group_of", "TRUE", "is_depiction", "false", "is_inside", "nO"))))));
        List<String> rows = csv(out, "s-annotations-bbox.csv").lines().skip(1).toList();
        assertEquals(List.of("i,,l,1,0.1,0.2,0.1,0.2,1,0,1,0,0"), rows);
    }

    @Test
    void writesImagesMetaForSizedItemsOnlyLastSizeWins() throws IOException {
        Path out = export(Fixtures.labels("l"), List.of(
                new DatasetItem("x y/Z 1", "a", sized(7, 3), List.of(Bbox.ofXywh(0, 0, 0, 1, 1, Attributes.empty()))),
                new DatasetItem("i,\"d\"", "a", sized(2, 2), List.of(Bbox.ofXywh(0, 0, 0, 1, 1, Attributes.empty()))),
                new DatasetItem("labels-only", "a", sized(5, 5), List.of(new Label(0))),
                new DatasetItem("x y/Z 1", "b", sized(9, 4), List.of(Bbox.ofXywh(0, 0, 0, 1, 1, Attributes.empty())))));
        assertEquals("# <image name> <height> <width>\n\n'x y/Z 1' 4 9\n'i,\"d\"' 2 2\n", csv(out, "images.meta"));
    }

    @Test
    void keepsTheNumbersReadAndBoxesSizedOnlyByImagesMeta() throws IOException {
        // an item without image file whose box came from Open Images with images.meta (docs/differences.md, D1, D2)
        NormalizedBox source = new NormalizedBox(0.123456789, 0.987654321, 0.25, 0.75, new ImageSize(6, 4));
        Bbox box = new Bbox(0, 0.123456789 * 6, 0.25 * 4, 0.987654321 * 6, 0.75 * 4, 0, 1, 0, Attributes.empty(), source);
        Path out = export(Fixtures.labels("l"), List.of(new DatasetItem("i", "s", null, List.of(box))));
        assertEquals("i,,l,1,0.123456789,0.987654321,0.25,0.75,-1,-1,-1,-1,-1",
                csv(out, "s-annotations-bbox.csv").lines().skip(1).findFirst().orElseThrow());
        assertEquals("# <image name> <height> <width>\n\ni 4 6\n", csv(out, "images.meta"));
    }

    @Test
    void skipsBoxesWithoutSizeWithOneWarning() throws IOException {
        CollectingJobContext context = JobContext.collecting();
        Fixtures.export(Datasets.of(Fixtures.labels("l"), List.of(new DatasetItem("i", "s", null, List.of(
                Bbox.ofXywh(0, 0, 0, 1, 1, Attributes.empty()), Bbox.ofXywh(0, 0, 0, 2, 2, Attributes.empty()),
                new Polygon(0, Coords.of(0, 0, 1, 0, 1, 1), 0, 0, 0, Attributes.empty()),
                new Points(0, Coords.of(0, 0), 0, 0, 0, Attributes.empty()),
                new Polygon(0, Coords.of(0, 0, 2, 0, 2, 2), 0, 0, 0, Attributes.empty()),
                new Caption("c", 0, 0, Attributes.empty()))))), temp.resolve("out"), context);
        assertEquals(Map.of(OpenImagesWriter.WARN_BOX_WITHOUT_SIZE, Map.of("", 2L),
                OpenImagesWriter.WARN_DROPPED_TYPE, Map.of("polygon", 2L, "points", 1L, "caption", 1L)),
                context.warningKinds());
        assertFalse(Files.exists(temp.resolve("out/annotations/s-annotations-bbox.csv")));
        assertFalse(Files.exists(temp.resolve("out/annotations/images.meta")));
    }

    @Test
    void generatesBoxIdsAndSlugMaskPaths() throws IOException {
        byte[] pixels = {0, 1, 1, 0, 0, 1};
        List<Annotation> masks = new ArrayList<>();
        masks.add(new Mask(0, MaskData.of(3, 2, pixels), 0, 0, 0, Attributes.empty()));
        masks.add(new Mask(0, MaskData.of(3, 2, pixels), 0, 0, 0, Attributes.of("box_id", "00000000", "predicted_iou", 0.5)));
        masks.add(new Mask(0, MaskData.of(3, 2, pixels), 0, 0, 0, Attributes.empty()));
        Path out = export(Fixtures.labels("Cat Dog"), List.of(new DatasetItem("x y/Z 1", "s", null, masks)));
        assertEquals(List.of("x-yz-1_cat-dog_00000001.png,x y/Z 1,Cat Dog,00000001,,,,,,",
                "x-yz-1_cat-dog_00000000.png,x y/Z 1,Cat Dog,00000000,,,,,0.5,",
                "x-yz-1_cat-dog_00000002.png,x y/Z 1,Cat Dog,00000002,,,,,,"),
                csv(out, "s-annotations-object-segmentation.csv").lines().skip(1).toList());
        BufferedImage png = ImageIO.read(out.resolve("masks/s/x-yz-1_cat-dog_00000001.png").toFile());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, png.getType());
        int[] values = png.getRaster().getPixels(0, 0, 3, 2, (int[]) null);
        assertEquals(List.of(0, 1, 1, 0, 0, 1), java.util.Arrays.stream(values).boxed().toList(), "0/1, not 0/255");
    }

    @Test
    void groupsInstancesAndGivesMasksTheirBoxCoordinates() throws IOException {
        byte[] pixels = new byte[100];
        Path out = export(Fixtures.labels("a", "b"), List.of(new DatasetItem("i", "s", sized(10, 10), List.of(
                new Label(1, 0, 2, Attributes.empty()),
                new Mask(0, MaskData.of(10, 10, pixels), 0, 2, 0, Attributes.empty()),
                Bbox.ofXywh(0, 1, 2, 3, 4, Attributes.empty()).withGroup(2),
                new Label(0)))));
        assertEquals(List.of("i,,a,1", "i,,b,1"), csv(out, "s-annotations-human-imagelabels.csv").lines().skip(1).toList(),
                "group 0 first");
        assertEquals(List.of("i_a_00000000.png,i,a,00000000,0.1,0.4,0.2,0.6,,"),
                csv(out, "s-annotations-object-segmentation.csv").lines().skip(1).toList());
    }

    @Test
    void streamsInterleavedSubsetsIntoTheirOwnFiles() throws IOException {
        Path out = export(Fixtures.labels("l"), List.of(
                new DatasetItem("1", "train", null, List.of(new Label(0))),
                new DatasetItem("2", "test", null, List.of()),
                new DatasetItem("3", "train", null, List.of(new Label(0)))));
        assertEquals(List.of("1,train,,,,,,,,,,", "3,train,,,,,,,,,,"),
                csv(out, "train-images-with-rotation.csv").lines().skip(1).toList());
        assertEquals(List.of("1,,l,1", "3,,l,1"), csv(out, "train-annotations-human-imagelabels.csv").lines().skip(1).toList());
        assertEquals(List.of("2,test,,,,,,,,,,"), csv(out, "test-images-with-rotation.csv").lines().skip(1).toList());
        try (var files = Files.list(out.resolve("annotations"))) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    @Test
    void reencodesForAnotherExtensionAndCopiesOtherwise() throws IOException {
        Path jpg = Fixtures.image(temp.resolve("media/a.jpg"), 4, 3, 10);
        List<DatasetItem> items = List.of(new DatasetItem("a", "s", Image.ofFile(jpg, null), List.of()));
        Path out = export(Fixtures.labels(), items, "--save-media", "--image-ext", "png");
        BufferedImage png = ImageIO.read(out.resolve("images/s/a.png").toFile());
        assertEquals(4, png.getWidth());
        assertEquals(3, png.getHeight());
        Path copied = temp.resolve("copied");
        Fixtures.export(Datasets.of(Fixtures.labels(), items), copied, "--save_media", "--image_ext=.jpeg");
        assertEquals(-1, Files.mismatch(jpg, copied.resolve("images/s/a.jpeg")), "same encoding: bytes copied");
    }

    @Test
    void refusesBadOptionsAndUnsafeNames() {
        DatasetException both = assertThrows(DatasetException.class,
                () -> export(Fixtures.labels(), List.of(), "--save-media", "--save-images"));
        assertEquals("Can't use both 'save-media' and 'save-images'", both.getMessage());
        DatasetException subset = assertThrows(DatasetException.class, () -> export(Fixtures.labels(), List.of(
                new DatasetItem("a", "..", null, List.of()))));
        assertEquals("item 'a' has an unsupported subset name '..'", subset.getMessage());
        Path jpg = Fixtures.image(temp.resolve("media/a.jpg"), 1, 1, 0);
        DatasetException id = assertThrows(DatasetException.class, () -> export(Fixtures.labels(), List.of(
                new DatasetItem("../../escape", "s", Image.ofFile(jpg, null), List.of())), "--save-media"));
        assertTrue(id.getMessage().startsWith("item id '../../escape' can't name an image file"), id.getMessage());
        assertFalse(Files.exists(temp.resolve("escape.jpg")));
        DatasetException label = assertThrows(DatasetException.class, () -> export(Fixtures.labels("l"), List.of(
                new DatasetItem("a", "s", null, List.of(new Label(3))))));
        assertEquals("item 'a' has an annotation with label index 3, but the dataset has 1 labels", label.getMessage());
    }

    @Test
    void leavesNoTemporaryFilesWhenItFails() throws IOException {
        Path out = temp.resolve("out");
        assertThrows(DatasetException.class, () -> Fixtures.export(Datasets.of(Fixtures.labels("l"), List.of(
                new DatasetItem("a", "s", null, List.of(new Label(0))),
                new DatasetItem("b", "s", null, List.of(new Label(5))))), out));
        try (var files = Files.list(out.resolve("annotations"))) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    @Test
    void declaresTheReferenceOptions() {
        String help = new OpenImagesExporter().options().help();
        assertTrue(help.startsWith("usage: open_images [-h] [--save-images] [--save-media] [--image-ext IMAGE_EXT]"), help);
        assertTrue(help.contains("--save-dataset-meta"), help);
    }
}
