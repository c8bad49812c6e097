package io.datum.cvat.internal.read;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.datum.cvat.internal.CvatTestSupport;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as the XML file of a CVAT dataset, read through the importer (the entry that stays
 * whatever the scanner inside becomes): items, or a {@link DatasetException} naming the file and
 * a line. The seeds under {@code CvatImporterFuzzTestInputs} run as regression tests in every build.
 */
class CvatImporterFuzzTest {
    // one folder for all the runs of a fuzzing session
    @TempDir
    static Path root;

    @FuzzTest
    void itemsOrAnErrorWithItsLine(byte[] xml) throws IOException {
        Files.write(root.resolve("train.xml"), xml);
        try {
            CvatTestSupport.load(root);
        } catch (DatasetException e) {
            assertTrue(e.file() != null && e.file().endsWith("train.xml"), e.getMessage());
            assertTrue(e.line() > 0, e.getMessage());
        }
    }
}
