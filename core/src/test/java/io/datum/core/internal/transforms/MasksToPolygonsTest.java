package io.datum.core.internal.transforms;

import static io.datum.core.internal.transforms.TransformRuns.apply;
import static io.datum.core.internal.HandMadeDatasets.items;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.core.internal.HandMadeDatasets;
import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.Polygon;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasksToPolygonsTest {
    private final LabelCategories labels = LabelCategories.ofNames("a", "b");

    private static DatasetItem itemWith(int w, int h, Annotation... annotations) {
        return new DatasetItem("x", "train", Image.withoutFile(".png", new ImageSize(w, h)), List.of(annotations));
    }

    private static Mask mask(int w, int h, byte[] pixels) {
        return new Mask(1, MaskData.of(w, h, pixels), 7, 2, 3, Attributes.of("k", "v"));
    }

    private static Mask mask(int w, int h, int... pixels) {
        byte[] bytes = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            bytes[i] = (byte) pixels[i];
        }
        return mask(w, h, bytes);
    }

    @Test
    void aBlockBecomesTheOutlineOfItsPixelsWithTheMasksLabelIdGroupOrderAndAttributes() {
        Label label = new Label(0);
        DatasetItem item = itemWith(4, 3, label, mask(4, 3,
                0, 0, 0, 0,
                0, 1, 1, 0,
                0, 1, 1, 0));
        List<Annotation> a = items(apply(new MasksToPolygons(), HandMadeDatasets.of(labels, item))).get(0).annotations();
        assertEquals(label, a.get(0));
        assertEquals(new Polygon(1, Coords.of(1, 1, 3, 1, 3, 3, 1, 3), 7, 2, 3, Attributes.of("k", "v")), a.get(1));
        assertEquals(2, a.size());
    }

    @Test
    void eachPartIsAPolygonHolesAreFilledAndPartsOnePixelThinAreDropped() {
        byte[] pixels = {
            1, 1, 1, 0, 0, 1,
            1, 0, 1, 0, 0, 1,
            1, 1, 1, 0, 0, 1,
            0, 0, 0, 1, 1, 0,
            1, 1, 0, 1, 1, 0};
        List<Coords> outlines = MasksToPolygons.outlines(6, 5, pixels.clone());
        assertEquals(List.of(Coords.of(0, 0, 3, 0, 3, 3, 0, 3), Coords.of(3, 3, 5, 3, 5, 5, 3, 5)), outlines);
    }

    @Test
    void anLShapeHasOneVertexPerCornerAndPixelsTouchingAtACornerAreTwoParts() {
        byte[] l = {
            1, 0,
            1, 1};
        assertEquals(List.of(Coords.of(0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 0, 2)), MasksToPolygons.outlines(2, 2, l));
        byte[] diagonal = {
            1, 1, 0, 0,
            1, 1, 0, 0,
            0, 0, 1, 1,
            0, 0, 1, 1};
        assertEquals(List.of(Coords.of(0, 0, 2, 0, 2, 2, 0, 2), Coords.of(2, 2, 4, 2, 4, 4, 2, 4)),
                MasksToPolygons.outlines(4, 4, diagonal));
    }

    @Test
    void polygonsToMasksGivesBackThePixelsOfSimpleShapesWithTheirHolesFilled() {
        byte[] blob = {
            0, 1, 1, 1, 0, 0,
            1, 1, 1, 1, 1, 0,
            1, 1, 0, 1, 1, 1,
            0, 1, 1, 1, 0, 0,
            0, 0, 1, 0, 0, 0};
        byte[] blobFilled = blob.clone();
        blobFilled[2 * 6 + 2] = 1;
        byte[] full = new byte[30];
        java.util.Arrays.fill(full, (byte) 1);
        byte[] stairs = {
            0, 0, 0, 0, 0, 0,
            0, 1, 1, 0, 1, 1,
            0, 1, 1, 0, 1, 1,
            0, 0, 1, 1, 1, 0,
            0, 0, 0, 0, 0, 0};
        for (byte[][] shapeAndBack : new byte[][][] {{blob, blobFilled}, {full, full}, {stairs, stairs}}) {
            DatasetItem item = itemWith(6, 5, mask(6, 5, shapeAndBack[0]));
            DatasetSource back = apply(new PolygonsToMasks(), apply(new MasksToPolygons(), HandMadeDatasets.of(labels, item)));
            List<Annotation> a = items(back).get(0).annotations();
            assertEquals(1, a.size());
            assertArrayEquals(shapeAndBack[1], ((Mask) a.get(0)).data().pixels());
        }
    }

    @Test
    void aMaskOfOnlyThinPartsIsDroppedWithADebugLineNamingTheItem() {
        DebugLines context = new DebugLines();
        DatasetItem item = itemWith(3, 2, new Label(0), mask(3, 2,
                1, 1, 1,
                0, 0, 0));
        DatasetSource out = new MasksToPolygons().apply(HandMadeDatasets.of(labels, item),
                new MasksToPolygons().options().parse(List.of()), context);
        assertEquals(List.of(new Label(0)), items(out).get(0).annotations());
        assertTrue(context.lines.stream().anyMatch(l -> l.contains("item 'x' (subset 'train')")),
                context.lines.toString());
    }

    @Test
    void itemsWithoutMasksPassUnchanged() {
        DatasetItem item = new DatasetItem("y", "s", null, List.of(new Label(1)));
        assertEquals(List.of(item), items(apply(new MasksToPolygons(), HandMadeDatasets.of(labels, item))));
    }

    /** A context that keeps its debug lines. */
    private static final class DebugLines implements JobContext {
        final List<String> lines = new ArrayList<>();

        @Override
        public void warn(String message) {
        }

        @Override
        public boolean debugEnabled() {
            return true;
        }

        @Override
        public void debug(String message) {
            lines.add(message);
        }
    }
}
