package io.datum.openimages.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rows as Python's {@code csv} "excel" dialect writes them (§5.3): {@code ,} between cells,
 * {@code \r\n} after every row, a cell quoted only when it holds {@code ,}, {@code "}, CR or LF,
 * inner quotes doubled; UTF-8 without BOM.
 */
final class CsvWriter implements Closeable {
    private final Writer out;

    CsvWriter(Path file) throws IOException {
        this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            cell(cells.get(i));
        }
        out.write("\r\n");
    }

    void row(String... cells) throws IOException {
        row(List.of(cells));
    }

    private void cell(String value) throws IOException {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
