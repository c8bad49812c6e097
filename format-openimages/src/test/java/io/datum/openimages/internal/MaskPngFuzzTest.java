package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.datum.model.DatasetItem;
import io.datum.model.Mask;
import io.datum.openimages.internal.read.OpenImagesImporter;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as the mask PNG of a one-row segmentation dataset, read through the importer (the
 * entry that stays whatever the decoder inside becomes): mask pixels, or a
 * {@link DatasetException} naming the mask file (by its name in the dataset, or by its path when
 * the image header itself is refused). The seeds under {@code MaskPngFuzzTestInputs} run as
 * regression tests in every build.
 *
 * <p>The pixel limit is lowered to a million so that a mask within it decodes in a small heap
 * whatever its header says; the default limit is about the decoder's own memory, tested apart.
 */
class MaskPngFuzzTest {
    private static final String MASK = "masks/train/m.png";
    // one dataset for all the runs of a fuzzing session, its mask rewritten by each
    @TempDir
    static Path root;
    private static ParsedOptions options;

    @BeforeAll
    static void dataset() throws IOException {
        Path ann = root.resolve("annotations");
        Fixtures.text(ann.resolve("oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/a,A");
        Fixtures.text(ann.resolve("image_ids_and_rotation.csv"), "ImageID,Subset", "img1,train");
        Fixtures.text(ann.resolve("images.meta"), "img1 6 9");
        Fixtures.text(ann.resolve("train-annotations-object-segmentation.csv"),
                "MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks",
                "m.png,img1,/m/a,0,0.1,0.9,0.2,0.8,0.5,");
        Files.createDirectories(root.resolve(MASK).getParent());
        options = new OpenImagesImporter().options().parse(List.of("--max-mask-pixels", "1000000"));
    }

    @FuzzTest
    void pixelsOrAnErrorNamingTheMask(byte[] png) throws IOException {
        Files.write(root.resolve(MASK), png);
        try (DatasetSource source = new OpenImagesImporter().open(root, options, JobContext.collecting())) {
            List<DatasetItem> items = Fixtures.items(source);
            for (DatasetItem item : items) {
                item.annotations().stream().filter(a -> a instanceof Mask).forEach(a -> ((Mask) a).data().pixels());
            }
        } catch (DatasetException e) {
            assertTrue(e.file() != null && e.file().endsWith(MASK), e.getMessage());
        }
    }
}
