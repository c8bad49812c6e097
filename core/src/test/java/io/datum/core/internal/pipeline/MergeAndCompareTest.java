package io.datum.core.internal.pipeline;

import static io.datum.core.internal.HandMadeDatasets.box;
import static io.datum.core.internal.HandMadeDatasets.item;
import static io.datum.core.internal.HandMadeDatasets.items;
import static io.datum.core.internal.HandMadeDatasets.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.api.ComparisonOptions;
import io.datum.api.DatasetComparison;
import io.datum.api.DatasetComparison.ItemDifference;
import io.datum.api.DatasetComparison.ItemRef;
import io.datum.core.internal.GeneratedItems;
import io.datum.model.Attributes;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergeAndCompareTest {
    @Test
    void unionUnitesTheLabelsByNameAndKeepsARepeatedItemFromEachInputRenamed() {
        DatasetSource a = of(new LabelCategories(List.of(new LabelCategory("cat"), new LabelCategory("dog", "cat",
                List.of())), List.of()), item("a", "train", new Label(0)), item("b", "train", new Label(1)));
        DatasetSource b = of(LabelCategories.ofNames("bird", "dog"), item("b", "train", new Label(0)),
                item("c", "test", new Label(1)));
        DatasetSource merged = new UnionMergeSource(List.of(a, b));
        LabelCategories labels = merged.categories().labels();
        assertEquals(List.of("cat", "dog", "bird"), labels.labels().stream().map(LabelCategory::name).toList());
        assertEquals("cat", labels.get(1).parent(), "a label's parent comes from the first input declaring it");
        assertEquals(List.of(item("a", "train", new Label(0)), item("b-0", "train", new Label(1)),
                item("b-1", "train", new Label(2)), item("c", "test", new Label(1))), items(merged));
        assertEquals(OptionalLong.of(4), merged.itemCount());
    }

    @Test
    void aMillionItemsEachFromTwoInputsAreMergedFromTwoPassesWithoutBeingHeld() {
        GeneratedItems first = generated(1_000_000, "train");
        GeneratedItems second = generated(1_000_000, "test");
        DatasetSource merged = new UnionMergeSource(List.of(first, second));
        long n = 0;
        try (ItemCursor c = merged.items()) {
            while (c.hasNext()) {
                DatasetItem item = c.next();
                assertFalse(item.id().contains("-"), item.id());
                n++;
            }
        }
        assertEquals(2_000_000, n);
        assertEquals(2_000_000, first.made() + second.made() - 2_000_000, "one pass to find the repeats, one to stream");
    }

    @Test
    void equalDatasetsCompareEqualWhateverTheOrderOfItemsAnnotationsAndLabels() {
        DatasetSource a = of(LabelCategories.ofNames("cat", "dog"),
                item("1", "train", new Label(0), box(1, 0, 0, 10, 10)), item("2", "test"));
        DatasetSource b = of(LabelCategories.ofNames("dog", "cat"),
                item("2", "test"), item("1", "train", box(0, 0, 0, 10, 10.004), new Label(1)));
        ComparisonOptions within = new ComparisonOptions(0.01, Set.of(), Set.of());
        DatasetComparison same = new DatasetComparator(within, 1).compare(a, b);
        assertTrue(same.equal(), same.toString());
        assertEquals(List.of(2L, 2L), List.of(same.firstItems(), same.secondItems()));
        DatasetComparison exact = new DatasetComparator(ComparisonOptions.EXACT, 100).compare(a, b);
        assertEquals(List.of(new ItemDifference("1", "train", List.of("only in the first: bbox 'dog' (0, 0, 10, 10)",
                "only in the second: bbox 'dog' (0, 0, 10, 10.004)"))), exact.different());
    }

    @Test
    void itemsAndLabelsMissingExtraOrDifferentAreListedBySubsetThenId() {
        DatasetSource a = of(LabelCategories.ofNames("cat", "dog"),
                item("1", "train", new Label(0)), item("3", "train"), item("0", "val", new Label(1)));
        DatasetSource b = of(LabelCategories.ofNames("cat", "cow"),
                item("1", "train", new Label(0, Attributes.of("occluded", true))), item("2", "train"));
        DatasetComparison c = new DatasetComparator(ComparisonOptions.EXACT, 2).compare(a, b);
        assertFalse(c.equal());
        assertEquals(List.of("label 'dog' only in the first", "label 'cow' only in the second"), c.labelDifferences());
        assertEquals(List.of(new ItemRef("3", "train"), new ItemRef("0", "val")), c.onlyInFirst());
        assertEquals(List.of(new ItemRef("2", "train")), c.onlyInSecond());
        assertEquals(List.of("only in the first: label 'cat'", "only in the second: label 'cat' {occluded=true}"),
                c.different().get(0).details());
        DatasetComparison ignoring = new DatasetComparator(new ComparisonOptions(0, Set.of("occluded"), Set.of()), 2)
                .compare(a, b);
        assertTrue(ignoring.different().isEmpty(), ignoring.toString());
    }

    /** Items "0".."count-1" of one subset, labelled i % 2, made as they are pulled. */
    private static GeneratedItems generated(long count, String subset) {
        return GeneratedItems.of(new Categories(LabelCategories.ofNames("cat", "dog")), count,
                i -> new DatasetItem(Long.toString(i), subset, null, List.of(new Label((int) (i % 2)))));
    }
}
