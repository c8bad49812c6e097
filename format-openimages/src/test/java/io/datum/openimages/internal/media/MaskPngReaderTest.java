package io.datum.openimages.internal.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.ImageSize;
import io.datum.spi.DatasetException;
import io.datum.testkit.PngFile;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row-by-row mask decoder against ImageIO (what decoded masks before): every colour type and
 * bit depth, interlaced or not, with and without a transparent colour, every row filter, image
 * data split over several chunks, scaled up and down; and its errors.
 */
class MaskPngReaderTest {
    private static final int[][] FORMATS = {
        {0, 1}, {0, 2}, {0, 4}, {0, 8}, {0, 16}, {2, 8}, {2, 16}, {3, 1}, {3, 2}, {3, 4}, {3, 8},
        {4, 8}, {4, 16}, {6, 8}, {6, 16}};

    @TempDir
    Path temp;

    @Test
    void decodesEveryPngFormatAsImageIoDoes() throws IOException {
        Random random = new Random(12);
        int files = 0;
        for (int[] format : FORMATS) {
            for (int interlace = 0; interlace <= 1; interlace++) {
                for (int transparency = 0; transparency <= 1; transparency++) {
                    for (int round = 0; round < 6; round++) {
                        TestPng png = TestPng.random(random, format[0], format[1], interlace, transparency == 1);
                        Path file = temp.resolve("m" + files++ + ".png");
                        Files.write(file, png.encode(random));
                        int w = 1 + random.nextInt(3 * png.width);
                        int h = 1 + random.nextInt(3 * png.height);
                        String name = "type " + format[0] + " depth " + format[1] + " interlace " + interlace
                                + " tRNS " + transparency + " " + png.width + "x" + png.height + " -> " + w + "x" + h;
                        assertArrayEquals(byImageIo(file, w, h),
                                new PngMask(file, "m.png", new ImageSize(w, h), Long.MAX_VALUE).pixels(), name);
                    }
                }
            }
        }
    }

    @Test
    void readsFilesSmallerThanTheLeastBufferAndLargerThanTheGreatest() throws IOException {
        Random random = new Random(5);
        for (int side : new int[] {2, 300}) {
            // noise does not compress: 300 x 300 grey pixels make a file of about 90 kB
            int[] noise = random.ints(side * side, 0, 256).toArray();
            Path file = temp.resolve("n" + side + ".png");
            Files.write(file, TestPng.grey(side, side, noise).encode(random));
            long size = Files.size(file);
            assertTrue(side == 2 ? size < 512 : size > 1 << 16, side + ": " + size + " bytes");
            assertArrayEquals(byImageIo(file, side, side),
                    new PngMask(file, "n.png", new ImageSize(side, side), Long.MAX_VALUE).pixels(), side + " x " + side);
        }
    }

    @Test
    void scalesLikeOpenCvNearest() throws IOException {
        Path file = temp.resolve("m.png");
        Files.write(file, TestPng.grey(3, 2, 255, 0, 0, 0, 255, 0).encode(new Random(1)));
        assertArrayEquals(new byte[] {
            1, 1, 0, 0, 0, 0,
            1, 1, 0, 0, 0, 0,
            0, 0, 1, 1, 0, 0,
            0, 0, 1, 1, 0, 0}, new PngMask(file, "m.png", new ImageSize(6, 4), 100).pixels());
        Files.write(file, TestPng.grey(5, 1, 0, 1, 0, 7, 0).encode(new Random(1)));
        // 5 -> 3: source columns 0, 1, 3
        assertArrayEquals(new byte[] {0, 1, 1}, new PngMask(file, "m.png", new ImageSize(3, 1), 100).pixels());
    }

