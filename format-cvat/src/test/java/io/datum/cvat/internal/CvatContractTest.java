package io.datum.cvat.internal;

import io.datum.cvat.internal.detect.CvatDetector;
import io.datum.cvat.internal.read.CvatImporter;
import io.datum.cvat.internal.write.CvatExporter;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import io.datum.testkit.BadInput;
import io.datum.testkit.DatasetComparison;
import io.datum.testkit.FormatContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** CVAT passes the format test kit: a task, a project and a video dataset as samples, three broken ones. */
class CvatContractTest extends FormatContract {
    @TempDir
    Path temp;

    @Override
    protected DatasetImporter importer() {
        return new CvatImporter();
    }

    @Override
    protected DatasetExporter exporter() {
        return new CvatExporter();
    }

    @Override
    protected FormatDetector detector() {
        return new CvatDetector();
    }

    /**
     * What the exporter knowingly does not keep, as Datumaro's exporter does not: shapes
     * without a label (skipped with a warning; CVAT XML has none) and the track attributes of
     * video shapes (each frame is written as an image of its own).
     */
    @Override
    protected DatasetComparison comparison() {
        return DatasetComparison.byMeaning().normalising(item -> item.withAnnotations(item.annotations().stream()
                .filter(a -> a.label() != null)
                .map(a -> a.withAttributes(a.attributes().without(CvatNames.KEYFRAME).without(CvatNames.OUTSIDE)
                        .without(CvatNames.TRACK_ID)))
                .toList()));
    }

    @Override
    protected List<Path> samples() {
        return List.of(CvatTestSupport.taskDataset(temp.resolve("task")),
                CvatTestSupport.projectDataset(temp.resolve("project")),
                CvatTestSupport.videoDataset(temp.resolve("video")));
    }

    @Override
    protected List<BadInput> badInputs() {
        Path repeated = CvatTestSupport.write(temp.resolve("repeated"), "default.xml", CvatTestSupport.task(
                "<image id=\"0\" name=\"a.jpg\"/>\n<image id=\"1\" name=\"a.png\"/>")).getParent();
        Path malformed = CvatTestSupport.write(temp.resolve("malformed"), "annotations.xml",
                "<?xml version=\"1.0\"?>\n<annotations>\n  <meta><task/></meta>\n  <image id=\"0\" name=\"a\">\n"
                        + "    <box xtl=\"0\" ytl=\"0\" xbr=\"1\" ybr=\"1\">\n  </image>").getParent();
        Path badMask = CvatTestSupport.write(temp.resolve("bad-mask"), "default.xml", CvatTestSupport.task(
                "<image id=\"0\" name=\"a.jpg\" width=\"4\" height=\"4\">\n"
                        + "<mask label=\"a\" rle=\"1, -2, 5\" left=\"0\" top=\"0\" width=\"2\" height=\"2\"/></image>"))
                .getParent();
        return List.of(BadInput.at(repeated, "default.xml", 9), BadInput.at(malformed, "annotations.xml", 6),
                BadInput.at(badMask, "default.xml", 9));
    }
}
