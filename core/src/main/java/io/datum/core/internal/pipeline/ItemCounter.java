package io.datum.core.internal.pipeline;

import io.datum.api.DatasetListener;
import io.datum.model.DatasetItem;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.ItemCursor;

/**
 * Counts the items the output reads, pass by pass, and tells the listener as it goes: the
 * progress every front end shows and the item count of the result come from here, whatever the
 * format. The total is the source's count when known, else the length of the first finished pass.
 */
final class ItemCounter {
    private final DatasetListener listener;
    private long total;
    private long items;
    private int passes;

    ItemCounter(DatasetListener listener) {
        this.listener = listener;
    }

    DatasetSource watch(DatasetSource source) {
        total = source.itemCount().orElse(-1);
        return Datasets.wrapping(source, inner -> new Counting(inner, ++passes), true);
    }

    /** The items of the longest pass the output read. */
    long items() {
        return items;
    }

    private void passEnded(long done, boolean complete) {
        items = Math.max(items, done);
        if (complete && total < 0) {
            total = done;
        }
    }

    private final class Counting implements ItemCursor {
        private final ItemCursor inner;
        private final int pass;
        private long done;

        Counting(ItemCursor inner, int pass) {
            this.inner = inner;
            this.pass = pass;
        }

        @Override
        public boolean hasNext() {
            boolean more = inner.hasNext();
            if (!more) {
                passEnded(done, true);
            }
            return more;
        }

        @Override
        public DatasetItem next() {
            DatasetItem item = inner.next();
            listener.itemsRead(pass, ++done, total);
            return item;
        }

        @Override
        public void close() {
            passEnded(done, false);
            inner.close();
        }
    }
}
