package io.datum.core.internal.transforms;

import io.datum.model.AbstractMaskData;
import io.datum.model.Annotation;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.ImageSize;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.spi.DatasetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;

/**
 * The pixels of a shape on an image of a given size, made only when a writer asks for them, a row
 * at a time if it reads rows: a pixel is set when its centre lies inside the shape. For a polygon
 * "inside" follows the even-odd rule, and a centre on a left or top edge is inside while one on a
 * right or bottom edge is not, so that a box on whole pixels covers exactly those pixels and two
 * polygons sharing an edge never both take a pixel.
 */
public final class ShapePixels extends AbstractMaskData {
    /** Sets the pixels of one row whose centres lie inside the shape. */
    private interface RowFill {
        void fill(byte[] row, double centreY);
    }

    private final RowFill fill;

    private ShapePixels(ImageSize size, RowFill fill) {
        super(size.width(), size.height());
        this.fill = fill;
    }

    /**
     * {@code item} with each annotation that {@code drawn} accepts replaced, in its place, by a
     * mask of the image's size with its label, id, group, z-order and attributes, the pixels given
     * by {@code pixels}; the item itself when none is accepted. The image size is needed (and an
     * error when unknown) only when some annotation is replaced.
     */
    static DatasetItem withMasks(DatasetItem item, Predicate<Annotation> drawn,
                                 BiFunction<Annotation, ImageSize, MaskData> pixels) {
        if (item.annotations().stream().noneMatch(drawn)) {
            return item;
        }
        ImageSize size = imageSizeOf(item);
        List<Annotation> annotations = new ArrayList<>(item.annotations().size());
        for (Annotation a : item.annotations()) {
            annotations.add(drawn.test(a) ? new Mask(a.label(), pixels.apply(a, size), a.id(), a.group(), a.zOrder(),
                    a.attributes()) : a);
        }
        return item.withAnnotations(annotations);
    }

    /** The size of the item's image, which a mask needs; unknown, it is an error naming the item. */
    private static ImageSize imageSizeOf(DatasetItem item) {
        ImageSize size = item.image() == null ? null : item.image().size().orElse(null);
        if (size == null) {
            throw new DatasetException("item '" + item.id() + "' (subset '" + item.subset() + "'): image info is "
                    + "required for this transform (the image size is unknown)");
        }
        return size;
    }

    /** A polygon of {@code x0, y0, x1, y1, ...}. */
    public static ShapePixels polygon(Coords points, ImageSize size) {
        double[] p = points.toArray();
        int n = p.length / 2;
        return new ShapePixels(size, (row, cy) -> {
            double[] crossings = new double[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                double xa = p[2 * i];
                double ya = p[2 * i + 1];
                double xb = p[2 * ((i + 1) % n)];
                double yb = p[2 * ((i + 1) % n) + 1];
                // half-open in y: an edge counts for centres in [min y, max y)
                if ((ya <= cy && cy < yb) || (yb <= cy && cy < ya)) {
                    crossings[count++] = xa + (cy - ya) * (xb - xa) / (yb - ya);
                }
            }
            Arrays.sort(crossings, 0, count);
            for (int i = 0; i + 1 < count; i += 2) {
                setCentresIn(row, crossings[i], crossings[i + 1]);
            }
        });
    }

    /** A box from (x1, y1) to (x2, y2). */
    static ShapePixels box(double x1, double y1, double x2, double y2, ImageSize size) {
        return polygon(Coords.of(x1, y1, x2, y1, x2, y2, x1, y2), size);
    }

    /** The ellipse inscribed in the ellipse's box. */
    static ShapePixels ellipse(Ellipse e, ImageSize size) {
        double cx = (e.x1() + e.x2()) / 2;
        double cyCentre = (e.y1() + e.y2()) / 2;
        double rx = Math.abs(e.x2() - e.x1()) / 2;
        double ry = Math.abs(e.y2() - e.y1()) / 2;
        return new ShapePixels(size, (row, cy) -> {
            if (rx == 0 || ry == 0) {
                return;
            }
            double dy = (cy - cyCentre) / ry;
            if (dy * dy >= 1) {
                return;
            }
            double half = rx * Math.sqrt(1 - dy * dy);
            setCentresIn(row, cx - half, cx + half);
        });
    }

    /** Sets the pixels whose centre {@code x + 0.5} lies in [from, to). */
    private static void setCentresIn(byte[] row, double from, double to) {
        int first = (int) Math.max(0, Math.ceil(from - 0.5));
        int end = (int) Math.min(row.length, Math.ceil(to - 0.5));
        for (int x = first; x < end; x++) {
            row[x] = 1;
        }
    }

    @Override
    public void forEachRow(ObjIntConsumer<byte[]> rows) {
        byte[] row = new byte[width()];
        for (int y = 0, height = height(); y < height; y++) {
            Arrays.fill(row, (byte) 0);
            fill.fill(row, y + 0.5);
            rows.accept(row, y);
        }
    }
}
