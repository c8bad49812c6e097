package io.datum.openimages.internal;

import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.openimages.internal.read.OpenImagesImporter;
import io.datum.openimages.internal.write.OpenImagesExporter;
import io.datum.options.ParsedOptions;
import io.datum.spi.CollectingJobContext;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** Small files and datasets the tests build for themselves. */
public final class Fixtures {
    /** The header of a box file, without the click and other optional columns. */
    public static final String BOX_HEADER = "ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,"
            + "IsOccluded,IsTruncated,IsGroupOf,IsDepiction,IsInside";
    /** The header of a mask (object segmentation) file. */
    public static final String MASK_HEADER = "MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,"
            + "PredictedIoU,Clicks";

    private Fixtures() {
    }

    /** An RGB image of one grey value, encoded by the file's extension (jpg/jpeg, png, bmp). */
    public static Path image(Path file, int width, int height, int value) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int rgb = value << 16 | value << 8 | value;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        String ext = Image.extensionOf(file.getFileName().toString()).substring(1).toLowerCase(Locale.ROOT);
        write(img, ext.equals("jpg") || ext.equals("jpeg") ? "jpeg" : ext, file);
        return file;
    }

    /** An 8-bit grey PNG with the given row-major values. */
    static Path greyPng(Path file, int width, int height, int... values) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setPixels(0, 0, width, height, values);
        write(img, "png", file);
        return file;
    }

    /** A 1-bit PNG (as Google ships masks) with the given 0/1 values. */
    static Path bitPng(Path file, int width, int height, int... values) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = img.getRaster();
        raster.setPixels(0, 0, width, height, values);
        write(img, "png", file);
        return file;
    }

    private static void write(BufferedImage img, String format, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(img, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text lines joined with {@code \n} (and a final one). */
    public static Path text(Path file, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Categories labels(String... names) {
        return new Categories(LabelCategories.ofNames(names));
    }

    /** Labels given as "name" or "name<parent". */
    static Categories labelsWithParents(String... specs) {
        List<LabelCategory> list = new ArrayList<>();
        for (String s : specs) {
            String[] parts = s.split("<", 2);
            list.add(new LabelCategory(parts[0], parts.length > 1 ? parts[1] : "", List.of()));
        }
        return new Categories(new LabelCategories(list, List.of()));
    }

    public static List<DatasetItem> items(DatasetSource source) {
        List<DatasetItem> items = new ArrayList<>();
        try (ItemCursor cursor = source.items()) {
            cursor.forEachRemaining(items::add);
        }
        return items;
    }

    public static DatasetSource importFrom(Path dir) throws IOException {
        return new OpenImagesImporter().open(dir, ParsedOptions.none(), JobContext.collecting());
    }

    public static DatasetSource importFrom(Path dir, CollectingJobContext context) throws IOException {
        return new OpenImagesImporter().open(dir, ParsedOptions.none(), context);
    }

    static void export(DatasetSource source, Path out, String... options) throws IOException {
        export(source, out, JobContext.collecting(), options);
    }

    static void export(DatasetSource source, Path out, CollectingJobContext context, String... options)
            throws IOException {
        Files.createDirectories(out);
        OpenImagesExporter exporter = new OpenImagesExporter();
        exporter.export(source, out, exporter.options().parse(Arrays.asList(options)), context);
    }

    static ParsedOptions options(Map<String, String> values) {
        return ParsedOptions.of(values);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Open Images V6 test asset of the reference: four items over three subsets, a
     * hierarchy with an unknown root, sizes of b in images.meta and of c only in its file.
     */
    static Path v6Asset(Path root) {
        Path a = root.resolve("annotations");
        text(a.resolve("bbox_labels_600_hierarchy.json"),
                "{", "    \"LabelName\": \"/m/x\",", "    \"Subcategory\": [", "        {",
                "            \"LabelName\": \"/m/0\",", "            \"Subcategory\": [",
                "                {", "                    \"LabelName\": \"/m/1\"", "                }",
                "            ]", "        }", "    ]", "}");
        String header = "ImageID,Subset,OriginalURL,OriginalLandingURL,License,AuthorProfileURL,Author,Title,"
                + "OriginalSize,OriginalMD5,Thumbnail300KURL,Rotation";
        text(a.resolve("image_ids_and_rotation.csv"), header,
                "a,train,,,,,Intel,Test Image A,,,,0", "b,train,,,,,Intel,Test Image B,,,,0",
                "c,test,,,,,Intel,Test Image C,,,,0", "d,validation,,,,Intel,Test Image D,,,,0");
        text(a.resolve("images.meta"), "b 2 8", "# c also has boxes, but is not listed here, so that",
                "# its size comes from the image file");
        text(a.resolve("oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/0,Generic label #0",
                "/m/1,Generic label #1", "/m/2,Generic label #2", "/m/3,Generic label #3");
        text(a.resolve("oidv6-train-annotations-bbox.csv"), BOX_HEADER, "b,xclick,/m/0,1,0.2,1,0.3,0.5,-1,-1,-1,-1,-1");
        text(a.resolve("oidv6-train-annotations-human-imagelabels.csv"), "ImageID,Source,LabelName,Confidence",
                "a,verification,/m/0,1", "b,verification,/m/0,0");
        text(a.resolve("test-annotations-bbox.csv"), BOX_HEADER, "c,xclick,/m/3,0.7,0.7,0.8,0,0.5,1,0,1,0,0");
        text(a.resolve("test-annotations-human-imagelabels.csv"), "ImageID,Source,LabelName,Confidence",
                "c,verification,/m/1,1", "c,verification,/m/3,1");
        text(a.resolve("train-annotations-object-segmentation.csv"),
                MASK_HEADER,
                "b_m0_01234567.png,b,/m/0,01234567,0.2,1,0.3,0.5,0.5,");
        image(root.resolve("images/train/a.jpg"), 6, 8, 0);
        image(root.resolve("images/train/b.jpg"), 8, 2, 0);
        image(root.resolve("images/test/c.jpg"), 5, 10, 1);
        image(root.resolve("images/validation/d.png"), 5, 1, 1);
        bitPng(root.resolve("masks/train/b_m0_01234567.png"), 8, 2,
                1, 1, 0, 0, 0, 0, 0, 0,
                1, 1, 0, 0, 0, 0, 0, 0);
        return root;
    }

    /** The reference's V5 asset: headerless class descriptions, two per-subset description files. */
    static Path v5Asset(Path root) {
        Path a = root.resolve("annotations");
        text(a.resolve("class-descriptions.csv"), "/m/0,Generic label #0", "/m/1,Generic label #1");
        String header = "ImageID,Subset,OriginalURL,OriginalLandingURL,License,AuthorProfileURL,Author,Title,"
                + "OriginalSize,OriginalMD5,Thumbnail300KURL,Rotation";
        text(a.resolve("test-images-with-rotation.csv"), header, "cc,test,,,,,Intel,Test Image CC,,,,0");
        text(a.resolve("train-images-with-labels-with-rotation.csv"), header, "aa,train,,,,,Intel,Test Image AA,,,,0");
        image(root.resolve("images/test/cc.jpg"), 5, 10, 1);
        image(root.resolve("images/train/aa.jpg"), 6, 8, 0);
        return root;
    }
}
