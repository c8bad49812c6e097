package io.datum.openimages.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.spi.DatasetException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The byte-level CSV reader: the dialect commons-csv read before (checked against it on random
 * text), cells that straddle buffer refills, and the errors with their lines.
 */
class CsvRecordReaderTest {
    /** Every record as its cells, then its line in brackets; the input arrives {@code chunk} bytes per read. */
    static List<String> read(byte[] input, int chunk) throws IOException {
        try (CsvRecordReader reader = new CsvRecordReader(new Trickle(input, chunk), "f.csv", chunk == 1 ? 4 : 1 << 17)) {
            return records(reader, Integer.MAX_VALUE);
        }
    }

    /** The records {@code reader} has left, each as its first {@code shown} cells and then its line after "@". */
    private static List<String> records(CsvRecordReader reader, int shown) throws IOException {
        List<String> out = new ArrayList<>();
        while (reader.next()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < Math.min(shown, reader.size()); i++) {
                cells.add(reader.cell(i));
            }
            out.add(cells + "@" + reader.line());
        }
        return out;
    }

    /**
     * As {@link #read(byte[], int)}, keeping the first {@code kept} cells of each record and
     * skipping the others; {@code bufferBytes} to start with.
     */
    static List<String> readKept(byte[] input, int chunk, int bufferBytes, int kept) throws IOException {
        try (CsvRecordReader reader = new CsvRecordReader(new Trickle(input, chunk), "f.csv", bufferBytes)) {
            reader.keepCells(kept);
            return records(reader, Integer.MAX_VALUE);
        }
    }

    /** The records or the error of reading every cell, each record cut to its first {@code kept} cells. */
    static String outcomeCut(byte[] input, int chunk, int bufferBytes, int kept) throws IOException {
        try (CsvRecordReader reader = new CsvRecordReader(new Trickle(input, chunk), "f.csv", bufferBytes)) {
            return records(reader, kept).toString();
        } catch (DatasetException e) {
            return e.getMessage();
        }
    }

    /** The records or the error of reading with {@link CsvRecordReader#keepCells}. */
    static String outcomeKept(byte[] input, int chunk, int bufferBytes, int kept) throws IOException {
        try {
            return readKept(input, chunk, bufferBytes, kept).toString();
        } catch (DatasetException e) {
            return e.getMessage();
        }
    }

    private static List<String> read(String input) throws IOException {
        List<String> whole = read(input.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
        // the same with the input arriving byte by byte: every refill boundary is crossed
        assertEquals(whole, read(input.getBytes(StandardCharsets.UTF_8), 1));
        return whole;
    }

    private static String failure(byte[] input) {
        String whole = assertThrows(DatasetException.class, () -> read(input, Integer.MAX_VALUE)).getMessage();
        assertEquals(whole, assertThrows(DatasetException.class, () -> read(input, 1)).getMessage());
        return whole;
    }

    private static String failure(String input) {
        return failure(input.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedCellsHoldCommasQuotesAndLineBreaks() throws IOException {
        assertEquals(List.of("[a, b,c, d\"e, ]@1"), read("a,\"b,c\",\"d\"\"e\",\"\"\n"));
        assertEquals(List.of("[x, one\r\ntwo\nthree\rfour]@4", "[y]@5"),
                read("x,\"one\r\ntwo\nthree\rfour\"\r\ny\n"));
        assertEquals(List.of("[\"\"]@1"), read("\"\"\"\"\"\"\n"), "a cell of two quotes");
    }

    @Test
    void quotesOutsideAQuotedCellAreText() throws IOException {
        assertEquals(List.of("[a\"b, 5\" ]@1", "[ \"c\"]@2"), read("a\"b,5\" \n \"c\"\n"));
    }

    @Test
    void whiteSpaceAfterAClosingQuoteIsDropped() throws IOException {
        assertEquals(List.of("[a, b]@1", "[c]@2"), read("\"a\" \t,b\n\"c\"\u2003\n"));
    }

    @Test
    void anyLineEndAndEmptyLines() throws IOException {
        assertEquals(List.of("[a]@2", "[b]@3", "[c]@4", "[d]@8", "[e]@11"),
                read("\r\na\r\nb\rc\n\n\r\r\nd\n\n\ne"));
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read("\n\r\n\r"));
        assertEquals(List.of("[a, b]@1"), read("a,b\n\n\n"), "trailing empty lines");
        assertEquals(List.of("[a, b]@1"), read("a,b"), "no line break at the end");
    }

    @Test
    void emptyCells() throws IOException {
        assertEquals(List.of("[, , ]@1", "[a, ]@2", "[]@3", "[ ]@4"), read(",,\na,\n\"\"\n \n"));
    }

    @Test
    void aLeadingByteOrderMarkIsSkippedAndOnlyThere() throws IOException {
        assertEquals(List.of("[ImageID, x]@1", "[\uFEFFa]@2"), read("\uFEFFImageID,x\r\n\uFEFFa\r\n"));
        assertEquals(List.of("[a]@2"), read("\uFEFF\na"));
    }

    @Test
    void cellsLargerThanTheBuffer() throws IOException {
        String big = "é".repeat(150_000) + "x".repeat(200_000);
        String quoted = "q\"\"".repeat(100_000) + "\r\n";
        List<String> records = read(("a," + big + ",\"" + quoted + "\",b\nlast\n").getBytes(StandardCharsets.UTF_8), 4096);
        assertEquals(List.of("[a, " + big + ", " + "q\"".repeat(100_000) + "\r\n, b]@2", "[last]@3"), records);
    }

    @Test
    void recordsAreLimitedInCharacters() throws IOException {
        int max = CsvTable.MAX_RECORD_CHARS;
        // at the limit, in chars, though the UTF-8 bytes are more
        String atLimit = "é".repeat(max - 2) + ",x";
        assertEquals(1, read(atLimit.getBytes(StandardCharsets.UTF_8), 65536).size());
        assertEquals("f.csv:2: a record is longer than " + max + " characters (an unclosed quote?)",
                failure("ok\n" + "é".repeat(max + 1) + "\n"));
        assertEquals("f.csv:2: a record is longer than " + max + " characters (an unclosed quote?)",
                failure("ok\n\"" + "x\n".repeat(max / 2 + 10)));
    }

    @Test
    void malformedQuotesNameTheirLine() {
        assertEquals("f.csv:3: malformed CSV: Invalid character between encapsulated token and delimiter",
                failure("a\nb\n\"img1\"x,s\n"));
        assertEquals("f.csv:3: malformed CSV: Invalid character between encapsulated token and delimiter",
                failure("a\n\"b\nc\"\u00e9\n"));
        assertEquals("f.csv:2: malformed CSV: EOF reached before encapsulated token finished",
                failure("a\nb,\"c\n\nd"));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[][] bad = {
            {'a', (byte) 0xFF, '\n'},
            {'a', (byte) 0xC0, (byte) 0x80, '\n'}, // overlong NUL
            {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}, // a surrogate
            {'a', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
            {'a', (byte) 0x80}, // a stray continuation byte
            {'"', 'a', (byte) 0xE2, (byte) 0x82}, // cut short by the end of input
        };
        for (byte[] input : bad) {
            assertEquals("f.csv:1: not valid UTF-8 text", failure(input));
        }
        // the line of the bad byte, also inside a quoted cell that spans lines
        assertEquals("f.csv:2: not valid UTF-8 text", failure(new byte[] {'h', '\n', 'a', (byte) 0xFF}));
        assertEquals("f.csv:4: not valid UTF-8 text",
                failure(new byte[] {'h', '\n', '"', 'a', '\r', '\n', 'b', '\r', 'c', (byte) 0xC0, '"'}));
    }

    @Test
    void readsWhatCommonsCsvReadsOnRandomText() throws IOException {
        CSVFormat commons = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        String[] pieces = {"a", "b", "7", ",", ",", "\"", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\t", "é", "€", "😀", "\u2003"};
        Random random = new Random(42);
        int compared = 0;
        for (int n = 0; n < 10_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            List<List<String>> expected = new ArrayList<>();
            boolean expectedFailure = false;
            try (CSVParser parser = commons.parse(new StringReader(text))) {
                for (CSVRecord r : parser) {
                    expected.add(r.toList());
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                expectedFailure = true;
            }
            List<List<String>> actual = new ArrayList<>();
            boolean actualFailure = false;
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try (CsvRecordReader reader = new CsvRecordReader(new Trickle(bytes, 1 + n % 3), "f", 4 + n % 8)) {
                while (reader.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < reader.size(); i++) {
                        cells.add(reader.cell(i));
                    }
                    actual.add(cells);
                }
            } catch (DatasetException e) {
                actualFailure = true;
            }
            assertEquals(expectedFailure, actualFailure, () -> "failure on " + escape(text));
            if (!expectedFailure) {
                assertEquals(expected, actual, () -> "records of " + escape(text));
                compared++;
            }
        }
        assertTrue(compared > 3_000, "enough inputs were well-formed: " + compared);
    }

    @Test
    void skippedCellsAreCheckedAsReadCellsAre() throws IOException {
        String rows = "id,subset,url,\"a, \"\"quoted\"\"\r\ntitle\",Müller,x\"y,\"\"\n"
                + "id2,s,\"\",plain,\"é\" \t\r\n"
                + "id3\n"
                + "id4,t,\"line\rbreaks\nin\r\nquotes\",last\r\n";
        byte[] bytes = rows.getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("[id, subset]@2", "[id2, s]@3", "[id3]@4", "[id4, t]@8"), readKept(bytes, Integer.MAX_VALUE, 1 << 17, 2));
        for (int kept = 1; kept <= 7; kept++) {
            for (int chunk : new int[] {1, 3, Integer.MAX_VALUE}) {
                assertEquals(outcomeCut(bytes, chunk, 4, kept), outcomeKept(bytes, chunk, 4, kept), kept + "/" + chunk);
            }
        }
        // the same error on the same line when it lies in a skipped cell
        String[] bad = {
            "a,b,\"x\"y\n", "a,b,\"open\nnever closed\n", "a,b\nc,d,e\"f,\"g\"h,i\n", "a,\"\r\n\",\"q\" z\n",
        };
        for (String text : bad) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            String expected = failure(b);
            for (int chunk : new int[] {1, 2, Integer.MAX_VALUE}) {
                assertEquals(expected, outcomeKept(b, chunk, 4, 1), escape(text));
            }
        }
        byte[] invalid = {'a', ',', 'b', ',', '"', 'x', '\n', 'y', (byte) 0xC3, '"', '\n'};
        assertEquals("f.csv:2: not valid UTF-8 text", outcomeKept(invalid, Integer.MAX_VALUE, 1 << 17, 1));
        byte[] stray = {'a', ',', 'b', ',', 'c', (byte) 0x80, '\n'};
        assertEquals("f.csv:1: not valid UTF-8 text", outcomeKept(stray, Integer.MAX_VALUE, 1 << 17, 2));
    }

    @Test
    void keepingFewerCellsGivesTheirCellsOrTheSameErrorOnRandomText() throws IOException {
        String[] pieces = {"a", "b", "7", ",", ",", ",", "\"", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\t", "é", "€", "😀",
            "\u2003", "https://farm2.staticflickr.com/8705/40115128510_78176fab60_o.jpg"};
        Random random = new Random(4242);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            if (n % 5 == 0 && bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // perhaps not UTF-8
            }
            int kept = 1 + random.nextInt(3);
            int chunk = 1 + n % 9;
            int buffer = 4 + n % 16;
            byte[] input = bytes;
            assertEquals(outcomeCut(input, chunk, buffer, kept), outcomeKept(input, chunk, buffer, kept),
                    () -> kept + " cells of " + escape(new String(input, StandardCharsets.UTF_8)));
            assertEquals(outcomeCut(input, Integer.MAX_VALUE, 1 << 17, kept), outcomeKept(input, Integer.MAX_VALUE, 1 << 17, kept),
                    () -> kept + " cells of " + escape(new String(input, StandardCharsets.UTF_8)));
        }
    }

    private static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Hands out at most {@code chunk} bytes per read, as a slow pipe would. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;
        private final int chunk;

        Trickle(byte[] bytes, int chunk) {
            this.in = new ByteArrayInputStream(bytes);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, chunk));
        }
    }
}
