package io.datum.openimages.internal;

import io.datum.spi.DatasetException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file read record by record, with the dialect the reference reads (§4.12): UTF-8,
 * {@code "} quoting with doubled quotes, any line ending, blank lines skipped, a leading BOM
 * ignored (decisions D8). Columns are found by header name as Python's {@code DictReader} finds
 * them: a later duplicate name wins, a short row lacks the missing cells, extra cells are
 * ignored. Every error names the file (as shown to the user) and the line.
 *
 * <p>A record may not exceed {@value #MAX_RECORD_CHARS} characters, so that an unclosed quote in
 * a 2 GB file fails instead of filling memory. Not thread-safe.
 */
final class CsvTable implements Closeable {
    static final int MAX_RECORD_CHARS = 1 << 20;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .get();

    private final String displayName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private Map<String, Integer> columns;
    private CSVRecord current;
    private long line;
    private long headerLine = 1;

    private CsvTable(String displayName, CSVParser parser) {
        this.displayName = displayName;
        this.parser = parser;
        this.records = parser.iterator();
    }

    /**
     * Opens {@code file}; {@code displayName} is how messages name it. With {@code header}, the
     * first record names the columns (an empty file has no columns and no rows).
     */
    static CsvTable open(Path file, String displayName, boolean header) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        CsvTable table;
        try {
            skipByteOrderMark(reader);
            table = new CsvTable(displayName, FORMAT.parse(new RecordLengthLimit(reader, displayName)));
        } catch (CharacterCodingException e) {
            reader.close();
            throw notUtf8(displayName, e);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        if (header) {
            try {
                if (table.next()) {
                    table.headerLine = table.line;
                    table.columns = new HashMap<>();
                    for (int i = 0; i < table.current.size(); i++) {
                        table.columns.put(table.current.get(i), i);
                    }
                } else {
                    table.columns = Map.of();
                }
            } catch (RuntimeException e) {
                table.close();
                throw e;
            }
            table.current = null;
        }
        return table;
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** Advances to the next record; false at the end. */
    boolean next() {
        try {
            if (!records.hasNext()) {
                current = null;
                return false;
            }
            current = records.next();
            // the line where the record ends: exact for the usual one-line records
            line = parser.getCurrentLineNumber();
            return true;
        } catch (UncheckedIOException e) {
            throw readFailure(e.getCause());
        } catch (IllegalStateException e) {
            throw readFailure(e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    private DatasetException readFailure(IOException cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof DatasetIoException d) {
                return d.exception;
            }
            if (t instanceof CharacterCodingException) {
                cause = (IOException) t;
            }
        }
        if (cause instanceof CharacterCodingException) {
            return notUtf8(displayName, cause);
        }
        // the bad record starts after the last good one; commons-csv's own position is dropped
        String detail = String.valueOf(cause.getMessage()).replaceFirst(" at line: \\d+, position: \\d+$", "");
        return new DatasetException(displayName, line + 1, -1, "malformed CSV: " + detail, cause);
    }

    /** Decoding runs ahead of parsing (64 KB at a time), so the line is not known. */
    private static DatasetException notUtf8(String displayName, IOException cause) {
        return new DatasetException(displayName, -1, -1, "not valid UTF-8 text", cause);
    }

    long line() {
        return line;
    }

    /** The header's column index for {@code name}, or -1. */
    int column(String name) {
        Integer i = columns.get(name);
        return i == null ? -1 : i;
    }

    /** The column index, or an error naming the missing column (as Python's KeyError would fail). */
    int requireColumn(String name) {
        int i = column(name);
        if (i < 0) {
            throw DatasetException.at(displayName, headerLine, "missing column '" + name + "' in the header");
        }
        return i;
    }

    /** The cell, or null when the record is too short to have it. */
    String get(int column) {
        return column >= 0 && column < current.size() ? current.get(column) : null;
    }

    /** The cell, or an error naming the column when the record is too short. */
    String require(int column, String name) {
        String v = get(column);
        if (v == null) {
            throw error("missing " + name + " value");
        }
        return v;
    }

    /** The whole current record. */
    List<String> cells() {
        return current.toList();
    }

    DatasetException error(String problem) {
        return DatasetException.at(displayName, line, problem);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Carries our own exception through commons-csv, which wraps reader failures. */
    private static final class DatasetIoException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient DatasetException exception;

        DatasetIoException(DatasetException exception) {
            super(exception.getMessage());
            this.exception = exception;
        }
    }

    /**
     * Fails when a record grows past {@link #MAX_RECORD_CHARS}. Record ends are line breaks
     * outside quotes; quotes are tracked by parity, which doubled quotes do not disturb.
     */
    private static final class RecordLengthLimit extends FilterReader {
        private final String displayName;
        private boolean inQuotes;
        private long recordChars;
        private long lines = 1;

        RecordLengthLimit(Reader in, String displayName) {
            super(in);
            this.displayName = displayName;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            // the state lives in locals for the loop: this runs for every char of the input
            boolean quoted = inQuotes;
            long chars = recordChars;
            for (int i = off, end = off + Math.max(n, 0); i < end; i++) {
                char c = buf[i];
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n') {
                    lines++;
                    if (!quoted) {
                        chars = 0;
                        continue;
                    }
                }
                if (++chars > MAX_RECORD_CHARS) {
                    throw tooLong();
                }
            }
            inQuotes = quoted;
            recordChars = chars;
            return n;
        }

        private void see(char c) throws IOException {
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == '\n') {
                lines++;
                if (!inQuotes) {
                    recordChars = 0;
                    return;
                }
            }
            if (++recordChars > MAX_RECORD_CHARS) {
                throw tooLong();
            }
        }

        private DatasetIoException tooLong() {
            return new DatasetIoException(DatasetException.at(displayName, lines,
                    "a record is longer than " + MAX_RECORD_CHARS + " characters (an unclosed quote?)"));
        }
    }
}
