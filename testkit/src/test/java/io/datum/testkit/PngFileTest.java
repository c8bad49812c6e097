package io.datum.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngFileTest {
    @Test
    void aGreyImageWrittenChunkByChunkIsReadBackByImageIoPixelForPixel() throws IOException {
        // two rows of three 8-bit grey pixels, each row behind filter byte 0 (none)
        byte[] raw = {0, 0, (byte) 128, (byte) 255, 0, 10, 20, 30};
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        while (!deflater.finished()) {
            z.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] data = z.toByteArray();
        int half = data.length / 2;
        byte[] png = new PngFile(3, 2, 8, 0, 0)
                .chunk("IDAT", java.util.Arrays.copyOfRange(data, 0, half))
                .chunk("IDAT", java.util.Arrays.copyOfRange(data, half, data.length))
                .end();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0, 3, 0, 0, 0, 2, 8, 0, 0, 0, 0}, java.util.Arrays.copyOf(png, 29));
        // the last chunk: IEND, no data, its fixed CRC
        assertArrayEquals(new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82},
                java.util.Arrays.copyOfRange(png, png.length - 12, png.length));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(3, image.getWidth());
        assertEquals(2, image.getHeight());
        int[] grey = image.getRaster().getPixels(0, 0, 3, 2, (int[]) null);
        assertArrayEquals(new int[] {0, 128, 255, 10, 20, 30}, grey);
    }
}
