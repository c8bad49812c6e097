package io.datum.core.internal.transforms;

import static io.datum.core.internal.transforms.TransformRuns.apply;
import static io.datum.core.internal.HandMadeDatasets.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datum.core.internal.HandMadeDatasets;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.spi.DatasetSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoveUnusedLabelsTest {
    @Test
    void keepsTheUsedLabelsAndTheirAncestorsInTheirOrderAndMovesTheAnnotations() {
        LabelCategories labels = new LabelCategories(List.of(
                new LabelCategory("animal", "", List.of()),
                new LabelCategory("plant", "", List.of()),
                new LabelCategory("mammal", "animal", List.of()),
                new LabelCategory("tree", "plant", List.of()),
                new LabelCategory("dog", "mammal", List.of()),
                new LabelCategory("car", "", List.of())), List.of());
        DatasetSource source = HandMadeDatasets.of(labels,
                new DatasetItem("1", "train", null, List.of(new Label(4))),
                new DatasetItem("2", "train", null, List.of(new Bbox(5, 0, 0, 1, 1, 3, 0, 0, Attributes.empty(), null))),
                new DatasetItem("3", "test", null, List.of()));
        DatasetSource out = apply(new RemoveUnusedLabels(), source);
        assertEquals(List.of("animal", "mammal", "dog", "car"),
                out.categories().labels().labels().stream().map(LabelCategory::name).toList());
        assertEquals("mammal", out.categories().labels().get(2).parent());
        List<DatasetItem> items = items(out);
        assertEquals(List.of(new Label(2)), items.get(0).annotations());
        assertEquals(3, items.get(1).annotations().get(0).label());
        assertEquals(3, items.size());
    }

    @Test
    void aMillionItemsAreReadTwiceWithoutBeingHeld() {
        TransformRuns.Generated generated = new TransformRuns.Generated(1_000_000);
        DatasetSource out = apply(new RemoveUnusedLabels(), apply(new RemoveItems(), generated, "--id", "frame_1:test"));
        assertEquals(List.of("cat", "dog"), out.categories().labels().labels().stream().map(LabelCategory::name).toList());
        long n = 0;
        try (var c = out.items()) {
            while (c.hasNext()) {
                c.next();
                n++;
            }
        }
        assertEquals(999_999, n);
        assertEquals(2_000_000, generated.made(), "one pass for the labels, one for the items");
    }
}
