package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.Points;
import io.datum.openimages.internal.detect.OpenImagesDetector;
import io.datum.openimages.internal.read.OpenImagesSource;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V7 point labels and visual relationships, in Google's file names and column spellings. */
class PointsAndRelationsTest {
    static final String POINT_HEADER = "ImageId,X,Y,Label,EstimatedYesNo,Source,YesVotes,NoVotes,UnsureVotes,TextLabel";
    static final String VRD_HEADER =
            "ImageID,LabelName1,LabelName2,XMin1,XMax1,YMin1,YMax1,XMin2,XMax2,YMin2,YMax2,RelationshipLabel";
    static final String TRAIN_POINTS = String.join("\r\n", POINT_HEADER,
            "0000b9fcba019d36,0.3925,0.5425,/m/01g317,yes,ih,1,0,0,",
            "0000b9fcba019d36,0.123456789,0.30000000000000004,/m/0cmf2,no,cc,0,3,1,airplane tail",
            "0001a1b2c3d4e5f6,1e-05,0.0,/m/01g317,unsure,cc,1,1,1,\"person, seated\"",
            "0001a1b2c3d4e5f6,0.5,1.0,/m/04yx4,yes,,,,,") + "\r\n";
    static final String VAL_POINTS = String.join("\r\n", POINT_HEADER,
            "000595fe6fee6369,0.7,0.25,/m/0cmf2,yes,ih,2,0,0,") + "\r\n";
    static final String TRAIN_VRD = String.join("\r\n", VRD_HEADER,
            "0000b9fcba019d36,/m/04yx4,/m/0cmf2,0.1,0.4,0.2,0.9,0.3,0.95,0.05,0.8,at",
            "0001a1b2c3d4e5f6,/m/0cmf2,/m/02gy9n,0.25,0.5,0.125,0.75,0.25,0.5,0.125,0.75,is") + "\r\n";
    static final String VAL_VRD = String.join("\r\n", VRD_HEADER,
            "000595fe6fee6369,/m/01g317,/m/0cmf2,0.0,0.5,0.0,0.5,0.5,1.0,0.5,1.0,on") + "\r\n";

    @TempDir
    Path temp;

