package io.datum.core.internal.transforms;

import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import org.osgi.service.component.annotations.Component;

/**
 * {@code boxes_to_masks}: every box becomes a mask of the image's size, with the box's label, id,
 * group, z-order and attributes, in the box's place among the annotations. A pixel is set when
 * its centre lies inside the box, so a box on whole pixels covers exactly those pixels
 * ({@link ShapePixels}, made only when written). An item
 * with boxes but no known image size is an error naming the item.
 */
@Component
@TransformName(name = BoxesToMasks.NAME, description = "Replaces boxes by masks of the image's size")
public class BoxesToMasks implements DatasetTransform {
    public static final String NAME = "boxes_to_masks";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME).description("Converts bounding boxes to instance masks.");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        return ItemStage.mapping(source, BoxesToMasks::masked, ItemStage.Counts.SAME);
    }

    private static DatasetItem masked(DatasetItem item) {
        return ShapePixels.withMasks(item, a -> a instanceof Bbox, (a, size) -> {
            Bbox b = (Bbox) a;
            return ShapePixels.box(b.x1(), b.y1(), b.x2(), b.y2(), size);
        });
    }
}
