package io.datum.model;

import java.util.function.ObjIntConsumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What every kind of mask data has in common: its size, held once, and all its pixels gathered
 * from its rows. A kind of mask extends this and states only how it makes its rows; one that
 * holds its pixels in an array anyway, or checks something before they are gathered, overrides
 * {@link #pixels()} too.
 *
 * @since 1.5
 */
@ConsumerType
public abstract class AbstractMaskData implements MaskData {
    private final int width;
    private final int height;

    protected AbstractMaskData(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final int height() {
        return height;
    }

    /** All pixels, gathered from {@link #forEachRow}. */
    @Override
    public byte[] pixels() {
        return MaskData.pixelsFromRows(this);
    }

    /**
     * Abstract here, where the interface makes rows from {@link #pixels()}: a mask kind's rows are
     * what it is made of, and a default in both directions would call itself forever.
     */
    @Override
    public abstract void forEachRow(ObjIntConsumer<byte[]> rows);

    @Override
    public String toString() {
        return "MaskData[" + width + "x" + height + "]";
    }
}
