package io.datum.openimages.internal.sort;

import io.datum.openimages.internal.read.AnnotationRow;
import io.datum.openimages.internal.read.AnnotationRowReader;
import io.datum.openimages.internal.read.IdTable;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The rows of a file out of item order, parsed ahead on a thread of its own for the sort, in
 * batches with their ImageIDs (the sort looks up a batch's items at once, {@link IdTable#getAll}).
 * Parsing is about half the work of sorting a file, looking its items up and buffering its rows
 * the other half: this way one file's sort runs on two cores, and the largest file, the last to
 * finish, does not leave a core idle while it is sorted alone. Batches go through a bounded queue and come back to be
 * filled again; a failure crosses too, after the rows before it.
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
                SideBySide.rethrow(failure);
            }
        }
    }

    private final BlockingQueue<Batch> filled = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final BlockingQueue<Batch> empty = new ArrayBlockingQueue<>(BATCHES_AHEAD + 2);
    private final Thread parser;
    private volatile boolean closed;

    public ReadAheadRows(AnnotationRowReader reader, String name) {
        parser = new Thread(() -> parseAll(reader), "open_images sort " + name);
        parser.setDaemon(true);
        parser.start();
    }

    private void parseAll(AnnotationRowReader reader) {
        Batch batch = emptyBatch();
        try (reader) {
            while (!closed && reader.next()) {
                batch.rows[batch.ids.size()] = reader.row();
                batch.ids.add(reader.imageIdBytes(), 0, reader.imageIdLength());
                if (batch.ids.isFull()) {
                    hand(batch);
                    batch = emptyBatch();
                }
            }
            batch.last = true;
        } catch (IOException | RuntimeException | Error e) {
            batch.last = true;
            batch.failure = e;
        }
        hand(batch);
    }

    private Batch emptyBatch() {
        Batch b = empty.poll();
        return b != null ? b : new Batch();
    }

    /** Queues a batch, waiting for room unless closed meanwhile. */
    private void hand(Batch b) {
        try {
            while (!closed && !filled.offer(b, 100, TimeUnit.MILLISECONDS)) {
                // the sort is behind; look again
            }
        } catch (InterruptedException e) {
            // close() interrupts: nobody reads any more
        }
    }

    /** The next batch, in file order; after the last one (see {@link Batch#last()}) there is none. */
    public Batch next() throws IOException {
        try {
            return filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sorting annotations");
        }
    }

    /** Gives a batch whose rows are used back to be filled again. */
    public void recycle(Batch b) {
        b.ids.clear();
        empty.offer(b);
    }

    /** Stops the parsing thread and waits until it has closed the file. */
    @Override
    public void close() {
        closed = true;
        parser.interrupt();
        boolean interrupted = false;
        while (parser.isAlive()) {
            try {
                parser.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
