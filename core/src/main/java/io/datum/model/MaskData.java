package io.datum.model;

import java.util.function.ObjIntConsumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The pixels of a mask, produced on demand. A format implements this to defer decoding (a PNG
 * file, a CVAT run-length code) until a writer needs the pixels, so that a dataset of millions of
 * masks streams in bounded memory. Implementations check their own limits (decisions S3) and
 * throw {@link io.datum.spi.DatasetException} naming the source when the data is bad. A kind of
 * mask made a row at a time extends {@link AbstractMaskData}, which holds the size and gathers the
 * pixels from the rows.
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
        rowsOf(pixels(), width(), height(), rows);
    }

    /** The rows of {@code all} ({@code height} rows of {@code width}), each copied into one reused array. */
    private static void rowsOf(byte[] all, int width, int height, ObjIntConsumer<byte[]> rows) {
        byte[] row = new byte[width];
        for (int y = 0; y < height; y++) {
            System.arraycopy(all, y * width, row, 0, width);
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
        return new AbstractMaskData(width, height) {
            @Override
            public byte[] pixels() {
                return copy.clone();
            }

            @Override
            public void forEachRow(ObjIntConsumer<byte[]> rows) {
                rowsOf(copy, width, height, rows);
            }
        };
    }
}
