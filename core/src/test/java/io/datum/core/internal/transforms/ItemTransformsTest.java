package io.datum.core.internal.transforms;

import static io.datum.core.internal.transforms.TransformRuns.apply;
import static io.datum.core.internal.transforms.TransformRuns.ids;
import static io.datum.core.internal.HandMadeDatasets.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.core.internal.HandMadeDatasets;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.options.UsageException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.transform.DatasetTransform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The transforms that change items one at a time: ids, subsets, removals. */
class ItemTransformsTest {
    private final LabelCategories labels = LabelCategories.ofNames("cat", "dog");

    private DatasetSource abcd() {
        return HandMadeDatasets.of(labels, new DatasetItem("a", "train", null, List.of(new Label(0))),
                new DatasetItem("b", "validation", null, List.of(new Label(1))),
                new DatasetItem("c", "validation", null, List.of()),
                new DatasetItem("d", "validation", null, List.of(new Label(0))));
    }

    @Test
    void mapSubsetsRenamesAndJoinsSubsetsAndKnowsTheirSizes() {
        DatasetSource s = apply(new MapSubsets(), abcd(), "-s", "validation:val", "-s", "train:val");
        assertEquals(List.of("val/a", "val/b", "val/c", "val/d"), ids(s));
        assertEquals(Optional.of(Map.of("val", 4L)), s.subsetSizes());
        assertEquals(OptionalLong.of(4), s.itemCount());
        assertEquals(List.of("train/a", "val/b", "val/c", "val/d"), ids(apply(new MapSubsets(), abcd(), "-s", "validation:val")));
        assertThrows(UsageException.class, () -> apply(new MapSubsets(), abcd(), "-s", "validation"));
    }

    @Test
    void reindexNumbersTheItemsFromStartInReadingOrderOnEveryPass() {
        DatasetSource s = apply(new Reindex(), abcd(), "-s", "10");
        assertEquals(List.of("train/10", "validation/11", "validation/12", "validation/13"), ids(s));
        assertEquals(ids(s), ids(s), "a second pass numbers the same way");
        assertEquals(List.of("train/1", "validation/2", "validation/3", "validation/4"), ids(apply(new Reindex(), abcd())));
        assertThrows(UsageException.class, () -> apply(new Reindex(), abcd(), "-s", "x"));
    }

    @Test
    void idFromImageNameUsesTheFileNameAndKeepsItemsWithoutOne() {
        DatasetSource s = HandMadeDatasets.of(labels,
                new DatasetItem("1", "train", Image.ofFile(Path.of("images", "cat.001.jpg"), null), List.of()),
                new DatasetItem("2", "train", Image.withoutFile(".jpg", null), List.of()),
                new DatasetItem("3", "train", null, List.of()),
                new DatasetItem("4", "train", Image.ofFile(Path.of("noext"), null), List.of()));
        assertEquals(List.of("train/cat.001", "train/2", "train/3", "train/noext"), ids(apply(new IdFromImageName(), s)));
    }

    @Test
    void renameReplacesEveryMatchWithPythonGroupReferences() {
        DatasetSource s = HandMadeDatasets.of(labels, new DatasetItem("frame_12", "train", null, List.of()),
                new DatasetItem("frame_7_frame_8", "train", null, List.of()), new DatasetItem("x", "train", null, List.of()));
        assertEquals(List.of("train/12", "train/7_8", "train/x"), ids(apply(new Rename(), s, "-e", "|frame_(\\d+)|\\1|")));
        assertEquals(List.of("train/12-frame", "train/7-frame_8-frame", "train/x"),
                ids(apply(new Rename(), s, "-e", "/(?P<w>frame)_(\\d+)/\\g<2>-\\g<w>/")));
        assertEquals(List.of("train/img_x"), ids(apply(new Rename(), HandMadeDatasets.of(labels,
                new DatasetItem("x", "train", null, List.of())), "-e", "|^(.)$|img_\\1|")));
        assertEquals(List.of("train/$0\\-\t12"), ids(apply(new Rename(), HandMadeDatasets.of(labels,
                new DatasetItem("frame_12", "train", null, List.of())), "-e", "|frame_|$0\\-\\t|")));
        assertEquals(List.of("train/", "train/frame_7_frame_8", "train/x"), ids(apply(new Rename(), s, "-e", "|frame_12||")));
    }

