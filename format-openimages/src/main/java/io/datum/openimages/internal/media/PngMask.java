package io.datum.openimages.internal.media;

import io.datum.model.AbstractMaskData;
import io.datum.model.ImageSize;
import io.datum.openimages.internal.ImportSettings;
import io.datum.spi.DatasetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ObjIntConsumer;

/**
 * A mask PNG of an Open Images dataset, decoded only when its pixels are asked for, then scaled
 * to the image size by nearest neighbour exactly as OpenCV's {@code INTER_NEAREST} does (source
 * index {@code floor(i * (1 / (dst / src)))}), every non-zero pixel set. Sizes are
 * checked against the pixel limit before anything is decoded (docs/differences.md, S3). {@link #forEachRow}
 * decodes a row at a time, so a mask as large as the limit allows is processed in memory of a
 * few rows.
 */
public final class PngMask extends AbstractMaskData {
    private final Path file;
    private final String displayName;
    private final long maxPixels;

    public PngMask(Path file, String displayName, ImageSize size, long maxPixels) {
        super(size.width(), size.height());
        this.file = file;
        this.displayName = displayName;
        this.maxPixels = maxPixels;
    }

    /** Checked against the limit before the array of all pixels is made. */
    @Override
    public byte[] pixels() {
        checkImageSize();
        return super.pixels();
    }

    @Override
    public void forEachRow(ObjIntConsumer<byte[]> rows) {
        checkImageSize();
        int width = width();
        int height = height();
        if (!Files.isRegularFile(file)) {
            throw DatasetException.at(displayName, -1, "mask file not found");
        }
        try (MaskPngReader png = MaskPngReader.open(file, displayName,
                (w, h) -> checkLimit((long) w * h, "its size " + w + "x" + h))) {
            int srcW = png.width();
            int srcH = png.height();
            double inverseScaleX = inverseScale(srcW, width);
            double inverseScaleY = inverseScale(srcH, height);
            byte[] source = new byte[srcW];
            byte[] row = new byte[width];
            int sourceRow = -1;
            for (int y = 0; y < height; y++) {
                int sy = nearest(y, inverseScaleY, srcH);
                if (sy != sourceRow) {
                    // source rows are taken in order; those no output row falls on are read past
                    while (sourceRow < sy) {
                        png.nextRow(source);
                        sourceRow++;
                    }
                    if (srcW == width) {
                        System.arraycopy(source, 0, row, 0, width);
                    } else {
                        for (int x = 0; x < width; x++) {
                            row[x] = source[nearest(x, inverseScaleX, srcW)];
                        }
                    }
                }
                rows.accept(row, y);
            }
        }
    }

    private void checkImageSize() {
        checkLimit((long) width() * height(), "the image size " + width() + "x" + height());
    }

    private void checkLimit(long pixels, String what) {
        if (pixels > maxPixels) {
            throw DatasetException.at(displayName, -1, "mask too large: " + what + " is " + pixels
                    + " pixels, more than the limit of " + maxPixels + " (raise it with "
                    + ImportSettings.MAX_MASK_PIXELS_PROPERTY + " or --max-mask-pixels)");
        }
    }

    private static double inverseScale(int src, int dst) {
        return 1.0 / ((double) dst / src);
    }

    /** The source index of destination index {@code i}, as OpenCV's nearest-neighbour resize computes it. */
    private static int nearest(int i, double inverseScale, int src) {
        return Math.min((int) Math.floor(i * inverseScale), src - 1);
    }

    @Override
    public String toString() {
        return "PngMask[" + displayName + " -> " + width() + "x" + height() + "]";
    }
}
