package io.datum.core.internal.transforms;

import static io.datum.core.internal.transforms.TransformRuns.apply;
import static io.datum.core.internal.HandMadeDatasets.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datum.core.internal.HandMadeDatasets;
import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.spi.CollectingJobContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapesToBoxesTest {
    private static final Attributes NONE = Attributes.empty();

    @Test
    void everyShapeBecomesItsBoundingBoxAfterTheOtherAnnotations() {
        // the reference's own example: a 5x5 mask and three point shapes
        byte[] pixels = {
            0, 0, 1, 1, 1,
            0, 0, 0, 0, 1,
            1, 0, 0, 0, 1,
            1, 0, 0, 0, 0,
            1, 1, 1, 0, 0};
        Label label = new Label(0);
        DatasetItem item = new DatasetItem("0", "default", null, List.of(
                new Mask(null, MaskData.of(5, 5, pixels), 1, 0, 0, NONE),
                new Polygon(0, Coords.of(1, 1, 4, 1, 4, 4, 1, 4), 2, 7, 1, Attributes.of("a", 1L)),
                label,
                new PolyLine(null, Coords.of(1, 1, 2, 1, 2, 2, 1, 2), 3, 0, 0, NONE),
                new Points(null, Coords.of(2, 2, 4, 2, 4, 4, 2, 4), 4, 0, 0, NONE, null)));
        List<Annotation> a = items(apply(new ShapesToBoxes(), HandMadeDatasets.of(LabelCategories.ofNames("x"), item)))
                .get(0).annotations();
        assertEquals(List.of(label,
                new Bbox(null, 0, 0, 4, 4, 1, 0, 0, NONE, null),
                new Bbox(0, 1, 1, 4, 4, 2, 7, 1, Attributes.of("a", 1L), null),
                new Bbox(null, 1, 1, 2, 2, 3, 0, 0, NONE, null),
                new Bbox(null, 2, 2, 4, 4, 4, 0, 0, NONE, null)), a);
    }

    @Test
    void anEmptyMaskIsDroppedWithAWarning() {
        CollectingJobContext context = new CollectingJobContext();
        ShapesToBoxes t = new ShapesToBoxes();
        DatasetItem item = new DatasetItem("0", "default", null,
                List.of(new Mask(null, MaskData.of(2, 1, new byte[2]), 1, 0, 0, NONE)));
        List<DatasetItem> out = items(t.apply(HandMadeDatasets.of(LabelCategories.ofNames("x"), item),
                t.options().parse(List.of()), context));
        assertEquals(List.of(), out.get(0).annotations());
        assertEquals(java.util.Map.of("shapes_to_boxes: dropped shapes without any point or pixel",
                java.util.Map.of("mask", 1L)), context.warningKinds());
    }
}
