package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.DatasetItem;
import io.datum.model.Mask;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.openimages.internal.read.OpenImagesImporter;
import io.datum.openimages.internal.read.OpenImagesSource;
import io.datum.options.ParsedOptions;
import io.datum.spi.CollectingJobContext;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every import failure is one message naming the file, the line and the value
 * (docs/differences.md, D12, S1, S3).
 */
class ImportErrorsTest {

    @TempDir
    Path temp;
    private int datasets;

    /** A dataset with one class file, one description file and the given extra annotation files. */
    private Path dataset(String... nameThenLines) {
        Path root = temp.resolve("ds" + datasets++);
        Path ann = root.resolve("annotations");
        Fixtures.text(ann.resolve("oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/a,A");
        Fixtures.text(ann.resolve("image_ids_and_rotation.csv"), "ImageID,Subset", "img1,train");
        Fixtures.text(ann.resolve("images.meta"), "img1 10 10");
        int start = 0;
        for (int i = 1; i <= nameThenLines.length; i++) {
            if (i == nameThenLines.length || nameThenLines[i].endsWith(".csv") || nameThenLines[i].endsWith(".json")
                    || nameThenLines[i].endsWith(".meta")) {
                String[] lines = java.util.Arrays.copyOfRange(nameThenLines, start + 1, i);
                Fixtures.text(ann.resolve(nameThenLines[start]), lines);
                start = i;
            }
        }
        if (Files.exists(ann.resolve("a-images-with-rotation.csv")) || Files.exists(ann.resolve("x-images-with-rotation.csv"))) {
            // per-subset description files are read only without the full one
            ann.resolve("image_ids_and_rotation.csv").toFile().delete();
        }
        return root;
    }

    private static String failure(Path root) {
        return failure(root, ParsedOptions.none());
    }

    private static String failure(Path root, ParsedOptions options) {
        return assertThrows(DatasetException.class, () -> {
            try (DatasetSource s = new OpenImagesImporter().open(root, options, JobContext.collecting())) {
                for (DatasetItem item : Fixtures.items(s)) {
                    item.annotations().stream().filter(a -> a instanceof Mask)
                            .forEach(a -> ((Mask) a).data().pixels());
                }
            }
        }).getMessage();
    }

    @Test
    void rejectsUnknownLabel() {
        assertEquals("oidv6-train-annotations-bbox.csv:3: unknown label '/m/zzz' (not in oidv6-class-descriptions.csv)",
                failure(dataset("oidv6-train-annotations-bbox.csv", Fixtures.BOX_HEADER,
                        "img1,x,/m/a,1,0.1,0.2,0.1,0.2,0,0,0,0,0", "img1,x,/m/zzz,1,0.1,0.2,0.1,0.2,0,0,0,0,0")));
    }

    @Test
    void rejectsBadNumbers() {
        assertEquals("train-annotations-human-imagelabels.csv:3: bad Confidence 'high' (not a number)",
                failure(dataset("train-annotations-human-imagelabels.csv", "ImageID,Source,LabelName,Confidence",
                        "img1,x,/m/a,1", "img1,x,/m/a,high")));
        assertEquals("train-annotations-bbox.csv:2: bad IsOccluded 'maybe' (not an integer)",
                failure(dataset("train-annotations-bbox.csv", Fixtures.BOX_HEADER, "img1,x,/m/a,1,0.1,0.2,0.1,0.2,maybe,0,0,0,0")));
        assertEquals("train-annotations-bbox.csv:2: bad XMax '' (not a number)",
                failure(dataset("train-annotations-bbox.csv", Fixtures.BOX_HEADER, "img1,x,/m/a,1,0.1,,0.1,0.2,0,0,0,0,0")));
    }

    @Test
    void rejectsMissingColumnsAndCells() {
        // only the id, label and coordinates are required of a box file (docs/differences.md, D23)
        assertEquals("train-annotations-bbox.csv:1: missing column 'XMax' in the header",
                failure(dataset("train-annotations-bbox.csv", Fixtures.BOX_HEADER.replace(",XMax", ""),
                        "img1,x,/m/a,1,0.1,0.1,0.2,0,0,0,0,0")));
        assertEquals("a-images-with-rotation.csv:2: missing Subset value",
                failure(dataset("a-images-with-rotation.csv", "ImageID,Subset", "img2")));
    }

    @Test
    void rejectsUnsafeNames() {
        assertEquals("train-annotations-object-segmentation.csv:2: item 'img1' has a mask with an unsafe path "
                        + "'../../../../etc/passwd'",
                failure(dataset("train-annotations-object-segmentation.csv", Fixtures.MASK_HEADER,
                        "../../../../etc/passwd,img1,/m/a,00000000,,,,,,")));
        assertEquals("train-annotations-object-segmentation.csv:2: item 'img1' has a mask with an unsafe box ID '..'",
                failure(dataset("train-annotations-object-segmentation.csv", Fixtures.MASK_HEADER, "m.png,img1,/m/a,..,,,,,,")));
        assertEquals("x-images-with-rotation.csv:2: item 'img2' has an unsupported subset name '..'",
                failure(dataset("x-images-with-rotation.csv", "ImageID,Subset", "img2,..")));
        assertEquals("train-annotations-human-imagelabels.csv:2: unsafe ImageID '../up' "
                        + "(empty, absolute, or with '..', '\\' or NUL)",
                failure(dataset("train-annotations-human-imagelabels.csv", "ImageID,Source,LabelName,Confidence",
                        "../up,x,/m/a,1")));
        assertEquals("x-annotations-human-imagelabels.csv:2: unsafe ImageID '/abs' "
                        + "(empty, absolute, or with '..', '\\' or NUL)",
                failure(dataset("x-annotations-human-imagelabels.csv", "ImageID,Source,LabelName,Confidence",
                        "/abs,x,/m/a,1")));
    }

    @Test
    void rejectsRepeatedItems() {
        Path root = dataset();
        Fixtures.text(root.resolve("annotations/image_ids_and_rotation.csv"), "ImageID,Subset", "img1,train",
                "img2,train", "img1,validation");
        assertEquals("image_ids_and_rotation.csv:4: item 'img1' is repeated (already listed in subset 'train')",
                failure(root));
    }

    @Test
    void needsClassDescriptions() throws IOException {
        Path root = dataset();
        Files.delete(root.resolve("annotations/oidv6-class-descriptions.csv"));
        String message = failure(root);
        assertTrue(message.startsWith("can't find a class description file: the annotation folder 'annotations' "
                + "contains none of oidv*-class-descriptions.csv"), message);
    }

    @Test
    void rejectsMalformedFiles() {
        assertEquals("bbox_labels_600_hierarchy.json:2:1: malformed JSON: the end of the file where a name in double "
                + "quotes was expected", failure(dataset("bbox_labels_600_hierarchy.json", "{\"LabelName\": \"/m/a\",")));
        assertEquals("bbox_labels_600_hierarchy.json:1:1: a hierarchy node has no 'LabelName'",
                failure(dataset("bbox_labels_600_hierarchy.json", "{\"Subcategory\": []}")));
        assertEquals("images.meta:2: bad height 'tall' (not an integer)",
                failure(dataset("images.meta", "# sizes", "img1 tall 3")));
        assertEquals("images.meta:1: No closing quotation", failure(dataset("images.meta", "'img1 3 3")));
        assertEquals("train-annotations-human-imagelabels.csv:3: malformed CSV: Invalid character between "
                        + "encapsulated token and delimiter",
                failure(dataset("train-annotations-human-imagelabels.csv", "ImageID,Source,LabelName,Confidence",
                        "img1,s,/m/a,1", "\"img1\"x,s,/m/a,1")));
    }

    @Test
    void rejectsTextThatIsNotUtf8() throws IOException {
        Path root = dataset();
        Files.write(root.resolve("annotations/train-annotations-human-imagelabels.csv"),
                "ImageID,Source,LabelName,Confidence\nimg1,x,/m/a,1\n\u00ff\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("train-annotations-human-imagelabels.csv:3: not valid UTF-8 text", failure(root));
    }

    @Test
    void refusesRecordsThatNeverEnd() {
        Path root = dataset();
        StringBuilder sb = new StringBuilder("ImageID,Source,LabelName,Confidence\nimg1,\"");
        sb.append("x\n".repeat(CsvTable.MAX_RECORD_CHARS / 2 + 10));
        Fixtures.text(root.resolve("annotations/train-annotations-human-imagelabels.csv"), sb.toString());
        String message = failure(root);
        assertTrue(message.startsWith("train-annotations-human-imagelabels.csv:") && message.contains("unclosed quote"),
                message);
    }

    @Test
    void ignoresAByteOrderMark() throws IOException {
        Path root = dataset();
        Files.writeString(root.resolve("annotations/train-annotations-human-imagelabels.csv"),
                "\uFEFFImageID,Source,LabelName,Confidence\r\nimg1,x,/m/a,1\r\n", StandardCharsets.UTF_8);
        try (DatasetSource s = Fixtures.importFrom(root)) {
            assertEquals(1, Fixtures.items(s).get(0).annotations().size());
        }
    }

    @Test
    void limitsDecodedMaskPixels() {
        Path root = dataset("train-annotations-object-segmentation.csv", Fixtures.MASK_HEADER, "m.png,img1,/m/a,0,,,,,,");
        Fixtures.greyPng(root.resolve("masks/train/m.png"), 2, 2, 0, 1, 1, 0);
        assertEquals("masks/train/m.png: mask too large: the image size 10x10 is 100 pixels, more than the limit "
                        + "of 50 (raise it with datum.openimages.maxMaskPixels or --max-mask-pixels)",
                failure(root, new OpenImagesImporter().options().parse(List.of("--max-mask-pixels", "50"))));
    }

    @Test
    void aMaskWhosePngIsMissingIsSkippedWithOneWarningPerFolder() throws IOException {
        Path root = dataset("train-annotations-object-segmentation.csv", Fixtures.MASK_HEADER, "gone.png,img1,/m/a,0,,,,,,",
                "kept.png,img1,/m/a,1,,,,,,", "gone2.png,img1,/m/a,2,,,,,,");
        Fixtures.greyPng(root.resolve("masks/train/kept.png"), 2, 2, 0, 1, 1, 0);
        CollectingJobContext context = JobContext.collecting();
        try (DatasetSource s = Fixtures.importFrom(root, context)) {
            Fixtures.items(s);
            List<DatasetItem> items = Fixtures.items(s);
            assertEquals(1, items.get(0).annotations().size());
            Mask kept = (Mask) items.get(0).annotations().get(0);
            assertEquals("1", kept.attributes().get(OpenImagesPaths.BOX_ID_ATTRIBUTE));
            assertEquals(100, kept.data().pixels().length);
        }
        // counted once per mask, however many passes
        assertEquals(Map.of("masks/train/", 2L), context.warningKinds().get(OpenImagesSource.WARN_MASK_WITHOUT_FILE));
    }

    @Test
    void aMaskFileThatGoesAwayAfterTheImportFailsWhenItsPixelsAreRead() throws IOException {
        Path root = dataset("train-annotations-object-segmentation.csv", Fixtures.MASK_HEADER, "gone.png,img1,/m/a,0,,,,,,");
        Path mask = Fixtures.greyPng(root.resolve("masks/train/gone.png"), 2, 2, 0, 1, 1, 0);
        try (DatasetSource s = Fixtures.importFrom(root)) {
            Mask m = (Mask) Fixtures.items(s).get(0).annotations().get(0);
            Files.delete(mask);
            DatasetException e = assertThrows(DatasetException.class, () -> m.data().pixels());
            assertEquals("masks/train/gone.png: mask file not found", e.getMessage());
        }
    }

    @Test
    void warnsOncePerKindOfProblem() throws IOException {
        Path root = dataset("train-annotations-bbox.csv", Fixtures.BOX_HEADER,
                "img2,x,/m/a,1,0.1,0.2,0.1,0.2,0,0,0,0,0", "img3,x,/m/a,1,0.1,0.2,0.1,0.2,0,0,0,0,0",
                "img3,x,/m/a,1,0.1,0.2,0.1,0.2,0,0,0,0,0", "img1,x,/m/a,1,0.1,0.2,0.1,0.2,0,0,0,0,0");
        CollectingJobContext context = JobContext.collecting();
        try (DatasetSource s = Fixtures.importFrom(root, context)) {
            List<DatasetItem> items = Fixtures.items(s);
            Fixtures.items(s);
            assertEquals(List.of("img1", "img2", "img3"), items.stream().map(DatasetItem::id).toList());
            assertEquals(1, items.get(0).annotations().size(), "img1's size is in images.meta");
            assertNull(items.get(1).image());
            assertEquals(0, items.get(2).annotations().size());
        }
        // counted once per item, however many passes
        assertEquals(Map.of(OpenImagesSource.WARN_NO_IMAGE, 3L, OpenImagesSource.WARN_BOX_WITHOUT_SIZE, 3L),
                context.warnings());
    }

    @Test
    void refusesWhatIsNotAnOpenImagesFolder() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertTrue(failure(empty).startsWith("Failed to find dataset 'open_images' at"));
        Path file = Fixtures.text(temp.resolve("file.csv"), "x");
        assertTrue(failure(file).startsWith("Can't find dataset directory"));
    }
}
