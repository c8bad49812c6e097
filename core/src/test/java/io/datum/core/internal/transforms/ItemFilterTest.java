package io.datum.core.internal.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter examples of the reference's documentation, on items shaped like its v6 asset. */
class ItemFilterTest {
    private final LabelCategories labels = LabelCategories.ofNames("/m/0", "/m/1", "/m/2", "/m/3");
    private final DatasetItem a = new DatasetItem("a", "train", Image.withoutFile(".jpg", new ImageSize(6, 8)),
            List.of(new Label(0, Attributes.of("score", 1.0))));
    private final DatasetItem c = new DatasetItem("c", "test", Image.withoutFile(".jpg", new ImageSize(5, 10)),
            List.of(new Label(1, Attributes.of("score", 1.0)), new Label(3, Attributes.of("score", 1.0)),
                    new Bbox(3, 3.5, 0, 4, 5, 0, 1, 0, Attributes.of("score", 0.7, "occluded", true), null)));
    private final DatasetItem d = new DatasetItem("d", "validation", Image.withoutFile(".png", new ImageSize(5, 1)),
            List.of());

    private List<String> kept(String expression, String mode) {
        ItemFilter f = new ItemFilter(expression, mode);
        return java.util.stream.Stream.of(a, c, d).map(i -> f.filter(i, labels)).filter(java.util.Objects::nonNull)
                .map(DatasetItem::id).toList();
    }

    @Test
    void keepsItemsForWhichTheExpressionIsTrue() {
        assertEquals(List.of("a"), kept("/item[subset=\"train\"]", "items"));
        assertEquals(List.of("a", "c"), kept("/item[image/width < image/height]", "i"));
        assertEquals(List.of("c"), kept("/item[annotation/occluded=\"True\"]", "items"));
        assertEquals(List.of("c"), kept("count(/item/annotation) > 2", "items"));
    }

    @Test
    void keepsOnlySelectedAnnotationsAndDropsEmptyItemsInItemsPlusAnnotationsMode() {
        ItemFilter boxes = new ItemFilter("/item/annotation[type=\"bbox\"]", "a");
        assertEquals(1, boxes.filter(c, labels).annotations().size());
        assertEquals(0, boxes.filter(a, labels).annotations().size());
        ItemFilter third = new ItemFilter("/item/annotation[label=\"/m/3\"]", "i+a");
        assertNull(third.filter(a, labels));
        assertEquals(2, third.filter(c, labels).annotations().size());
        ItemFilter area = new ItemFilter("/item/annotation[area > 2.4]", "annotations");
        assertTrue(area.filter(c, labels).annotations().get(0) instanceof Bbox);
    }

    @Test
    void refusesBadExpressionsAndModes() {
        assertThrows(io.datum.spi.DatasetException.class, () -> new ItemFilter("/item[", "items"));
        assertThrows(io.datum.spi.DatasetException.class, () -> new ItemFilter("true()", "a").filter(c, labels));
        io.datum.spi.DatasetException e = assertThrows(io.datum.spi.DatasetException.class, () -> ItemFilter.modeOf("sideways"));
        assertTrue(e.getMessage().contains("Unknown filter mode 'sideways'"));
    }
}
