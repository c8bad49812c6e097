package io.datum.openimages.internal.sort;

import io.datum.openimages.internal.read.AnnotationRow;
import io.datum.support.stream.ReadAhead;
import io.datum.support.stream.Workers;
import java.io.IOException;

/**
 * A stream read ahead ({@link ReadAhead}) on a thread of the job's: parsing the files is most of
 * a pass's work, and this runs it beside the merge and the consumer (and one file beside
 * another). Rows cross in batches (positions and rows in two arrays, no object per row), so each
 * file holds at most a few batches in memory and threads wake up once per batch, not per row; a
 * failure crosses too and is thrown where the rows before it end.
 */
public final class ReadAheadRowStream implements RowStream {
    private static final int BATCH_ROWS = 1024;
    private static final int BATCHES_AHEAD = 4;
    private static final Batch NONE = new Batch(new int[0], new AnnotationRow[0], 0);

    private final ReadAhead<Batch> ahead;
    private Batch batch = NONE;
    private int index;
    private boolean ended;

    private record Batch(int[] positions, AnnotationRow[] rows, int count) {
    }

    public ReadAheadRowStream(RowStream source, String name, Workers workers) {
        ahead = new ReadAhead<>(workers, "open_images " + name, BATCHES_AHEAD, new Batches(source));
    }

    /** The source's rows in batches; a failure comes after the batch of the rows read before it. */
    private static final class Batches implements ReadAhead.Producer<Batch> {
        private final RowStream source;
        private Throwable failure;

        Batches(RowStream source) {
            this.source = source;
        }

        @Override
        public Batch next() throws IOException {
            if (failure != null) {
                ReadAhead.rethrow(failure);
            }
            int[] positions = new int[BATCH_ROWS];
            AnnotationRow[] rows = new AnnotationRow[BATCH_ROWS];
            int count = 0;
            try {
                while (count < BATCH_ROWS && source.advance()) {
                    positions[count] = source.position();
                    rows[count++] = source.row();
                }
            } catch (IOException | RuntimeException | Error e) {
                if (count == 0) {
                    throw e;
                }
                failure = e;
            }
            return count == 0 ? null : new Batch(positions, rows, count);
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    @Override
    public boolean advance() throws IOException {
        if (index + 1 < batch.count()) {
            index++;
            return true;
        }
        if (ended) {
            index = batch.count();
            return false;
        }
        Batch next = ahead.next();
        if (next == null) {
            ended = true;
            index = batch.count();
            return false;
        }
        batch = next;
        index = 0;
        return true;
    }

    @Override
    public int position() {
        return batch.positions()[index];
    }

    @Override
    public AnnotationRow row() {
        return batch.rows()[index];
    }

    /** Stops the reading thread and waits until it has closed its file. */
    @Override
    public void close() {
        ahead.close();
    }
}
