package io.datum.core.internal.transforms;

import static io.datum.core.internal.transforms.TransformRuns.apply;
import static io.datum.core.internal.HandMadeDatasets.items;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datum.core.internal.HandMadeDatasets;
import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.Mask;
import io.datum.model.Polygon;
import io.datum.spi.DatasetException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolygonsToMasksTest {
    private final LabelCategories labels = LabelCategories.ofNames("a");

    @Test
    void polygonsAndEllipsesBecomeMasksOfThePixelsWhoseCentresAreInside() {
        Label label = new Label(0);
        Polygon polygon = new Polygon(0, Coords.of(0, 0, 4, 0, 0, 4), 3, 1, 2, Attributes.of("k", "v"));
        DatasetItem item = new DatasetItem("0", "default", Image.withoutFile(".png", new ImageSize(5, 5)), List.of(
                polygon, label, new Ellipse(null, 0, 0, 5, 5, 4, 0, 0, Attributes.empty())));
        List<Annotation> a = items(apply(new PolygonsToMasks(), HandMadeDatasets.of(labels, item))).get(0).annotations();
        Mask triangle = (Mask) a.get(0);
        assertEquals(TransformRuns.sharedFields(polygon), TransformRuns.sharedFields(triangle));
        // the right-angled triangle (0,0), (4,0), (0,4): centres with x + y < 4 (those on the edge are outside)
        assertArrayEquals(new byte[] {
            1, 1, 1, 0, 0,
            1, 1, 0, 0, 0,
            1, 0, 0, 0, 0,
            0, 0, 0, 0, 0,
            0, 0, 0, 0, 0}, triangle.data().pixels());
        assertEquals(label, a.get(1));
        assertArrayEquals(new byte[] {
            0, 1, 1, 1, 0,
            1, 1, 1, 1, 1,
            1, 1, 1, 1, 1,
            1, 1, 1, 1, 1,
            0, 1, 1, 1, 0}, ((Mask) a.get(2)).data().pixels());
    }

    @Test
    void aBoxAsAPolygonCoversItsWholePixelsAndNeedsTheImageSize() {
        DatasetItem item = new DatasetItem("x", "s", Image.withoutFile(".png", new ImageSize(3, 2)),
                List.of(new Polygon(0, Coords.of(1, 0, 3, 0, 3, 1, 1, 1), 0, 0, 0, Attributes.empty())));
        assertArrayEquals(new byte[] {0, 1, 1, 0, 0, 0},
                ((Mask) items(apply(new PolygonsToMasks(), HandMadeDatasets.of(labels, item))).get(0).annotations().get(0))
                        .data().pixels());
        DatasetItem unsized = new DatasetItem("x", "s", null, item.annotations());
        assertThrows(DatasetException.class, () -> items(apply(new PolygonsToMasks(), HandMadeDatasets.of(labels, unsized))));
    }
}
