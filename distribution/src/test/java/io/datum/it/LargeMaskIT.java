package io.datum.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.testkit.PngFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mask under the pixel limit but large, 13000x13000 (169 million pixels, a 160 KB file: one
 * 100x100 square set), converts in a 256 MiB heap: Open Images to CVAT, to Open Images, and a
 * CVAT mask of that size back to Open Images. Held whole, its pixels alone would take 169 MB.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LargeMaskIT {
    private static final int SIZE = 13_000;
    private static final int SQUARE_AT = 6_000;
    private static final int SQUARE = 100;
    private static final Map<String, String> SMALL_HEAP = Map.of("DATUM_JAVA_OPTS", "-Xmx256m");

    @TempDir
    Path cwd;

    @Test
    void aLargeMaskConvertsInASmallHeap() throws Exception {
        Path home = TestHome.home();
        Path ds = openImagesDataset();

        LauncherScriptIT.Run toCvat = LauncherScriptIT.datum(home, cwd, SMALL_HEAP,
                "convert", "-if", "open_images", "-i", ds.toString(), "-f", "cvat", "-o", "cvat");
        assertEquals(0, toCvat.code(), toCvat::toString);
        String xml = Files.readString(cwd.resolve("cvat/train.xml"), StandardCharsets.UTF_8);
        Matcher rle = Pattern.compile("<mask [^>]*rle=\"([0-9, ]+)\"[^>]*width=\"13000\" height=\"13000\"").matcher(xml);
        assertTrue(rle.find(), xml);
        long[] counts = Arrays.stream(rle.group(1).split(", ")).mapToLong(Long::parseLong).toArray();
        assertEquals(2L * SQUARE + 1, counts.length);
        assertEquals((long) SQUARE_AT * SIZE + SQUARE_AT, counts[0]);
        assertEquals((long) SIZE * SIZE, Arrays.stream(counts).sum());

        for (String[] step : List.of(new String[] {"create", "-o", "project"},
                new String[] {"import", "-p", "project", "-f", "open_images", ds.toString()},
                new String[] {"export", "-p", "project", "-f", "open_images", "-o", "oi"})) {
            LauncherScriptIT.Run r = LauncherScriptIT.datum(home, cwd, SMALL_HEAP, step);
            assertEquals(0, r.code(), r::toString);
        }
        assertSquare(cwd.resolve("oi/masks/train/big_ma_1.png"));

        Path cvat = Files.createDirectories(cwd.resolve("handmade-cvat"));
        Files.writeString(cvat.resolve("default.xml"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n"
                + "<version>1.1</version>\n<meta><task><labels><label><name>a</name></label></labels></task></meta>\n"
                + "<image id=\"0\" name=\"big.jpg\" width=\"13000\" height=\"13000\">\n"
                + "<mask label=\"a\" rle=\"0, " + SQUARE * SQUARE + "\" left=\"" + SQUARE_AT + "\" top=\"" + SQUARE_AT
                + "\" width=\"" + SQUARE + "\" height=\"" + SQUARE + "\" occluded=\"0\" z_order=\"0\"></mask>\n"
                + "</image>\n</annotations>\n", StandardCharsets.UTF_8);
        LauncherScriptIT.Run back = LauncherScriptIT.datum(home, cwd, SMALL_HEAP,
                "convert", "-if", "cvat", "-i", cvat.toString(), "-f", "open_images", "-o", "from-cvat");
        assertEquals(0, back.code(), back::toString);
        try (var masks = Files.list(cwd.resolve("from-cvat/masks/default"))) {
            List<Path> files = masks.toList();
            assertEquals(1, files.size());
            assertSquare(files.get(0));
        }
    }

    /** The dataset: one 13000x13000 item, its size in images.meta, one mask. */
    private Path openImagesDataset() throws IOException {
        Path ds = cwd.resolve("ds");
        Path annotations = Files.createDirectories(ds.resolve("annotations"));
        Files.writeString(annotations.resolve("class-descriptions.csv"), "/m/a,A\n");
        Files.writeString(annotations.resolve("train-images-with-rotation.csv"), "ImageID,Subset\nbig,train\n");
        Files.writeString(annotations.resolve("images.meta"), "big " + SIZE + " " + SIZE + "\n");
        Files.writeString(annotations.resolve("train-annotations-object-segmentation.csv"),
                "MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks\n"
                        + "big_m_1.png,big,/m/a,1,0.4,0.5,0.4,0.5,,\n");
        Path mask = Files.createDirectories(ds.resolve("masks/train")).resolve("big_m_1.png");
        Files.write(mask, squarePng());
        assertTrue(Files.size(mask) < 1 << 20, "a small file: " + Files.size(mask));
        return ds;
    }

    /** An 8-bit grey PNG, all black but the square; deflated a row at a time. */
    private static byte[] squarePng() throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] row = new byte[SIZE + 1];
        byte[] buffer = new byte[1 << 16];
        for (int y = 0; y < SIZE; y++) {
            Arrays.fill(row, (byte) 0);
            if (y >= SQUARE_AT && y < SQUARE_AT + SQUARE) {
                Arrays.fill(row, 1 + SQUARE_AT, 1 + SQUARE_AT + SQUARE, (byte) 255);
            }
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                data.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            data.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return new PngFile(SIZE, SIZE, 8, 0, 0).chunk("IDAT", data.toByteArray()).end();
    }

    /**
     * The PNG Datum wrote (8-bit grey, unfiltered rows) is 13000x13000 with exactly the square
     * set: read a row at a time, as this JVM's heap need not hold it either.
     */
    private static void assertSquare(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 8));
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        int[] header = null;
        while (in.available() > 0) {
            int length = in.readInt();
            byte[] type = in.readNBytes(4);
            byte[] data = in.readNBytes(length);
            in.readInt();
            String name = new String(type, StandardCharsets.US_ASCII);
            if (name.equals("IHDR")) {
                DataInputStream h = new DataInputStream(new ByteArrayInputStream(data));
                header = new int[] {h.readInt(), h.readInt(), h.readUnsignedByte(), h.readUnsignedByte()};
            } else if (name.equals("IDAT")) {
                idat.write(data);
            }
        }
        assertArrayEquals(new int[] {SIZE, SIZE, 8, 0}, header, png.toString());
        long set = 0;
        int minX = SIZE;
        int minY = SIZE;
        int maxX = -1;
        int maxY = -1;
        try (InputStream rows = new InflaterInputStream(new ByteArrayInputStream(idat.toByteArray()))) {
            byte[] row = new byte[SIZE + 1];
            for (int y = 0; y < SIZE; y++) {
                assertEquals(SIZE + 1, rows.readNBytes(row, 0, row.length));
                assertEquals(0, row[0], "filter of row " + y);
                for (int x = 0; x < SIZE; x++) {
                    if (row[x + 1] != 0) {
                        set++;
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
        }
        assertEquals((long) SQUARE * SQUARE, set, png.toString());
        assertArrayEquals(new int[] {SQUARE_AT, SQUARE_AT, SQUARE_AT + SQUARE - 1, SQUARE_AT + SQUARE - 1},
                new int[] {minX, minY, maxX, maxY}, png.toString());
    }
}
