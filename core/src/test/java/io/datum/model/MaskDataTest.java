package io.datum.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;

class MaskDataTest {
    @Test
    void pixelsFromRowsGathersEveryRowInItsPlace() {
        byte[] pixels = {1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1};
        MaskData rowsOnly = new MaskData() {
            @Override
            public int width() {
                return 4;
            }

            @Override
            public int height() {
                return 3;
            }

            @Override
            public byte[] pixels() {
                return MaskData.pixelsFromRows(this);
            }

            @Override
            public void forEachRow(ObjIntConsumer<byte[]> rows) {
                byte[] row = new byte[4];
                for (int y = 0; y < 3; y++) {
                    System.arraycopy(pixels, y * 4, row, 0, 4);
                    rows.accept(row, y);
                }
            }
        };
        assertArrayEquals(pixels, rowsOnly.pixels());
    }
}
