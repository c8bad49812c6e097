package io.datum.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.datum.cli.internal.DatumCommandLine;
import io.datum.registry.FormatRegistries;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datum stats} on a dataset shaped like Datumaro's Open Images v6 test asset (written here)
 * gives the reference's numbers (datum-cli.md §10.1). Image means are compared with a tolerance:
 * they depend on the JPEG codec.
 */
class StatisticsOfV6LikeDatasetTest {
    @TempDir
    Path dir;

    private void csv(Path file, String... rows) throws IOException {
        Files.writeString(file, String.join("\r\n", rows) + "\r\n");
    }

    private void image(Path file, int width, int height, int value, String format) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, value * 0x010101);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, format, file.toFile());
    }

    private Path writeV6Like() throws IOException {
        Path root = dir.resolve("v6");
        Path ann = Files.createDirectories(root.resolve("annotations"));
        csv(ann.resolve("oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/0,Generic label #0",
                "/m/1,Generic label #1", "/m/2,Generic label #2", "/m/3,Generic label #3");
        Files.writeString(ann.resolve("bbox_labels_600_hierarchy.json"),
                "{\"LabelName\": \"/m/x\", \"Subcategory\": [{\"LabelName\": \"/m/0\", \"Subcategory\": [{\"LabelName\": \"/m/1\"}]}]}");
        String header = "ImageID,Subset,OriginalURL,OriginalLandingURL,License,AuthorProfileURL,Author,Title,OriginalSize,"
                + "OriginalMD5,Thumbnail300KURL,Rotation";
        csv(ann.resolve("image_ids_and_rotation.csv"), header, "a,train,,,,,,,,,,", "b,train,,,,,,,,,,",
                "c,test,,,,,,,,,,", "d,validation,,,,,,,,,");
        Files.writeString(ann.resolve("images.meta"), "# image sizes\n# id height width\nb 2 8\n");
        String box = "ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,IsOccluded,IsTruncated,IsGroupOf,IsDepiction,IsInside";
        csv(ann.resolve("oidv6-train-annotations-bbox.csv"), box, "b,xclick,/m/0,1,0.2,1,0.3,0.5,-1,-1,-1,-1,-1");
        csv(ann.resolve("test-annotations-bbox.csv"), box, "c,xclick,/m/3,0.7,0.7,0.8,0,0.5,1,0,1,0,0");
        String labels = "ImageID,Source,LabelName,Confidence";
        csv(ann.resolve("oidv6-train-annotations-human-imagelabels.csv"), labels, "a,verification,/m/0,1",
                "b,verification,/m/0,0");
        csv(ann.resolve("test-annotations-human-imagelabels.csv"), labels, "c,verification,/m/1,1", "c,verification,/m/3,1");
        csv(ann.resolve("train-annotations-object-segmentation.csv"),
                "MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks",
                "b_m0_01234567.png,b,/m/0,01234567,0.2,1,0.3,0.5,0.5,");
        image(root.resolve("images/train/a.jpg"), 6, 8, 0, "jpg");
        image(root.resolve("images/train/b.jpg"), 8, 2, 0, "jpg");
        image(root.resolve("images/test/c.jpg"), 5, 10, 1, "jpg");
        image(root.resolve("images/validation/d.png"), 5, 1, 1, "png");
        BufferedImage mask = new BufferedImage(8, 2, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < 2; y++) {
            mask.setRGB(0, y, 0xFFFFFF);
            mask.setRGB(1, y, 0xFFFFFF);
        }
        Files.createDirectories(root.resolve("masks/train"));
        ImageIO.write(mask, "png", root.resolve("masks/train/b_m0_01234567.png").toFile());
        return root;
    }

    @Test
    void matchesTheReferenceNumbers() throws IOException {
        Path v6 = writeV6Like();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DatumCommandLine(FormatRegistries.fromServiceLoader(), dir)
                .run(List.of("stats", v6 + ":open_images"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonObject s = JsonParser.parseString(Files.readString(dir.resolve("statistics.json"))).getAsJsonObject();
        assertEquals(List.of("dataset", "subsets", "images count", "annotations count", "unannotated images count",
                "unannotated images", "annotations by type", "annotations"), List.copyOf(s.keySet()));
        assertEquals(4, s.getAsJsonObject("dataset").get("unique images count").getAsInt());
        JsonObject test = s.getAsJsonObject("subsets").getAsJsonObject("test");
        assertEquals(1.0, test.getAsJsonArray("image mean").get(0).getAsDouble(), 0.02);
        assertEquals(0.0, s.getAsJsonObject("subsets").getAsJsonObject("train").getAsJsonArray("image std").get(2)
                .getAsDouble(), 0.02);
        assertEquals(7, s.get("annotations count").getAsInt());
        assertEquals("[\"d\"]", s.getAsJsonArray("unannotated images").toString());
        JsonObject types = s.getAsJsonObject("annotations by type");
        assertEquals(4, types.getAsJsonObject("label").get("count").getAsInt());
        assertEquals(2, types.getAsJsonObject("bbox").get("count").getAsInt());
        assertEquals(1, types.getAsJsonObject("mask").get("count").getAsInt());
        JsonObject labels = s.getAsJsonObject("annotations").getAsJsonObject("labels");
        assertEquals("[4,0.5714285714285714]", labels.getAsJsonObject("distribution").get("/m/0").toString());
        assertEquals("[0,0.0]", labels.getAsJsonObject("distribution").get("/m/2").toString());
        assertEquals(List.of("box_id", "predicted_iou", "truncated", "is_group_of", "is_depiction", "is_inside"),
                List.copyOf(labels.getAsJsonObject("attributes").keySet()));
        assertEquals("[\"True\"]", labels.getAsJsonObject("attributes").getAsJsonObject("is_group_of")
                .getAsJsonArray("values present").toString());
        JsonObject segments = s.getAsJsonObject("annotations").getAsJsonObject("segments");
        assertEquals(2.6666666666666665, segments.get("avg. area").getAsDouble());
        JsonArray bins = segments.getAsJsonArray("area distribution");
        assertEquals(10, bins.size());
        assertEquals(2.5, bins.get(0).getAsJsonObject().get("min").getAsDouble());
        assertEquals(2, bins.get(0).getAsJsonObject().get("count").getAsInt());
        assertEquals(3.8499999999999996, bins.get(9).getAsJsonObject().get("min").getAsDouble());
        assertEquals(1, bins.get(9).getAsJsonObject().get("count").getAsInt());
        assertEquals("[6,0.75]", segments.getAsJsonObject("pixel distribution").get("/m/0").toString());
        assertEquals("[2,0.25]", segments.getAsJsonObject("pixel distribution").get("/m/3").toString());
    }
}
