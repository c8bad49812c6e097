package io.datum.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Open Images V7 point labels and visual relationships, converted to CVAT and back: every point
 * keeps its label, estimate, source, votes and text label, every relation its labels and
 * relationship; coordinates come back within CVAT's two decimals of a pixel.
 */
class PointsAndRelationsThroughCvatTest {
    private static final String POINTS_HEADER =
            "ImageId,X,Y,Label,EstimatedYesNo,Source,YesVotes,NoVotes,UnsureVotes,TextLabel";
    private static final List<String> TRAIN_POINTS = List.of(
            "0000b9fcba019d36,0.3925,0.5425,/m/01g317,yes,ih,1,0,0,",
            "0000b9fcba019d36,0.123456789,0.3,/m/0cmf2,no,cc,0,3,1,airplane tail",
            "0001a1b2c3d4e5f6,0.5,1.0,/m/04yx4,unsure,,,,,\"seated, left\"");
    private static final List<String> VAL_POINTS = List.of("000595fe6fee6369,0.7,0.25,/m/0cmf2,yes,ih,2,0,0,");
    private static final String VRD_HEADER =
            "ImageID,LabelName1,LabelName2,XMin1,XMax1,YMin1,YMax1,XMin2,XMax2,YMin2,YMax2,RelationshipLabel";
    private static final List<String> TRAIN_VRD = List.of(
            "0000b9fcba019d36,/m/04yx4,/m/0cmf2,0.1,0.4,0.2,0.9,0.3,0.95,0.05,0.8,at",
            "0000b9fcba019d36,/m/0cmf2,/m/02gy9n,0.25,0.5,0.125,0.75,0.25,0.5,0.125,0.75,is");

    @TempDir
    Path dir;

    private static void csv(Path file, String header, List<String> rows) throws IOException {
        Files.writeString(file, header + "\r\n" + String.join("\r\n", rows) + "\r\n");
    }

    private Path writeV7() throws IOException {
        Path a = Files.createDirectories(dir.resolve("v7/annotations"));
        Files.writeString(a.resolve("oidv7-class-descriptions.csv"),
                "LabelName,DisplayName\r\n/m/01g317,Person\r\n/m/0cmf2,Airplane\r\n/m/04yx4,Man\r\n");
        Files.writeString(a.resolve("oidv6-attributes-description.csv"), "/m/02gy9n,Transparent\r\n");
        csv(a.resolve("oidv7-train-annotations-point-labels.csv"), POINTS_HEADER, TRAIN_POINTS);
        csv(a.resolve("oidv7-val-annotations-point-labels.csv"), POINTS_HEADER, VAL_POINTS);
        csv(a.resolve("oidv6-train-annotations-vrd.csv"), VRD_HEADER, TRAIN_VRD);
        Files.writeString(a.resolve("images.meta"), "# <image name> <height> <width>\n\n0000b9fcba019d36 480 640\n"
                + "0001a1b2c3d4e5f6 300 200\n000595fe6fee6369 1024 683\n");
        return dir.resolve("v7");
    }

    private void datum(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DatumCommandLine(FormatRegistries.fromServiceLoader(), dir)
                .run(List.of(args), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pointsVotesAndRelationsSurviveARoundTripThroughCvat() throws IOException {
        Path v7 = writeV7();
        datum("convert", "-if", "open_images", "-i", v7.toString(), "-f", "cvat", "-o", dir.resolve("cvat").toString());
        String xml = Files.readString(dir.resolve("cvat/train.xml"));
        assertTrue(xml.contains("<points label=\"/m/01g317\" occluded=\"0\" outside=\"0\" keyframe=\"0\" points=\"251.20,260.40\""),
                xml);
        assertTrue(xml.contains("group_id=\"1\""), xml);
        datum("convert", "-if", "cvat", "-i", dir.resolve("cvat").toString(), "-f", "open_images", "-o",
                dir.resolve("back").toString());
        Path back = dir.resolve("back/annotations");
        assertSameRows(TRAIN_POINTS, back.resolve("oidv7-train-annotations-point-labels.csv"), POINTS_HEADER, 1, 2);
        assertSameRows(VAL_POINTS, back.resolve("oidv7-val-annotations-point-labels.csv"), POINTS_HEADER, 1, 2);
        assertSameRows(TRAIN_VRD, back.resolve("oidv6-train-annotations-vrd.csv"), VRD_HEADER, 3, 10);
    }

    /**
     * The file has the header and rows; cells {@code [firstNumber, lastNumber]} are coordinates
     * compared within 0.01 px of the largest image side, the others exactly.
     */
    private static void assertSameRows(List<String> expected, Path file, String header, int firstNumber, int lastNumber)
            throws IOException {
        List<String> lines = Files.readString(file).lines().toList();
        assertEquals(header, lines.get(0));
        assertEquals(expected.size(), lines.size() - 1, file.toString());
        for (int i = 0; i < expected.size(); i++) {
            List<String> want = cells(expected.get(i));
            List<String> got = cells(lines.get(i + 1));
            assertEquals(want.size(), got.size(), lines.get(i + 1));
            for (int c = 0; c < want.size(); c++) {
                if (c >= firstNumber && c <= lastNumber) {
                    assertEquals(Double.parseDouble(want.get(c)), Double.parseDouble(got.get(c)), 0.005 / 200,
                            "cell " + c + " of " + lines.get(i + 1));
                } else {
                    assertEquals(want.get(c), got.get(c), "cell " + c + " of " + lines.get(i + 1));
                }
            }
        }
    }

    /** The cells of a CSV line (a quoted cell may hold commas). */
    private static List<String> cells(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
