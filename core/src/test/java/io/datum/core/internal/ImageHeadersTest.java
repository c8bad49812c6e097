package io.datum.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Image;
import io.datum.model.ImageSize;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageHeadersTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "gif", "tiff"})
    void readsTheSizeFromTheHeader(String format) throws IOException {
        Path file = dir.resolve("img." + format);
        ImageIO.write(new BufferedImage(7, 3, BufferedImage.TYPE_3BYTE_BGR), format, file.toFile());
        assertEquals(new ImageSize(7, 3), ImageHeaders.readSize(file));
    }

    @Test
    void declaredSizeWinsAndAMissingFileHasNoSize() throws IOException {
        Path file = dir.resolve("a.png");
        ImageIO.write(new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        assertEquals(new ImageSize(4, 2), Image.ofFile(file, null).size().orElseThrow());
        assertEquals(new ImageSize(9, 9), Image.ofFile(file, new ImageSize(9, 9)).size().orElseThrow());
        assertTrue(Image.ofFile(dir.resolve("missing.png"), null).size().isEmpty());
        assertEquals(".png", Image.ofFile(file, null).extension());
        assertEquals(".JPG", Image.extensionOf("a/b.c/IMG.JPG"));
        assertEquals("", Image.extensionOf(".hidden"));
    }
}
