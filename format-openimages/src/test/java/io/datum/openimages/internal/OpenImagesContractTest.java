package io.datum.openimages.internal;

import io.datum.openimages.internal.detect.OpenImagesDetector;
import io.datum.openimages.internal.read.OpenImagesImporter;
import io.datum.openimages.internal.write.OpenImagesExporter;
import io.datum.spi.DatasetExporter;
import io.datum.spi.DatasetImporter;
import io.datum.spi.FormatDetector;
import io.datum.testkit.BadInput;
import io.datum.testkit.FormatContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Open Images passes the format test kit: the V6 and V5 assets as samples, three broken datasets. */
class OpenImagesContractTest extends FormatContract {

    @TempDir
    Path temp;

    @Override
    protected DatasetImporter importer() {
        return new OpenImagesImporter();
    }

    @Override
    protected DatasetExporter exporter() {
        return new OpenImagesExporter();
    }

    @Override
    protected FormatDetector detector() {
        return new OpenImagesDetector();
    }

    @Override
    protected List<Path> samples() {
        return List.of(Fixtures.v6Asset(temp.resolve("v6")), Fixtures.v5Asset(temp.resolve("v5")));
    }

    @Override
    protected List<BadInput> badInputs() {
        Path unknownLabel = dataset("unknown-label");
        Fixtures.text(unknownLabel.resolve("annotations/oidv6-train-annotations-bbox.csv"), Fixtures.BOX_HEADER,
                "img1,x,/m/a,1,0.1,0.2,0.1,0.2,0,0,0,0,0", "img1,x,/m/zzz,1,0.1,0.2,0.1,0.2,0,0,0,0,0");
        Path badNumber = dataset("bad-number");
        Fixtures.text(badNumber.resolve("annotations/oidv6-train-annotations-bbox.csv"), Fixtures.BOX_HEADER,
                "img1,x,/m/a,1,0.1,zero,0.1,0.2,0,0,0,0,0");
        Path shortRow = dataset("short-row");
        Fixtures.text(shortRow.resolve("annotations/oidv6-train-annotations-human-imagelabels.csv"),
                "ImageID,Source,LabelName,Confidence", "img1,verification,/m/a,1", "img1,verification");
        return List.of(BadInput.at(unknownLabel, "oidv6-train-annotations-bbox.csv", 3),
                BadInput.at(badNumber, "oidv6-train-annotations-bbox.csv", 2),
                BadInput.at(shortRow, "oidv6-train-annotations-human-imagelabels.csv", 3));
    }

    /** One label, one image of 10×10 in train. */
    private Path dataset(String name) {
        Path root = temp.resolve(name);
        Fixtures.text(root.resolve("annotations/oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/a,A");
        Fixtures.text(root.resolve("annotations/image_ids_and_rotation.csv"), "ImageID,Subset", "img1,train");
        Fixtures.text(root.resolve("annotations/images.meta"), "img1 10 10");
        return root;
    }
}
