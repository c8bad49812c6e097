package io.datum.core.internal.pipeline;

import static io.datum.core.internal.HandMadeDatasets.box;
import static io.datum.core.internal.HandMadeDatasets.item;
import static io.datum.core.internal.HandMadeDatasets.items;
import static io.datum.core.internal.HandMadeDatasets.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.api.MergeOptions;
import io.datum.api.MergePolicy;
import io.datum.api.MergeReport;
import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.ItemCursor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact and intersect policies on small hand-made datasets, each expectation worked out from
 * the reference's rules (the reasoning is beside each), and the sort-merge taking its spill path.
 */
class MergePoliciesTest {
    private static final LabelCategories CAT_DOG = LabelCategories.ofNames("cat", "dog");

    @TempDir
    Path spill;

    private IntersectMergeSource intersect(MergeOptions options, DatasetSource... parts) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            names.add("d" + i);
        }
        return new IntersectMergeSource(List.of(parts), names, options, spill, 1000);
    }

    private ExactMergeSource exact(DatasetSource... parts) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            names.add("d" + i);
        }
        return new ExactMergeSource(List.of(parts), names, spill, 1000);
    }

    @Test
    void intersectMergesBoxesThatVoteTogetherIntoTheOneNearestTheMeanBox() {
        MergeReport report = new MergeReport();
        DatasetSource merged = intersect(MergeOptions.of(MergePolicy.INTERSECT).reportingTo(report),
                of(CAT_DOG, item("a", "train", box(0, 0, 0, 10, 10))),
                of(CAT_DOG, item("a", "train", box(0, 1, 0, 11, 10))),
                of(CAT_DOG, item("a", "train", box(0, 0, 0, 10, 10))));
        List<DatasetItem> items = items(merged);
        assertEquals(1, items.size());
        List<Annotation> anns = items.get(0).annotations();
        // every pair overlaps from 0.25 on (IoU 0.818 and 1), so the three make one cluster; the
        // mean box is x 1/3..31/3, nearest to it are the two equal boxes (IoU 0.935 against
        // 0.875), the first of them taken; label score 3/3; shape score the mean IoU of the
        // chosen with every member, (1 + 9/11 + 1) / 3
        assertEquals(1, anns.size());
        Bbox b = (Bbox) anns.get(0);
        assertEquals(List.of(0.0, 0.0, 10.0, 10.0), List.of(b.x1(), b.y1(), b.x2(), b.y2()));
        assertEquals(0, b.label());
        assertEquals((1 + 90.0 / 110 + 1) / 3, (Double) b.attributes().get("score"), 1e-12);
        assertEquals(0, b.group());
        assertTrue(report.isEmpty(), report.allErrors().toString());
    }

    @Test
    void intersectReportsAShapeOthersLackAndDropsItBelowTheOutputThreshold() {
        MergeReport report = new MergeReport();
        MergeOptions options = MergeOptions.of(MergePolicy.INTERSECT).reportingTo(report);
        DatasetSource[] parts = {
            of(CAT_DOG, item("a", "train", box(0, 0, 0, 10, 10), box(1, 50, 50, 60, 60))),
            of(CAT_DOG, item("a", "train", box(0, 0, 0, 10, 10))),
            of(CAT_DOG, item("a", "train", box(0, 0, 0, 10, 10)))};
        List<Annotation> anns = items(intersect(options, parts)).get(0).annotations();
        // the dog box is matched by nothing: a cluster of one, label score 1/3, shape score 1
        assertEquals(2, anns.size());
        assertEquals(1.0 / 3, (Double) anns.get(1).attributes().get("score"), 1e-12);
        assertEquals(List.of("Item ('a', 'train'): can't find matching annotation in sources {1, 2}, annotation is "
                + "Bbox(id=0, attributes={'score': 0.3333333333333333}, group=0, points=[50.0, 50.0, 60.0, 60.0], "
                + "label=1, z_order=0)"), report.allErrors());
        assertEquals(Map.of("('a', 'train')", 1L), report.itemErrors());
        assertEquals(Map.of("1", 1L, "2", 1L), report.sourceErrors());

        List<Annotation> kept = items(intersect(options.withOutputConfThreshold(0.5), parts)).get(0).annotations();
        assertEquals(1, kept.size(), "a score of 1/3 is below 0.5");
        assertEquals(0, kept.get(0).label());
    }

    @Test
    void intersectReportsAFailedLabelVoteAndKeepsTheLabelsWithTheQuorum() {
        MergeReport report = new MergeReport();
        List<DatasetItem> items = items(intersect(MergeOptions.of(MergePolicy.INTERSECT).withQuorum(2).reportingTo(report),
                of(CAT_DOG, item("a", "train", new Label(0))),
                of(CAT_DOG, item("a", "train", new Label(0))),
                of(CAT_DOG, item("a", "train", new Label(1)))));
        // the labels of all datasets are one cluster; cat has 2 votes of 3 (kept, score 2/3), dog 1
        // (below the quorum of 2: an error blaming the datasets whose label differs)
        List<Annotation> anns = items.get(0).annotations();
        assertEquals(1, anns.size());
        assertEquals(0, anns.get(0).label());
        assertEquals(2.0 / 3, (Double) anns.get(0).attributes().get("score"), 1e-12);
        assertEquals(List.of("Item ('a', 'train'): label voting failed, votes {'cat': 2, 'dog': 1}, sources {0, 1}"),
                report.allErrors());
        assertEquals("{\n  \"Item errors\": {\n    \"('a', 'train')\": 1\n  },\n  \"Source errors\": {\n    \"0\": 1,\n"
                + "    \"1\": 1\n  },\n  \"All errors\": [\n    \"Item ('a', 'train'): label voting failed, votes "
                + "{'cat': 2, 'dog': 1}, sources {0, 1}\"\n  ]\n}", report.toJson());
    }

    @Test
    void intersectKeepsItemsMissingFromSomeDatasetsAndReportsThem() {
        MergeReport report = new MergeReport();
        List<DatasetItem> items = items(intersect(MergeOptions.of(MergePolicy.INTERSECT).reportingTo(report),
                of(CAT_DOG, item("b", "train", new Label(1)), item("a", "train", new Label(0))),
                of(LabelCategories.ofNames("dog", "cat"), item("a", "train", new Label(1)))));
        // items come by subset then id; 'a' has cat in both (the second dataset's index 1 is its
        // cat), so score 2/2; 'b' is only in the first: kept, with the error naming dataset 1, and
        // its label alone (score 1/2) blames no one, dataset 1 having no such item
        assertEquals(List.of("a", "b"), items.stream().map(DatasetItem::id).toList());
        assertEquals(List.of("cat", "dog"), intersect(MergeOptions.of(MergePolicy.INTERSECT),
                of(CAT_DOG), of(LabelCategories.ofNames("dog", "cat"))).categories().labels().labels().stream()
                .map(LabelCategory::name).toList());
        assertEquals(1.0, (Double) items.get(0).annotations().get(0).attributes().get("score"), 1e-12);
        assertEquals(0, items.get(0).annotations().get(0).label());
        assertEquals(0.5, (Double) items.get(1).annotations().get(0).attributes().get("score"), 1e-12);
        assertEquals(List.of("Item ('b', 'train'): can't find matching item in sources {1}"), report.allErrors());
    }

    @Test
    void intersectChecksGroupsAgainstTheLabelsBeforeReading() {
        DatasetException e = assertThrows(DatasetException.class, () -> intersect(
                MergeOptions.of(MergePolicy.INTERSECT).withGroups(List.of(List.of("cat", "bird?"))),
                of(CAT_DOG), of(CAT_DOG)));
        assertEquals("Datasets do not contain label 'bird', available labels ['cat', 'dog']", e.getMessage());
    }

    @Test
    void intersectReportsAGroupWithALabelOutsideItsDefinition() {
        MergeReport report = new MergeReport();
        Bbox cat = new Bbox(0, 0, 0, 10, 10, 0, 1, 0, Attributes.empty(), null);
        Bbox dog = new Bbox(1, 20, 20, 30, 30, 0, 1, 0, Attributes.empty(), null);
        items(intersect(MergeOptions.of(MergePolicy.INTERSECT).withGroups(List.of(List.of("cat"))).reportingTo(report),
                of(CAT_DOG, item("a", "train", cat, dog)), of(CAT_DOG, item("a", "train", cat, dog))));
        // both clusters carry group 1, so they share the new group 1; the group {cat, dog} has
        // cat in common with the definition {cat} and dog extra: an error of the item, no dataset
        assertEquals(1, report.allErrors().size(), report.allErrors().toString());
        assertTrue(report.allErrors().get(0).startsWith("Item ('a', 'train'): annotation group has wrong labels: "
                + "found {'cat', 'dog'}, expected {'cat'}, group [Bbox("), report.allErrors().get(0));
        assertEquals(Map.of(), report.sourceErrors());
    }

    @Test
    void exactJoinsTheItemsOfOneKeyAndKeepsEqualAnnotationsOnce() {
        DatasetSource merged = exact(
                of(CAT_DOG, new DatasetItem("a", "train", Image.withoutFile(".jpg", null), List.of(new Label(0),
                        box(0, 0, 0, 5, 5)), Attributes.of("frame", 1L))),
                of(CAT_DOG, new DatasetItem("a", "train", null, List.of(box(1, 1, 1, 4, 4), new Label(0)),
                        Attributes.of("time", "t")), item("b", "test", new Label(1))));
        List<DatasetItem> items = items(merged);
        // by subset then id: test/b before train/a; the label is in both (kept once, first),
        // then the rest of the first, then the rest of the second; attributes of both
        assertEquals(List.of("b", "a"), items.stream().map(DatasetItem::id).toList());
        DatasetItem a = items.get(1);
        assertEquals(List.of(new Label(0), box(0, 0, 0, 5, 5), box(1, 1, 1, 4, 4)), a.annotations());
        assertEquals(Attributes.of("frame", 1L, "time", "t"), a.attributes());
        assertEquals(".jpg", a.image().extension(), "the image of the first, the second having none");
    }

    @Test
    void exactStopsAtConflictingMediaNamingTheItemAndBothDatasets() {
        DatasetSource merged = exact(
                of(CAT_DOG, new DatasetItem("a", "train", Image.ofFile(Path.of("x", "a.jpg"), null), List.of())),
                of(CAT_DOG, new DatasetItem("a", "train", Image.ofFile(Path.of("y", "a.jpg"), null), List.of())));
        DatasetException e = assertThrows(DatasetException.class, () -> items(merged));
        assertEquals("Item ('a', 'train'): mismatching media path info: " + Path.of("x", "a.jpg") + " vs "
                + Path.of("y", "a.jpg") + " (datasets 'd0' and 'd1')", e.getMessage());
    }

    @Test
    void exactStopsAtConflictingAttributesAndRefusesDifferentLabels() {
        DatasetSource merged = exact(
                of(CAT_DOG, new DatasetItem("a", "train", null, List.of(), Attributes.of("frame", 1L))),
                of(CAT_DOG, new DatasetItem("a", "train", null, List.of(), Attributes.of("frame", 2L))));
        DatasetException e = assertThrows(DatasetException.class, () -> items(merged));
        assertEquals("Item ('a', 'train'): mismatching image attribute frame: 1 vs 2 (datasets 'd0' and 'd1')",
                e.getMessage());
        DatasetException labels = assertThrows(DatasetException.class,
                () -> exact(of(CAT_DOG), of(LabelCategories.ofNames("dog", "cat"))));
        assertTrue(labels.getMessage().startsWith("Merging of datasets with different categories is only allowed in "
                + "'merge' command. ('d0' and 'd1' have different labels"), labels.getMessage());
    }

    @Test
    void twoInputsOf200kItemsInDifferentOrdersAreSortMergedThroughSpillFiles() throws Exception {
        int n = 200_000;
        List<DatasetItem> inOrder = new ArrayList<>(n);
        List<DatasetItem> shuffled = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = String.format("%06d", i);
            inOrder.add(new DatasetItem(id, "train", null, List.of(new Label(i % 2)), Attributes.of("first", (long) i)));
            shuffled.add(new DatasetItem(id, "train", null, List.of(new Label(i % 2), box(i % 2, 0, 0, i, 1)),
                    Attributes.of("second", (long) i)));
        }
        Collections.shuffle(shuffled, new Random(7));
        // a sort buffer of 5,000 items: the shuffled input spills 40 runs
        ExactMergeSource merged = new ExactMergeSource(List.of(Datasets.of(new Categories(CAT_DOG), inOrder),
                Datasets.of(new Categories(CAT_DOG), shuffled)), List.of("d0", "d1"), spill, 5_000);
        long count = 0;
        String previous = "";
        try (ItemCursor items = merged.items()) {
            while (items.hasNext()) {
                DatasetItem item = items.next();
                assertTrue(item.id().compareTo(previous) > 0, "in key order");
                previous = item.id();
                int i = Integer.parseInt(item.id());
                // the label of both kept once, the box of the second, the attributes of both
                assertEquals(List.of(new Label(i % 2), box(i % 2, 0, 0, i, 1)), item.annotations());
                assertEquals(Attributes.of("first", (long) i, "second", (long) i), item.attributes());
                count++;
            }
        }
        assertEquals(n, count);
        assertEquals(1, merged.spilledInputs(), "the input in order is read as it is, the other sorted on disk");
        try (var files = java.nio.file.Files.list(spill)) {
            assertTrue(files.findAny().isPresent(), "the sort's spill folder is under the job's folder while open");
        }
        merged.close();
        try (var files = java.nio.file.Files.walk(spill)) {
            assertEquals(1, files.count(), "closing removes every spill file");
        }
    }
}
