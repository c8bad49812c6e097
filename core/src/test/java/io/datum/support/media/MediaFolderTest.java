package io.datum.support.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Image;
import io.datum.spi.DatasetException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFolderTest {
    @TempDir
    Path dir;

    private Path png(String name, boolean alpha) throws IOException {
        BufferedImage pixels = new BufferedImage(3, 2, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        pixels.setRGB(1, 1, 0x80FF0000);
        Path file = dir.resolve(name);
        ImageIO.write(pixels, "png", file.toFile());
        return file;
    }

    @Test
    void theSameEncodingIsCopiedByteForByteUnderAnyOfItsExtensions() throws IOException {
        Path source = dir.resolve("in.jpg");
        Files.write(source, new byte[] {1, 2, 3}); // not even an image: a copy does not decode
        MediaFolder out = new MediaFolder(dir.resolve("out"));
        Path same = out.save(Image.ofFile(source, null), "train/a.JPG");
        Path alias = out.save(Image.ofFile(source, null), "train/b.jpeg");
        assertEquals(dir.resolve("out/train/a.JPG").toAbsolutePath().normalize(), same);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(same));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(alias));
    }

    @Test
    void anotherEncodingIsDecodedAndEncodedAgainWithoutTransparencyWhereItHasNone() throws IOException {
        Path source = png("in.png", true);
        Path target = new MediaFolder(dir.resolve("out")).save(Image.ofFile(source, null), "a.jpg");
        BufferedImage written = ImageIO.read(target.toFile());
        assertEquals(3, written.getWidth());
        assertFalse(written.getColorModel().hasAlpha());
        assertFalse(Files.exists(target.resolveSibling("a.jpg.tmp")));
    }

    @Test
    void unsafeNamesAndLinksAreRefusedAndNothingIsWrittenForThem() throws IOException {
        Path source = png("in.png", false);
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("linked"), outside);
        MediaFolder media = new MediaFolder(out);
        assertThrows(DatasetException.class, () -> media.save(Image.ofFile(source, null), "../x.png"));
        assertThrows(DatasetException.class, () -> media.save(Image.ofFile(source, null), "/tmp/x.png"));
        assertThrows(DatasetException.class, () -> media.save(Image.ofFile(source, null), "linked/x.png"));
        try (var files = Files.list(outside)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void anExtensionWithoutEncoderIsOneClearError() throws IOException {
        Path source = png("in.png", false);
        DatasetException e = assertThrows(DatasetException.class,
                () -> new MediaFolder(dir.resolve("out")).save(Image.ofFile(source, null), "a.xyz"));
        assertTrue(e.getMessage().startsWith("cannot encode images as '.xyz' (supported: .bmp"), e.getMessage());
    }
}
