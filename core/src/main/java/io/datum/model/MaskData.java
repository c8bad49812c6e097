package io.datum.model;

import java.util.function.ObjIntConsumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The pixels of a mask, produced on demand. A format implements this to defer decoding (a PNG
 * file, a CVAT run-length code) until a writer needs the pixels, so that a dataset of millions of
 * masks streams in bounded memory. Implementations check their own limits (decisions S3) and
 * throw {@link io.datum.spi.DatasetException} naming the source when the data is bad.
 */
@ConsumerType
public interface MaskData {
    int width();

    int height();

    /** Row-major pixel values, {@code width*height} bytes; non-zero means set. A fresh array per call. */
    byte[] pixels();

    /**
     * The pixels row by row, top to bottom: {@code rows} is given each row's {@link #width()}
     * values (non-zero means set) and its index, {@link #height()} times. The array may be the same
     * for every row and may be read only during the call. A writer that takes the pixels this way
     * holds a row at a time rather than the whole mask; a format overrides this to decode a row
     * at a time too (the default takes the rows from {@link #pixels()}).
     *
     * @since 1.3
     */
    default void forEachRow(ObjIntConsumer<byte[]> rows) {
        int w = width();
        byte[] all = pixels();
        byte[] row = new byte[w];
        for (int y = 0; y < height(); y++) {
            System.arraycopy(all, y * w, row, 0, w);
            rows.accept(row, y);
        }
    }

    /**
     * All pixels of {@code mask} gathered from its {@link #forEachRow rows}: the {@link #pixels()}
     * of a mask that is made or decoded a row at a time.
     *
     * @since 1.4
     */
    static byte[] pixelsFromRows(MaskData mask) {
        int w = mask.width();
        byte[] all = new byte[Math.multiplyExact(w, mask.height())];
        mask.forEachRow((row, y) -> System.arraycopy(row, 0, all, y * w, w));
        return all;
    }

    /** Mask data over an array held in memory. */
    static MaskData of(int width, int height, byte[] pixels) {
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException("mask of " + width + "x" + height + " needs " + ((long) width * height)
                    + " pixels, got " + pixels.length);
        }
        byte[] copy = pixels.clone();
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
                return copy.clone();
            }

            @Override
            public String toString() {
                return "MaskData[" + width + "x" + height + "]";
            }
        };
    }
}
