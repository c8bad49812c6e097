package io.datum.openimages.internal.csv;

import io.datum.spi.DatasetException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One CSV file read record by record, with the dialect the reference reads (split by
 * {@link CsvRecordReader}): UTF-8, {@code "} quoting with doubled quotes, any line ending, blank
 * lines skipped, a leading BOM ignored (docs/differences.md, D8). Columns are found by header name as
 * Python's {@code DictReader} finds them: a later duplicate name wins, a short row lacks the
 * missing cells, extra cells are ignored. Every error names the file (as shown to the user) and
 * the line.
 *
 * <p>Cells are read as Strings ({@link #get}) or, on the hot paths, straight from the reader's
 * buffer ({@link #buffer()}, {@link #start}, {@link #end}) without a String.
 *
 * <p>A record may not exceed {@value #MAX_RECORD_CHARS} characters, so that an unclosed quote in
 * a 2 GB file fails instead of filling memory. Not thread-safe.
 */
public final class CsvTable implements Closeable {
    public static final int MAX_RECORD_CHARS = 1 << 20;

    private final String displayName;
    private final CsvRecordReader records;
    private Map<String, Integer> columns;
    private List<String> header = List.of();
    private long headerLine = 1;

    private CsvTable(String displayName, CsvRecordReader records) {
        this.displayName = displayName;
        this.records = records;
    }

    /**
     * Opens {@code file}; {@code displayName} is how messages name it. With {@code header}, the
     * first record names the columns (an empty file has no columns and no rows).
     */
    public static CsvTable open(Path file, String displayName, boolean header) throws IOException {
        CsvTable table = new CsvTable(displayName, new CsvRecordReader(Files.newInputStream(file), displayName));
        if (header) {
            try {
                if (table.records.next()) {
                    table.headerLine = table.records.line();
                    table.columns = new HashMap<>();
                    for (int i = 0; i < table.records.size(); i++) {
                        table.columns.put(table.records.cell(i), i);
                    }
                    table.header = table.cells();
                } else {
                    table.columns = Map.of();
                }
            } catch (IOException | RuntimeException e) {
                table.close();
                throw e;
            }
        }
        return table;
    }

    /** Advances to the next record; false at the end. */
    public boolean next() throws IOException {
        return records.next();
    }

    public long line() {
        return records.line();
    }

    /** The column names of the header, in order (none when opened without one). */
    public List<String> header() {
        return header;
    }

    /** The header's column index for {@code name}, or -1. */
    public int column(String name) {
        Integer i = columns.get(name);
        return i == null ? -1 : i;
    }

    /** The column index, or an error naming the missing column (as Python's KeyError would fail). */
    public int requireColumn(String name) {
        int i = column(name);
        if (i < 0) {
            throw DatasetException.at(displayName, headerLine, "missing column '" + name + "' in the header");
        }
        return i;
    }

    /**
     * Keeps the cells up to {@code lastColumn} only, from the next record on: the others are still
     * checked as they would be read (a malformed quote, bad UTF-8 or an overlong record there is
     * the same error on the same line) but cost a fraction of splitting them, and {@link #has}
     * is false for them.
     */
    public void keepColumnsUpTo(int lastColumn) {
        records.keepCells(lastColumn + 1);
    }

    /** True when the record is long enough to have the cell. */
    public boolean has(int column) {
        return column >= 0 && column < records.size();
    }

    /** The cell, or null when the record is too short to have it. */
    public String get(int column) {
        return has(column) ? records.cell(column) : null;
    }

    /** The cell, or an error naming the column when the record is too short. */
    public String require(int column, String name) {
        requirePresent(column, name);
        return records.cell(column);
    }

    /** An error naming the column when the record is too short to have the cell. */
    public void requirePresent(int column, String name) {
        if (!has(column)) {
            throw error("missing " + name + " value");
        }
    }

    /** The buffer that holds the current record's cells (valid until {@link #next()}). */
    public byte[] buffer() {
        return records.buffer();
    }

    /** Where a present cell starts in {@link #buffer()} (its UTF-8 bytes, quotes undone). */
    public int start(int column) {
        return records.start(column);
    }

    /** Where a present cell ends in {@link #buffer()}. */
    public int end(int column) {
        return records.end(column);
    }

    /** True when the cell is missing or empty. */
    public boolean isBlank(int column) {
        return !has(column) || records.start(column) == records.end(column);
    }

    /** The whole current record. */
    public List<String> cells() {
        List<String> cells = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            cells.add(records.cell(i));
        }
        return cells;
    }

    public DatasetException error(String problem) {
        return DatasetException.at(displayName, line(), problem);
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
