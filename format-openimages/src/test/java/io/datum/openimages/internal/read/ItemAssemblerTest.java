package io.datum.openimages.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datum.openimages.internal.ImportSettings;
import io.datum.openimages.internal.read.AnnotationRow.BoxRow;
import io.datum.openimages.internal.read.AnnotationRow.LabelRow;
import io.datum.openimages.internal.read.AnnotationRow.MaskRow;
import io.datum.openimages.internal.read.AnnotationRow.PointRow;
import io.datum.spi.JobContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows of an item whose image size is unknown: what is left out, counted and said at debug level. */
class ItemAssemblerTest {
    private static final JobContext DEBUG = new JobContext() {
        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };

    @Test
    void leavesOutWhatNeedsASizeAndSaysWhereItWas() {
        List<AnnotationFile> files = List.of(AnnotationFile.of(AnnotationFile.Kind.BOX, "train-annotations-bbox.csv", 0),
                AnnotationFile.of(AnnotationFile.Kind.MASK, "train-annotations-object-segmentation.csv", 1));
        ItemAssembler assembler = new ItemAssembler(null, null, files,
                new ImportSettings(ImportSettings.DEFAULT_MAX_MASK_PIXELS, 1000, 1000), DEBUG);
        List<AnnotationRow> rows = List.of(new LabelRow(0, 2, 0, 1.0, null),
                new BoxRow(0, 3, 0, 1.0, 0.1, 0.2, 0.3, 0.4, 0),
                new MaskRow(1, 7, 0, "a_m0_0.png", "0", null, null),
                new BoxRow(0, 4, 0, 1.0, 0.1, 0.2, 0.3, 0.4, 0),
                new PointRow(2, 9, 0, 0.5, 0.5, "yes", "", -1, -1, -1, ""));
        AssembledItem item = assembler.assemble("a", "train", null, null, rows, new ScoreAttributes());
        assertEquals(1, item.item().annotations().size(), "the label only");
        assertEquals(List.of(2, 1, 0, 1), List.of(item.boxesWithoutSize(), item.masksWithoutSize(), item.masksWithoutFile(),
                item.pointsWithoutSize()));
        assertEquals(List.of("Can't find image for item: a. It should be in the 'images' directory",
                "Can't decode box for item 'a' due to missing image file (train-annotations-bbox.csv:3)",
                "Can't decode mask for item 'a' due to missing image file (train-annotations-object-segmentation.csv:7)",
                "Can't decode box for item 'a' due to missing image file (train-annotations-bbox.csv:4)"), item.debug());
    }
}
