package io.datum.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.datum.model.Image;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as an image file whose size is asked for: a size, no size (a header nobody can read),
 * or a {@link DatasetException} naming the file. The seeds under {@code ImageHeadersFuzzTestInputs}
 * (PNG, JPEG, GIF, BMP, TIFF, WBMP headers) run as regression tests in every build.
 */
class ImageHeadersFuzzTest {
    // one folder for all the runs of a fuzzing session
    @TempDir
    static Path folder;

    @FuzzTest
    void sizeOrNoneOrAnErrorNamingTheFile(byte[] content) throws IOException {
        Path file = folder.resolve("image");
        Files.write(file, content);
        try {
            Image.ofFile(file, null).size();
        } catch (DatasetException e) {
            assertEquals(file.toString(), e.file(), e.getMessage());
        }
    }
}
