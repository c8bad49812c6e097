package io.datum.core.internal.transforms;

import static io.datum.core.internal.transforms.TransformRuns.apply;
import static io.datum.core.internal.HandMadeDatasets.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.core.internal.HandMadeDatasets;
import io.datum.model.Annotation;
import io.datum.model.AttributeSpec;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.options.UsageException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code project_labels}, {@code random_split}, and a chain of every item transform over a million items. */
class LabelAndSplitTransformsTest {
    private final LabelCategories labels = new LabelCategories(List.of(new LabelCategory("cat", "animal",
            List.of(AttributeSpec.named("tail"))), new LabelCategory("dog", "animal", List.of()),
            new LabelCategory("animal", "", List.of())), List.of(AttributeSpec.named("occluded")));

    @Test
    void projectLabelsSetsTheLabelListAndDropsTheAnnotationsOfOthers() {
        Caption caption = new Caption("text", 3, 0, io.datum.model.Attributes.empty());
        DatasetSource s = apply(new ProjectLabels(), HandMadeDatasets.of(labels, new DatasetItem("a", "train", null,
                List.of(new Label(0), new Label(1), Bbox.ofXywh(2, 0, 0, 1, 1, io.datum.model.Attributes.empty()),
                        Bbox.ofXywh(null, 0, 0, 1, 1, io.datum.model.Attributes.empty()), caption))),
                "-l", "person", "-l", "cat", "-l", "dog");
        LabelCategories to = s.categories().labels();
        assertEquals(List.of("person", "cat", "dog"), to.labels().stream().map(LabelCategory::name).toList());
        assertEquals("", to.get(1).parent(), "a parent no longer in the list is dropped");
        assertEquals(List.of("tail"), to.get(1).attributes().stream().map(AttributeSpec::name).toList());
        assertEquals(List.of("occluded"), to.commonAttributes().stream().map(AttributeSpec::name).toList());
        List<Annotation> a = items(s).get(0).annotations();
        assertEquals(4, a.size(), "the box of 'animal' is removed; unlabelled ones stay");
        assertEquals(1, a.get(0).label());
        assertEquals(2, a.get(1).label());
        assertEquals(null, a.get(2).label());
        assertEquals(caption, a.get(3));
        DatasetSource keepsParent = apply(new ProjectLabels(), HandMadeDatasets.of(labels), "-l", "animal", "-l", "cat");
        assertEquals("animal", keepsParent.categories().labels().get(1).parent());
        assertThrows(UsageException.class, () -> apply(new ProjectLabels(), HandMadeDatasets.of(labels), "-l", "a", "-l", "a"));
    }

    @Test
    void randomSplitIsFixedByTheSeedAndIdAndFollowsTheRatios() {
        DatasetSource s = apply(new RandomSplit(), new TransformRuns.Generated(100_000), "-s", "train:.8", "-s", "val:.2",
                "--seed", "7");
        Map<String, Integer> sizes = new HashMap<>();
        Map<String, String> subsetOf = new HashMap<>();
        for (DatasetItem item : items(s)) {
            sizes.merge(item.subset(), 1, Integer::sum);
            subsetOf.put(item.id(), item.subset());
        }
        assertEquals(80_000, sizes.get("train"), 600);
        assertEquals(20_000, sizes.get("val"), 600);
        assertEquals(OptionalLong.of(100_000), s.itemCount());
        assertTrue(s.subsetSizes().isEmpty());
        // the same seed gives every item the same subset on another pass and from a smaller dataset
        for (DatasetItem item : items(apply(new RandomSplit(), new TransformRuns.Generated(1000), "-s", "train:.8",
                "-s", "val:.2", "--seed", "7"))) {
            assertEquals(subsetOf.get(item.id()), item.subset(), item.id());
        }
        long moved = items(apply(new RandomSplit(), new TransformRuns.Generated(1000), "-s", "train:.8", "-s", "val:.2",
                "--seed", "8")).stream().filter(i -> !i.subset().equals(subsetOf.get(i.id()))).count();
        assertTrue(moved > 200, "another seed gives another split: " + moved);
    }

    @Test
    void randomSplitDefaultsAndChecksItsRatios() {
        Map<String, Integer> sizes = new HashMap<>();
        items(apply(new RandomSplit(), new TransformRuns.Generated(10_000))).forEach(i -> sizes.merge(i.subset(), 1, Integer::sum));
        assertEquals(6_700, sizes.get("train"), 300);
        assertEquals(3_300, sizes.get("test"), 300);
        UsageException sum = assertThrows(UsageException.class, () -> apply(new RandomSplit(), HandMadeDatasets.of(labels),
                "-s", "train:.5", "-s", "val:.2"));
        assertTrue(sum.getMessage().contains("sum of ratios is expected to be 1"), sum.getMessage());
        assertThrows(UsageException.class, () -> apply(new RandomSplit(), HandMadeDatasets.of(labels), "-s", "train:1.5"));
        assertThrows(UsageException.class, () -> apply(new RandomSplit(), HandMadeDatasets.of(labels), "-s", "train"));
        assertThrows(UsageException.class, () -> apply(new RandomSplit(), HandMadeDatasets.of(labels), "--seed", "x"));
    }

    @Test
    void aMillionItemsStreamThroughAChainOfTransforms() {
        TransformRuns.Generated source = new TransformRuns.Generated(1_000_000);
        DatasetSource s = apply(new Rename(), source, "-e", "|frame_(\\d+)|f\\1|");
        s = apply(new MapSubsets(), s, "-s", "test:val");
        s = apply(new ProjectLabels(), s, "-l", "dog");
        s = apply(new RandomSplit(), s, "-s", "a:.5", "-s", "b:.5");
        s = apply(new RemoveItems(), s, "--id", "f0:a", "--id", "f0:b");
        s = apply(new RemoveAttributes(), s);
        s = apply(new Reindex(), s);
        long count = 0;
        long labelled = 0;
        try (ItemCursor c = s.items()) {
            while (c.hasNext()) {
                DatasetItem item = c.next();
                count++;
                labelled += item.annotations().size();
                assertEquals(count, source.made() - 1, "no item is read ahead beyond the one dropped");
            }
        }
        assertEquals(999_999, count);
        assertEquals(500_000, labelled, "the dog labels of the odd items");
    }
}
