package io.datum.core.internal.transforms;

import io.datum.model.Annotation;
import io.datum.model.Bbox;
import io.datum.model.Coords;
import io.datum.model.DatasetItem;
import io.datum.model.Mask;
import io.datum.model.Points;
import io.datum.model.PolyLine;
import io.datum.model.Polygon;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code shapes_to_boxes}: every mask, polygon, polyline and point set becomes its bounding box,
 * with the shape's label, id, group, z-order and attributes; the boxes follow the item's other
 * annotations. A box spans from the smallest to the largest coordinate, and for a mask from the
 * first to the last set pixel (so a one-pixel mask gives a box of size 0, as the reference
 * computes it). A mask is read a row at a time; a mask with no pixel set has no box and is
 * dropped with a warning.
 */
@Component
@TransformName(name = ShapesToBoxes.NAME, description = "Replaces masks, polygons, polylines and points by their bounding boxes")
public class ShapesToBoxes implements DatasetTransform {
    public static final String NAME = "shapes_to_boxes";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME).description("Converts spatial annotations (masks, polygons, polylines, "
                + "points) to bounding boxes.");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        return ItemStage.mapping(source, item -> boxed(item, context), ItemStage.Counts.SAME);
    }

    private static DatasetItem boxed(DatasetItem item, JobContext context) {
        List<Annotation> others = new ArrayList<>(item.annotations().size());
        List<Annotation> boxes = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            double[] bounds = a instanceof Polygon p ? bounds(p.points()) : a instanceof PolyLine l ? bounds(l.points())
                    : a instanceof Points p ? bounds(p.points()) : a instanceof Mask m ? bounds(m) : null;
            if (!(a instanceof Polygon || a instanceof PolyLine || a instanceof Points || a instanceof Mask)) {
                others.add(a);
            } else if (bounds == null) {
                context.warn("shapes_to_boxes: dropped shapes without any point or pixel",
                        a.type().name().toLowerCase(java.util.Locale.ROOT), 1);
            } else {
                boxes.add(new Bbox(a.label(), bounds[0], bounds[1], bounds[2], bounds[3], a.id(), a.group(), a.zOrder(),
                        a.attributes(), null));
            }
        }
        if (boxes.isEmpty() && others.size() == item.annotations().size()) {
            return item;
        }
        others.addAll(boxes);
        return item.withAnnotations(others);
    }

    /** x1, y1, x2, y2 of the points, or null when there are none. */
    private static double[] bounds(Coords points) {
        if (points.size() < 2) {
            return null;
        }
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i + 1 < points.size(); i += 2) {
            b[0] = Math.min(b[0], points.get(i));
            b[1] = Math.min(b[1], points.get(i + 1));
            b[2] = Math.max(b[2], points.get(i));
            b[3] = Math.max(b[3], points.get(i + 1));
        }
        return b;
    }

    /** Columns and rows of the first and last set pixels, or null when none is set. */
    private static double[] bounds(Mask mask) {
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        mask.data().forEachRow((row, y) -> {
            for (int x = 0; x < row.length; x++) {
                if (row[x] != 0) {
                    b[0] = Math.min(b[0], x);
                    b[2] = Math.max(b[2], x);
                    b[1] = Math.min(b[1], y);
                    b[3] = y;
                }
            }
        });
        return b[2] < 0 ? null : new double[] {b[0], b[1], b[2], b[3]};
    }
}
