package io.datum.openimages.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.DatasetItem;
import io.datum.openimages.internal.Fixtures;
import io.datum.spi.DatasetSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick ImageID scan of opening: it reads the ids the full CSV reader would, and gives up
 * (leaving the file to the full reader) on whatever it does not read the same way.
 */
class ImageIdScannerTest {
    @TempDir
    Path temp;

    private List<String> ids;

    private boolean scan(String content) throws IOException {
        Path file = temp.resolve("f.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        ids = new ArrayList<>();
        return ImageIdScanner.scan(file, id -> ids.add(id));
    }

    @Test
    void readsTheImageIdColumnOfEachRunOfRows() throws IOException {
        assertTrue(scan("\uFEFFSource,ImageID,x\r\n\r\ns,a,1\r\ns,a,2\rs,b,3\n\ns,a,\"q,\"\"\r\n\"\ns,c"));
        assertEquals(List.of("a", "b", "a", "c"), ids);
        assertTrue(scan("ImageID,Label,ImageID\n1,x,a\n2,y,b"));
        assertEquals(List.of("a", "b"), ids, "a later duplicate column name wins, as in DictReader");
        assertTrue(scan("ImageID,Label\n"));
        assertEquals(List.of(), ids);
        assertTrue(scan(""));
    }

    @Test
    void readsTheColumnItIsToldOfAsV7PointLabelsSpellIt() throws IOException {
        Path file = temp.resolve("oidv7-val-annotations-point-labels.csv");
        Files.writeString(file, "ImageId,X,Y,Label\r\na,0.5,0.5,/m/0\r\na,0.1,0.2,/m/0\r\nb,0.3,0.4,/m/1\r\n");
        List<String> seen = new ArrayList<>();
        assertTrue(ImageIdScanner.scan(file, PointLabelFile.IMAGE_ID, seen::add));
        assertEquals(List.of("a", "b"), seen);
        assertFalse(ImageIdScanner.scan(file, id -> true), "no ImageID column");
    }

    /** A sink by bytes gets the UTF-8 of the ids, from the scan and when handed a String alike, and its answer stands. */
    @Test
    void givesAUtf8SinkTheBytesOfEachId() throws IOException {
        List<String> seen = new ArrayList<>();
        ImageIdScanner.Utf8IdSink sink = (utf8, from, to) -> {
            StringBuilder hex = new StringBuilder();
            for (int i = from; i < to; i++) {
                hex.append(String.format("%02x", utf8[i] & 0xFF));
            }
            seen.add(hex.toString());
            return to - from != 1;
        };
        Path file = temp.resolve("utf8.csv");
        Files.writeString(file, "ImageID,x\n\u00e9t\u00e9,1\nab,2\n", StandardCharsets.UTF_8);
        assertTrue(ImageIdScanner.scan(file, sink));
        assertEquals(List.of("c3a974c3a9", "6162"), seen);
        assertTrue(sink.accept("\u00e9\uD834\uDD1E"));
        assertFalse(sink.accept("z"), "the answer of the bytes form");
        assertEquals(List.of("c3a974c3a9", "6162", "c3a9f09d849e", "7a"), seen);
    }

    @Test
    void givesUpOnWhatOnlyTheFullReaderReads() throws IOException {
        assertFalse(scan("ImageID,x\n\"a\",1\n"), "a quoted id");
        assertFalse(scan("\"ImageID\",x\na,1\n"), "a quoted header");
        assertFalse(scan("x,ImageID\na\n"), "a short row");
        assertFalse(scan("x,Label\na,b\n"), "no ImageID column");
        assertFalse(scan("ImageID,x\na,\"1\"2\n"), "text after a closing quote");
        assertFalse(scan("ImageID,x\na,\"1\n"), "an unclosed quote");
        Path file = temp.resolve("latin1.csv");
        Files.write(file, new byte[] {'I', 'm', 'a', 'g', 'e', 'I', 'D', '\n', 'a', (byte) 0xE9, '\n'});
        assertFalse(ImageIdScanner.scan(file, id -> true), "not UTF-8");
    }

    @Test
    void readsUtf8IdsAndGivesUpOnBytesThatAreNotUtf8Anywhere() throws IOException {
        assertTrue(scan("\uFEFFImageID,x\n\u00e9t\u00e9,\u20ac\n\u00e9t\u00e9,2\nb\u00e4r,\"\u20ac,\ud83d\ude00\"\n"));
        assertEquals(List.of("\u00e9t\u00e9", "b\u00e4r"), ids);
        Path file = temp.resolve("bad.csv");
        Files.write(file, new byte[] {'I', 'm', 'a', 'g', 'e', 'I', 'D', ',', 'x', '\n', 'a', ',', (byte) 0xC3, '\n'});
        assertFalse(ImageIdScanner.scan(file, id -> true), "a cut-short sequence in another column");
        Files.write(file, new byte[] {'I', 'm', 'a', 'g', 'e', 'I', 'D', ',', 'x', '\n', 'a', ',', '"', (byte) 0xED, (byte) 0xA0,
            (byte) 0x80, '"', '\n'});
        assertFalse(ImageIdScanner.scan(file, id -> true), "a surrogate in a quoted cell");
    }

    @Test
    void itemsFirstSeenInAnnotationFilesAreCountedBySubset() throws IOException {
        Path root = temp.resolve("ds");
        Fixtures.text(root.resolve("annotations/oidv6-class-descriptions.csv"), "LabelName,DisplayName", "/m/a,A");
        Fixtures.text(root.resolve("annotations/validation-images-with-rotation.csv"), "ImageID,Subset", "v1,validation");
        Fixtures.text(root.resolve("annotations/train-annotations-human-imagelabels.csv"),
                "ImageID,Source,LabelName,Confidence", "t2,\"a, b\",/m/a,1", "v1,x,/m/a,0", "t1,x,/m/a,1");
        Fixtures.text(root.resolve("annotations/test-annotations-human-imagelabels.csv"),
                "ImageID,Source,LabelName,Confidence", "\"q1\",x,/m/a,1");
        try (DatasetSource source = Fixtures.importFrom(root)) {
            assertEquals(Map.of("validation", 1L, "test", 1L, "train", 2L), source.subsetSizes().orElseThrow());
            assertEquals(List.of("validation", "test", "train"), List.copyOf(source.subsetSizes().orElseThrow().keySet()));
            assertEquals(List.of("v1", "q1", "t2", "t1"), Fixtures.items(source).stream().map(DatasetItem::id).toList());
        }
    }
}
