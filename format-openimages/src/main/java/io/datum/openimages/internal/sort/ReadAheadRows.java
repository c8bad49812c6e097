package io.datum.openimages.internal.sort;

import io.datum.openimages.internal.read.AnnotationRow;
import io.datum.openimages.internal.read.AnnotationRowReader;
import io.datum.openimages.internal.read.IdTable;
import io.datum.support.stream.ReadAhead;
import io.datum.support.stream.Workers;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The rows of a file out of item order, parsed ahead ({@link ReadAhead}) for the sort, in batches
 * with their ImageIDs (the sort looks up a batch's items at once, {@link IdTable#getAll}).
 * Parsing is about half the work of sorting a file, looking its items up and buffering its rows
 * the other half: this way one file's sort runs on two cores, and the largest file, the last to
 * finish, does not leave a core idle while it is sorted alone. Batches come back to be filled
 * again; a failure crosses too, after the rows before it.
 */
public final class ReadAheadRows implements Closeable {
    static final int BATCH_ROWS = 1024;
    /**
     * Enough for the rows parsed while the sort writes a full run (a tenth of a second, some
     * 60,000 rows, 6 MB): with fewer the parser stops there, and the sort then waits for it.
     */
    private static final int BATCHES_AHEAD = 64;

    /** Rows with their ImageIDs; the last batch is marked, or carries the failure that ended the file. */
    public static final class Batch {
        public final IdTable.Batch ids = new IdTable.Batch(BATCH_ROWS);
        public final AnnotationRow[] rows = new AnnotationRow[BATCH_ROWS];
        private boolean last;
        private Throwable failure;

        public boolean last() {
            return last;
        }

        /** Throws the failure that ended the file here, if any. */
        public void rethrowFailure() throws IOException {
            if (failure != null) {
                ReadAhead.rethrow(failure);
            }
        }
    }

    private final BlockingQueue<Batch> empty = new ArrayBlockingQueue<>(BATCHES_AHEAD + 2);
    private final ReadAhead<Batch> ahead;

    public ReadAheadRows(AnnotationRowReader reader, String name, Workers workers) {
        ahead = new ReadAhead<>(workers, "open_images sort " + name, BATCHES_AHEAD, new ReadAhead.Producer<>() {
            private boolean done;

            @Override
            public Batch next() {
                if (done) {
                    return null;
                }
                Batch batch = emptyBatch();
                try {
                    while (reader.next()) {
                        batch.rows[batch.ids.size()] = reader.row();
                        batch.ids.add(reader.imageIdBytes(), 0, reader.imageIdLength());
                        if (batch.ids.isFull()) {
                            return batch;
                        }
                    }
                    batch.last = true;
                } catch (IOException | RuntimeException | Error e) {
                    batch.last = true;
                    batch.failure = e;
                }
                done = true;
                return batch;
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        });
    }

    private Batch emptyBatch() {
        Batch b = empty.poll();
        return b != null ? b : new Batch();
    }

    /** The next batch, in file order; after the last one (see {@link Batch#last()}) there is none. */
    public Batch next() throws IOException {
        return ahead.next();
    }

    /** Gives a batch whose rows are used back to be filled again. */
    public void recycle(Batch b) {
        b.ids.clear();
        empty.offer(b);
    }

    /** Stops the parsing thread and waits until it has closed the file. */
    @Override
    public void close() {
        ahead.close();
    }
}