    @Test
    void aDefectiveFileIsAnErrorNamingIt() throws IOException {
        byte[] good = TestPng.grey(4, 4, new int[16]).encode(new Random(2));
        assertEquals("m.png: cannot decode the mask: the file ends early", failure(Arrays.copyOf(good, 20)));
        assertEquals("m.png: not a readable image", failure("GIF89a and more bytes than a PNG signature".getBytes(StandardCharsets.US_ASCII)));
        int[] noise = new Random(3).ints(16 * 16, 0, 256).toArray();
        byte[] noisy = TestPng.grey(16, 16, noise).encode(new Random(2));
        assertEquals("m.png: cannot decode the mask: the file ends early", failure(Arrays.copyOf(noisy, noisy.length / 2)));
        byte[] badFilter = TestPng.grey(4, 4, new int[16]).filter(7).encode(new Random(2));
        assertEquals("m.png: cannot decode the mask: row filter 7 of row 0 is not a PNG filter", failure(badFilter));
        byte[] corrupt = good.clone();
        int idat = new String(corrupt, StandardCharsets.ISO_8859_1).indexOf("IDAT");
        corrupt[idat + 5] ^= 0x55; // the zlib header's check byte
        assertTrue(failure(corrupt).startsWith("m.png: cannot decode the mask: "), failure(corrupt));
        byte[] badDepth = good.clone();
        badDepth[8 + 8 + 8] = 3;
        assertEquals("m.png: cannot decode the mask: colour type 0, bit depth 3, compression 0, filter 0 and "
                + "interlace 0 are not a PNG format", failure(badDepth));
    }

    private String failure(byte[] bytes) throws IOException {
        Path file = temp.resolve("bad.png");
        Files.write(file, bytes);
        return assertThrows(DatasetException.class,
                () -> new PngMask(file, "m.png", new ImageSize(4, 4), 1000).pixels()).getMessage();
    }

