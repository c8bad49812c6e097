package io.datum.core.internal.pipeline;

import io.datum.model.DatasetItem;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.support.stream.ExternalSort;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The items of two datasets paired by subset and id in one pass over each: a sort-merge join.
 * Each side is streamed in key order (subset, then id): a side whose first {@code sortBuffer}
 * items come in that order is taken as sorted and passes straight through; any other goes through
 * an {@link ExternalSort} holding at most {@code sortBuffer} items in memory. Then both streams are
 * merged, and each key is handed to the visitor as in both, only in the first or only in the
 * second, in key order. Memory stays bounded and the work is O(n log n).
 *
 * <p>A side taken as sorted that later breaks the order cannot be merged as it is: the attempt is
 * dropped and the join starts again with that side sorted, with a fresh visitor. Only such a
 * side is read twice; sorted and shuffled sides are read once.
 */
final class ComparisonJoin {
    /** Items held in memory per side while sorting, by default. */
    static final int SORT_BUFFER = 20_000;

    static final Comparator<DatasetItem> KEY_ORDER = ItemCodec.KEY_ORDER;

    /** What the join hands each key to. */
    interface Visitor {
        void inBoth(DatasetItem first, DatasetItem second);

        void onlyInFirst(DatasetItem first);

        void onlyInSecond(DatasetItem second);
    }

    /** The visitor of the attempt that went through, and the items read on each side. */
    record Result<V>(V visitor, long firstItems, long secondItems) {
    }

    private final int sortBuffer;
    private final Path spillDir;

    ComparisonJoin(int sortBuffer, Path spillDir) {
        this.sortBuffer = Math.max(1, sortBuffer);
        this.spillDir = spillDir;
    }

    <V extends Visitor> Result<V> run(DatasetSource first, DatasetSource second, Supplier<V> visitors) {
        boolean[] forceSort = new boolean[2];
        while (true) {
            V visitor = visitors.get();
            try (KeyOrderedItems a = new KeyOrderedItems(0, first, forceSort[0]);
                 KeyOrderedItems b = new KeyOrderedItems(1, second, forceSort[1])) {
                merge(a, b, visitor);
                return new Result<>(visitor, a.read, b.read);
            } catch (OrderBroken e) {
                forceSort[e.side] = true;
            }
        }
    }

    private static void merge(KeyOrderedItems a, KeyOrderedItems b, Visitor visitor) {
        DatasetItem x = a.hasNext() ? a.next() : null;
        DatasetItem y = b.hasNext() ? b.next() : null;
        while (x != null || y != null) {
            int c = x == null ? 1 : y == null ? -1 : KEY_ORDER.compare(x, y);
            if (c == 0) {
                visitor.inBoth(x, y);
                x = a.hasNext() ? a.next() : null;
                y = b.hasNext() ? b.next() : null;
            } else if (c < 0) {
                visitor.onlyInFirst(x);
                x = a.hasNext() ? a.next() : null;
            } else {
                visitor.onlyInSecond(y);
                y = b.hasNext() ? b.next() : null;
            }
        }
    }

    /** A side taken as sorted that turned out not to be. */
    private static final class OrderBroken extends RuntimeException {
        final int side;

        OrderBroken(int side) {
            super(null, null, false, false);
            this.side = side;
        }
    }

    /** One side's items in key order: passed through, sorted in memory, or sorted on disk. */
    private final class KeyOrderedItems implements Iterator<DatasetItem>, AutoCloseable {
        private final int side;
        private final ItemCursor cursor;
        private Iterator<DatasetItem> buffered;
        private ExternalSort<DatasetItem> sort;
        private ExternalSort<DatasetItem>.Cursor sorted;
        /** In pass-through: the last item given, to check the order of the next. */
        private DatasetItem last;
        private boolean passThrough;
        long read;

        KeyOrderedItems(int side, DatasetSource source, boolean forceSort) {
            this.side = side;
            this.cursor = source.items();
            try {
                start(forceSort);
            } catch (RuntimeException | Error e) {
                close();
                throw e;
            }
        }

        private void start(boolean forceSort) {
            List<DatasetItem> head = new ArrayList<>();
            boolean inOrder = true;
            while (head.size() < sortBuffer && cursor.hasNext()) {
                DatasetItem item = cursor.next();
                read++;
                inOrder &= head.isEmpty() || KEY_ORDER.compare(head.get(head.size() - 1), item) <= 0;
                head.add(item);
            }
            if (!cursor.hasNext()) {
                // the whole side fits in the buffer: a stable sort in memory
                if (!inOrder) {
                    head.sort(KEY_ORDER);
                }
                buffered = head.iterator();
            } else if (inOrder && !forceSort) {
                passThrough = true;
                buffered = head.iterator();
            } else {
                sort = new ExternalSort<>(ItemCodec.INSTANCE, KEY_ORDER, sortBuffer, spillDir);
                head.forEach(sort::add);
                head.clear();
                while (cursor.hasNext()) {
                    sort.add(cursor.next());
                    read++;
                }
                sort.finish();
                sorted = sort.cursor();
            }
        }

        @Override
        public boolean hasNext() {
            if (sorted != null) {
                return sorted.hasNext();
            }
            return buffered.hasNext() || (passThrough && cursor.hasNext());
        }

        @Override
        public DatasetItem next() {
            if (sorted != null) {
                return sorted.next();
            }
            if (buffered.hasNext()) {
                return last = buffered.next();
            }
            if (!passThrough || !cursor.hasNext()) {
                throw new NoSuchElementException();
            }
            DatasetItem item = cursor.next();
            read++;
            if (KEY_ORDER.compare(last, item) > 0) {
                throw new OrderBroken(side);
            }
            return last = item;
        }

        @Override
        public void close() {
            try {
                if (sorted != null) {
                    sorted.close();
                }
                if (sort != null) {
                    sort.close();
                }
            } finally {
                cursor.close();
            }
        }
    }
}
