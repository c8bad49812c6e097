package io.datum.openimages.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datum.openimages.internal.csv.CsvTable;
import io.datum.spi.DatasetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** images.meta lines: plain ones read from their bytes, the others as a shell splits them; the same entries either way. */
class ImageMetaFileTest {
    @TempDir
    Path temp;

    private List<String> read(byte[] content) throws IOException {
        Path file = temp.resolve("images.meta");
        Files.write(file, content);
        List<String> entries = new ArrayList<>();
        ImageMetaFile.read(file, "images.meta", (id, size) -> entries.add(id + "=" + size.width() + "x" + size.height()));
        return entries;
    }

    private List<String> read(String content) throws IOException {
        return read(content.getBytes(StandardCharsets.UTF_8));
    }

    private String failure(String content) {
        return assertThrows(DatasetException.class, () -> read(content)).getMessage();
    }

    @Test
    void readsPlainAndShellLines() throws IOException {
        assertEquals(List.of("img1=20x10", "x y=4x3", "img2=6x5", "qr=2x1", "\u00e9t\u00e9=9x8", "img3=8x7"),
                read("\uFEFF# <image name> <height> <width>\r\n\r\nimg1 10 20\n'x y' 3 4 extra\r  img2\t5 6 # comment\n"
                        + "\"q\"r 1 2\n\u00e9t\u00e9 8 9\nimg3 7 8"));
        assertEquals(List.of("a=3x2"), read("a 2 3 4 5\n\n   \n"));
    }

    /** Entries by bytes get the UTF-8 of every id, plain lines' straight from the line, shell lines' encoded again. */
    @Test
    void givesUtf8EntriesTheBytesOfEachId() throws IOException {
        Path file = temp.resolve("images.meta");
        Files.writeString(file, "img1 10 20\n'x y' 3 4\n\u00e9t\u00e9 8 9\n", StandardCharsets.UTF_8);
        List<String> entries = new ArrayList<>();
        ImageMetaFile.read(file, "images.meta", (ImageMetaFile.Utf8Entries) (utf8, from, to, size) -> {
            StringBuilder hex = new StringBuilder();
            for (int i = from; i < to; i++) {
                hex.append(String.format("%02x", utf8[i] & 0xFF));
            }
            entries.add(hex + "=" + size.width() + "x" + size.height());
        });
        assertEquals(List.of("696d6731=20x10", "782079=4x3", "c3a974c3a9=9x8"), entries);
    }

    @Test
    void reportsBadLinesWithTheirNumber() {
        assertEquals("images.meta:2: expected '<image id> <height> <width>', got 2 field(s)", failure("a 1 2\nb 1\n"));
        assertEquals("images.meta:1: bad height 'tall' (not an integer)", failure("a tall 3\n"));
        assertEquals("images.meta:1: bad width '-3' (out of range)", failure("a 2 -3\n"));
        assertEquals("images.meta:3: No closing quotation", failure("a 1 2\r\nb 1 2\r\n'c 1 2\r\n"));
        assertEquals("images.meta:1: line longer than " + CsvTable.MAX_RECORD_CHARS + " characters",
                failure("x".repeat(CsvTable.MAX_RECORD_CHARS + 1) + " 1 2\n"));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertEquals("images.meta:2: not valid UTF-8 text", assertThrows(DatasetException.class,
                () -> read(new byte[] {'a', ' ', '1', ' ', '2', '\n', 'b', (byte) 0xE9, ' ', '1', ' ', '2', '\n'})).getMessage());
    }
}