    /** The reference's documented examples, with the ids Python's re.sub and str.format give. */
    @Test
    void renameFollowsTheReferencesExamples() {
        DatasetSource frames = HandMadeDatasets.of(labels, new DatasetItem("frame_12", "train", null, List.of()),
                new DatasetItem("frame_5_extra", "test", null, List.of()));
        assertEquals(List.of("train/12", "test/5_extra"), ids(apply(new Rename(), frames, "-e", "|^frame_||")));
        assertEquals(List.of("train/12", "test/5_extra"), ids(apply(new Rename(), frames, "-e", "|^frame_|")));
        assertEquals(List.of("train/frame_12", "test/test_id_5"),
                ids(apply(new Rename(), frames, "-e", "|frame_(\\d+)_extra|{item.subset}_id_\\1|")));
        // (.*) also matches the empty string at the end, as in Python
        assertEquals(List.of("train/train_xtrain_"), ids(apply(new Rename(), HandMadeDatasets.of(labels,
                new DatasetItem("x", "train", null, List.of())), "-e", "|(.*)|{item.subset}_\\1|")));
        // an unmatched group is empty
        assertEquals(List.of("train/a/b/", "train/"), ids(apply(new Rename(), HandMadeDatasets.of(labels,
                new DatasetItem("a/b/c", "train", null, List.of()), new DatasetItem("c", "train", null, List.of())),
                "-e", "|^((.+[/\\\\])*)?(.+)$|\\2|")));
        assertEquals(List.of("train/{frame_12}"), ids(apply(new Rename(), HandMadeDatasets.of(labels,
                new DatasetItem("frame_12", "train", null, List.of())), "-e", "|^(.*)$|{{{item.id}}}|")));
    }

    @Test
    void renameRefusesFieldsOtherThanTheItemsIdAndSubset() {
        UsageException e = assertThrows(UsageException.class, () -> apply(new Rename(), abcd(), "-e",
                "|a|{item.media}|"));
        assertTrue(e.getMessage().contains("{item.media}"), e.getMessage());
        assertThrows(UsageException.class, () -> apply(new Rename(), abcd(), "-e", "|a|{|"));
        io.datum.spi.DatasetException braces = assertThrows(io.datum.spi.DatasetException.class,
                () -> ids(apply(new Rename(), HandMadeDatasets.of(labels, new DatasetItem("a{b}", "train", null,
                        List.of())), "-e", "|x|y|")));
        assertTrue(braces.getMessage().contains("'a{b}'"), braces.getMessage());
    }

    @Test
    void renameRefusesBadExpressionsAsUsageErrors() {
        DatasetTransform t = new Rename();
        assertThrows(UsageException.class, () -> apply(t, abcd()), "the expression is required");
        assertThrows(UsageException.class, () -> apply(t, abcd(), "-e", "|a"));
        assertThrows(UsageException.class, () -> apply(t, abcd(), "-e", "|(a|b|"));
        assertThrows(UsageException.class, () -> apply(t, abcd(), "-e", "|(a)|\\2|"));
        assertThrows(UsageException.class, () -> apply(t, abcd(), "-e", "|(a)|\\q|"));
        assertThrows(UsageException.class, () -> apply(t, abcd(), "-e", "|(a)|\\g<x>|"));
    }

