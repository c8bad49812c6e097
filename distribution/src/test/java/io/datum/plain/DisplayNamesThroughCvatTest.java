package io.datum.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.cli.internal.DatumCommandLine;
import io.datum.registry.FormatRegistries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open Images to CVAT with the display names as label names (what a person labels with), and back
 * to Open Images through the class descriptions: the MIDs come back, with every box, and the
 * display names too with --keep-columns.
 */
class DisplayNamesThroughCvatTest {
    private static final String BOX_HEADER =
            "ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,IsOccluded,IsTruncated,IsGroupOf,IsDepiction,IsInside";
    private static final String DESCRIPTIONS = "LabelName,DisplayName\r\n/m/0bl9f,Entity\r\n/m/01yrx,Cat\r\n"
            + "/m/0bt9lr,Dog\r\n";

    @TempDir
    Path dir;

    private String datum(int expected, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DatumCommandLine(FormatRegistries.fromServiceLoader(), dir)
                .run(List.of(args), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(expected, code, text);
        return text;
    }

    private Path openImages() throws IOException {
        Path a = Files.createDirectories(dir.resolve("oi/annotations"));
        Files.writeString(a.resolve("oidv6-class-descriptions.csv"), DESCRIPTIONS);
        Files.writeString(a.resolve("oidv6-train-annotations-bbox.csv"), BOX_HEADER + "\r\n"
                + "0a1b2c3d4e5f6a7b,xclick,/m/01yrx,1,0.125,0.625,0.25,0.75,0,0,0,0,0\r\n"
                + "0a1b2c3d4e5f6a7b,xclick,/m/0bt9lr,1,0.5,0.75,0.5,1,0,0,0,0,0\r\n");
        Files.writeString(a.resolve("images.meta"), "0a1b2c3d4e5f6a7b 400 800\n");
        return dir.resolve("oi");
    }

    @Test
    void displayNamesGoToCvatAndTheClassDescriptionsBringTheMidsBack() throws IOException {
        Path oi = openImages();
        datum(0, "convert", "-if", "open_images", "-i", oi.toString(), "-f", "cvat", "-o", "cvat", "--",
                "--label-names", "display");
        String xml = Files.readString(dir.resolve("cvat/train.xml"));
        assertTrue(xml.contains("<name>Cat</name>") && xml.contains("<box label=\"Dog\""), xml);
        assertFalse(xml.contains("/m/0bt9lr"), xml);

        Path descriptions = oi.resolve("annotations/oidv6-class-descriptions.csv");
        datum(0, "convert", "-if", "cvat", "-i", "cvat", "-f", "open_images", "-o", "back", "--",
                "--class-descriptions", descriptions.toString(), "--keep-columns");
        assertEquals("/m/0bl9f,Entity\r\n/m/01yrx,Cat\r\n/m/0bt9lr,Dog\r\n",
                Files.readString(dir.resolve("back/annotations/class-descriptions.csv")));
        String boxes = Files.readString(dir.resolve("back/annotations/train-annotations-bbox.csv"));
        assertTrue(boxes.contains("0a1b2c3d4e5f6a7b,,/m/01yrx,1,0.125,0.625,0.25,0.75,"), boxes);
        assertTrue(boxes.contains("0a1b2c3d4e5f6a7b,,/m/0bt9lr,1,0.5,0.75,0.5,1.0,"), boxes);

        // without the option the names stay what CVAT had, as Datumaro writes them
        datum(0, "convert", "-if", "cvat", "-i", "cvat", "-f", "open_images", "-o", "names");
        assertEquals("Entity,Entity\r\nCat,Cat\r\nDog,Dog\r\n",
                Files.readString(dir.resolve("names/annotations/class-descriptions.csv")));
    }

    @Test
    void theDefaultWritesTheLabelNamesAndABadChoiceIsAUsageError() throws IOException {
        Path oi = openImages();
        datum(0, "convert", "-if", "open_images", "-i", oi.toString(), "-f", "cvat", "-o", "cvat");
        assertTrue(Files.readString(dir.resolve("cvat/train.xml")).contains("<box label=\"/m/0bt9lr\""));
        String err = datum(2, "convert", "-if", "open_images", "-i", oi.toString(), "-f", "cvat", "-o", "bad", "--",
                "--label-names", "mid");
        assertTrue(err.contains("--label-names") && err.contains("'mid'"), err);
        assertFalse(Files.exists(dir.resolve("bad")));
    }

    @Test
    void aDisplayNameTwoMidsShareIsAnErrorNamingBoth() throws IOException {
        Path oi = openImages();
        datum(0, "convert", "-if", "open_images", "-i", oi.toString(), "-f", "cvat", "-o", "cvat", "--",
                "--label-names", "display");
        Path shared = dir.resolve("shared.csv");
        Files.writeString(shared, DESCRIPTIONS + "/m/0dog2,Dog\r\n");
        String err = datum(1, "convert", "-if", "cvat", "-i", "cvat", "-f", "open_images", "-o", "back", "--",
                "--class-descriptions", shared.toString());
        assertTrue(err.contains("shared.csv") && err.contains("/m/0bt9lr and /m/0dog2"), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.exists(dir.resolve("back")));
    }
}
