package io.datum.core.internal.pipeline;

import java.util.Arrays;

/**
 * The pixel count of a polygon rasterised the way pycocotools' {@code frPyObjects} does (the
 * reference's {@code datum stats} reports that, not the geometric area): the outline is traced on
 * a 5× finer grid, its crossings of pixel columns are taken back to the image grid, and the
 * column-major run-length code they define is summed. Written from the algorithm's description;
 * must agree with pycocotools to the pixel.
 */
public final class CocoPolygonArea {
    private static final double SCALE = 5;

    private CocoPolygonArea() {
    }

    public static long area(double[] xy, int height, int width) {
        long[] runs = runs(xy, height, width);
        long area = 0;
        for (int i = 1; i < runs.length; i += 2) {
            area += runs[i];
        }
        return area;
    }

    /**
     * The rasterised polygon as pycocotools' run-length code: pixels in column-major order
     * ({@code x * height + y}), alternating runs of unset and set pixels, the first unset.
     */
    static long[] runs(double[] xy, int height, int width) {
        int k = xy.length / 2;
        if (k == 0) {
            return new long[] {(long) height * width};
        }
        int[] x = new int[k + 1];
        int[] y = new int[k + 1];
        for (int j = 0; j < k; j++) {
            x[j] = (int) (SCALE * xy[2 * j] + .5);
            y[j] = (int) (SCALE * xy[2 * j + 1] + .5);
        }
        x[k] = x[0];
        y[k] = y[0];
        int m = 0;
        for (int j = 0; j < k; j++) {
            m += Math.max(Math.abs(x[j] - x[j + 1]), Math.abs(y[j] - y[j + 1])) + 1;
        }
        int[] u = new int[m];
        int[] v = new int[m];
        m = 0;
        for (int j = 0; j < k; j++) {
            int xs = x[j];
            int xe = x[j + 1];
            int ys = y[j];
            int ye = y[j + 1];
            int dx = Math.abs(xe - xs);
            int dy = Math.abs(ys - ye);
            boolean flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
            if (flip) {
                int t = xs;
                xs = xe;
                xe = t;
                t = ys;
                ys = ye;
                ye = t;
            }
            double s = dx >= dy ? (double) (ye - ys) / dx : (double) (xe - xs) / dy;
            if (dx >= dy) {
                for (int d = 0; d <= dx; d++) {
                    int t = flip ? dx - d : d;
                    u[m] = t + xs;
                    v[m] = (int) (ys + s * t + .5);
                    m++;
                }
            } else {
                for (int d = 0; d <= dy; d++) {
                    int t = flip ? dy - d : d;
                    v[m] = t + ys;
                    u[m] = (int) (xs + s * t + .5);
                    m++;
                }
            }
        }
        int total = m;
        long[] xs = new long[total];
        long[] ys = new long[total];
        m = 0;
        for (int j = 1; j < total; j++) {
            if (u[j] != u[j - 1]) {
                double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
                xd = (xd + .5) / SCALE - .5;
                if (Math.floor(xd) != xd || xd < 0 || xd > width - 1) {
                    continue;
                }
                double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
                yd = (yd + .5) / SCALE - .5;
                if (yd < 0) {
                    yd = 0;
                } else if (yd > height) {
                    yd = height;
                }
                yd = Math.ceil(yd);
                xs[m] = (long) xd;
                ys[m] = (long) yd;
                m++;
            }
        }
        long[] a = new long[m + 1];
        for (int j = 0; j < m; j++) {
            a[j] = xs[j] * height + ys[j];
        }
        a[m] = (long) height * width;
        Arrays.sort(a);
        long previous = 0;
        for (int j = 0; j < a.length; j++) {
            long t = a[j];
            a[j] -= previous;
            previous = t;
        }
        long[] counts = new long[a.length];
        int n = 0;
        int j = 0;
        counts[n++] = a[j++];
        while (j < a.length) {
            if (a[j] > 0) {
                counts[n++] = a[j++];
            } else {
                j++;
                if (j < a.length) {
                    counts[n - 1] += a[j++];
                }
            }
        }
        return Arrays.copyOf(counts, n);
    }
}
