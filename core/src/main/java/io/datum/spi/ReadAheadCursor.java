package io.datum.spi;

import io.datum.model.DatasetItem;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pass read on a thread of its own, ahead of its consumer: the reader assembles items while
 * the exporter writes the earlier ones, so a conversion uses two cores. Items travel in batches
 * (a hand-over per item would cost more than most items) through a short queue, which bounds the
 * memory to a few thousand items. A failure of the reader is thrown to the consumer as it was.
 */
final class ReadAheadCursor implements ItemCursor {
    private static final int BATCH = 256;
    private static final int BATCHES_AHEAD = 8;
    private static final Object END = new Object();

    private final ItemCursor inner;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private List<?> batch = List.of();
    private int index;
    private boolean ended;

    ReadAheadCursor(ItemCursor inner) {
        this.inner = inner;
        this.reader = new Thread(this::read, "datum-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        List<DatasetItem> next = new ArrayList<>(BATCH);
        try {
            while (!closed && inner.hasNext()) {
                next.add(inner.next());
                if (next.size() == BATCH) {
                    hand(next);
                    next = new ArrayList<>(BATCH);
                }
            }
            hand(next);
            hand(END);
        } catch (Throwable t) {
            // the items read before the failure come first, as they would without read-ahead
            hand(next);
            hand(t);
        } finally {
            inner.close();
        }
    }

    /** Puts into the queue, waiting while it is full, unless the consumer has gone. */
    private void hand(Object o) {
        try {
            while (!closed && !queue.offer(o, 50, TimeUnit.MILLISECONDS)) {
                // the consumer is busy: wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean hasNext() {
        while (index == batch.size()) {
            if (ended) {
                return false;
            }
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading ahead", e);
            }
            if (o == END) {
                ended = true;
                return false;
            }
            if (o instanceof RuntimeException e) {
                ended = true;
                throw e;
            }
            if (o instanceof Error e) {
                ended = true;
                throw e;
            }
            if (o instanceof Throwable t) {
                ended = true;
                throw new IllegalStateException(t);
            }
            batch = (List<?>) o;
            index = 0;
        }
        return true;
    }

    @Override
    public DatasetItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return (DatasetItem) batch.get(index++);
    }

    /** Stops the reader after the item it is reading and waits for it to close the pass. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
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
