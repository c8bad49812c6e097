package io.datum.openimages.internal;

import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.MaskData;
import io.datum.spi.DatasetException;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * A mask PNG of an Open Images dataset, decoded only when its pixels are asked for, then scaled
 * to the image size by nearest neighbour exactly as OpenCV's {@code INTER_NEAREST} does (source
 * index {@code floor(i * (1 / (dst / src)))}), every non-zero pixel set (§4.10). Sizes are
 * checked against the pixel limit before anything is decoded (decisions S3).
 */
final class PngMask implements MaskData {
    private final Path file;
    private final String displayName;
    private final int width;
    private final int height;
    private final long maxPixels;

    PngMask(Path file, String displayName, ImageSize size, long maxPixels) {
        this.file = file;
        this.displayName = displayName;
        this.width = size.width();
        this.height = size.height();
        this.maxPixels = maxPixels;
    }

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
        checkLimit((long) width * height, "the image size " + width + "x" + height);
        if (!Files.isRegularFile(file)) {
            throw DatasetException.at(displayName, -1, "mask file not found");
        }
        Optional<ImageSize> stored = Image.ofFile(file, null).size();
        if (stored.isEmpty()) {
            throw DatasetException.at(displayName, -1, "not a readable image");
        }
        checkLimit(stored.get().pixels(), "its size " + stored.get().width() + "x" + stored.get().height());
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(displayName, -1, -1, "cannot decode the mask: " + e.getMessage(), e);
        }
        if (image == null) {
            throw DatasetException.at(displayName, -1, "not a readable image");
        }
        return scale(image, width, height);
    }

    private void checkLimit(long pixels, String what) {
        if (pixels > maxPixels) {
            throw DatasetException.at(displayName, -1, "mask too large: " + what + " is " + pixels
                    + " pixels, more than the limit of " + maxPixels + " (raise it with "
                    + ImportSettings.MAX_MASK_PIXELS_PROPERTY + " or --max-mask-pixels)");
        }
    }

    /** Nearest-neighbour scaling to {@code w x h}; 1 where any colour channel is non-zero. */
    static byte[] scale(BufferedImage image, int w, int h) {
        int srcW = image.getWidth();
        int srcH = image.getHeight();
        int[] sourceX = nearest(srcW, w);
        int[] sourceY = nearest(srcH, h);
        byte[] out = new byte[w * h];
        if (srcW == 0 || srcH == 0) {
            return out;
        }
        boolean palette = image.getColorModel() instanceof IndexColorModel;
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        // OpenCV's "unchanged" loading keeps alpha as a channel of its own; it counts like any other
        int[] row = new int[srcW * bands];
        // output columns come in runs that share one source column; fill each run at once
        int[] runStart = new int[Math.min(w, srcW) + 1];
        int runs = 0;
        for (int x = 0; x < w; x++) {
            if (x == 0 || sourceX[x] != sourceX[x - 1]) {
                runStart[runs++] = x;
            }
        }
        runStart[runs] = w;
        int lastY = -1;
        boolean[] setInRow = new boolean[srcW];
        for (int y = 0; y < h; y++) {
            int sy = sourceY[y];
            if (sy == lastY) {
                // upscaled masks repeat source rows: copy the row just made
                System.arraycopy(out, (y - 1) * w, out, y * w, w);
                continue;
            }
            if (palette) {
                for (int x = 0; x < srcW; x++) {
                    setInRow[x] = (image.getRGB(x, sy) & 0xFFFFFF) != 0;
                }
            } else {
                raster.getPixels(0, sy, srcW, 1, row);
                for (int x = 0; x < srcW; x++) {
                    boolean set = false;
                    for (int b = 0; b < bands; b++) {
                        set |= row[x * bands + b] != 0;
                    }
                    setInRow[x] = set;
                }
            }
            lastY = sy;
            int base = y * w;
            for (int r = 0; r < runs; r++) {
                if (setInRow[sourceX[runStart[r]]]) {
                    java.util.Arrays.fill(out, base + runStart[r], base + runStart[r + 1], (byte) 1);
                }
            }
        }
        return out;
    }

    private static int[] nearest(int src, int dst) {
        int[] index = new int[dst];
        if (src == 0) {
            return index;
        }
        double inverseScale = 1.0 / ((double) dst / src);
        for (int i = 0; i < dst; i++) {
            index[i] = Math.min((int) Math.floor(i * inverseScale), src - 1);
        }
        return index;
    }

    @Override
    public String toString() {
        return "PngMask[" + displayName + " -> " + width + "x" + height + "]";
    }
}
