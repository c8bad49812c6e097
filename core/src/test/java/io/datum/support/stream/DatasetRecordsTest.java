package io.datum.support.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;

class DatasetRecordsTest {
    private static DatasetItem roundTrip(DatasetItem item) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DatasetRecords.items().write(new DataOutputStream(bytes), item);
        return DatasetRecords.items().read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
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

    /** A mask that gives its pixels only row by row, as a format decoding a large mask does. */
    private static MaskData rowsOnly(int width, int height, byte[] pixels) {
        return new MaskData() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public byte[] pixels() {
                throw new AssertionError("the whole frame was asked for");
            }

            @Override
            public void forEachRow(ObjIntConsumer<byte[]> rows) {
                byte[] row = new byte[width];
                for (int y = 0; y < height; y++) {
                    System.arraycopy(pixels, y * width, row, 0, width);
                    rows.accept(row, y);
                }
            }
        };
    }

    private static Annotation roundTrip(Annotation a) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DatasetRecords.annotations().write(new DataOutputStream(bytes), a);
        return DatasetRecords.annotations().read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void aMaskIsSpilledFromItsRowsAsRunsAcrossRowsAndComesBackRowByRow() throws IOException {
        // runs that cross row ends, values other than 0 and 1, a run as long as the frame
        byte[] pixels = {0, 0, 0, 5, 5, 5, 5, 0, 1, 1, 1, 1};
        Mask read = (Mask) roundTrip(new Mask(2, rowsOnly(4, 3, pixels), 9, 0, 3, Attributes.empty()));
        assertEquals(List.of(2, 9L, 3), List.of(read.label(), read.id(), read.zOrder()));
        assertArrayEquals(pixels, read.data().pixels());
        List<String> rows = new ArrayList<>();
        read.data().forEachRow((row, y) -> rows.add(y + ":" + Arrays.toString(row)));
        assertEquals(List.of("0:[0, 0, 0, 5]", "1:[5, 5, 5, 0]", "2:[1, 1, 1, 1]"), rows);
        assertTrue(read.data().toString().contains("4 runs"), read.data().toString());

        Mask empty = (Mask) roundTrip(new Mask(null, rowsOnly(3, 2, new byte[6]), 0, 0, 0, Attributes.empty()));
        assertArrayEquals(new byte[6], empty.data().pixels());
        assertTrue(empty.data().toString().contains("1 runs"), empty.data().toString());
        Mask none = (Mask) roundTrip(new Mask(null, MaskData.of(0, 0, new byte[0]), 0, 0, 0, Attributes.empty()));
        assertEquals(List.of(0, 0), List.of(none.data().width(), none.data().height()));
    }

    @Test
    void annotationsComeBackEqualOneByOne() throws IOException {
        Attributes attributes = Attributes.of("occluded", false, "track_id", 4L, "score", 0.25, "note", "x");
        for (Annotation a : List.of(new Label(1, 2, 3, attributes),
                new Bbox(0, 1, 2, 3, 4, 5, 6, 7, attributes, null),
                new Points(1, Coords.of(1, 2), 0, 0, 0, attributes,
                        new NormalizedPoints(Coords.of(0.1, 0.2), new ImageSize(10, 10))),
                new Caption("c", 1, 0, attributes))) {
            assertEquals(a, roundTrip(a));
        }
    }

    @Test
    void aSpillFileWhoseMaskRunsDoNotCoverTheFrameIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        DatasetRecords.annotations().write(out, new Mask(0, MaskData.of(2, 2, new byte[] {1, 1, 0, 0}), 0, 0, 0,
                Attributes.empty()));
        byte[] spilled = bytes.toByteArray();
        // kind, label flag, label, width, height, run count, then the first run: value, length
        int firstLength = 1 + 1 + 4 + 4 + 4 + 4 + 1;
        spilled[firstLength + 3] = 3;
        IOException e = assertThrows(IOException.class, () -> DatasetRecords.annotations().read(
                new DataInputStream(new ByteArrayInputStream(spilled))));
        assertTrue(e.getMessage().startsWith("corrupt spill file: mask runs"), e.getMessage());
    }
}
