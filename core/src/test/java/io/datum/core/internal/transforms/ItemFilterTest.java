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

    /** The reference's third example: large cats and anything that is not a person, in annotation mode. */
    @Test
    void keepsLargeCatsAndEverythingButPersons() {
        LabelCategories animals = LabelCategories.ofNames("cat", "person", "dog");
        DatasetItem item = new DatasetItem("x", "train", Image.withoutFile(".jpg", new ImageSize(100, 100)), List.of(
                Bbox.ofXywh(0, 0, 0, 10, 10, Attributes.empty()),
                Bbox.ofXywh(0, 0, 0, 5, 5, Attributes.empty()),
                Bbox.ofXywh(1, 0, 0, 50, 50, Attributes.empty()),
                new Label(2),
                new Label(1)));
        DatasetItem kept = new ItemFilter("/item/annotation[(label=\"cat\" and area > 99.5) or label!=\"person\"]",
                "annotations").filter(item, animals);
        // every annotation that is not a person passes the second condition, small cats too
        assertEquals(List.of(item.annotations().get(0), item.annotations().get(1), item.annotations().get(3)),
                kept.annotations());
        DatasetItem onlyLargeCats = new ItemFilter("/item/annotation[label=\"cat\" and area > 99.5]", "i+a")
                .filter(item, animals);
        assertEquals(List.of(item.annotations().get(0)), onlyLargeCats.annotations());
    }

    /** As in the reference, the item element is the context node: a relative path reads its children. */
    @Test
    void evaluatesRelativePathsFromTheItem() {
        assertEquals(List.of("a"), kept("subset='train'", "items"));
        assertEquals(List.of("c"), kept("annotation[type='bbox']", "items"));
        assertEquals(List.of("a", "c", "d"), kept("self::item", "items"));
    }

    /** Python's truth of the result: a number is true unless zero, a string unless empty. */
    @Test
    void takesNumbersAndStringsAsPythonDoes() {
        assertEquals(List.of("c", "d"), kept("count(annotation) - 1", "items"));
        assertEquals(List.of("a", "c", "d"), kept("0 div 0", "items"));
        assertEquals(List.of("a", "d"), kept("substring-before(subset, 'n')", "items"));
    }

    @Test
    void refusesBadExpressionsAndModes() {
        assertThrows(io.datum.spi.DatasetException.class, () -> new ItemFilter("/item[", "items"));
        assertThrows(io.datum.spi.DatasetException.class, () -> new ItemFilter("true()", "a").filter(c, labels));
        io.datum.spi.DatasetException e = assertThrows(io.datum.spi.DatasetException.class, () -> ItemFilter.modeOf("sideways"));
        assertTrue(e.getMessage().contains("Unknown filter mode 'sideways'"));
    }
}
