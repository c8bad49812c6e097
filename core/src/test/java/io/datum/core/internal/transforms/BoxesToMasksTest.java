package io.datum.core.internal.transforms;

import static io.datum.core.internal.transforms.TransformRuns.apply;
import static io.datum.core.internal.HandMadeDatasets.items;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.core.internal.HandMadeDatasets;
import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.Mask;
import io.datum.spi.DatasetException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxesToMasksTest {
    private final LabelCategories labels = LabelCategories.ofNames("a", "b");

    @Test
    void aBoxBecomesAMaskOfTheImageSizeWhereThePixelCentresAreInside() {
        Label label = new Label(1);
        Bbox box = new Bbox(0, 0, 0, 3, 3, 1, 2, 3, Attributes.of("x", 1L), null);
        DatasetItem item = new DatasetItem("0", "default", Image.withoutFile(".jpg", new ImageSize(5, 5)), List.of(
                box, label, new Bbox(1, 1.4, 2.6, 3.5, 9, 2, 0, 0, Attributes.empty(), null)));
        List<Annotation> a = items(apply(new BoxesToMasks(), HandMadeDatasets.of(labels, item))).get(0).annotations();
        Mask first = (Mask) a.get(0);
        assertEquals(TransformRuns.sharedFields(box), TransformRuns.sharedFields(first));
        assertArrayEquals(new byte[] {
            1, 1, 1, 0, 0,
            1, 1, 1, 0, 0,
            1, 1, 1, 0, 0,
            0, 0, 0, 0, 0,
            0, 0, 0, 0, 0}, first.data().pixels());
        assertEquals(label, a.get(1));
        // centres 1.5 and 2.5 lie in [1.4, 3.5); 3.5 does not; rows from 2.6 on reach the image's bottom
        assertArrayEquals(new byte[] {
            0, 0, 0, 0, 0,
            0, 0, 0, 0, 0,
            0, 0, 0, 0, 0,
            0, 1, 1, 0, 0,
            0, 1, 1, 0, 0}, a.get(2) instanceof Mask m ? m.data().pixels() : null);
        List<byte[]> rows = new ArrayList<>();
        first.data().forEachRow((row, y) -> rows.add(row.clone()));
        assertEquals(5, rows.size());
        assertArrayEquals(new byte[] {1, 1, 1, 0, 0}, rows.get(0));
    }

    @Test
    void anItemWithBoxesButNoImageSizeIsAnErrorNamingIt() {
        DatasetItem sized = new DatasetItem("ok", "train", null, List.of(new Label(0)));
        DatasetItem unsized = new DatasetItem("x", "train", Image.withoutFile(".jpg", null),
                List.of(Bbox.ofXywh(0, 0, 0, 1, 1, Attributes.empty())));
        assertEquals(List.of(sized), items(apply(new BoxesToMasks(), HandMadeDatasets.of(labels, sized))));
        DatasetException e = assertThrows(DatasetException.class,
                () -> items(apply(new BoxesToMasks(), HandMadeDatasets.of(labels, unsized))));
        assertTrue(e.getMessage().contains("item 'x' (subset 'train'): image info is required"), e.getMessage());
    }
}