    @Test
    void removeItemsDropsTheNamedItemsOnly() {
        DatasetSource s = apply(new RemoveItems(), abcd(), "--id", "a:train", "--id", "d:validation", "--id", "b:train");
        assertEquals(List.of("validation/b", "validation/c"), ids(s));
        assertEquals(OptionalLong.empty(), s.itemCount());
        UsageException e = assertThrows(UsageException.class, () -> apply(new RemoveItems(), abcd(), "--id", "a"));
        assertTrue(e.getMessage().contains("'<id>:<subset>'"), e.getMessage());
    }

    @Test
    void removeAnnotationsOfAllItemsOfSomeOrOneById() {
        Bbox box = new Bbox(0, 0, 0, 1, 1, 5, 0, 0, Attributes.empty(), null);
        DatasetSource s = HandMadeDatasets.of(labels, new DatasetItem("a", "train", null, List.of(new Label(0, 4, 0,
                Attributes.empty()), box)), new DatasetItem("b", "train", null, List.of(new Label(1))));
        assertEquals(List.of(0, 0), items(apply(new RemoveAnnotations(), s)).stream().map(i -> i.annotations().size()).toList());
        assertEquals(List.of(0, 1), items(apply(new RemoveAnnotations(), s, "--id", "a:train"))
                .stream().map(i -> i.annotations().size()).toList());
        List<DatasetItem> one = items(apply(new RemoveAnnotations(), s, "--id", "a:train:4"));
        assertEquals(List.of(box), one.get(0).annotations());
        assertEquals(1, one.get(1).annotations().size());
        assertThrows(UsageException.class, () -> apply(new RemoveAnnotations(), s, "--id", "a:train:x"));
    }

    @Test
    void removeAttributesFromItemsAndTheirAnnotations() {
        DatasetSource s = HandMadeDatasets.of(labels,
                new DatasetItem("a", "train", null, List.of(new Label(0, 1, 0, Attributes.of("occluded", true, "score", 0.5))),
                        Attributes.of("frame", 3L, "occluded", false)),
                new DatasetItem("b", "train", null, List.of(new Label(1, 1, 0, Attributes.of("occluded", true))),
                        Attributes.empty()));
        List<DatasetItem> named = items(apply(new RemoveAttributes(), s, "--id", "a:train", "-a", "occluded"));
        assertEquals(Attributes.of("frame", 3L), named.get(0).attributes());
        assertEquals(Attributes.of("score", 0.5), named.get(0).annotations().get(0).attributes());
        assertEquals(Attributes.of("occluded", true), named.get(1).annotations().get(0).attributes());
        List<DatasetItem> all = items(apply(new RemoveAttributes(), s));
        assertTrue(all.stream().allMatch(i -> i.attributes().isEmpty()
                && i.annotations().stream().allMatch(a -> a.attributes().isEmpty())));
    }

    @Test
    void eachStagePullsOneItemPerItemItGives() {
        for (DatasetTransform t : List.of(new MapSubsets(), new Reindex(), new IdFromImageName(), new Rename(),
                new RemoveItems(), new RemoveAnnotations(), new RemoveAttributes(), new ProjectLabels(), new RandomSplit(),
                new ShapesToBoxes(), new BoxesToMasks(), new PolygonsToMasks())) {
            TransformRuns.Generated source = new TransformRuns.Generated(1000);
            String[] options = t instanceof Rename ? new String[] {"-e", "|_|-|"} : new String[0];
            try (ItemCursor c = apply(t, source, options).items()) {
                c.next();
                assertEquals(1, source.made(), t.getClass().getSimpleName());
                c.next();
                assertEquals(2, source.made(), t.getClass().getSimpleName());
            }
        }
    }

    @Test
    void everyTransformAnswersHelp() {
        for (DatasetTransform t : List.of(new MapSubsets(), new Reindex(), new IdFromImageName(), new Rename(),
                new RemoveItems(), new RemoveAnnotations(), new RemoveAttributes(), new ProjectLabels(), new RandomSplit(),
                new ShapesToBoxes())) {
            String help = TransformRuns.help(t);
            assertTrue(help.startsWith("usage: " + t.options().prog()), help);
        }
    }
}
