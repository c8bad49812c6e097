package io.datum.benchmarks;

import io.datum.model.Annotation;
import io.datum.model.AttributeSpec;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.model.NormalizedBox;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Open Images-like data made up in memory, the same on every run (fixed seeds): 16-hex image ids,
 * {@code /m/0abc12} labels, normalised coordinates with up to six decimals, typical image sizes,
 * the five Open Images box flags as attributes. Nothing is read from outside the jar.
 */
final class SyntheticData {
    static final String BOX_CSV_HEADER =
            "ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,IsOccluded,IsTruncated,IsGroupOf,IsDepiction,IsInside";
    static final int LABELS = 600;
    static final String SUBSET = "train";
    /** The Open Images box flags; {@code occluded} is also one of CVAT's built-in shape attributes. */
    static final List<String> BOX_FLAGS = List.of("occluded", "truncated", "is_group_of", "is_depiction", "is_inside");
    private static final ImageSize[] SIZES = {
        new ImageSize(1024, 768), new ImageSize(1024, 683), new ImageSize(768, 1024), new ImageSize(800, 600),
        new ImageSize(1600, 1200), new ImageSize(4000, 3000),
    };

    private SyntheticData() {
    }

    /** The k-th label: {@code /m/0} and five base-36 characters. */
    static String label(int k) {
        return "/m/0" + Integer.toString(1_679_616 + k * 997, 36);
    }

    /** {@code count} distinct 16-hex image ids, sorted as Open Images files are. */
    static String[] imageIds(int count, long seed) {
        String[] ids = new String[count];
        long salt = new SplittableRandom(seed).nextLong();
        for (int i = 0; i < count; i++) {
            // multiplying by an odd constant is a bijection on longs: distinct ids, scattered digits
            String hex = Long.toHexString((i ^ salt) * 0x9E3779B97F4A7C15L);
            ids[i] = "0".repeat(16 - hex.length()) + hex;
        }
        Arrays.sort(ids);
        return ids;
    }

    /** A normalised coordinate with six decimals, as a double (exactly the nearest double to millionths / 10^6). */
    static double coordinate(SplittableRandom random) {
        return random.nextInt(1_000_001) / 1e6;
    }

    /** How Open Images files spell a coordinate: plain decimal, trailing zeros dropped ({@code 0.1234}). */
    static String coordinateText(double coordinate) {
        String s = BigDecimal.valueOf(Math.round(coordinate * 1e6), 6).stripTrailingZeros().toPlainString();
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }

    /** A pixel coordinate of an image up to 4000 wide with two decimals, as CVAT files spell them. */
    static String pixelText(SplittableRandom random) {
        return BigDecimal.valueOf(random.nextInt(400_001), 2).toPlainString();
    }

    /** A pixel coordinate as an exporter computes it: a normalised coordinate times an image side. */
    static double pixel(SplittableRandom random) {
        return coordinate(random) * SIZES[random.nextInt(SIZES.length)].width();
    }

    /**
     * A normalised coordinate as a CVAT to Open Images conversion computes it: a two-decimal pixel
     * coordinate divided by the image side (not a six-decimal number any more).
     */
    static double ratio(SplittableRandom random) {
        int side = SIZES[random.nextInt(SIZES.length)].width();
        return random.nextInt(side * 100 + 1) / 100.0 / side;
    }

    /** The text of an Open Images box file of {@code rows} rows (plus the header), '\n' line ends. */
    static String boxCsv(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] ids = imageIds(Math.max(1, rows / 10), seed);
        StringBuilder sb = new StringBuilder(rows * 110).append(BOX_CSV_HEADER).append('\n');
        for (int r = 0; r < rows; r++) {
            double x1 = coordinate(random);
            double x2 = coordinate(random);
            double y1 = coordinate(random);
            double y2 = coordinate(random);
            sb.append(ids[r * ids.length / rows]).append(",xclick,").append(label(random.nextInt(LABELS))).append(",1,")
                    .append(coordinateText(Math.min(x1, x2))).append(',').append(coordinateText(Math.max(x1, x2))).append(',')
                    .append(coordinateText(Math.min(y1, y2))).append(',').append(coordinateText(Math.max(y1, y2)));
            for (int f = 0; f < BOX_FLAGS.size(); f++) {
                sb.append(',').append(flag(random));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Open Images flags: mostly 0, some 1, a few -1 (unknown). */
    private static int flag(SplittableRandom random) {
        int r = random.nextInt(10);
        return r < 6 ? 0 : r < 9 ? 1 : -1;
    }

    /** {@value #LABELS} labels; the box flags other than CVAT's built-in {@code occluded} declared for all of them. */
    static Categories categories() {
        List<LabelCategory> labels = new ArrayList<>(LABELS);
        for (int k = 0; k < LABELS; k++) {
            labels.add(new LabelCategory(label(k)));
        }
        List<AttributeSpec> common = new ArrayList<>();
        for (String flag : BOX_FLAGS) {
            common.add(AttributeSpec.named(flag));
        }
        return new Categories(new LabelCategories(labels, common));
    }

    /**
     * {@code count} items of subset {@value #SUBSET}, sorted by id, each with a declared image size
     * (no file) and 5 to 15 boxes (10 on average) carrying the five box flags as booleans.
     */
    static List<DatasetItem> items(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] ids = imageIds(count, seed);
        List<DatasetItem> items = new ArrayList<>(count);
        for (String id : ids) {
            ImageSize size = SIZES[random.nextInt(SIZES.length)];
            int boxes = 5 + random.nextInt(11);
            List<Annotation> annotations = new ArrayList<>(boxes);
            for (int b = 0; b < boxes; b++) {
                annotations.add(box(random, size));
            }
            items.add(new DatasetItem(id, SUBSET, Image.withoutFile(".jpg", size), annotations));
        }
        return items;
    }

    private static Bbox box(SplittableRandom random, ImageSize size) {
        double a = coordinate(random);
        double b = coordinate(random);
        double c = coordinate(random);
        double d = coordinate(random);
        NormalizedBox n = new NormalizedBox(Math.min(a, b), Math.max(a, b), Math.min(c, d), Math.max(c, d), size);
        Attributes.Builder flags = Attributes.builder();
        for (String flag : BOX_FLAGS) {
            flags.put(flag, random.nextInt(10) < 3);
        }
        return new Bbox(random.nextInt(LABELS), n.xMin() * size.width(), n.yMin() * size.height(),
                n.xMax() * size.width(), n.yMax() * size.height(), 0, 0, 0, flags.build(), n);
    }

    /** The number of annotations of {@code items}, to check a pass saw everything. */
    static long annotationCount(List<DatasetItem> items) {
        long n = 0;
        for (DatasetItem item : items) {
            n += item.annotations().size();
        }
        return n;
    }
}
