package io.datum.core.internal.transforms;

import io.datum.model.Annotation;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.ImageSize;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.osgi.service.component.annotations.Component;

/**
 * {@code boxes_to_masks}: every box becomes a mask of the image's size, with the box's label, id,
 * group, z-order and attributes, in the box's place among the annotations. A pixel is set when
 * its centre lies inside the box, so a box on whole pixels covers exactly those pixels. The mask's
 * pixels are made only when a writer asks for them, a row at a time if it reads rows. An item
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
        if (item.annotations().stream().noneMatch(a -> a instanceof Bbox)) {
            return item;
        }
        ImageSize size = item.image() == null ? null : item.image().size().orElse(null);
        if (size == null) {
            throw new DatasetException("item '" + item.id() + "' (subset '" + item.subset() + "'): image info is "
                    + "required for this transform (the image size is unknown)");
        }
        List<Annotation> annotations = new ArrayList<>(item.annotations().size());
        for (Annotation a : item.annotations()) {
            annotations.add(a instanceof Bbox b ? new Mask(b.label(), new BoxPixels(b, size), b.id(), b.group(),
                    b.zOrder(), b.attributes()) : a);
        }
        return item.withAnnotations(annotations);
    }

    /** The pixels of a box on an image: set where the pixel centre is inside the box. */
    private static final class BoxPixels implements MaskData {
        private final int width;
        private final int height;
        private final int left;
        private final int right;
        private final int top;
        private final int bottom;

        BoxPixels(Bbox box, ImageSize size) {
            this.width = size.width();
            this.height = size.height();
            this.left = firstCentreFrom(box.x1(), width);
            this.right = firstCentreFrom(box.x2(), width);
            this.top = firstCentreFrom(box.y1(), height);
            this.bottom = firstCentreFrom(box.y2(), height);
        }

        /** The first pixel whose centre is at or after {@code edge}, within 0..limit. */
        private static int firstCentreFrom(double edge, int limit) {
            double first = Math.ceil(edge - 0.5);
            return (int) Math.max(0, Math.min(limit, first));
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
            byte[] all = new byte[Math.multiplyExact(width, height)];
            forEachRow((row, y) -> System.arraycopy(row, 0, all, y * width, width));
            return all;
        }

        @Override
        public void forEachRow(ObjIntConsumer<byte[]> rows) {
            byte[] empty = new byte[width];
            byte[] inside = new byte[width];
            for (int x = left; x < right; x++) {
                inside[x] = 1;
            }
            for (int y = 0; y < height; y++) {
                rows.accept(y >= top && y < bottom ? inside : empty, y);
            }
        }

        @Override
        public String toString() {
            return "MaskData[" + width + "x" + height + ", box " + left + "," + top + " to " + right + "," + bottom + "]";
        }
    }
}
