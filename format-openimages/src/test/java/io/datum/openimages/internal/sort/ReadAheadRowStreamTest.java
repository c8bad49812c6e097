package io.datum.openimages.internal.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.openimages.internal.read.AnnotationRow.LabelRow;
import io.datum.openimages.internal.read.AnnotationRow;
import io.datum.support.stream.Workers;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Rows read ahead on another thread arrive in order, end cleanly, and carry the reader's failure to where it happened. */
class ReadAheadRowStreamTest {
    /** {@code rows} label rows at positions 0, 1, 2 ...; then the end, or {@code failure}. */
    private static RowStream source(int rows, IOException failure) {
        return new RowStream() {
            private int next = -1;

            @Override
            public boolean advance() throws IOException {
                if (++next < rows) {
                    return true;
                }
                if (failure != null) {
                    throw failure;
                }
                return false;
            }

            @Override
            public int position() {
                return next;
            }

            @Override
            public AnnotationRow row() {
                return new LabelRow(0, next + 2, next % 7, 1.0);
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void deliversEveryRowInOrderAcrossBatches() throws IOException {
        try (ReadAheadRowStream stream = new ReadAheadRowStream(source(5000, null), "t", Workers.unbounded())) {
            for (int i = 0; i < 5000; i++) {
                assertTrue(stream.advance());
                assertEquals(i, stream.position());
                assertEquals(i + 2, stream.row().line());
            }
            assertFalse(stream.advance());
            assertFalse(stream.advance(), "the end stays the end");
        }
    }

    @Test
    void throwsTheReadersFailureAfterTheRowsBeforeIt() throws IOException {
        IOException failure = new IOException("bad row");
        try (ReadAheadRowStream stream = new ReadAheadRowStream(source(1500, failure), "t", Workers.unbounded())) {
            for (int i = 0; i < 1500; i++) {
                assertTrue(stream.advance());
            }
            assertSame(failure, assertThrows(IOException.class, stream::advance));
            assertSame(failure, assertThrows(IOException.class, stream::advance), "and again, without waiting");
        }
    }

    @Test
    void closingEarlyStopsTheReader() throws IOException {
        ReadAheadRowStream stream = new ReadAheadRowStream(source(1_000_000, null), "t", Workers.unbounded());
        assertTrue(stream.advance());
        stream.close();
    }
}
