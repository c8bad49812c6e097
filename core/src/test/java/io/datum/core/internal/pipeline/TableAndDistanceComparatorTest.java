package io.datum.core.internal.pipeline;

import static io.datum.core.internal.HandMadeDatasets.box;
import static io.datum.core.internal.HandMadeDatasets.item;
import static io.datum.core.internal.HandMadeDatasets.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.datum.api.ComparisonOptions;
import io.datum.api.DatasetComparison;
import io.datum.api.DatasetComparison.ItemRef;
import io.datum.api.DistanceComparison;
import io.datum.api.DistanceComparison.Cell;
import io.datum.api.DistanceComparison.ItemLabels;
import io.datum.api.DistanceComparison.KindMatches;
import io.datum.api.TableComparison.Row;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Coords;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.Polygon;
import io.datum.spi.CollectingJobContext;
import io.datum.spi.DatasetSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableAndDistanceComparatorTest {
    @TempDir
    Path spill;

    private static Row row(String field, String... values) {
        return new Row(field, List.of(values));
    }

    @Test
    void theTablesPutEachDatasetsStatisticsSideBySide() throws IOException {
        DatasetSource a = of(LabelCategories.ofNames("cat", "dog"),
                item("1", "train", new Label(0), box(1, 0, 0, 2, 2)), item("2", "train"), item("3", "val", new Label(0)));
        DatasetSource b = of(LabelCategories.ofNames("dog", "bird"),
                item("1", "train", box(0, 0, 0, 2, 2)), item("4", "test", new Label(1)));
        DatasetComparison c = new TableComparator(new CollectingJobContext(), spill).compare(a, b, "fmt_a", "fmt_b");
        assertEquals(ComparisonOptions.Method.TABLE, c.method());
        assertNull(c.distance());
        assertEquals(List.of(
                row("Format", "fmt_a", "fmt_b"),
                row("Number of classes", "2", "2"),
                row("Common classes", "dog", "dog"),
                row("Classes", "cat, dog", "bird, dog"),
                row("Images count", "0", "0"),
                row("Unique images count", "0", "0"),
                row("Repeated images count", "0", "0"),
                row("Annotations count", "3", "2"),
                row("Unannotated images count", "1", "0")), c.table().highLevel());
        // no image file: no mean (n/a); a subset the dataset lacks: empty; labels of the first, then the others
        assertEquals(List.of(
                row("train - Image Mean", "n/a", "n/a"),
                row("train - Image Std", "n/a", "n/a"),
                row("val - Image Mean", "n/a", ""),
                row("val - Image Std", "n/a", ""),
                row("test - Image Mean", "", "n/a"),
                row("test - Image Std", "", "n/a"),
                row("Label - cat", "imgs: 2, percent: 0.6667", ""),
                row("Label - dog", "imgs: 1, percent: 0.3333", "imgs: 1, percent: 0.5000"),
                row("Label - bird", "", "imgs: 1, percent: 0.5000")), c.table().midLevel());
        // label indices [0, 0, 1] against [0, 1]: SciPy's anderson_ksamp gives a p-value capped at 0.25
        assertEquals(List.of(row("Covariate shift", "n/a"), row("Label shift", "0.75")), c.table().lowLevel());
        assertEquals(List.of(3L, 2L), List.of(c.firstItems(), c.secondItems()));
    }

    @Test
    void theLabelShiftIsOneMinusTheAndersonDarlingPValueOfTheLabelIndices() {
        // SciPy 1.17: anderson_ksamp([[0,0,0,1],[0,1,1,2,2]]).pvalue == 0.036505768745312285
        double p = TableComparator.AndersonDarling.pValue(new long[] {3, 1}, new long[] {1, 2, 2});
        assertEquals(0.036505768745312285, p, 1e-12);
        // far apart: the p-value is floored at 0.001
        assertEquals("0.999", TableComparator.labelShift(new long[] {30, 30}, new long[] {10, 50}));
        // undefined: a dataset without labelled annotations, or a single label in both
        assertEquals("n/a", TableComparator.labelShift(new long[] {0, 0}, new long[] {1, 2}));
        assertEquals("n/a", TableComparator.labelShift(new long[] {4}, new long[] {5}));
    }

    @Test
    void distanceMatchesLabelsByLabelAndShapesByOverlapReachingTheThreshold() {
        LabelCategories labels = LabelCategories.ofNames("cat", "dog");
        byte[] topLeft = {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] topRow = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Bbox scored = new Bbox(0, 0, 0, 10, 10, 0, 0, 0, Attributes.of("score", 0.9), null);
        DatasetSource a = of(labels,
                item("1", "train", new Label(0), new Label(1), scored, box(1, 20, 20, 30, 30),
                        new Polygon(0, Coords.of(0, 0, 10, 0, 10, 10, 0, 10), 0, 0, 0, Attributes.empty()),
                        new Mask(1, MaskData.of(4, 4, topLeft), 0, 0, 0, Attributes.empty())),
                item("2", "train"));
        DatasetSource b = of(LabelCategories.ofNames("cat", "dog", "bird"),
                item("1", "train", new Label(0),
                        // IoU with the scored cat box: 100 / 120
                        box(0, 0, 0, 10, 12),
                        // IoU with the dog box: 100 / 110, a cat
                        box(0, 20, 20, 30, 31),
                        box(1, 50, 50, 60, 60),
                        // holds the first's square: all of the first's pixels are common
                        new Polygon(0, Coords.of(0, 0, 10, 0, 10, 20, 0, 20), 0, 0, 0, Attributes.empty()),
                        // 2 of the first's 4 pixels
                        new Mask(1, MaskData.of(4, 4, topRow), 0, 0, 0, Attributes.empty())),
                item("3", "val"));
        DatasetComparison c = new DatasetComparator(ComparisonOptions.distance(0.5), 10, spill).compare(a, b);
        assertEquals(ComparisonOptions.Method.DISTANCE, c.method());
        assertEquals(List.of(new ItemRef("2", "train")), c.onlyInFirst());
        assertEquals(List.of(new ItemRef("3", "val")), c.onlyInSecond());
        DistanceComparison d = c.distance();
        assertEquals(List.of(), d.labelsOnlyInFirst());
        assertEquals(List.of("bird"), d.labelsOnlyInSecond());
        assertEquals(List.of(new ItemLabels("1", "train", List.of("dog"), List.of())), d.itemLabels());
        assertEquals(List.of(
                new KindMatches("label", 1, 0, 1, 0, List.of(new Cell("cat", "cat", 1), new Cell("dog", "unmatched", 1))),
                // the unscored dog box goes first (score 1 > 0.9) and takes the cat box it overlaps most
                new KindMatches("bbox", 1, 1, 0, 1, List.of(new Cell("dog", "cat", 1), new Cell("cat", "cat", 1),
                        new Cell("unmatched", "dog", 1))),
                new KindMatches("polygon", 1, 0, 0, 0, List.of(new Cell("cat", "cat", 1))),
                new KindMatches("mask", 1, 0, 0, 0, List.of(new Cell("dog", "dog", 1)))), d.kinds());

        DatasetComparison strict = new DatasetComparator(ComparisonOptions.distance(0.95), 10, spill).compare(a, b);
        assertEquals(List.of(0L, 0L, 2L, 3L), List.of(strict.distance().kinds().get(1).matched(),
                strict.distance().kinds().get(1).mislabelled(), strict.distance().kinds().get(1).onlyInFirst(),
                strict.distance().kinds().get(1).onlyInSecond()), "no box overlaps by 95 %");
        assertEquals(0, strict.distance().kinds().get(3).matched(), "half the mask is below 95 %");
    }
}
