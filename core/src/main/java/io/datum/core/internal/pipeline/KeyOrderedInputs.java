package io.datum.core.internal.pipeline;

import io.datum.model.DatasetItem;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.support.stream.DatasetRecords;
import io.datum.support.stream.ExternalSort;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Datasets read side by side in the order of their items' keys (subset, then id), so that the
 * items of one key from every input come together and nothing else is held: the sort-merge join
 * under a merge and a comparison. An input in that order is read as it is; one that is not is
 * sorted once with {@link ExternalSort} (at most {@code sortBuffer} items in memory, runs spilled
 * under the job's temporary folder) and every later pass reads the sort.
 *
 * <p>Whether an input is in order is learnt in one of two ways ({@link OrderCheck}). A caller that
 * can start again (a comparison) takes an input whose first {@code sortBuffer} items are in order
 * as sorted; should it break the order later, the pass fails with {@link OrderBroken} and the next
 * pass sorts that input, so inputs in order and inputs shuffled are read once. A caller whose
 * items leave as they are made (a merge feeding an export) cannot start again: it reads every
 * input once through before the first pass, to the first item out of order.
 */
final class KeyOrderedInputs implements AutoCloseable {
    /** Items held by a sort before it spills a run: with masks as runs, tens of MB at most. */
    static final int SORT_BUFFER = 20_000;

    /** The order of the items' keys: subset, then id. */
    static final Comparator<DatasetItem> KEY_ORDER = Comparator.comparing(DatasetItem::subset)
            .thenComparing(DatasetItem::id);

    /** How an input is found to be in key order. */
    enum OrderCheck {
        /** By its first {@code sortBuffer} items; a later break fails the pass with {@link OrderBroken}. */
        FIRST_ITEMS,
        /** By one read of the whole input before the first pass. */
        WHOLE_INPUT
    }

    /** An input taken as sorted that turned out not to be: the next pass sorts it. */
    static final class OrderBroken extends RuntimeException {
        private final int input;

        private OrderBroken(int input) {
            super(null, null, false, false);
            this.input = input;
        }

        int input() {
            return input;
        }
    }

    private final List<DatasetSource> inputs;
    private final List<String> names;
    private final int sortBuffer;
    private final Path spillDir;
    private final OrderCheck check;
    private final boolean repeatsAllowed;
    /** Per input: its sort, or null while it is read as it is. */
    private final ExternalSort<DatasetItem>[] sorts;
    /** Per input: the whole-input check found it out of order (sorted at its next pass). */
    private final boolean[] mustSort;
    private boolean checked;

    /**
     * @param names          the inputs as the user named them, for messages
     * @param repeatsAllowed whether an input may hold two items of one key (a comparison pairs
     *                       them in turn); otherwise a repeat is an error naming the item and input
     */
    @SuppressWarnings("unchecked")
    KeyOrderedInputs(List<DatasetSource> inputs, List<String> names, int sortBuffer, Path spillDir, OrderCheck check,
                     boolean repeatsAllowed) {
        this.inputs = List.copyOf(inputs);
        this.names = List.copyOf(names);
        this.sortBuffer = Math.max(1, sortBuffer);
        this.spillDir = spillDir;
        this.check = check;
        this.repeatsAllowed = repeatsAllowed;
        this.sorts = new ExternalSort[inputs.size()];
        this.mustSort = new boolean[inputs.size()];
    }

    /** Inputs whose sort went to disk. */
    synchronized int spilledInputs() {
        return (int) Arrays.stream(sorts).filter(s -> s != null && s.spilled()).count();
    }

    /** A new pass: the items of each key in turn, from every input. */
    synchronized Pass pass() {
        if (check == OrderCheck.WHOLE_INPUT && !checked) {
            for (int i = 0; i < inputs.size(); i++) {
                mustSort[i] = !inOrder(inputs.get(i));
            }
            checked = true;
        }
        return new Pass();
    }

    private static boolean inOrder(DatasetSource input) {
        try (ItemCursor items = input.items()) {
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

    @Override
    public synchronized void close() {
        for (int i = 0; i < sorts.length; i++) {
            if (sorts[i] != null) {
                sorts[i].close();
                sorts[i] = null;
            }
        }
    }

    /** One pass over the keys of all inputs, in key order. */
    final class Pass implements AutoCloseable {
        private final List<AutoCloseable> open = new ArrayList<>();
        private final List<Iterator<DatasetItem>> streams = new ArrayList<>();
        /** Per input: whether its stream is the input read as it is, whose order is checked as it goes. */
        private final boolean[] direct;
        private final DatasetItem[] heads;
        private final DatasetItem[] last;
        private final long[] read;

        private Pass() {
            int n = inputs.size();
            direct = new boolean[n];
            heads = new DatasetItem[n];
            last = new DatasetItem[n];
            read = new long[n];
            try {
                for (int i = 0; i < n; i++) {
                    streams.add(open(i));
                    advance(i);
                }
            } catch (RuntimeException | Error e) {
                close();
                throw e;
            }
        }

        /**
         * Input {@code i} in key order: its sort when it has one; otherwise the input itself, after
         * its first {@code sortBuffer} items showed it in order (or the whole-input check did), or
         * else a new sort of it, kept for the passes after this one.
         */
        private Iterator<DatasetItem> open(int i) {
            synchronized (KeyOrderedInputs.this) {
                if (sorts[i] != null) {
                    return register(sorts[i].cursor());
                }
            }
            ItemCursor cursor = inputs.get(i).items();
            open.add(cursor);
            List<DatasetItem> head = new ArrayList<>();
            boolean inOrder = !mustSort[i];
            if (check == OrderCheck.FIRST_ITEMS) {
                while (inOrder && head.size() < sortBuffer && cursor.hasNext()) {
                    DatasetItem item = cursor.next();
                    inOrder = head.isEmpty() || KEY_ORDER.compare(head.get(head.size() - 1), item) <= 0;
                    head.add(item);
                }
            }
            if (inOrder) {
                direct[i] = true;
                Iterator<DatasetItem> buffered = head.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return buffered.hasNext() || cursor.hasNext();
                    }

                    @Override
                    public DatasetItem next() {
                        return buffered.hasNext() ? buffered.next() : cursor.next();
                    }
                };
            }
            ExternalSort<DatasetItem> sort = new ExternalSort<>(DatasetRecords.items(), KEY_ORDER, sortBuffer, spillDir);
            synchronized (KeyOrderedInputs.this) {
                sorts[i] = sort;
            }
            head.forEach(sort::add);
            head.clear();
            while (cursor.hasNext()) {
                sort.add(cursor.next());
            }
            sort.finish();
            return register(sort.cursor());
        }

        private Iterator<DatasetItem> register(ExternalSort<DatasetItem>.Cursor cursor) {
            open.add(cursor);
            return cursor;
        }

        private void advance(int input) {
            Iterator<DatasetItem> stream = streams.get(input);
            DatasetItem next = stream.hasNext() ? stream.next() : null;
            if (next != null) {
                read[input]++;
                if (last[input] != null) {
                    int order = KEY_ORDER.compare(last[input], next);
                    if (order == 0 && !repeatsAllowed) {
                        throw new DatasetException("Item ('" + next.id() + "', '" + next.subset() + "') is repeated in '"
                                + names.get(input) + "'");
                    }
                    if (order > 0 && direct[input]) {
                        if (check == OrderCheck.FIRST_ITEMS) {
                            mustSort[input] = true;
                            throw new OrderBroken(input);
                        }
                        // the input changed between the check that found it in order and this pass
                        throw new DatasetException("The items of '" + names.get(input) + "' changed order while it was "
                                + "being merged");
                    }
                }
                last[input] = next;
            }
            heads[input] = next;
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

        /** Items read from input {@code i} so far in this pass. */
        long read(int i) {
            return read[i];
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
