package io.datum.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Image;
import io.datum.model.ImageSize;
import io.datum.spi.DatasetException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    @Test
    void aSizeNoIntHoldsIsAnErrorNamingTheFile() throws IOException {
        ByteBuffer png = ByteBuffer.allocate(33);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        png.putInt(0x8000_0000).putInt(5);
        Path pngFile = Files.write(dir.resolve("huge.png"), png.array());
        assertEquals(pngFile + ": the PNG header gives an impossible size of 2147483648x5 pixels (width and height go "
                + "from 0 to 2147483647)", assertThrows(DatasetException.class, () -> Image.ofFile(pngFile, null).size())
                .getMessage());

        ByteBuffer bmp = ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(54).putInt(0).putInt(54).putInt(40).putInt(7).putInt(Integer.MIN_VALUE);
        Path bmpFile = Files.write(dir.resolve("huge.bmp"), bmp.array());
        assertEquals(bmpFile + ": the BMP header gives an impossible size of 7x2147483648 pixels (width and height go "
                + "from 0 to 2147483647)", assertThrows(DatasetException.class, () -> Image.ofFile(bmpFile, null).size())
                .getMessage());
        // the largest size an int holds is read as it is
        png.putInt(16, Integer.MAX_VALUE);
        assertEquals(new ImageSize(Integer.MAX_VALUE, 5), ImageHeaders.readSize(Files.write(pngFile, png.array())));
    }

    @Test
    void readsTheOs2BitmapHeader() throws IOException {
        ByteBuffer bmp = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(26).putInt(0).putInt(26).putInt(12).putShort((short) 40000).putShort((short) 3);
        assertEquals(new ImageSize(40000, 3), ImageHeaders.readSize(Files.write(dir.resolve("os2.bmp"), bmp.array())));
    }

    @Test
    void aHeaderNobodyCanReadGivesNoSize() throws IOException {
        Path notPng = Files.write(dir.resolve("x.png"), "\u0089PNG\r\n\u001a\n and no IHDR chunk at all".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(Image.ofFile(notPng, null).size().isEmpty());
    }
}
