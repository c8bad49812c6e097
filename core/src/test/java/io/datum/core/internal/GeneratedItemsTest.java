package io.datum.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.spi.ItemCursor;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The test helpers that make datasets: generated items counted as made, hand-made ones read back. */
class GeneratedItemsTest {
    private static final Categories CAT_DOG = new Categories(LabelCategories.ofNames("cat", "dog"));

    @Test
    void eachPassMakesTheItemsAgainAndCountsWhatWasMade() {
        GeneratedItems g = GeneratedItems.of(CAT_DOG, 3, i -> HandMadeDatasets.item("i" + i, "train", new Label((int) i % 2)));
        assertEquals(OptionalLong.of(3), g.itemCount());
        assertEquals(0, g.made(), "nothing is made before it is pulled");
        List<DatasetItem> first = HandMadeDatasets.items(g);
        assertEquals(List.of("i0", "i1", "i2"), first.stream().map(DatasetItem::id).toList());
        assertEquals(List.of(new Label(1)), first.get(1).annotations());
        assertEquals(3, g.made());
        assertEquals(first, HandMadeDatasets.items(g));
        assertEquals(6, g.made(), "a second pass makes the items anew");
        assertEquals(List.of("cat", "dog"), g.categories().labels().labels().stream().map(l -> l.name()).toList());
    }

    @Test
    void aCursorPastTheEndThrowsAndASubclassTellsNoCountUnlessItSaysSo() {
        GeneratedItems g = new GeneratedItems(CAT_DOG, 1) {
            @Override
            protected DatasetItem item(long index) {
                return HandMadeDatasets.item(Long.toString(index), "val");
            }
        };
        assertEquals(OptionalLong.empty(), g.itemCount());
        try (ItemCursor c = g.items()) {
            assertTrue(c.hasNext());
            assertEquals("0", c.next().id());
            assertFalse(c.hasNext());
            assertThrows(NoSuchElementException.class, c::next);
        }
        assertEquals(1, g.made());
    }

    @Test
    void aHandMadeBoxHasNoIdGroupOrAttributesAndMayHaveNoLabel() {
        assertEquals(new Bbox(null, 1, 2, 3, 4, 0, 0, 0, Attributes.empty(), null), HandMadeDatasets.box(null, 1, 2, 3, 4));
        assertEquals(List.of(HandMadeDatasets.item("a", "train")),
                HandMadeDatasets.items(HandMadeDatasets.of(LabelCategories.ofNames("x"), HandMadeDatasets.item("a", "train"))));
    }
}
