package io.datum.openimages.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.datum.openimages.internal.Fixtures;
import io.datum.openimages.internal.OpenImagesPaths;
import io.datum.openimages.internal.detect.DatasetLayout;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as the label hierarchy JSON or as {@code dataset_meta.json}: categories, or a
 * {@link DatasetException} naming the file, the line and the column. The seeds under
 * {@code CategoriesReaderFuzzTestInputs} run as regression tests in every build.
 */
class CategoriesReaderFuzzTest {
    // a folder of each kind for all the runs of a fuzzing session
    @TempDir
    static Path hierarchyDataset;
    @TempDir
    static Path metaDataset;

    @BeforeAll
    static void datasets() throws IOException {
        Fixtures.text(hierarchyDataset.resolve("annotations/oidv6-class-descriptions.csv"),
                "LabelName,DisplayName", "/m/a,A", "/m/b,B", "/m/c,C");
    }

    @FuzzTest
    void hierarchy(byte[] json) throws IOException {
        Files.write(hierarchyDataset.resolve("annotations").resolve(OpenImagesPaths.HIERARCHY_FILE), json);
        read(hierarchyDataset, OpenImagesPaths.HIERARCHY_FILE);
    }

    @FuzzTest
    void datasetMeta(byte[] json) throws IOException {
        Files.write(metaDataset.resolve(OpenImagesPaths.DATASET_META_FILE), json);
        read(metaDataset, OpenImagesPaths.DATASET_META_FILE);
    }

    private static void read(Path root, String file) throws IOException {
        try {
            CategoriesReader.read(DatasetLayout.of(root));
        } catch (DatasetException e) {
            assertEquals(file, e.file(), e.getMessage());
            assertTrue(e.line() > 0 && e.column() > 0 || e.problem().startsWith("file larger than"), e.getMessage());
        }
    }
}
