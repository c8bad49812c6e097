package io.datum.benchmarks;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.RecordWrapper;
import io.datum.openimages.internal.csv.CsvTable;
import io.datum.text.PythonNumbers;
import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The open_images importer's CSV reader ({@code CsvTable} over {@code CsvRecordReader}) against
 * commons-csv and FastCSV on files of Google's shape (image descriptions, verified labels, 21-column
 * boxes, masks with clicks, see {@link GoogleShapedCsv}), read from a file as the importer reads
 * them. Every contender does the importer's per-row work: the columns it reads (ids and labels
 * hashed, numbers parsed as Python's float(), flags as int()), the other columns split and left.
 * The set-up checks that all contenders give the same checksum of what they read. One operation
 * is one file of 50,000 rows; rows and MB are counted per second alongside.
 */
public class GoogleCsvParsers extends ThroughputPerSecond {
    static final int ROWS = 50_000;
    /** The dialect of format-openimages: RFC 4180 quoting, any line end, blank lines skipped. */
    private static final CSVFormat OPEN_IMAGES_DIALECT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    @Param({"descriptions", "labels", "boxes", "masks"})
    public String kind;

    int rows = ROWS;
    Workspace workspace;
    Path file;
    double megabytes;
    GoogleShapedCsv.Kind fileKind;
    int[] texts;
    int[] numbers;
    int[] integers;

    /** Rows and megabytes read, reported per second next to the files. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Read {
        public long rows;
        public double megabytes;

        @Setup(Level.Iteration)
        public void reset() {
            rows = 0;
            megabytes = 0;
        }

        void file(long fileRows, double fileMegabytes) {
            rows += fileRows;
            megabytes += fileMegabytes;
        }
    }

    @Setup
    public void setUp() throws IOException {
        fileKind = GoogleShapedCsv.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        texts = fileKind.columns(fileKind.texts);
        numbers = fileKind.columns(fileKind.numbers);
        integers = fileKind.columns(fileKind.integers);
        workspace = new Workspace();
        file = workspace.newFolder("csv").resolve(kind + ".csv");
        Files.writeString(file, GoogleShapedCsv.file(fileKind, rows, 17), StandardCharsets.UTF_8);
        megabytes = Files.size(file) / 1e6;
        try {
            sameWorkOrFail();
        } catch (IOException | RuntimeException e) {
            workspace.close(); // nothing tears down a set-up that failed
            throw e;
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        workspace.close();
    }

    /** Fails unless every contender read the same values: a faster one may not have skipped work. */
    void sameWorkOrFail() throws IOException {
        Read ignored = new Read();
        long expected = datumCsvTable(ignored);
        long[] others = {commonsCsv(ignored), fastCsvRecords(ignored), fastCsvReadColumnsOnly(ignored)};
        for (long other : others) {
            if (other != expected) {
                throw new IllegalStateException(kind + ": the contenders read different values");
            }
        }
    }

    /** The project's reader, as the importer uses it: cells read from its byte buffer, no String. */
    @Benchmark
    public long datumCsvTable(Read read) throws IOException {
        long sum = 0;
        long count = 0;
        try (CsvTable table = CsvTable.open(file, file.getFileName().toString(), true)) {
            int[] textColumns = new int[texts.length];
            for (int i = 0; i < textColumns.length; i++) {
                textColumns[i] = table.requireColumn(fileKind.texts.get(i));
            }
            while (table.next()) {
                byte[] buffer = table.buffer();
                for (int column : textColumns) {
                    int h = 0;
                    for (int p = table.start(column), end = table.end(column); p < end; p++) {
                        h = 31 * h + buffer[p];
                    }
                    sum = 31 * sum + h;
                }
                for (int column : numbers) {
                    sum = 31 * sum + Double.doubleToLongBits(
                            PythonNumbers.parseFloat(buffer, table.start(column), table.end(column)));
                }
                for (int column : integers) {
                    int from = table.start(column);
                    int to = table.end(column);
                    // the importer's quick path for the flags' usual spelling, as every contender has it
                    sum = 31 * sum + (to - from == 1 && buffer[from] >= '0' && buffer[from] <= '9'
                            ? buffer[from] - '0' : PythonNumbers.parseInt(buffer, from, to));
                }
                count++;
            }
        }
        read.file(count, megabytes);
        return sum + count;
    }

