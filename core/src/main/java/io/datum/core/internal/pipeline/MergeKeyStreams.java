package io.datum.core.internal.pipeline;

import io.datum.model.DatasetItem;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.support.stream.ExternalSort;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The inputs of a merge read side by side in the order of their items' keys (subset, then id),
 * so that the items of one key from every input come together and nothing else is held: a
 * sort-merge join. An input already in that order is read as it is; one that is not is sorted
 * once with {@link ExternalSort} (runs spilled under the job's temporary folder) and read from
 * the sort on every pass. Whether an input is in order is learnt by one pass over it that stops at
 * the first item out of order, so an input in order costs one more read and no spill.
 */
final class MergeKeyStreams implements AutoCloseable {
    /** Items held by a sort before it spills a run: with masks as pixels, a few hundred MB at most. */
    static final int RECORDS_PER_RUN = 20_000;

    static final Comparator<DatasetItem> KEY_ORDER = ItemCodec.KEY_ORDER;

    private final List<DatasetSource> parts;
    private final List<String> names;
    private final int recordsPerRun;
    private final Path tempDir;
    /** Per input: the sort of its items, or null when it is read as it is (unknown until the first pass). */
    private final List<ExternalSort<DatasetItem>> sorts = new ArrayList<>();
    private boolean prepared;

    MergeKeyStreams(List<DatasetSource> parts, List<String> names, int recordsPerRun, Path tempDir) {
        this.parts = parts;
        this.names = names;
        this.recordsPerRun = recordsPerRun;
        this.tempDir = tempDir;
    }

    /** Inputs that had to be sorted, for the tests and the debug log. */
    synchronized int sortedInputs() {
        return (int) sorts.stream().filter(s -> s != null).count();
    }

    /** Inputs whose sort went to disk. */
    synchronized int spilledInputs() {
        return (int) sorts.stream().filter(s -> s != null && s.spilled()).count();
    }

    private synchronized void prepare() {
        if (prepared) {
            return;
        }
        for (DatasetSource part : parts) {
            sorts.add(inOrder(part) ? null : sorted(part));
        }
        prepared = true;
    }

    private static boolean inOrder(DatasetSource part) {
        try (ItemCursor items = part.items()) {
            DatasetItem previous = null;
            while (items.hasNext()) {
                DatasetItem item = items.next();
                if (previous != null && KEY_ORDER.compare(previous, item) >= 0) {
                    return false;
                }
                previous = item;
            }
        }
        return true;
    }

    private ExternalSort<DatasetItem> sorted(DatasetSource part) {
        ExternalSort<DatasetItem> sort = new ExternalSort<>(ItemCodec.INSTANCE, KEY_ORDER, recordsPerRun, tempDir);
        try (ItemCursor items = part.items()) {
            while (items.hasNext()) {
                sort.add(items.next());
            }
            sort.finish();
        } catch (RuntimeException e) {
            sort.close();
            throw e;
        }
        return sort;
    }

    /** A new pass: the items of each key in turn, from every input. */
    Pass pass() {
        prepare();
        return new Pass();
    }

    @Override
    public synchronized void close() {
        sorts.forEach(s -> {
            if (s != null) {
                s.close();
            }
        });
        sorts.clear();
    }

    /** One pass over the keys of all inputs, in key order. */
    final class Pass implements AutoCloseable {
        private final List<Iterator<DatasetItem>> cursors = new ArrayList<>();
        private final List<AutoCloseable> open = new ArrayList<>();
        private final DatasetItem[] heads;
        private final DatasetItem[] last;

        private Pass() {
            heads = new DatasetItem[parts.size()];
            last = new DatasetItem[parts.size()];
            try {
                for (int i = 0; i < parts.size(); i++) {
                    ExternalSort<DatasetItem> sort = sorts.get(i);
                    if (sort == null) {
                        ItemCursor items = parts.get(i).items();
                        open.add(items);
                        cursors.add(items);
                    } else {
                        ExternalSort<DatasetItem>.Cursor items = sort.cursor();
                        open.add(items);
                        cursors.add(items);
                    }
                    advance(i);
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private void advance(int input) {
            Iterator<DatasetItem> c = cursors.get(input);
            DatasetItem next = c.hasNext() ? c.next() : null;
            if (next != null && last[input] != null) {
                int order = KEY_ORDER.compare(last[input], next);
                if (order == 0) {
                    throw new DatasetException("Item ('" + next.id() + "', '" + next.subset() + "') is repeated in '"
                            + names.get(input) + "'");
                }
                if (order > 0) {
                    // the input changed between the pass that found it in order and this one
                    throw new DatasetException("The items of '" + names.get(input) + "' changed order while it was "
                            + "being merged");
                }
            }
            heads[input] = next;
            if (next != null) {
                last[input] = next;
            }
        }

        /**
         * The items of the next key by input (null where an input lacks it), or null at the end.
         * The array is new for each key.
         */
        DatasetItem[] next() {
            DatasetItem least = null;
            for (DatasetItem head : heads) {
                if (head != null && (least == null || KEY_ORDER.compare(head, least) < 0)) {
                    least = head;
                }
            }
            if (least == null) {
                return null;
            }
            DatasetItem[] group = new DatasetItem[heads.length];
            for (int i = 0; i < heads.length; i++) {
                if (heads[i] != null && KEY_ORDER.compare(heads[i], least) == 0) {
                    group[i] = heads[i];
                    advance(i);
                }
            }
            return group;
        }

        @Override
        public void close() {
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing a read-only cursor has nothing to report worth hiding the real error
                }
            }
            open.clear();
        }
    }
}
