package io.datum.openimages.internal.csv;

import io.datum.text.PythonNumbers;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rows as Python's {@code csv} "excel" dialect writes them: {@code ,} between cells,
 * {@code \r\n} after every row, a cell quoted only when it holds {@code ,}, {@code "}, CR or LF,
 * inner quotes doubled; UTF-8 without BOM.
 *
 * <p>Cells go straight into one byte buffer per file, written out in large blocks: an export
 * writes tens of millions of cells, and a {@code BufferedWriter} took a lock and an encoding
 * step per call (most of the exporter's time). Write a row as {@link #cell} calls then
 * {@link #endRow()}, or at once with {@link #row}. Not thread-safe.
 */
public final class CsvWriter implements Closeable {
    private static final int BUFFER_BYTES = 1 << 16;

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int size;
    /** True until the current row has a cell: no comma before the first one. */
    private boolean rowStart = true;

    public CsvWriter(Path file) throws IOException {
        this(Files.newOutputStream(file));
    }

    /** Writes to {@code out}, which it closes. */
    public CsvWriter(OutputStream out) {
        this.out = out;
    }

    public void row(List<String> cells) throws IOException {
        for (String cell : cells) {
            cell(cell);
        }
        endRow();
    }

    public void row(String... cells) throws IOException {
        for (String cell : cells) {
            cell(cell);
        }
        endRow();
    }

    /** Appends a text cell to the current row. */
    public CsvWriter cell(String value) throws IOException {
        separator();
        int length = value.length();
        if (length <= buf.length) {
            // optimistic: a plain ASCII cell is copied as it is checked
            ensure(length);
            byte[] b = buf;
            int start = size;
            int i = 0;
            for (; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 0x80 || c == ',' || c == '"' || c == '\r' || c == '\n') {
                    break;
                }
                b[start + i] = (byte) c;
            }
            if (i == length) {
                size = start + length;
                return this;
            }
        }
        bytes(encode(value));
        return this;
    }

    /**
     * The bytes of a cell as written: UTF-8, quoted when it holds a comma, a quote or a line
     * break. For values written many times (an item's id in each of its rows, label names).
     */
    public static byte[] encode(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return (quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value).getBytes(StandardCharsets.UTF_8);
    }

    /** Appends a cell given as {@link #encode} made it. */
    public CsvWriter cell(byte[] encoded) throws IOException {
        separator();
        bytes(encoded);
        return this;
    }

    /**
     * Appends a float cell spelled as Python's {@code repr} spells it. Normalised coordinates
     * with at most six decimals (what Open Images files hold) are spelled straight into the
     * buffer, as {@link PythonNumbers#repr}'s fastest path spells them; anything else goes
     * through {@code repr}.
     */
    public CsvWriter cell(double value) throws IOException {
        double abs = Math.abs(value);
        if (abs >= 1e-3 && abs < 1) {
            long millionths = Math.round(abs * 1e6);
            if (millionths / 1e6 == abs) {
                separator();
                ensure(9);
                byte[] b = buf;
                int s = size;
                if (value < 0) {
                    b[s++] = '-';
                }
                b[s++] = '0';
                b[s++] = '.';
                // six digits, trailing zeros dropped (there is at least one non-zero digit)
                int end = s + 6;
                for (int i = end - 1; i >= s; i--, millionths /= 10) {
                    b[i] = (byte) ('0' + millionths % 10);
                }
                while (b[end - 1] == '0') {
                    end--;
                }
                size = end;
                return this;
            }
        }
        return cell(PythonNumbers.repr(value));
    }

    /** Appends an empty cell. */
    public CsvWriter emptyCell() throws IOException {
        separator();
        return this;
    }

    /** Ends the current row. */
    public void endRow() throws IOException {
        ensure(2);
        buf[size++] = '\r';
        buf[size++] = '\n';
        rowStart = true;
    }

    private void separator() throws IOException {
        if (rowStart) {
            rowStart = false;
        } else {
            ensure(1);
            buf[size++] = ',';
        }
    }

    private void bytes(byte[] bytes) throws IOException {
        if (bytes.length > buf.length) {
            flush();
            out.write(bytes);
            return;
        }
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    /** Makes room for {@code n} more bytes ({@code n} at most the buffer's size), writing the buffer out when needed. */
    private void ensure(int n) throws IOException {
        if (size + n > buf.length) {
            flush();
        }
    }

    private void flush() throws IOException {
        out.write(buf, 0, size);
        size = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