    /** commons-csv with the same dialect: a String per cell, a record object per row. */
    @Benchmark
    public long commonsCsv(Read read) throws IOException {
        long sum = 0;
        long count = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = OPEN_IMAGES_DIALECT.parse(in)) {
            Iterator<CSVRecord> records = parser.iterator();
            records.next(); // the header; the columns are known
            while (records.hasNext()) {
                CSVRecord record = records.next();
                for (int column : texts) {
                    sum = 31 * sum + record.get(column).hashCode();
                }
                for (int column : numbers) {
                    sum = 31 * sum + Double.doubleToLongBits(PythonNumbers.parseFloat(record.get(column)));
                }
                for (int column : integers) {
                    sum = 31 * sum + integer(record.get(column));
                }
                count++;
            }
        }
        read.file(count, megabytes);
        return sum + count;
    }

    /** FastCSV as its documentation shows it: a record of Strings per row. */
    @Benchmark
    public long fastCsvRecords(Read read) throws IOException {
        long sum = 0;
        long count = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            Iterator<CsvRecord> records = reader.iterator();
            records.next(); // the header
            while (records.hasNext()) {
                CsvRecord record = records.next();
                for (int column : texts) {
                    sum = 31 * sum + record.getField(column).hashCode();
                }
                for (int column : numbers) {
                    sum = 31 * sum + Double.doubleToLongBits(PythonNumbers.parseFloat(record.getField(column)));
                }
                for (int column : integers) {
                    sum = 31 * sum + integer(record.getField(column));
                }
                count++;
            }
        }
        read.file(count, megabytes);
        return sum + count;
    }

    /**
     * FastCSV at its leanest: a callback handler that reads the wanted cells where the parser has
     * them (its char buffer) and makes no String and no record; what the importer would do with it.
     */
    @Benchmark
    public long fastCsvReadColumnsOnly(Read read) throws IOException {
        ColumnsOnly handler = new ColumnsOnly(fileKind, texts, numbers, integers);
        try (CsvReader<Long> reader = CsvReader.builder().build(handler, file)) {
            Iterator<Long> records = reader.iterator();
            records.next(); // the header
            while (records.hasNext()) {
                records.next();
                handler.count++;
            }
        }
        read.file(handler.count, megabytes);
        return handler.sum + handler.count;
    }

    /** Python's int() of a flag, with the importer's quick path for a single digit. */
    private static long integer(String cell) {
        return cell.length() == 1 && cell.charAt(0) >= '0' && cell.charAt(0) <= '9'
                ? cell.charAt(0) - '0' : PythonNumbers.parseInt(cell);
    }

    /** Folds the read columns of each record into {@link #sum} as the other contenders do. */
    private static final class ColumnsOnly extends AbstractBaseCsvCallbackHandler<Long> {
        private static final Long RECORD = 0L;
        /** Per column index: 1 text, 2 number, 3 integer, 0 not read. */
        private final byte[] roles;
        /** Per column index: where its value goes in the row's fold (the order the other contenders fold in). */
        private final int[] order;
        private final long[] values;
        private char[] wrapped;
        private CharBuffer chars;
        long sum;
        long count;
        private boolean header = true;

        ColumnsOnly(GoogleShapedCsv.Kind kind, int[] texts, int[] numbers, int[] integers) {
            int columns = kind.header.split(",").length;
            roles = new byte[columns];
            order = new int[columns];
            values = new long[texts.length + numbers.length + integers.length];
            int k = 0;
            for (int[] group : List.of(texts, numbers, integers)) {
                for (int column : group) {
                    roles[column] = (byte) (group == texts ? 1 : group == numbers ? 2 : 3);
                    order[column] = k++;
                }
            }
        }

        @Override
        protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
            if (header || index >= roles.length || roles[index] == 0) {
                return;
            }
            long value;
            if (roles[index] == 1) {
                int h = 0;
                for (int p = offset, end = offset + len; p < end; p++) {
                    h = 31 * h + buf[p];
                }
                value = h;
            } else {
                if (buf != wrapped) {
                    wrapped = buf;
                    chars = CharBuffer.wrap(buf);
                }
                if (roles[index] == 2) {
                    value = Double.doubleToLongBits(PythonNumbers.parseFloat(chars, offset, offset + len));
                } else if (len == 1 && buf[offset] >= '0' && buf[offset] <= '9') {
                    value = buf[offset] - '0'; // the importer's quick path for a single digit
                } else {
                    value = PythonNumbers.parseInt(new String(buf, offset, len));
                }
            }
            values[order[index]] = value;
        }

        @Override
        protected RecordWrapper<Long> buildRecord() {
            if (header) {
                header = false;
            } else {
                for (long value : values) {
                    sum = 31 * sum + value;
                }
            }
            return wrapRecord(RECORD);
        }
    }
}
