package io.datum.spi;

import io.datum.model.DatasetItem;
import io.datum.support.stream.ReadAhead;
import io.datum.support.stream.Workers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A pass read ahead of its consumer ({@link ReadAhead}): the reader assembles items while the
 * exporter writes the earlier ones, so a conversion uses two cores. Items travel in batches (a
 * hand-over per item would cost more than most items) through a short queue, which bounds the
 * memory to a few thousand items. A failure of the reader is thrown to the consumer as it was,
 * after the items read before it.
 */
final class ReadAheadCursor implements ItemCursor {
    private static final int BATCH = 256;
    private static final int BATCHES_AHEAD = 8;

    private final ReadAhead<List<DatasetItem>> ahead;
    private List<DatasetItem> batch = List.of();
    private int index;
    private boolean ended;

    ReadAheadCursor(ItemCursor inner) {
        this(inner, Workers.unbounded());
    }

    ReadAheadCursor(ItemCursor inner, Workers workers) {
        this.ahead = new ReadAhead<>(workers, "datum-read-ahead", BATCHES_AHEAD, new Batches(inner));
    }

    /** The inner pass in batches; a failure comes after the batch of the items read before it. */
    private static final class Batches implements ReadAhead.Producer<List<DatasetItem>> {
        private final ItemCursor inner;
        private RuntimeException failure;

        Batches(ItemCursor inner) {
            this.inner = inner;
        }

        @Override
        public List<DatasetItem> next() {
            if (failure != null) {
                throw failure;
            }
            List<DatasetItem> next = new ArrayList<>(BATCH);
            try {
                while (next.size() < BATCH && inner.hasNext()) {
                    next.add(inner.next());
                }
            } catch (RuntimeException e) {
                if (next.isEmpty()) {
                    throw e;
                }
                failure = e;
            }
            return next.isEmpty() ? null : next;
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Override
    public boolean hasNext() {
        while (index == batch.size()) {
            if (ended) {
                return false;
            }
            List<DatasetItem> next;
            try {
                next = ahead.next();
            } catch (IOException e) {
                // an item cursor fails unchecked; a producer of items has no checked failure of its own
                throw new UncheckedIOException(e);
            }
            if (next == null) {
                ended = true;
                return false;
            }
            batch = next;
            index = 0;
        }
        return true;
    }

    @Override
    public DatasetItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.get(index++);
    }

    /** Stops the reader after the item it is reading and waits for it to close the pass. */
    @Override
    public void close() {
        ahead.close();
    }
}