    /** What masks were before the row decoder: ImageIO's image, any non-zero channel set, a palette colour not black. */
    private static byte[] byImageIo(Path file, int w, int h) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        int srcW = image.getWidth();
        int srcH = image.getHeight();
        boolean palette = image.getColorModel() instanceof IndexColorModel;
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int[] pixel = new int[bands];
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min((int) Math.floor(y * (1.0 / ((double) h / srcH))), srcH - 1);
            for (int x = 0; x < w; x++) {
                int sx = Math.min((int) Math.floor(x * (1.0 / ((double) w / srcW))), srcW - 1);
                boolean set;
                if (palette) {
                    set = (image.getRGB(sx, sy) & 0xFFFFFF) != 0;
                } else {
                    raster.getPixel(sx, sy, pixel);
                    set = Arrays.stream(pixel).anyMatch(v -> v != 0);
                }
                out[y * w + x] = (byte) (set ? 1 : 0);
            }
        }
        return out;
    }

    /** A PNG made sample by sample, with a chosen or random filter per row and its data in chunks of random sizes. */
    static final class TestPng {
        final int width;
        final int height;
        final int colorType;
        final int bitDepth;
        final int interlace;
        final int[][] samples; // [y * width + x][channel]
        byte[] palette;
        int[] transparent;
        int fixedFilter = -1;

        TestPng(int width, int height, int colorType, int bitDepth, int interlace) {
            this.width = width;
            this.height = height;
            this.colorType = colorType;
            this.bitDepth = bitDepth;
            this.interlace = interlace;
            this.samples = new int[width * height][channels()];
        }

        static TestPng grey(int width, int height, int... values) {
            TestPng png = new TestPng(width, height, 0, 8, 0);
            for (int i = 0; i < values.length; i++) {
                png.samples[i][0] = values[i];
            }
            return png;
        }

        static TestPng random(Random random, int colorType, int bitDepth, int interlace, boolean transparency) {
            TestPng png = new TestPng(1 + random.nextInt(20), 1 + random.nextInt(20), colorType, bitDepth, interlace);
            int max = (1 << bitDepth) - 1;
            if (colorType == 3) {
                int entries = 1 + random.nextInt(1 << bitDepth);
                png.palette = new byte[3 * entries];
                for (int i = 0; i < entries; i++) {
                    if (random.nextInt(3) > 0) {
                        png.palette[3 * i + random.nextInt(3)] = (byte) (1 + random.nextInt(255));
                    }
                }
            }
            // mostly zero and a few values, so that runs, black and the transparent colour all occur
            int[] choices = {0, 0, 0, max, 1 + random.nextInt(max), random.nextInt(max + 1)};
            for (int[] pixel : png.samples) {
                boolean zero = random.nextInt(3) == 0;
                for (int c = 0; c < pixel.length; c++) {
                    pixel[c] = zero ? 0 : choices[random.nextInt(choices.length)];
                }
            }
            if (transparency && colorType != 3 && colorType != 4 && colorType != 6) {
                png.transparent = png.samples[random.nextInt(png.samples.length)].clone();
            }
            return png;
        }

        TestPng filter(int filter) {
            this.fixedFilter = filter;
            return this;
        }

        int channels() {
            return switch (colorType) {
                case 2 -> 3;
                case 4 -> 2;
                case 6 -> 4;
                default -> 1;
            };
        }

        byte[] encode(Random random) throws IOException {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            if (interlace == 0) {
                writeRows(raw, random, 0, 0, 1, 1);
            } else {
                int[][] passes = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
                for (int[] p : passes) {
                    writeRows(raw, random, p[0], p[1], p[2], p[3]);
                }
            }
            Deflater deflater = new Deflater(random.nextInt(10));
            deflater.setInput(raw.toByteArray());
            deflater.finish();
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                z.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            PngFile out = new PngFile(width, height, bitDepth, colorType, interlace);
            out.chunk("tEXt", "Comment\0made for a test".getBytes(StandardCharsets.ISO_8859_1));
            if (palette != null) {
                out.chunk("PLTE", palette);
            }
            if (transparent != null) {
                ByteArrayOutputStream t = new ByteArrayOutputStream();
                DataOutputStream d = new DataOutputStream(t);
                for (int v : transparent) {
                    d.writeShort(v);
                }
                out.chunk("tRNS", t.toByteArray());
            }
            byte[] data = z.toByteArray();
            int at = 0;
            do {
                int n = Math.min(data.length - at, 1 + random.nextInt(Math.max(1, data.length)));
                out.chunk("IDAT", Arrays.copyOfRange(data, at, at + n));
                at += n;
            } while (at < data.length);
            return out.end();
        }

        private void writeRows(ByteArrayOutputStream raw, Random random, int x0, int y0, int dx, int dy) {
            int passWidth = (width - x0 + dx - 1) / dx;
            if (passWidth <= 0) {
                return;
            }
            int bpp = Math.max(1, channels() * bitDepth / 8);
            byte[] previous = null;
            for (int y = y0; y < height; y += dy) {
                byte[] row = pack(y, x0, dx, passWidth);
                int filter = fixedFilter >= 0 ? fixedFilter : random.nextInt(5);
                raw.write(filter);
                byte[] above = previous == null ? new byte[row.length] : previous;
                for (int i = 0; i < row.length; i++) {
                    int a = i >= bpp ? row[i - bpp] & 0xFF : 0;
                    int b = above[i] & 0xFF;
                    int c = i >= bpp ? above[i - bpp] & 0xFF : 0;
                    int predictor = switch (filter) {
                        case 1 -> a;
                        case 2 -> b;
                        case 3 -> (a + b) >>> 1;
                        case 4 -> paeth(a, b, c);
                        default -> 0;
                    };
                    raw.write((row[i] - predictor) & 0xFF);
                }
                previous = row;
            }
        }

        private static int paeth(int a, int b, int c) {
            int p = a + b - c;
            int pa = Math.abs(p - a);
            int pb = Math.abs(p - b);
            int pc = Math.abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }

        private byte[] pack(int y, int x0, int dx, int pixels) {
            int bits = channels() * bitDepth;
            byte[] row = new byte[(pixels * bits + 7) / 8];
            int bit = 0;
            for (int i = 0; i < pixels; i++) {
                for (int sample : samples[y * width + x0 + i * dx]) {
                    if (bitDepth == 16) {
                        row[bit / 8] = (byte) (sample >>> 8);
                        row[bit / 8 + 1] = (byte) sample;
                    } else if (bitDepth == 8) {
                        row[bit / 8] = (byte) sample;
                    } else {
                        row[bit / 8] |= (byte) (sample << (8 - bitDepth - bit % 8));
                    }
                    bit += bitDepth;
                }
            }
            return row;
        }
    }
}
