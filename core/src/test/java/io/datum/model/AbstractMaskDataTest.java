package io.datum.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;

class AbstractMaskDataTest {
    /** A 3x2 mask whose rows are made on demand: row y has its pixel x set when x == y. */
    private static final class Diagonal extends AbstractMaskData {
        int rowCalls;

        Diagonal() {
            super(3, 2);
        }

        @Override
        public void forEachRow(ObjIntConsumer<byte[]> rows) {
            rowCalls++;
            byte[] row = new byte[width()];
            for (int y = 0; y < height(); y++) {
                Arrays.fill(row, (byte) 0);
                row[y] = 1;
                rows.accept(row, y);
            }
        }
    }

    @Test
    void sizeAndNameComeFromTheConstructor() {
        Diagonal mask = new Diagonal();
        assertEquals(3, mask.width());
        assertEquals(2, mask.height());
        assertEquals("MaskData[3x2]", mask.toString());
    }

    @Test
    void pixelsAreGatheredFromTheRowsInOnePass() {
        Diagonal mask = new Diagonal();
        assertArrayEquals(new byte[] {1, 0, 0, 0, 1, 0}, mask.pixels());
        assertEquals(1, mask.rowCalls);
    }

    @Test
    void anArrayMaskGivesItsRowsInOrderAndKeepsItsPixels() {
        byte[] pixels = {0, 1, 1, 0, 0, 1};
        MaskData mask = MaskData.of(2, 3, pixels);
        pixels[0] = 9; // the mask holds its own copy
        List<String> rows = new ArrayList<>();
        mask.forEachRow((row, y) -> {
            rows.add(y + ":" + row[0] + row[1]);
            row[0] = 7; // a reader scribbling on the row must not reach the mask
        });
        assertEquals(List.of("0:01", "1:10", "2:01"), rows);
        assertArrayEquals(new byte[] {0, 1, 1, 0, 0, 1}, mask.pixels());
        assertEquals("MaskData[2x3]", mask.toString());
        assertEquals(2, mask.width());
        assertEquals(3, mask.height());
    }
}
