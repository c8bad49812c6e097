package io.datum.openimages.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.datum.spi.DatasetException;
import java.io.IOException;

/**
 * Any bytes as a CSV file: records, or a {@link DatasetException} naming the file and a line;
 * and the same outcome whether the bytes arrive at once or one by one (every refill boundary).
 * The seeds under {@code CsvRecordReaderFuzzTestInputs} run as regression tests in every build.
 */
class CsvRecordReaderFuzzTest {
    @FuzzTest
    void recordsOrAnErrorWithItsLine(byte[] input) throws IOException {
        String whole = outcome(input, Integer.MAX_VALUE);
        assertEquals(whole, outcome(input, 1), "read at once and byte by byte");
        // cells skipped rather than kept: the kept ones, or the same error
        for (int kept = 1; kept <= 3; kept++) {
            assertEquals(CsvRecordReaderTest.outcomeCut(input, Integer.MAX_VALUE, 1 << 17, kept),
                    CsvRecordReaderTest.outcomeKept(input, Integer.MAX_VALUE, 1 << 17, kept), kept + " cells kept");
            assertEquals(CsvRecordReaderTest.outcomeCut(input, 1, 4, kept),
                    CsvRecordReaderTest.outcomeKept(input, 1, 4, kept), kept + " cells kept, byte by byte");
        }
    }

    private static String outcome(byte[] input, int chunk) throws IOException {
        try {
            return CsvRecordReaderTest.read(input, chunk).toString();
        } catch (DatasetException e) {
            assertEquals("f.csv", e.file(), e.getMessage());
            assertTrue(e.line() > 0, e.getMessage());
            return e.getMessage();
        }
    }
}
