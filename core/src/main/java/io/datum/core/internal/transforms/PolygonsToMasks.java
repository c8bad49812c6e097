package io.datum.core.internal.transforms;

import io.datum.model.DatasetItem;
import io.datum.model.Ellipse;
import io.datum.model.Polygon;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import org.osgi.service.component.annotations.Component;

/**
 * {@code polygons_to_masks}: every polygon and ellipse becomes a mask of the image's size, with
 * the shape's label, id, group, z-order and attributes, in the shape's place among the
 * annotations; a pixel is set when its centre lies inside the shape ({@link ShapePixels}, made
 * only when written). An item with such shapes but no known image size is an error naming it.
 */
@Component
@TransformName(name = PolygonsToMasks.NAME, description = "Replaces polygons and ellipses by masks of the image's size")
public class PolygonsToMasks implements DatasetTransform {
    public static final String NAME = "polygons_to_masks";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME).description("Converts polygons and ellipses to instance masks.");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        return ItemStage.mapping(source, PolygonsToMasks::masked, ItemStage.Counts.SAME);
    }

    private static DatasetItem masked(DatasetItem item) {
        return ShapePixels.withMasks(item, a -> a instanceof Polygon || a instanceof Ellipse,
                (a, size) -> a instanceof Polygon p ? ShapePixels.polygon(p.points(), size)
                        : ShapePixels.ellipse((Ellipse) a, size));
    }
}
