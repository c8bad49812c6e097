package io.datum.cvat.internal;

import io.datum.model.MaskData;
import java.util.Arrays;

/**
 * A CVAT mask: run-length counts over a box of the image, row-major, alternating runs of unset
 * and set pixels starting with unset. The pixels are produced only when asked for; the counts
 * were checked against the box and the box against the image when read.
 */
final class RleMask implements MaskData {
    private final int width;
    private final int height;
    private final int left;
    private final int top;
    private final int boxWidth;
    private final int boxHeight;
    private final int[] counts;

    RleMask(int width, int height, int left, int top, int boxWidth, int boxHeight, int[] counts) {
        this.width = width;
        this.height = height;
        this.left = left;
        this.top = top;
        this.boxWidth = boxWidth;
        this.boxHeight = boxHeight;
        this.counts = counts;
    }

    /** A full-frame mask of these pixels (non-zero = set). */
    static RleMask of(int width, int height, byte[] pixels) {
        return new RleMask(width, height, 0, 0, width, height, encode(pixels));
    }

    /** Run lengths over all of {@code pixels}, starting with a run of unset pixels (0 when the first is set). */
    static int[] encode(byte[] pixels) {
        int[] runs = new int[16];
        int n = 0;
        boolean set = false;
        int run = 0;
        for (byte p : pixels) {
            if ((p != 0) != set) {
                if (n == runs.length) {
                    runs = Arrays.copyOf(runs, n * 2);
                }
                runs[n++] = run;
                set = !set;
                run = 0;
            }
            run++;
        }
        if (n == runs.length) {
            runs = Arrays.copyOf(runs, n + 1);
        }
        runs[n++] = run;
        return Arrays.copyOf(runs, n);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    int left() {
        return left;
    }

    int top() {
        return top;
    }

    int boxWidth() {
        return boxWidth;
    }

    int boxHeight() {
        return boxHeight;
    }

    int[] counts() {
        return counts.clone();
    }

    @Override
    public byte[] pixels() {
        byte[] canvas = new byte[Math.multiplyExact(width, height)];
        long position = 0;
        for (int i = 0; i < counts.length; i++) {
            int remaining = counts[i];
            if (i % 2 == 1) {
                long p = position;
                while (remaining > 0) {
                    int row = (int) (p / boxWidth);
                    int column = (int) (p % boxWidth);
                    int length = Math.min(remaining, boxWidth - column);
                    int start = (top + row) * width + left + column;
                    Arrays.fill(canvas, start, start + length, (byte) 1);
                    remaining -= length;
                    p += length;
                }
            }
            position += counts[i];
        }
        return canvas;
    }

    @Override
    public String toString() {
        return "RleMask[" + width + "x" + height + ", box " + left + "," + top + " " + boxWidth + "x" + boxHeight + "]";
    }
}
