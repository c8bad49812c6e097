package io.datum.openimages.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datum.text.PythonNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows as Python's csv module writes them, whichever way the cells are given. */
class CsvWriterTest {
    @TempDir
    Path temp;

    private String written(CsvWriterAction action) throws IOException {
        Path file = temp.resolve("out.csv");
        try (CsvWriter writer = new CsvWriter(file)) {
            action.write(writer);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private interface CsvWriterAction {
        void write(CsvWriter writer) throws IOException;
    }

    @Test
    void quotesOnlyCellsThatNeedIt() throws IOException {
        List<String> cells = List.of("plain", "a,b", "say \"hi\"", "two\r\nlines", "lf\n", "caf\u00e9", "\u00e9,\"", "", " x ");
        String expected = "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"lf\n\",caf\u00e9,\"\u00e9,\"\"\",, x \r\n";
        assertEquals(expected, written(w -> w.row(cells)));
        assertEquals(expected, written(w -> {
            for (String c : cells) {
                w.cell(CsvWriter.encode(c));
            }
            w.endRow();
        }));
        assertEquals("a,,b\r\n\r\n", written(w -> {
            w.cell("a").emptyCell().cell("b").endRow();
            w.endRow();
        }));
    }

    @Test
    void cellsLongerThanTheBuffer() throws IOException {
        String plain = "x".repeat(200_000);
        String quoted = "q\"".repeat(70_000);
        String wide = "\u20ac".repeat(40_000);
        assertEquals("a," + plain + ",\"" + quoted.replace("\"", "\"\"") + "\"," + wide + "\r\n",
                written(w -> w.cell("a").cell(plain).cell(quoted).cell(wide).endRow()));
    }

    @Test
    void floatsAsPythonReprSpellsThem() throws IOException {
        Random random = new Random(3);
        List<Double> values = new ArrayList<>(List.of(0.001, 0.5, 0.1, 0.999999, 0.000999, 1.0, 0.0, -0.0, 1e-5, 123.456,
                0.391459, -0.25, 0.1234567, 0.30000001192092896, Double.NaN, Double.NEGATIVE_INFINITY, 1e16));
        for (int i = 0; i < 20_000; i++) {
            values.add(random.nextInt(1_000_000) / 1e6);
            values.add(-random.nextInt(1_000_000) / 1e6);
            values.add(random.nextDouble());
        }
        StringBuilder expected = new StringBuilder();
        for (double v : values) {
            expected.append(PythonNumbers.repr(v)).append(",x\r\n");
        }
        assertEquals(expected.toString(), written(w -> {
            for (double v : values) {
                w.cell(v).cell("x").endRow();
            }
        }));
    }
}
