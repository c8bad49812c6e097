package io.datum.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * Splitting Open Images box rows (13 columns) into fields: commons-csv with the open_images
 * importer's dialect against a hand-written comma splitter. The text is in memory (no file, no
 * UTF-8 decoding, no record length limit). One operation is one row.
 */
@OperationsPerInvocation(OpenImagesCsvParsing.ROWS)
public class OpenImagesCsvParsing extends NanosecondsPerOperation {
    static final int ROWS = 100_000;
    /** The dialect of format-openimages (CsvTable): RFC 4180 quoting, any line end, blank lines skipped. */
    static final CSVFormat OPEN_IMAGES_DIALECT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    int rows = ROWS;
    String csv;

    @Setup
    public void generate() {
        csv = SyntheticData.boxCsv(rows, 42);
    }

    /** Every field of every record fetched, as the importer fetches the columns it needs by index. */
    @Benchmark
    public long commonsCsvRecords() throws IOException {
        long chars = 0;
        try (CSVParser parser = OPEN_IMAGES_DIALECT.parse(new StringReader(csv))) {
            for (CSVRecord record : parser) {
                for (int i = 0; i < record.size(); i++) {
                    chars += record.get(i).length();
                }
            }
        }
        return chars;
    }

    /**
     * Baseline: the least any CSV reader must do here (find the line ends and the commas, make one
     * String per field), without quotes or record objects. Its distance to {@link #commonsCsvRecords}
     * is what the general-purpose parser costs on these quote-free files.
     */
    @Benchmark
    public long readLineAndIndexOfCommas() throws IOException {
        long chars = 0;
        try (BufferedReader reader = new BufferedReader(new StringReader(csv), 1 << 16)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                int start = 0;
                for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start)) {
                    chars += line.substring(start, comma).length();
                    start = comma + 1;
                }
                chars += line.substring(start).length();
            }
        }
        return chars;
    }
}