    /** A V7 folder: class descriptions, attribute descriptions, point labels, relationships, sizes. */
    static Path v7Dataset(Path root) throws IOException {
        Path a = Files.createDirectories(root.resolve("annotations"));
        write(a.resolve("oidv7-class-descriptions.csv"), "LabelName,DisplayName\r\n/m/01g317,Person\r\n"
                + "/m/0cmf2,Airplane\r\n/m/04yx4,Man\r\n");
        write(a.resolve("oidv6-attributes-description.csv"), "/m/02gy9n,Transparent\r\n/m/083vt,Wooden\r\n");
        write(a.resolve("oidv6-relationship-triplets.csv"),
                "LabelName1,LabelName2,RelationshipLabel\r\n/m/04yx4,/m/0cmf2,at\r\n/m/0cmf2,/m/02gy9n,is\r\n");
        write(a.resolve("oidv7-train-annotations-point-labels.csv"), TRAIN_POINTS);
        write(a.resolve("oidv7-val-annotations-point-labels.csv"), VAL_POINTS);
        write(a.resolve("oidv6-train-annotations-vrd.csv"), TRAIN_VRD);
        write(a.resolve("validation-annotations-vrd.csv"), VAL_VRD);
        write(a.resolve("images.meta"), "# <image name> <height> <width>\n\n0000b9fcba019d36 480 640\n"
                + "0001a1b2c3d4e5f6 3 7\n000595fe6fee6369 1024 683\n");
        return root;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Map<String, DatasetItem> byId(DatasetSource source) {
        return Fixtures.items(source).stream().collect(Collectors.toMap(DatasetItem::id, i -> i));
    }

    @Test
    void readsPointLabelsAsOnePointWithTheOtherColumnsAsAttributes() throws IOException {
        try (DatasetSource source = Fixtures.importFrom(v7Dataset(temp.resolve("in")))) {
            Map<String, DatasetItem> items = byId(source);
            DatasetItem first = items.get("0000b9fcba019d36");
            assertEquals("train", first.subset());
            List<Points> points = first.annotations().stream().filter(a -> a instanceof Points).map(a -> (Points) a).toList();
            assertEquals(2, points.size());
            Points p = points.get(0);
            assertEquals(source.categories().labels().find("/m/01g317").getAsInt(), p.label());
            assertArrayEquals(new double[] {0.3925 * 640, 0.5425 * 480}, p.points().toArray());
            assertEquals(Attributes.of("estimated_yes_no", "yes", "source", "ih", "yes_votes", 1L, "no_votes", 0L,
                    "unsure_votes", 0L), p.attributes());
            assertEquals("airplane tail", points.get(1).attributes().get("text_label"));
            assertEquals("validation", items.get("000595fe6fee6369").subset(), "oidv7-val-... is the validation subset");
            Points bare = (Points) items.get("0001a1b2c3d4e5f6").annotations().stream()
                    .filter(a -> a instanceof Points && a.attributes().size() == 1).findFirst().orElseThrow();
            assertEquals(Attributes.of("estimated_yes_no", "yes"), bare.attributes(), "empty cells are absent attributes");
        }
    }

    @Test
    void readsARelationAsTwoBoxesInAGroupOfTheirOwn() throws IOException {
        try (DatasetSource source = Fixtures.importFrom(v7Dataset(temp.resolve("in")))) {
            DatasetItem item = byId(source).get("0001a1b2c3d4e5f6");
            List<Bbox> boxes = item.annotations().stream().filter(a -> a instanceof Bbox).map(a -> (Bbox) a).toList();
            assertEquals(2, boxes.size());
            assertEquals(boxes.get(0).group(), boxes.get(1).group());
            assertTrue(boxes.get(0).group() != 0);
            assertEquals(Attributes.of("relationship", "is", "relationship_end", 1L), boxes.get(0).attributes());
            assertEquals(Attributes.of("relationship", "is", "relationship_end", 2L), boxes.get(1).attributes());
            int transparent = source.categories().labels().find("/m/02gy9n").getAsInt();
            assertEquals(transparent, boxes.get(1).label(), "an attribute MID is a label after the classes");
            assertEquals(0.25 * 7, boxes.get(0).x1());
        }
    }

    @Test
    void withoutAnImageSizePointsAndRelationsAreSkippedLikeBoxesWithOneWarning() throws IOException {
        Path in = v7Dataset(temp.resolve("in"));
        Files.delete(in.resolve("annotations/images.meta"));
        io.datum.spi.CollectingJobContext context = io.datum.spi.JobContext.collecting();
        try (DatasetSource source = Fixtures.importFrom(in, context)) {
            for (DatasetItem item : Fixtures.items(source)) {
                assertEquals(List.of(), item.annotations(), item.id());
            }
        }
        assertEquals(Map.of(OpenImagesSource.WARN_NO_IMAGE, 3L, OpenImagesSource.WARN_POINT_WITHOUT_SIZE, 8L),
                context.warnings());
    }

    @Test
    void openImagesToOpenImagesWritesPointAndRelationshipFilesAsRead() throws IOException {
        Path out = temp.resolve("out");
        try (DatasetSource source = Fixtures.importFrom(v7Dataset(temp.resolve("in")))) {
            Fixtures.export(source, out);
        }
        Path a = out.resolve("annotations");
        assertEquals(TRAIN_POINTS, Fixtures.read(a.resolve("oidv7-train-annotations-point-labels.csv")));
        assertEquals(VAL_POINTS, Fixtures.read(a.resolve("oidv7-val-annotations-point-labels.csv")));
        assertEquals(TRAIN_VRD, Fixtures.read(a.resolve("oidv6-train-annotations-vrd.csv")));
        assertEquals(VAL_VRD, Fixtures.read(a.resolve("validation-annotations-vrd.csv")));
        assertFalse(Files.exists(a.resolve("train-annotations-bbox.csv")), "relation ends are not plain boxes");
    }

    @Test
    void rowsOutOfItemOrderAreSortedAndWrittenInTheSameOrder() throws IOException {
        Path in = v7Dataset(temp.resolve("in"));
        // the two items' rows interleaved: the reader sorts them by item (items in order of first
        // appearance), each item's rows keeping their order in the file
        List<String> lines = TRAIN_POINTS.lines().toList();
        write(in.resolve("annotations/oidv7-train-annotations-point-labels.csv"),
                String.join("\r\n", lines.get(0), lines.get(1), lines.get(3), lines.get(2), lines.get(4)) + "\r\n");
        List<String> relations = TRAIN_VRD.lines().toList();
        write(in.resolve("annotations/oidv6-train-annotations-vrd.csv"),
                String.join("\r\n", relations.get(0), relations.get(2), relations.get(1)) + "\r\n");
        Path out = temp.resolve("out");
        try (DatasetSource source = Fixtures.importFrom(in)) {
            Fixtures.export(source, out);
        }
        assertEquals(TRAIN_VRD, Fixtures.read(out.resolve("annotations/oidv6-train-annotations-vrd.csv")));
        String written = Fixtures.read(out.resolve("annotations/oidv7-train-annotations-point-labels.csv"));
        assertEquals(String.join("\r\n", lines.get(0), lines.get(1), lines.get(2), lines.get(3), lines.get(4)) + "\r\n",
                written);
    }

    @Test
    void detectionCountsPointLabelAndRelationshipFiles() throws IOException {
        Path points = Files.createDirectories(temp.resolve("p/annotations"));
        write(points.resolve("oidv7-test-annotations-point-labels.csv"), POINT_HEADER + "\r\n");
        assertTrue(OpenImagesDetector.hasAnnotationFiles(temp.resolve("p")));
        Path vrd = Files.createDirectories(temp.resolve("r/annotations"));
        write(vrd.resolve("test-annotations-vrd.csv"), VRD_HEADER + "\r\n");
        assertTrue(OpenImagesDetector.hasAnnotationFiles(temp.resolve("r")));
    }

    @Test
    void aNonNumericXIsAnErrorNamingFileAndLine() throws IOException {
        Path in = v7Dataset(temp.resolve("in"));
        write(in.resolve("annotations/oidv7-val-annotations-point-labels.csv"),
                POINT_HEADER + "\r\n000595fe6fee6369,0.7,0.25,/m/0cmf2,yes,ih,2,0,0,\r\n000595fe6fee6369,left,0.25,/m/0cmf2,yes,ih,2,0,0,\r\n");
        DatasetException e = assertThrows(DatasetException.class, () -> convert(in));
        assertTrue(e.getMessage().contains("oidv7-val-annotations-point-labels.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertTrue(e.getMessage().contains("bad X 'left'"), e.getMessage());
    }

    @Test
    void anUnknownEstimateIsAnErrorNamingFileAndLine() throws IOException {
        Path in = v7Dataset(temp.resolve("in"));
        write(in.resolve("annotations/oidv7-val-annotations-point-labels.csv"),
                POINT_HEADER + "\r\n000595fe6fee6369,0.7,0.25,/m/0cmf2,maybe,ih,2,0,0,\r\n");
        DatasetException e = assertThrows(DatasetException.class, () -> convert(in));
        assertEquals("oidv7-val-annotations-point-labels.csv:2: bad EstimatedYesNo 'maybe' (not yes, no or unsure)",
                e.getMessage());
    }

    @Test
    void anUnsafeImageIdIsAnErrorNamingTheColumnAsSpelt() throws IOException {
        Path in = v7Dataset(temp.resolve("in"));
        write(in.resolve("annotations/oidv7-val-annotations-point-labels.csv"),
                POINT_HEADER + "\r\n../up,0.7,0.25,/m/0cmf2,yes,ih,2,0,0,\r\n");
        DatasetException e = assertThrows(DatasetException.class, () -> convert(in));
        assertTrue(e.getMessage().startsWith("oidv7-val-annotations-point-labels.csv:2: unsafe ImageId '../up'"),
                e.getMessage());
    }

    @Test
    void aBadVoteCountIsAnError() throws IOException {
        Path in = v7Dataset(temp.resolve("in"));
        write(in.resolve("annotations/oidv7-val-annotations-point-labels.csv"),
                POINT_HEADER + "\r\n000595fe6fee6369,0.7,0.25,/m/0cmf2,yes,ih,02,0,0,\r\n");
        DatasetException e = assertThrows(DatasetException.class, () -> convert(in));
        assertTrue(e.getMessage().contains("bad YesVotes '02'"), e.getMessage());
    }

    @Test
    void anUnknownRelationLabelIsAnError() throws IOException {
        Path in = v7Dataset(temp.resolve("in"));
        write(in.resolve("annotations/validation-annotations-vrd.csv"),
                VRD_HEADER + "\r\n000595fe6fee6369,/m/01g317,/m/999,0.0,0.5,0.0,0.5,0.5,1.0,0.5,1.0,on\r\n");
        DatasetException e = assertThrows(DatasetException.class, () -> convert(in));
        assertTrue(e.getMessage().startsWith("validation-annotations-vrd.csv:2: unknown label '/m/999'"), e.getMessage());
    }

    private void convert(Path in) throws IOException {
        try (DatasetSource source = Fixtures.importFrom(in)) {
            Fixtures.export(source, temp.resolve("failed"));
        }
    }

    @Test
    void writesPointLabelsFromOtherFormatsAndLeavesOtherPointsOut() throws IOException {
        Points label = new Points(0, io.datum.model.Coords.of(32, 12), 0, 0, 0,
                Attributes.of("estimated_yes_no", "no", "yes_votes", "2", "text_label", "wing"));
        Points keypoints = new Points(0, io.datum.model.Coords.of(1, 2, 3, 4), 0, 0, 0,
                Attributes.of("estimated_yes_no", "yes"));
        Points plain = new Points(0, io.datum.model.Coords.of(1, 2), 0, 0, 0, Attributes.empty());
        DatasetItem item = new DatasetItem("x", "validation",
                io.datum.model.Image.withoutFile(".jpg", new io.datum.model.ImageSize(64, 48)),
                List.<Annotation>of(label, keypoints, plain));
        Path out = temp.resolve("out");
        Fixtures.export(Datasets.of(Fixtures.labels("/m/0cmf2"), List.of(item)), out);
        assertEquals(POINT_HEADER + "\r\nx,0.5,0.25,/m/0cmf2,no,,2,,,wing\r\n",
                Fixtures.read(out.resolve("annotations/oidv7-val-annotations-point-labels.csv")));
    }

    @Test
    void aBoxWithARelationEndOutsideAPairIsAnError() {
        Bbox lonely = new Bbox(0, 1, 1, 2, 2, 0, 1, 0, Attributes.of("relationship", "at", "relationship_end", 1L), null);
        DatasetItem item = new DatasetItem("x", "train",
                io.datum.model.Image.withoutFile(".jpg", new io.datum.model.ImageSize(4, 4)), List.<Annotation>of(lonely));
        DatasetException e = assertThrows(DatasetException.class,
                () -> Fixtures.export(Datasets.of(Fixtures.labels("/m/0"), List.of(item)), temp.resolve("out")));
        assertTrue(e.getMessage().startsWith("item 'x': a box with attribute 'relationship_end'"), e.getMessage());
    }

    @Test
    void plainBoxesInAGroupAreNotARelation() throws IOException {
        Bbox a = new Bbox(0, 0, 0, 2, 2, 0, 1, 0, Attributes.of("relationship", "at"), null);
        Bbox b = new Bbox(0, 1, 1, 2, 2, 0, 1, 0, Attributes.empty(), null);
        DatasetItem item = new DatasetItem("x", "train",
                io.datum.model.Image.withoutFile(".jpg", new io.datum.model.ImageSize(4, 4)), List.<Annotation>of(a, b));
        Path out = temp.resolve("out");
        Fixtures.export(Datasets.of(Fixtures.labels("/m/0"), List.of(item)), out);
        assertEquals(3, Fixtures.read(out.resolve("annotations/train-annotations-bbox.csv")).lines().count());
        assertFalse(Files.exists(out.resolve("annotations/oidv6-train-annotations-vrd.csv")));
        assertFalse(Files.exists(out.resolve("annotations/oidv7-train-annotations-point-labels.csv")));
    }
}
