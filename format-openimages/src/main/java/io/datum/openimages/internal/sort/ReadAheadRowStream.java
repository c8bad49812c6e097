package io.datum.openimages.internal.sort;

import io.datum.openimages.internal.read.AnnotationRow;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stream read ahead on a thread of its own: parsing the files is most of a pass's work, and
 * this runs it beside the merge and the consumer (and one file beside another). Rows cross in
 * batches (positions and rows in two arrays, no object per row) through a bounded queue, so
 * each file holds at most a few batches in memory and threads wake up once per batch, not per
 * row; a failure crosses too and is thrown where the rows before it end.
 */
public final class ReadAheadRowStream implements RowStream {
    private static final int BATCH_ROWS = 1024;
    private static final int BATCHES_AHEAD = 4;
    private static final Batch NONE = new Batch(new int[0], new AnnotationRow[0], 0, false, null);

    private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private Batch batch = NONE;
    private int index;

    /** Rows of one batch; the last one is marked, or carries the failure that ended the stream. */
    private record Batch(int[] positions, AnnotationRow[] rows, int count, boolean last, Throwable failure) {
    }

    public ReadAheadRowStream(RowStream source, String name) {
        reader = new Thread(() -> readAll(source), "open_images " + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll(RowStream source) {
        int[] positions = new int[BATCH_ROWS];
        AnnotationRow[] rows = new AnnotationRow[BATCH_ROWS];
        int count = 0;
        try (source) {
            while (!closed && source.advance()) {
                positions[count] = source.position();
                rows[count++] = source.row();
                if (count == BATCH_ROWS) {
                    hand(new Batch(positions, rows, count, false, null));
                    positions = new int[BATCH_ROWS];
                    rows = new AnnotationRow[BATCH_ROWS];
                    count = 0;
                }
            }
            hand(new Batch(positions, rows, count, true, null));
        } catch (IOException | RuntimeException | Error e) {
            // the rows before the failure go first
            hand(new Batch(positions, rows, count, true, e));
        }
    }

    /** Queues a batch, waiting for room unless the stream is closed meanwhile. */
    private void hand(Batch b) {
        try {
            while (!closed && !batches.offer(b, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is behind; look again
            }
        } catch (InterruptedException e) {
            // close() interrupts: nobody reads any more
        }
    }

    @Override
    public boolean advance() throws IOException {
        if (index + 1 < batch.count()) {
            index++;
            return true;
        }
        while (true) {
            if (batch.failure() != null) {
                rethrow(batch.failure());
            }
            if (batch.last()) {
                index = batch.count();
                return false;
            }
            try {
                batch = batches.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading annotations");
            }
            index = 0;
            if (batch.count() > 0) {
                return true;
            }
        }
    }

    /** The reading thread's failure, thrown here (again on each later call: the stream is over). */
    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        } else if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
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
        closed = true;
        reader.interrupt();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
