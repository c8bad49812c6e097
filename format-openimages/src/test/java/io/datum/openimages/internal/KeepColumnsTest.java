package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.model.Label;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.openimages.internal.write.OpenImagesExporter;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --keep-columns: Open Images written the way Google writes it comes back byte for byte. */
class KeepColumnsTest {
    private static final String ID = "000002b66c9c498e";
    private static final String ID2 = "000002b97e5471a0";
    private static final String ID3 = "00000c4ba9f2b4b3";

    @TempDir
    Path temp;

    /** Rows with CRLF ends, as the Open Images writer ends them. */
    private static void csv(Path file, String... rows) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Arrays.stream(rows).map(r -> r + "\r\n").collect(Collectors.joining()),
                StandardCharsets.UTF_8);
    }

    private static final String[] DESCRIPTIONS = {
        "ImageID,Subset,OriginalURL,OriginalLandingURL,License,AuthorProfileURL,Author,Title,OriginalSize,OriginalMD5,"
                + "Thumbnail300KURL,Rotation",
        ID + ",train,https://farm2.staticflickr.com/5606/15611395595_f51465687d_o.jpg,"
                + "https://www.flickr.com/photos/tanjazeuner/15611395595,https://creativecommons.org/licenses/by/2.0/,"
                + "https://www.flickr.com/people/tanjazeuner/,Tanja Zeuner,\"Café \"\"Zum Löwen\"\", Köln\",2038323,"
                + "I4V4qq54NBEFDwBqPYCkDA==,https://c4.staticflickr.com/6/5606/15611395595_f51465687d_z.jpg,0.0",
        ID2 + ",train,https://c2.staticflickr.com/6/5191/5565468203_3397a13a19_o.jpg,"
                + "https://www.flickr.com/photos/mr_t_in_dc/5565468203,https://creativecommons.org/licenses/by/2.0/,"
                + "https://www.flickr.com/people/mr_t_in_dc/,Mr.TinDC,\"Spring, 東京\",1150457,"
                + "Vx9Y7xGYt5c8EwB4rJmVsw==,,"};
    private static final String[] BOXES = {
        "ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,IsOccluded,IsTruncated,IsGroupOf,IsDepiction,IsInside,"
                + "XClick1X,XClick2X,XClick3X,XClick4X,XClick1Y,XClick2Y,XClick3Y,XClick4Y",
        ID + ",xclick,/m/01g317,1,0.012500,0.195312,0.148438,0.587500,0,1,0,0,0,0.148438,0.012500,0.059375,0.195312,"
                + "0.148438,0.357812,0.587500,0.325000",
        ID + ",activemil,/m/0199g,1,0.000000,0.968750,0.000000,0.998437,1,1,0,0,0,-1,-1,-1,-1,-1,-1,-1,-1",
        ID2 + ",xclick,/m/0k4j,1,0.250000,0.500000,0.100000,0.900000,-1,0,1,0,0,0.250000,0.300000,0.500000,0.400000,"
                + "0.500000,0.100000,0.600000,0.900000"};
    private static final String[] LABELS = {
        "ImageID,Source,LabelName,Confidence",
        ID + ",verification,/m/01g317,1",
        ID + ",crowdsource-verification,/m/0k4j,0",
        ID2 + ",verification,/m/0k4j,1"};
    private static final String[] MASKS = {
        "MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks",
        ID + "_m01g317_3a8b5e9c.png," + ID + ",/m/01g317,3a8b5e9c,0.012500,0.195312,0.148438,0.587500,0.86000,"
                + "0.10039 0.52687;0.06641 0.43583;0.19141 0.23385"};
    private static final String[] CLASSES = {"/m/01g317,Person", "/m/0199g,Bicycle", "/m/0k4j,\"Car, \"\"saloon\"\"\""};

    /** A V6 train-like dataset in Google's spellings, with its image files and mask PNG. */
    private Path googleLike(String[] boxes) throws IOException {
        Path root = temp.resolve("in");
        Path annotations = root.resolve("annotations");
        csv(annotations.resolve("class-descriptions-boxable.csv"), CLASSES);
        csv(annotations.resolve("train-images-boxable-with-rotation.csv"), DESCRIPTIONS);
        csv(annotations.resolve("oidv6-train-annotations-bbox.csv"), boxes);
        csv(annotations.resolve("train-annotations-human-imagelabels-boxable.csv"), LABELS);
        csv(annotations.resolve("train-annotations-object-segmentation.csv"), MASKS);
        Fixtures.image(root.resolve("images/train/" + ID + ".jpg"), 4, 2, 128);
        Fixtures.image(root.resolve("images/train/" + ID2 + ".jpg"), 4, 2, 128);
        Fixtures.bitPng(root.resolve("masks/train/" + ID + "_m01g317_3a8b5e9c.png"), 4, 2, 0, 1, 1, 0, 0, 1, 0, 0);
        return root;
    }

    /** Opens {@code in}, gives the export hint as the export path does, and writes Open Images. */
    private Path convert(Path in, String... options) throws IOException {
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        OpenImagesExporter exporter = new OpenImagesExporter();
        ParsedOptions parsed = exporter.options().parse(List.of(options));
        try (DatasetSource source = Fixtures.importFrom(in)) {
            source.prepareFor(exporter.options().prog(), parsed);
            exporter.export(Datasets.readingAhead(source), out, parsed, JobContext.collecting());
        }
        return out;
    }

    private static String file(Path root, String name) throws IOException {
        return Files.readString(root.resolve("annotations").resolve(name), StandardCharsets.UTF_8);
    }

    private static String lines(String... rows) {
        return Arrays.stream(rows).map(r -> r + "\r\n").collect(Collectors.joining());
    }

    @Test
    void googlesFilesComeBackByteForByte() throws IOException {
        Path out = convert(googleLike(BOXES), "--keep-columns");
        assertEquals(lines(BOXES), file(out, "train-annotations-bbox.csv"));
        assertEquals(lines(DESCRIPTIONS), file(out, "train-images-with-rotation.csv"));
        assertEquals(lines(LABELS), file(out, "train-annotations-human-imagelabels.csv"));
        assertEquals(lines(MASKS), file(out, "train-annotations-object-segmentation.csv"));
        assertEquals(lines(CLASSES), file(out, "class-descriptions.csv"));
    }

    @Test
    void rowsOutOfItemOrderAreSortedAgainWithTheirCells() throws IOException {
        String[] shuffled = {BOXES[0], BOXES[3], BOXES[1], BOXES[2]};
        Path out = convert(googleLike(shuffled), "--keep-columns");
        assertEquals(lines(BOXES), file(out, "train-annotations-bbox.csv"));
    }

    @Test
    void theColumnSetThatWasReadIsWritten() throws IOException {
        String[] standard = new String[BOXES.length];
        for (int i = 0; i < BOXES.length; i++) {
            standard[i] = String.join(",", Arrays.copyOf(BOXES[i].split(","), 13));
        }
        Path in = googleLike(standard);
        String[] withoutRotation = new String[DESCRIPTIONS.length];
        withoutRotation[0] = DESCRIPTIONS[0].substring(0, DESCRIPTIONS[0].lastIndexOf(','));
        withoutRotation[1] = DESCRIPTIONS[1].substring(0, DESCRIPTIONS[1].lastIndexOf(','));
        withoutRotation[2] = DESCRIPTIONS[2].substring(0, DESCRIPTIONS[2].lastIndexOf(','));
        csv(in.resolve("annotations/train-images-boxable-with-rotation.csv"), withoutRotation);
        Path out = convert(in, "--keep-columns");
        assertEquals(lines(standard), file(out, "train-annotations-bbox.csv"));
        assertEquals(lines(withoutRotation), file(out, "train-images-with-rotation.csv"));
    }

    @Test
    void anItemWithoutDescriptionAndANewBoxGetTheWritersOwnCells() throws IOException {
        Path in = googleLike(new String[] {BOXES[0], BOXES[1], ID3 + ",xclick,/m/0k4j,1,0.5,0.75,0.25,0.5,0,0,0,0,0,"
                + "0.5,0.6,0.75,0.7,0.3,0.25,0.5,0.4"});
        Fixtures.image(in.resolve("images/train/" + ID3 + ".jpg"), 4, 2, 128);
        Path out = convert(in, "--keep-columns");
        String descriptions = file(out, "train-images-with-rotation.csv");
        assertTrue(descriptions.endsWith("\r\n" + ID3 + ",train,,,,,,,,,,\r\n"), descriptions);
        assertTrue(file(out, "train-annotations-bbox.csv").endsWith(
                "\r\n" + ID3 + ",xclick,/m/0k4j,1,0.5,0.75,0.25,0.5,0,0,0,0,0,0.5,0.6,0.75,0.7,0.3,0.25,0.5,0.4\r\n"));
    }

    @Test
    void withoutTheOptionTheWriterWritesWhatItAlwaysWrote() throws IOException {
        Path out = convert(googleLike(BOXES));
        assertEquals(lines(OpenImagesPaths.BBOX_FIELDS.stream().collect(Collectors.joining(",")),
                ID + ",,/m/01g317,1.0,0.0125,0.195312,0.148438,0.5875,0,1,0,0,0",
                ID + ",,/m/0199g,1.0,0.0,0.96875,0.0,0.998437,1,1,0,0,0",
                ID2 + ",,/m/0k4j,1.0,0.25,0.5,0.1,0.9,-1,0,1,0,0"), file(out, "train-annotations-bbox.csv"));
        assertEquals(lines("/m/01g317,/m/01g317", "/m/0199g,/m/0199g", "/m/0k4j,/m/0k4j"),
                file(out, "class-descriptions.csv"));
    }

    @Test
    void theColumnsAreReadOnlyForAnOpenImagesExportThatKeepsThem() throws IOException {
        Path in = googleLike(BOXES);
        List<String> kept = List.of("Source", "XClick1X", "XMin", "Confidence");
        for (String format : List.of("cvat", "open_images")) {
            try (DatasetSource source = Fixtures.importFrom(in)) {
                source.prepareFor(format, ParsedOptions.none());
                for (DatasetItem item : Fixtures.items(source)) {
                    assertTrue(item.attributes().isEmpty(), format + ": " + item.attributes());
                    for (Annotation a : item.annotations()) {
                        for (String column : kept) {
                            assertFalse(a.attributes().has(column), format + ": " + a.attributes());
                        }
                    }
                }
            }
        }
        try (DatasetSource source = Fixtures.importFrom(in)) {
            source.prepareFor("open_images", new OpenImagesExporter().options().parse(List.of("--keep-columns")));
            List<DatasetItem> items = Fixtures.items(source);
            Bbox box = (Bbox) items.get(0).annotations().stream().filter(a -> a instanceof Bbox).findFirst().orElseThrow();
            assertEquals("xclick", box.attributes().get("Source"));
            assertEquals("0.148438", box.attributes().get("XClick1X"));
            assertEquals("Café \"Zum Löwen\", Köln", items.get(0).attributes().get("Title"));
        }
    }

    @Test
    void anInputFromAnotherFormatIsWrittenAsWithoutTheOption() throws IOException {
        List<DatasetItem> items = List.of(
                new DatasetItem("a", "train", Image.withoutFile(".jpg", new ImageSize(8, 4)), List.of(
                        new Label(1, Attributes.of("score", 0.5)),
                        new Bbox(0, 1, 1, 3.5, 2, 0, 1, 0, Attributes.of("occluded", true, "score", 0.75), null),
                        new Mask(1, MaskData.of(2, 1, new byte[] {1, 0}), 0, 1, 0, Attributes.empty()))),
                new DatasetItem("b", "val", null, List.of(new Label(0))));
        Categories categories = Fixtures.labels("/m/a", "/m/b");
        Path plain = temp.resolve("plain");
        Path kept = temp.resolve("kept");
        Fixtures.export(Datasets.of(categories, items), plain);
        Fixtures.export(Datasets.of(categories, items), kept, "--keep-columns");
        List<String> names;
        try (var files = Files.list(plain.resolve("annotations"))) {
            names = files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertTrue(names.contains("train-annotations-object-segmentation.csv"), names.toString());
        for (String name : names) {
            assertEquals(file(plain, name), file(kept, name), name);
        }
    }

    @Test
    void displayNamesAreInTheLabelCategories() throws IOException {
        Path in = googleLike(BOXES);
        Files.delete(in.resolve("annotations/class-descriptions-boxable.csv"));
        csv(in.resolve("annotations/oidv6-class-descriptions.csv"), "LabelName,DisplayName", CLASSES[0], CLASSES[1],
                CLASSES[2]);
        try (DatasetSource source = Fixtures.importFrom(in)) {
            List<String> names = new ArrayList<>();
            for (LabelCategory c : source.categories().labels().labels()) {
                names.add(c.name() + "=" + c.displayName());
            }
            assertEquals(List.of("/m/01g317=Person", "/m/0199g=Bicycle", "/m/0k4j=Car, \"saloon\""), names);
        }
    }
}
