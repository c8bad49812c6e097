package io.datum.benchmarks;

import io.datum.model.Annotation;
import io.datum.model.AttributeSpec;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.model.NormalizedBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ObjIntConsumer;

/**
 * Items as the open_images importer makes them from Google's train files, to be written by the
 * cvat exporter: the document an Open Images to CVAT conversion writes. Each image has about 6.4
 * verified labels (tags with a score); 19.3 % of the images have boxes, 8.4 on average, with their
 * score and the five Is* flags; 18.4 % of the boxes have a mask of the image's size (box_id and
 * predicted_iou attributes). Masks are drawn when the exporter asks for their rows, so set-up holds
 * no pixels. The same on every run (fixed seeds).
 */
final class GoogleShapedItems {
    static final String SUBSET = "train";
    static final List<String> BOX_FLAGS = List.of("occluded", "truncated", "is_group_of", "is_depiction", "is_inside");
    private static final ImageSize[] SIZES = {
        new ImageSize(1024, 768), new ImageSize(1024, 683), new ImageSize(768, 1024), new ImageSize(1024, 575),
    };

    private GoogleShapedItems() {
    }

    /** The 600 boxable labels of Google's shape; score, the flags, box_id and predicted_iou declared for all. */
    static Categories categories(long seed) {
        List<LabelCategory> labels = new ArrayList<>();
        for (String name : GoogleShapedCsv.labels(600, seed)) {
            labels.add(new LabelCategory(name));
        }
        List<AttributeSpec> common = new ArrayList<>();
        for (String name : List.of("score", "truncated", "is_group_of", "is_depiction", "is_inside", "box_id",
                "predicted_iou")) {
            common.add(AttributeSpec.named(name));
        }
        return new Categories(new LabelCategories(labels, common));
    }

    static List<DatasetItem> items(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<DatasetItem> items = new ArrayList<>(count);
        long id = 0;
        for (int i = 0; i < count; i++) {
            id += 1 + random.nextLong(1L << 44);
            ImageSize size = SIZES[random.nextInt(SIZES.length)];
            List<Annotation> annotations = new ArrayList<>();
            int tags = 1 + random.nextInt(12);
            for (int t = 0; t < tags; t++) {
                annotations.add(new Label(random.nextInt(600), Attributes.of("score", random.nextInt(10) < 8 ? 1.0 : 0.0)));
            }
            if (random.nextInt(1000) < 193) {
                int boxes = 1 + (int) (random.nextDouble() * 15.8);
                for (int b = 0; b < boxes; b++) {
                    box(random, size, annotations);
                }
            }
            String hex = Long.toHexString(id);
            items.add(new DatasetItem("0".repeat(16 - hex.length()) + hex, SUBSET, Image.withoutFile(".jpg", size),
                    annotations));
        }
        return items;
    }

    private static void box(SplittableRandom random, ImageSize size, List<Annotation> annotations) {
        int label = random.nextInt(600);
        double a = random.nextInt(1_000_001) / 1e6;
        double b = random.nextInt(1_000_001) / 1e6;
        double c = random.nextInt(1_000_001) / 1e6;
        double d = random.nextInt(1_000_001) / 1e6;
        NormalizedBox n = new NormalizedBox(Math.min(a, b), Math.max(a, b), Math.min(c, d), Math.max(c, d), size);
        Attributes.Builder attributes = Attributes.builder().put("score", 1.0);
        int[] sharesSet = {60, 30, 5, 5, 3};
        for (int f = 0; f < BOX_FLAGS.size(); f++) {
            attributes.put(BOX_FLAGS.get(f), random.nextInt(100) < sharesSet[f]);
        }
        annotations.add(new Bbox(label, n.xMin() * size.width(), n.yMin() * size.height(), n.xMax() * size.width(),
                n.yMax() * size.height(), 0, 0, 0, attributes.build(), n));
        if (random.nextInt(1000) < 184) {
            String boxId = Long.toHexString((1L << 32) | random.nextLong(1L << 32)).substring(1);
            Attributes maskAttributes = Attributes.of("box_id", boxId, "predicted_iou", random.nextInt(100_001) / 1e5);
            annotations.add(new Mask(label, new EllipseMask(size, n), 0, 0, 0, maskAttributes));
        }
    }

    /** A filled ellipse in the box, on a canvas of the image's size, drawn row by row when asked. */
    private record EllipseMask(ImageSize size, NormalizedBox box) implements MaskData {
        @Override
        public int width() {
            return size.width();
        }

        @Override
        public int height() {
            return size.height();
        }

        @Override
        public byte[] pixels() {
            return MaskData.pixelsFromRows(this);
        }

        @Override
        public void forEachRow(ObjIntConsumer<byte[]> rows) {
            double cx = (box.xMin() + box.xMax()) / 2 * size.width();
            double cy = (box.yMin() + box.yMax()) / 2 * size.height();
            double rx = Math.max(0.5, (box.xMax() - box.xMin()) / 2 * size.width());
            double ry = Math.max(0.5, (box.yMax() - box.yMin()) / 2 * size.height());
            byte[] row = new byte[size.width()];
            for (int y = 0; y < size.height(); y++) {
                Arrays.fill(row, (byte) 0);
                double dy = (y + 0.5 - cy) / ry;
                if (dy * dy < 1) {
                    double half = rx * Math.sqrt(1 - dy * dy);
                    int from = (int) Math.max(0, Math.ceil(cx - half - 0.5));
                    int to = (int) Math.min(size.width(), Math.floor(cx + half - 0.5) + 1);
                    for (int x = from; x < to; x++) {
                        row[x] = 1;
                    }
                }
                rows.accept(row, y);
            }
        }
    }
}
