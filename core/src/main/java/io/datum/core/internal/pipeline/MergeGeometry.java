package io.datum.core.internal.pipeline;

import io.datum.core.internal.transforms.ShapePixels;
import io.datum.model.Annotation;
import io.datum.model.Bbox;
import io.datum.model.Ellipse;
import io.datum.model.ImageSize;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import java.util.List;

/**
 * The distances the {@code intersect} merge matches shapes by, as the reference measures them:
 * boxes (and anything compared with a box or an ellipse) by the IoU of their bounding boxes,
 * polygons and masks by the IoU of their pixels, key points by the object keypoint similarity
 * within their instances' boxes, polylines by the area between them. Bounding boxes are
 * {@code {x, y, w, h}}.
 */
final class MergeGeometry {
    private MergeGeometry() {
    }

    /** The bounding box of a shape, {@code {x, y, w, h}}. */
    static double[] bbox(Annotation a) {
        if (a instanceof Bbox b) {
            return new double[] {b.x1(), b.y1(), b.x2() - b.x1(), b.y2() - b.y1()};
        }
        if (a instanceof Ellipse e) {
            return new double[] {e.x1(), e.y1(), e.x2() - e.x1(), e.y2() - e.y1()};
        }
        if (a instanceof Mask m) {
            return maskBox(m);
        }
        double[] p = a instanceof Polygon g ? g.points().toArray()
                : a instanceof PolyLine l ? l.points().toArray() : ((Points) a).points().toArray();
        if (p.length == 0) {
            return new double[4];
        }
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < p.length; i += 2) {
            x0 = Math.min(x0, p[i]);
            x1 = Math.max(x1, p[i]);
            y0 = Math.min(y0, p[i + 1]);
            y1 = Math.max(y1, p[i + 1]);
        }
        return new double[] {x0, y0, x1 - x0, y1 - y0};
    }

    /** The box of a mask's set pixels, right and bottom edges exclusive. */
    private static double[] maskBox(Mask m) {
        int w = m.data().width();
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        m.data().forEachRow((row, y) -> {
            for (int x = 0; x < w; x++) {
                if (row[x] != 0) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        });
        if (box[2] < 0) {
            return new double[4];
        }
        return new double[] {box[0], box[1], box[2] - box[0] + 1, box[3] - box[1] + 1};
    }

    /** The union box of several, {@code {0, 0, 0, 0}} for none. */
    static double[] maxBox(List<double[]> boxes) {
        if (boxes.isEmpty()) {
            return new double[4];
        }
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (double[] b : boxes) {
            x0 = Math.min(x0, b[0]);
            y0 = Math.min(y0, b[1]);
            x1 = Math.max(x1, b[0] + b[2]);
            y1 = Math.max(y1, b[1] + b[3]);
        }
        return new double[] {x0, y0, x1 - x0, y1 - y0};
    }

    /** The box of the mean edges of several. */
    static double[] meanBox(List<double[]> boxes) {
        double l = 0;
        double t = 0;
        double r = 0;
        double b = 0;
        for (double[] x : boxes) {
            l += x[0];
            t += x[1];
            r += x[0] + x[2];
            b += x[1] + x[3];
        }
        int n = boxes.size();
        return new double[] {l / n, t / n, (r - l) / n, (b - t) / n};
    }

    /** IoU of two boxes; 0 when they do not overlap. */
    static double boxIou(double[] a, double[] b) {
        double w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / (a[2] * a[3] + b[2] * b[3] - inter);
    }

    /** The reference's {@code bbox_iou}: -1 when the boxes do not overlap. */
    static double boxIouOrNone(double[] a, double[] b) {
        double iou = boxIou(a, b);
        return iou == 0 ? -1 : iou;
    }

    /**
     * IoU of two shapes: of their boxes when either is a box or an ellipse (or not a region: key
     * points, polylines), else of their pixels on a canvas reaching the farther right and bottom
     * edges of the two.
     */
    static double segmentIou(Annotation a, Annotation b) {
        double[] ab = bbox(a);
        double[] bb = bbox(b);
        if (!isRegion(a) || !isRegion(b)) {
            return boxIou(ab, bb);
        }
        int w = (int) Math.max(ab[0] + ab[2], bb[0] + bb[2]);
        int h = (int) Math.max(ab[1] + ab[3], bb[1] + bb[3]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        boolean[] pa = pixels(a, w, h);
        boolean[] pb = pixels(b, w, h);
        long inter = 0;
        long union = 0;
        for (int i = 0; i < pa.length; i++) {
            inter += pa[i] && pb[i] ? 1 : 0;
            union += pa[i] || pb[i] ? 1 : 0;
        }
        return union == 0 ? 0 : (double) inter / union;
    }

    private static boolean isRegion(Annotation a) {
        return a instanceof Polygon || a instanceof Mask;
    }

    /**
     * The pixels of a polygon or a mask, cut to {@code w x h}; a polygon's are the ones the
     * polygons_to_masks transform draws (centres inside, even-odd).
     */
    private static boolean[] pixels(Annotation a, int w, int h) {
        boolean[] set = new boolean[w * h];
        MaskData data = a instanceof Mask m ? m.data() : ShapePixels.polygon(((Polygon) a).points(), new ImageSize(w, h));
        int mw = data.width();
        data.forEachRow((row, y) -> {
            if (y < h) {
                for (int x = 0; x < Math.min(mw, w); x++) {
                    set[y * w + x] = row[x] != 0;
                }
            }
        });
        return set;
    }

    /**
     * Object keypoint similarity with the reference's constants (sigma 0.1, the scale the area of
     * {@code box}): the sum over points, 0 when the point counts differ.
     */
    static double oks(Points a, Points b, double[] box) {
        double[] p = a.points().toArray();
        double[] q = b.points().toArray();
        if (p.length != q.length) {
            return 0;
        }
        double sigma = 0.1;
        double scale = box[2] * box[3];
        double sum = 0;
        for (int i = 0; i + 1 < p.length; i += 2) {
            double dx = p[i] - q[i];
            double dy = p[i + 1] - q[i + 1];
            sum += Math.exp(-(dx * dx + dy * dy) / (2 * scale * (2 * sigma) * (2 * sigma)));
        }
        return sum;
    }

    /**
     * How close two polylines are: both resampled to the same number of evenly spaced points, the
     * area between them (trapezoids) over an upper bound of that area, subtracted from 1.
     */
    static double lineDistance(PolyLine a, PolyLine b) {
        double[] box = maxBox(List.of(bbox(a), bbox(b)));
        if (box[2] * box[3] == 0) {
            return 1;
        }
        double[] pa = a.points().toArray();
        double[] pb = b.points().toArray();
        int segments = Math.max(Math.max(pa.length / 2, pb.length / 2), 5) - 1;
        double[] la = pa.length / 2 != segments + 1 ? approximate(pa, segments) : pa;
        double[] lb = pb.length / 2 != segments + 1 ? approximate(pb, segments) : pb;
        int n = segments + 1;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.hypot(la[2 * i] - lb[2 * i], la[2 * i + 1] - lb[2 * i + 1]);
        }
        double maxD = 0;
        double lenA = 0;
        double lenB = 0;
        double area = 0;
        for (int i = 0; i < n - 1; i++) {
            double pair = d[i] + d[i + 1];
            maxD = Math.max(maxD, pair);
            double stepA = Math.hypot(la[2 * i + 2] - la[2 * i], la[2 * i + 3] - la[2 * i + 1]);
            double stepB = Math.hypot(lb[2 * i + 2] - lb[2 * i], lb[2 * i + 3] - lb[2 * i + 1]);
            lenA += stepA;
            lenB += stepB;
            area += pair * (stepA + stepB);
        }
        double maxArea = maxD * Math.max(lenA, lenB);
        area = area * 0.5 * 0.5 / Math.max(maxArea, 1.0);
        return Math.abs(1 - area);
    }

    /** A line resampled to {@code segments + 1} points spaced evenly along it. */
    static double[] approximate(double[] points, int segments) {
        double[] p = points.length == 2 ? new double[] {points[0], points[1], points[0], points[1]} : points;
        int n = p.length / 2;
        double[] lengths = new double[n - 1];
        double[] dists = new double[n];
        for (int i = 0; i < n - 1; i++) {
            lengths[i] = Math.hypot(p[2 * i + 2] - p[2 * i], p[2 * i + 3] - p[2 * i + 1]);
            dists[i + 1] = dists[i] + lengths[i];
        }
        double step = dists[n - 1] / segments;
        double[] out = new double[2 * (segments + 1)];
        out[0] = p[0];
        out[1] = p[1];
        int old = 0;
        for (int s = 1; s <= segments; s++) {
            double pos = s * step;
            while (dists[old + 1] < pos && old + 2 < n) {
                old++;
            }
            double r = lengths[old] == 0 ? 0 : (pos - dists[old]) / lengths[old];
            out[2 * s] = p[2 * old] * (1 - r) + p[2 * old + 2] * r;
            out[2 * s + 1] = p[2 * old + 1] * (1 - r) + p[2 * old + 3] * r;
        }
        return out;
    }
}
