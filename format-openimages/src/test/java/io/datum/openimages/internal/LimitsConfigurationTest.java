package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.DatasetItem;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.openimages.internal.read.OpenImagesImporter;
import io.datum.openimages.internal.write.OpenImagesExporter;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.JobContext;
import io.datum.testkit.FolderJobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits the OSGi configuration gives the importer and exporter: they win over the system
 * properties, a limit left at 0 falls back to its system property, and an import's
 * {@code --max-mask-pixels} wins over both.
 */
class LimitsConfigurationTest {
    @TempDir
    Path temp;

    private static OpenImagesConfig limits(long maxMaskPixels, int spillRows) {
        return new OpenImagesConfig() {
            @Override
            public long maxMaskPixels() {
                return maxMaskPixels;
            }

            @Override
            public int spillRows() {
                return spillRows;
            }

            @Override
            public long tableItems() {
                return 0;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return OpenImagesConfig.class;
            }
        };
    }

    /** One item of 10x10 pixels (from images.meta) with a 2x2 mask, scaled to 100 pixels on decoding. */
    private Path datasetWithMask() {
        Path root = temp.resolve("masked");
        Path ann = root.resolve("annotations");
        Fixtures.text(ann.resolve("oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/a,A");
        Fixtures.text(ann.resolve("image_ids_and_rotation.csv"), "ImageID,Subset", "img1,train");
        Fixtures.text(ann.resolve("images.meta"), "img1 10 10");
        Fixtures.text(ann.resolve("train-annotations-object-segmentation.csv"),
                "MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks",
                "m.png,img1,/m/a,0,,,,,,");
        Fixtures.greyPng(root.resolve("masks/train/m.png"), 2, 2, 0, 1, 1, 0);
        return root;
    }

    /** Decodes every mask; returns the number of masks. */
    private static int decodeMasks(OpenImagesImporter importer, Path root, ParsedOptions options) throws IOException {
        int masks = 0;
        try (DatasetSource source = importer.open(root, options, JobContext.collecting())) {
            for (DatasetItem item : Fixtures.items(source)) {
                for (Annotation a : item.annotations()) {
                    if (a instanceof Mask m) {
                        m.data().pixels();
                        masks++;
                    }
                }
            }
        }
        return masks;
    }

    private static String importFailure(OpenImagesImporter importer, Path root, ParsedOptions options) {
        return assertThrows(DatasetException.class, () -> decodeMasks(importer, root, options)).getMessage();
    }

    @Test
    void theConfiguredMaskLimitAppliesToImportsAndTheOptionOverridesIt() throws IOException {
        Path root = datasetWithMask();
        assertEquals(1, decodeMasks(new OpenImagesImporter(), root, ParsedOptions.none()), "under the default limit");
        OpenImagesImporter importer = new OpenImagesImporter(limits(50, 0));
        assertTrue(importFailure(importer, root, ParsedOptions.none()).contains("more than the limit of 50 "));
        assertEquals(1, decodeMasks(importer, root, importer.options().parse(List.of("--max-mask-pixels", "100"))));
        assertEquals(1, decodeMasks(new OpenImagesImporter(limits(100, 0)), root, ParsedOptions.none()),
                "a changed configuration applies");
    }

    @Test
    void anUnconfiguredLimitFallsBackToTheSystemProperty() {
        Path root = datasetWithMask();
        String before = System.getProperty(ImportSettings.MAX_MASK_PIXELS_PROPERTY);
        System.setProperty(ImportSettings.MAX_MASK_PIXELS_PROPERTY, "60");
        try {
            OpenImagesImporter importer = new OpenImagesImporter(limits(0, 0));
            assertTrue(importFailure(importer, root, ParsedOptions.none()).contains("more than the limit of 60 "));
            importer = new OpenImagesImporter(limits(50, 0));
            assertTrue(importFailure(importer, root, ParsedOptions.none()).contains("more than the limit of 50 "),
                    "the configuration wins over the system property");
        } finally {
            if (before == null) {
                System.clearProperty(ImportSettings.MAX_MASK_PIXELS_PROPERTY);
            } else {
                System.setProperty(ImportSettings.MAX_MASK_PIXELS_PROPERTY, before);
            }
        }
    }

    @Test
    void theConfiguredMaskLimitAppliesToExports() throws IOException {
        DatasetSource source = Datasets.of(Fixtures.labels("a"), List.of(new DatasetItem("x", "s", null,
                List.of(new Mask(0, MaskData.of(10, 10, new byte[100]), 0, 0, 0, Attributes.empty())))));
        OpenImagesExporter exporter = new OpenImagesExporter(limits(50, 0));
        Path out = Files.createDirectories(temp.resolve("out"));
        String message = assertThrows(DatasetException.class,
                () -> exporter.export(source, out, ParsedOptions.none(), JobContext.collecting())).getMessage();
        assertEquals("item 'x': mask of 10x10 is 100 pixels, more than the limit of 50 (raise it with "
                + ImportSettings.MAX_MASK_PIXELS_PROPERTY + ")", message);
        new OpenImagesExporter(limits(100, 0)).export(source, out, ParsedOptions.none(), JobContext.collecting());
        assertTrue(Files.exists(out.resolve("annotations/s-annotations-object-segmentation.csv")));
    }

    @Test
    void theConfiguredSpillThresholdSortsOnDisk() throws IOException {
        Path root = temp.resolve("unsorted");
        Path ann = root.resolve("annotations");
        Fixtures.text(ann.resolve("oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/a,A");
        Fixtures.text(ann.resolve("image_ids_and_rotation.csv"), "ImageID,Subset", "img1,train", "img2,train");
        // rows out of item order: the importer sorts them
        Fixtures.text(ann.resolve("train-annotations-human-imagelabels.csv"), "ImageID,Source,LabelName,Confidence",
                "img2,x,/m/a,1", "img1,x,/m/a,1", "img2,x,/m/a,0", "img1,x,/m/a,0");
        assertTrue(openingReport(new OpenImagesImporter(), root).contains("sorted in memory"));
        OpenImagesImporter importer = new OpenImagesImporter(limits(0, 1));
        assertTrue(openingReport(importer, root).contains("sorted on disk"));
    }

    /** The debug lines of opening {@code root}. */
    private String openingReport(OpenImagesImporter importer, Path root) throws IOException {
        FolderJobContext context = new FolderJobContext(Files.createDirectories(temp.resolve("spill")));
        try (DatasetSource source = importer.open(root, ParsedOptions.none(), context)) {
            assertEquals(2, Fixtures.items(source).size());
        }
        return String.join("\n", context.debugLines());
    }
}
