package io.datum.openimages.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as {@code images.meta}: sizes, or a {@link DatasetException} naming the file and the
 * line. The seeds under {@code ImageMetaFileFuzzTestInputs} run as regression tests in every build.
 */
class ImageMetaFileFuzzTest {
    // one folder for all the runs of a fuzzing session
    @TempDir
    static Path folder;

    @FuzzTest
    void sizesOrAnErrorWithItsLine(byte[] content) throws IOException {
        Path file = folder.resolve("images.meta");
        Files.write(file, content);
        try {
            ImageMetaFile.read(file, "images.meta", (id, size) -> assertTrue(size.width() >= 0 && size.height() >= 0));
        } catch (DatasetException e) {
            assertEquals("images.meta", e.file(), e.getMessage());
            assertTrue(e.line() > 0, e.getMessage());
        }
    }
}
