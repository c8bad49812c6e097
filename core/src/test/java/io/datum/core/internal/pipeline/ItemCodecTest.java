package io.datum.core.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.NormalizedBox;
import io.datum.model.NormalizedPoints;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemCodecTest {
    private static DatasetItem roundTrip(DatasetItem item) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ItemCodec.INSTANCE.write(new DataOutputStream(bytes), item);
        return ItemCodec.INSTANCE.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void everyKindOfAnnotationComesBackWithAllItsFieldsAndTypedAttributesInOrder() throws IOException {
        Attributes attributes = Attributes.of("z", "text", "b", true, "n", 3L, "x", 0.5, "none", null);
        byte[] pixels = {0, 0, 7, 7, 0, 1, 1, 0, 0, 0, 0, 0};
        List<Annotation> annotations = List.of(
                new Label(2, 11, 3, attributes),
                new Bbox(1, 0.1, 0.2, 3.5, 4.25, 12, 4, -1, attributes,
                        new NormalizedBox(0.01, 0.35, 0.02, 0.425, new ImageSize(10, 10))),
                new Bbox(null, 1, 2, 3, 4, 0, 0, 0, Attributes.empty(), null),
                new Polygon(0, Coords.of(0, 0, 5, 0, 5, 5), 13, 0, 2, Attributes.empty()),
                new PolyLine(null, Coords.of(1, 1, 2, 2), 0, 0, 0, attributes),
                new Points(3, Coords.of(4, 4), 0, 5, 0, Attributes.empty(),
                        new NormalizedPoints(Coords.of(0.4, 0.4), new ImageSize(10, 10))),
                new Ellipse(1, 1, 1, 9, 9, 14, 0, 0, Attributes.empty()),
                new Caption("a cat, \"quoted\" — ünïcode", 15, 1, attributes));
        DatasetItem item = new DatasetItem("dir/a b", "train", Image.ofFile(Path.of("images", "a.JPG"),
                new ImageSize(640, 480)), annotations, Attributes.of("frame", 7L));
        assertEquals(item, roundTrip(item));

        Mask mask = new Mask(4, MaskData.of(4, 3, pixels), 16, 2, 1, attributes);
        DatasetItem masked = new DatasetItem("m", "val", Image.withoutFile(".png", null), List.of(mask));
        DatasetItem back = roundTrip(masked);
        Mask read = (Mask) back.annotations().get(0);
        assertEquals(List.of(4, 16L, 2L, 1, attributes), List.of(read.label(), read.id(), read.group(), read.zOrder(),
                read.attributes()));
        assertEquals(List.of(4, 3), List.of(read.data().width(), read.data().height()));
        assertArrayEquals(pixels, read.data().pixels());
        assertEquals(".png", back.image().extension());
        assertEquals(List.of(false, false), List.of(back.image().path().isPresent(),
                back.image().declaredSize().isPresent()));
        assertNull(roundTrip(new DatasetItem("n", null, null, List.of())).image());
    }
}
