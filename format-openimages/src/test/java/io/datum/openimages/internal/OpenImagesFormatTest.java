package io.datum.openimages.internal;

import static io.datum.openimages.internal.DatasetAssert.assertSameDataset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.openimages.internal.detect.OpenImagesDetector;
import io.datum.spi.Confidence;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.Detection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference's ten Open Images test scenarios, on fixtures the tests write themselves. */
class OpenImagesFormatTest {
    @TempDir
    Path temp;

    private static Bbox box(int label, double x, double y, double w, double h, long group, Attributes attributes) {
        return Bbox.ofXywh(label, x, y, w, h, attributes).withGroup(group);
    }

    private static Mask mask(int label, long group, int width, int height, byte[] pixels, Attributes attributes) {
        return new Mask(label, MaskData.of(width, height, pixels), 0, group, 0, attributes);
    }

    private static byte[] ones(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 1);
        return b;
    }

    private static byte[] eye(int n) {
        byte[] b = new byte[n * n];
        for (int i = 0; i < n; i++) {
            b[i * n + i] = 1;
        }
        return b;
    }

    private Image jpg(String name, int width, int height) {
        return Image.ofFile(Fixtures.image(temp.resolve("media").resolve(name), width, height, 0), null);
    }

    @Test
    void canSaveAndLoad() throws IOException {
        Attributes flags = Attributes.of("score", 0.7, "occluded", true, "truncated", false, "is_group_of", true,
                "is_depiction", false, "is_inside", false);
        Categories categories = Fixtures.labelsWithParents("/m/0", "/m/1</m/0", "/m/2");
        Image b = jpg("b.jpg", 8, 8);
        DatasetSource source = Datasets.of(categories, List.of(
                new DatasetItem("a", "train", null, List.of(new Label(0, Attributes.of("score", 0.7)))),
                new DatasetItem("b", "train", b, List.of(
                        new Label(1),
                        new Label(2, Attributes.of("score", 0L)),
                        box(0, 4, 3, 2, 3, 0, Attributes.empty()),
                        box(1, 2, 3, 6, 1, 1, flags),
                        mask(0, 0, 8, 8, eye(8), Attributes.empty()),
                        mask(1, 1, 8, 8, ones(64), Attributes.of("box_id", "00000000", "predicted_iou", 0.75))))));
        DatasetSource expected = Datasets.of(categories, List.of(
                new DatasetItem("a", "train", null, List.of(new Label(0, Attributes.of("score", 0.7)))),
                new DatasetItem("b", "train", b, List.of(
                        // no score reads back as 1; boxes are renumbered 1, 2 ...
                        new Label(1, Attributes.of("score", 1L)),
                        new Label(2, Attributes.of("score", 0L)),
                        box(0, 4, 3, 2, 3, 1, Attributes.of("score", 1L)),
                        box(1, 2, 3, 6, 1, 2, flags),
                        // a generated box id, skipping the one in use; the mask joins its box's group
                        mask(0, 0, 8, 8, eye(8), Attributes.of("box_id", "00000001")),
                        mask(1, 2, 8, 8, ones(64), Attributes.of("box_id", "00000000", "predicted_iou", 0.75))))));
        Path out = temp.resolve("out");
        Fixtures.export(source, out, "--save-media");
        try (DatasetSource parsed = Fixtures.importFrom(out)) {
            assertSameDataset(expected, parsed, true);
        }
    }

    @Test
    void canSaveAndLoadWithNoSubsets() throws IOException {
        DatasetSource source = Datasets.of(Fixtures.labels("/m/0"), List.of(
                new DatasetItem("a", null, null, List.of(new Label(0, Attributes.of("score", 0.7))))));
        Path out = temp.resolve("out");
        Fixtures.export(source, out, "--save-media");
        assertTrue(Files.isRegularFile(out.resolve("annotations/default-images-with-rotation.csv")));
        try (DatasetSource parsed = Fixtures.importFrom(out)) {
            assertSameDataset(source, parsed, false);
        }
    }

    @Test
    void canSaveAndLoadImageWithArbitraryExtension() throws IOException {
        Path media = temp.resolve("media");
        DatasetSource source = Datasets.of(Fixtures.labels(), List.of(
                new DatasetItem("a/1", null, Image.ofFile(Fixtures.image(media.resolve("a/1.JPEG"), 3, 4, 0), null), List.of()),
                new DatasetItem("b/c/d/2", null, Image.ofFile(Fixtures.image(media.resolve("b/c/d/2.bmp"), 4, 3, 0), null),
                        List.of())));
        Path out = temp.resolve("out");
        Fixtures.export(source, out, "--save-media");
        assertTrue(Files.isRegularFile(out.resolve("images/default/a/1.JPEG")));
        assertTrue(Files.isRegularFile(out.resolve("images/default/b/c/d/2.bmp")));
        assertEquals(-1, Files.mismatch(media.resolve("b/c/d/2.bmp"), out.resolve("images/default/b/c/d/2.bmp")),
                "same extension: a byte copy");
        try (DatasetSource parsed = Fixtures.importFrom(out)) {
            assertSameDataset(source, parsed, true);
        }
    }

    @Test
    void inPlaceSaveWritesOnlyUpdatedData() throws IOException {
        Categories categories = Fixtures.labels("/m/0", "/m/1", "/m/2", "/m/3");
        Attributes score = Attributes.of("score", 1L);
        DatasetItem a = new DatasetItem("a", "modified", jpg("a.jpg", 1, 2), List.of(
                new Label(0, score), Bbox.ofXywh(0, 0, 0, 1, 2, Attributes.empty()),
                mask(0, 0, 1, 2, ones(2), Attributes.empty())));
        DatasetItem b = new DatasetItem("b", "modified", jpg("b.jpg", 1, 2), List.of(new Label(1, score)));
        DatasetItem c = new DatasetItem("c", "removed", jpg("c.jpg", 2, 3), List.of(new Label(2, score)));
        DatasetItem d = new DatasetItem("d", "unmodified", jpg("d.jpg", 3, 4), List.of(new Label(3, score)));
        Path path = temp.resolve("dataset");
        Fixtures.export(Datasets.of(categories, List.of(a, b, c, d)), path, "--save-media");
        assertTrue(Files.isRegularFile(path.resolve("annotations/modified-annotations-bbox.csv")));

        DatasetItem e = new DatasetItem("e", "new", jpg("e.jpg", 4, 5), List.of(new Label(1, score)));
        DatasetSource updated = Datasets.of(categories,
                List.of(a.withAnnotations(a.annotations().subList(0, 1)), b, d, e));
        Fixtures.export(updated, path, "--save-media", "--in-place");

        assertEquals(Set.of("bbox_labels_600_hierarchy.json", "class-descriptions.csv",
                        "modified-annotations-human-imagelabels.csv", "modified-images-with-rotation.csv",
                        "new-annotations-human-imagelabels.csv", "new-images-with-rotation.csv",
                        "unmodified-annotations-human-imagelabels.csv", "unmodified-images-with-rotation.csv"),
                fileNames(path.resolve("annotations")));
        try (Stream<Path> files = Files.walk(path.resolve("images"))) {
            assertEquals(Set.of("a.jpg", "b.jpg", "d.jpg", "e.jpg"), files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        try (Stream<Path> files = Files.list(path)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".datum")), "no staging left");
        }
        try (DatasetSource parsed = Fixtures.importFrom(path)) {
            assertSameDataset(updated, parsed, true);
        }
    }

    private static Set<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private DatasetSource boxAndMaskDataset() {
        return Datasets.of(Fixtures.labels("label_0", "label_1"), List.of(
                new DatasetItem("a", null, Image.ofFile(Fixtures.image(temp.resolve("media/a.png"), 5, 5, 1), null), List.of(
                        box(0, 1, 2, 3, 4, 1, Attributes.of("score", 1.0)),
                        mask(1, 0, 5, 5, ones(25), Attributes.of("box_id", "00000000"))))));
    }

    @Test
    void canSaveAndLoadWithoutSavingImages() throws IOException {
        DatasetSource dataset = boxAndMaskDataset();
        Path out = temp.resolve("out");
        Fixtures.export(dataset, out);
        assertFalse(Files.exists(out.resolve("images")));
        try (DatasetSource parsed = Fixtures.importFrom(out)) {
            // sizes come from images.meta
            assertSameDataset(dataset, parsed, false);
        }
    }

    @Test
    void canSaveAndLoadWithMetaFile() throws IOException {
        DatasetSource dataset = boxAndMaskDataset();
        Path out = temp.resolve("out");
        Fixtures.export(dataset, out, "--save-media", "--save-dataset-meta");
        assertTrue(Files.isRegularFile(out.resolve("dataset_meta.json")));
        try (DatasetSource parsed = Fixtures.importFrom(out)) {
            assertSameDataset(dataset, parsed, true);
        }
    }

    @Test
    void readsBoxFilesWithoutConfidenceSourceOrFlagColumnsAndKeepsSizesFromImagesMeta() throws IOException {
        // a box file cut down by a training tool: no Source, Confidence or Is* columns, an index column
        // and an extra one; no image files, sizes from images.meta only (docs/differences.md, D21, D23)
        Path root = temp.resolve("cut");
        Path annotations = Files.createDirectories(root.resolve("annotations"));
        Files.writeString(annotations.resolve("class-descriptions.csv"), "/m/0,Cone\n");
        Files.writeString(annotations.resolve("images.meta"), "a 40 20\n");
        Files.writeString(annotations.resolve("test-annotations-bbox.csv"),
                ",ImageID,LabelName,XMin,XMax,YMin,YMax,ClassName\n0,a,/m/0,0.25,0.5,0.125,1,cone\n");
        try (DatasetSource parsed = Fixtures.importFrom(root)) {
            List<DatasetItem> items = Fixtures.items(parsed);
            assertEquals(1, items.size());
            DatasetItem a = items.get(0);
            assertEquals(new ImageSize(20, 40), a.image().size().orElseThrow(), "the size from images.meta is kept");
            assertFalse(a.image().hasData());
            Bbox box = (Bbox) a.annotations().get(0);
            assertEquals(Attributes.empty(), box.attributes(), "no score and no flags");
            assertEquals(5.0, box.x());
            assertEquals(5.0, box.y());
        }
    }

    @Test
    void canImportV6() throws IOException {
        Path root = Fixtures.v6Asset(temp.resolve("v6"));
        Categories categories = Fixtures.labelsWithParents("/m/0", "/m/1</m/0", "/m/2", "/m/3");
        List<DatasetItem> expected = v6Items(root, true);
        try (DatasetSource parsed = Fixtures.importFrom(root)) {
            assertSameDataset(Datasets.of(categories, expected), parsed, true);
            List<String> order = new ArrayList<>();
            for (DatasetItem i : Fixtures.items(parsed)) {
                order.add(i.id());
            }
            assertEquals(List.of("a", "b", "c", "d"), order);
            DatasetItem b = Fixtures.items(parsed).get(1);
            assertEquals(new ImageSize(8, 2), b.image().declaredSize().orElseThrow(), "b's size from images.meta");
            Bbox box = (Bbox) b.annotations().get(1);
            assertEquals(0.2, box.source().xMin(), "the numbers read are kept");
        }
    }

    static List<DatasetItem> v6Items(Path root, boolean withD) {
        Attributes one = Attributes.of("score", 1L);
        List<DatasetItem> items = new ArrayList<>(List.of(
                new DatasetItem("a", "train", Image.ofFile(root.resolve("images/train/a.jpg"), new ImageSize(6, 8)),
                        List.of(new Label(0, one))),
                new DatasetItem("b", "train", Image.ofFile(root.resolve("images/train/b.jpg"), new ImageSize(8, 2)), List.<Annotation>of(
                        new Label(0, Attributes.of("score", 0L)),
                        new Bbox(0, 0.2 * 8, 0.3 * 2, 1.0 * 8, 0.5 * 2, 0, 1, 0, one, null),
                        mask(0, 1, 8, 2, new byte[] {1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0},
                                Attributes.of("box_id", "01234567", "predicted_iou", 0.5)))),
                new DatasetItem("c", "test", Image.ofFile(root.resolve("images/test/c.jpg"), new ImageSize(5, 10)), List.<Annotation>of(
                        new Label(1, one), new Label(3, one),
                        new Bbox(3, 0.7 * 5, 0, 0.8 * 5, 0.5 * 10, 0, 1, 0, Attributes.of("score", 0.7, "occluded", true,
                                "truncated", false, "is_group_of", true, "is_depiction", false, "is_inside", false), null)))));
        if (withD) {
            items.add(new DatasetItem("d", "validation", Image.ofFile(root.resolve("images/validation/d.png"),
                    new ImageSize(5, 1)), List.of()));
        }
        return items;
    }

    @Test
    void canImportV5() throws IOException {
        Path root = Fixtures.v5Asset(temp.resolve("v5"));
        DatasetSource expected = Datasets.of(Fixtures.labels("/m/0", "/m/1"), List.of(
                new DatasetItem("aa", "train", Image.ofFile(root.resolve("x.jpg"), new ImageSize(6, 8)), List.of()),
                new DatasetItem("cc", "test", Image.ofFile(root.resolve("y.jpg"), new ImageSize(5, 10)), List.of())));
        try (DatasetSource parsed = Fixtures.importFrom(root)) {
            assertSameDataset(expected, parsed, false);
            for (DatasetItem i : Fixtures.items(parsed)) {
                assertTrue(i.image().hasData(), i.id() + " has its image");
            }
            // *-images-with-rotation.csv files come before *-images-with-labels-with-rotation.csv ones
            assertEquals(List.of(new ImageSize(5, 10), new ImageSize(6, 8)), Fixtures.items(parsed).stream()
                    .map(i -> i.image().size().orElseThrow()).collect(Collectors.toList()));
        }
    }

    @Test
    void canImportWithoutImageIdsFile() throws IOException {
        Path root = Fixtures.v6Asset(temp.resolve("v6"));
        Files.delete(root.resolve("annotations/image_ids_and_rotation.csv"));
        Categories categories = Fixtures.labelsWithParents("/m/0", "/m/1</m/0", "/m/2", "/m/3");
        try (DatasetSource parsed = Fixtures.importFrom(root)) {
            // a and b take their subset from oidv6-train-..., c from test-...; d is unknown
            assertSameDataset(Datasets.of(categories, v6Items(root, false)), parsed, true);
        }
    }

    @Test
    void canDetect() throws IOException {
        OpenImagesDetector detector = new OpenImagesDetector();
        assertEquals(Confidence.MEDIUM, detector.detect(Fixtures.v6Asset(temp.resolve("v6"))).confidence());
        assertEquals(Confidence.MEDIUM, detector.detect(Fixtures.v5Asset(temp.resolve("v5"))).confidence());
        Path classesOnly = temp.resolve("classes-only");
        Fixtures.text(classesOnly.resolve("annotations/class-descriptions.csv"), "/m/0,x");
        Fixtures.text(classesOnly.resolve("images.meta"), "a 1 1");
        Detection rejected = detector.detect(classesOnly);
        assertFalse(rejected.matched());
        List<String> lines = rejected.message().lines().collect(Collectors.toList());
        assertEquals("None of the following requirements were met:", lines.get(0));
        assertEquals(13, lines.size());
        assertEquals("  dataset must contain a file matching pattern \"annotations/image_ids_and_rotation.csv\"", lines.get(1));
        assertEquals("  dataset must contain a file matching pattern \"*-annotations-object-segmentation.csv\"", lines.get(12));
    }
}
