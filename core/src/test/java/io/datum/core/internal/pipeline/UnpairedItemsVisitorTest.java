package io.datum.core.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datum.api.DatasetComparison.ItemRef;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.spi.Datasets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpairedItemsVisitorTest {
    @TempDir
    Path spill;

    /** Records the pairs it is given, so that the test sees they are not taken for unpaired ones. */
    private static final class PairRecorder extends UnpairedItemsVisitor {
        final List<String> pairs = new ArrayList<>();

        @Override
        public void inBoth(DatasetItem first, DatasetItem second) {
            pairs.add(first.subset() + "/" + first.id());
        }
    }

    private static DatasetItem item(String subset, String id) {
        return new DatasetItem(id, subset, null, List.of());
    }

    @Test
    void listsTheItemsOfOneSideInJoinOrder() {
        var first = Datasets.of(Categories.empty(), List.of(item("train", "b"), item("train", "a"),
                item("val", "c"), item("test", "x")));
        var second = Datasets.of(Categories.empty(), List.of(item("train", "a"), item("val", "d"),
                item("test", "x"), item("val", "c"), item("train", "e")));
        PairRecorder r = new ComparisonJoin(100, spill).run(first, second, PairRecorder::new).visitor();
        assertEquals(List.of(new ItemRef("b", "train")), r.onlyInFirst);
        assertEquals(List.of(new ItemRef("e", "train"), new ItemRef("d", "val")), r.onlyInSecond);
        assertEquals(List.of("test/x", "train/a", "val/c"), r.pairs);
    }
}
