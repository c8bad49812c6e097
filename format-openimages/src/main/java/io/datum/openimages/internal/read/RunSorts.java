package io.datum.openimages.internal.read;

import io.datum.support.stream.ExternalSort;
import io.datum.support.stream.Lanes;
import io.datum.support.stream.Workers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The two sorts of {@link RunPositions}, made as sorted runs of primitives and handed to their
 * {@link ExternalSort} whole: a file out of item order has one run per row (57 million in
 * Google's train labels, shuffled), and sorting them as objects, each compared through a
 * comparator and written through a {@code DataOutputStream}, took most of the time of opening
 * such a dataset. The runs are written in the sorts' record forms, so that their cursors read
 * them as before; the last, partial run stays in memory. Each run is sorted on another thread
 * while the next is gathered.
 */
final class RunSorts {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private RunSorts() {
    }

    /**
     * Sorts handed over one at a time to a thread of the job's {@link Workers}, while the caller
     * gathers the next run: at most one waits or runs there. Without a thread free, the caller
     * sorts. A failure there is thrown, as it was thrown, by the next hand-over or by close.
     */
    static final class OneBehind implements AutoCloseable {
        private final Lanes lanes;
        private final String name;
        private volatile Throwable failure;

        OneBehind(Workers workers, String name) {
            this.lanes = workers.lanes(1);
            this.name = name;
        }

        void run(Runnable task) {
            awaitPending();
            if (lanes.size() == 0) {
                task.run();
                return;
            }
            lanes.execute(name, () -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            });
        }

        /** Waits for the task handed over last; throws its failure. */
        void awaitPending() {
            lanes.awaitIdle();
            Throwable f = failure;
            if (f instanceof RuntimeException e) {
                throw e;
            } else if (f instanceof Error e) {
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                awaitPending();
            } finally {
                lanes.close();
            }
        }
    }

    /** One run of ids being gathered or sorted. */
    private static final class IdBuffer {
        byte[] arena = new byte[1 << 16];
        int arenaSize;
        final int[] offsets;
        final int[] lengths;
        final int[] runs;
        final long[] keys;
        int size;

        IdBuffer(int capacity) {
            offsets = new int[capacity];
            lengths = new int[capacity];
            runs = new int[capacity];
            keys = new long[capacity];
        }
    }

    /**
     * Ids with their run numbers, sorted by id then run into runs of {@link RunPositions}'s id
     * record form: the run as an int, the id's length as a short, its bytes. Two buffers: one
     * gathers while the other is sorted behind.
     */
    static final class ByIdRuns implements AutoCloseable {
        /** Bits of an index in a buffer's keys: at most 2^18 records a run. */
        private static final int INDEX_BITS = 18;
        static final int MAX_RECORDS = 1 << INDEX_BITS;
        private final ExternalSort<?> sort;
        private final OneBehind behind;
        private IdBuffer current;
        private IdBuffer spare;
        private long rank;

        ByIdRuns(ExternalSort<?> sort, int recordsPerRun, Workers workers) {
            this.sort = sort;
            int capacity = Math.min(MAX_RECORDS, Math.max(1, recordsPerRun));
            this.current = new IdBuffer(capacity);
            this.spare = new IdBuffer(capacity);
            this.behind = new OneBehind(workers, "datum-sort-runs");
        }

        /** Adds the id {@code utf8[from, to)} (at most 65 535 bytes) of run {@code run}. */
        void add(byte[] utf8, int from, int to, int run) {
            IdBuffer b = current;
            int length = to - from;
            if (b.arenaSize + length > b.arena.length) {
                b.arena = Arrays.copyOf(b.arena, Math.max(b.arena.length * 2, b.arenaSize + length));
            }
            System.arraycopy(utf8, from, b.arena, b.arenaSize, length);
            b.offsets[b.size] = b.arenaSize;
            b.lengths[b.size] = length;
            b.runs[b.size] = run;
            b.arenaSize += length;
            b.size++;
            if (b.size == b.offsets.length) {
                IdBuffer full = b;
                long r = rank++;
                // handing over waits for the hand-over before, which had the spare
                behind.run(() -> handOver(full, r, false));
                current = spare;
                spare = full;
            }
        }

        /** Hands over what is left, and waits until every run is handed over. */
        void finish() {
            behind.awaitPending();
            if (current.size > 0) {
                handOver(current, rank++, true);
            }
        }

        @Override
        public void close() {
            behind.close();
        }

        private void handOver(IdBuffer b, long runRank, boolean last) {
            long[] keys = b.keys;
            int size = b.size;
            for (int i = 0; i < size; i++) {
                // the first bytes as an unsigned number orders most ids; equal ones are compared whole below
                keys[i] = prefix(b, b.offsets[i], b.lengths[i]) << INDEX_BITS | i;
            }
            Arrays.sort(keys, 0, size);
            for (int start = 0; start < size; ) {
                int end = start + 1;
                while (end < size && keys[end] >>> INDEX_BITS == keys[start] >>> INDEX_BITS) {
                    end++;
                }
                if (end - start > 1) {
                    sortWhole(b, start, end);
                }
                start = end;
            }
            byte[] records = new byte[size * 6 + b.arenaSize];
            int p = 0;
            for (int k = 0; k < size; k++) {
                int i = (int) (keys[k] & (MAX_RECORDS - 1));
                INT.set(records, p, b.runs[i]);
                SHORT.set(records, p + 4, (short) b.lengths[i]);
                System.arraycopy(b.arena, b.offsets[i], records, p + 6, b.lengths[i]);
                p += 6 + b.lengths[i];
            }
            int length = p;
            if (last) {
                sort.addSortedRun(runRank, records, length);
            } else {
                sort.addSortedRun(runRank, out -> out.write(records, 0, length));
            }
            b.size = 0;
            b.arenaSize = 0;
        }

        /**
         * The first 45 bits of the id's bytes, zero past its end (so that a key with the index is
         * positive): never out of order with the whole comparison.
         */
        private static long prefix(IdBuffer b, int offset, int length) {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | (i < length ? b.arena[offset + i] & 0xFF : 0);
            }
            return v >>> (INDEX_BITS + 1);
        }

        /** Insertion sort of {@code keys[start, end)} by whole id, then run (groups are small). */
        private static void sortWhole(IdBuffer b, int start, int end) {
            long[] keys = b.keys;
            for (int k = start + 1; k < end; k++) {
                long key = keys[k];
                int j = k - 1;
                while (j >= start && compare(b, keys[j], key) > 0) {
                    keys[j + 1] = keys[j];
                    j--;
                }
                keys[j + 1] = key;
            }
        }

        private static int compare(IdBuffer b, long x, long y) {
            int i = (int) (x & (MAX_RECORDS - 1));
            int j = (int) (y & (MAX_RECORDS - 1));
            int c = Arrays.compareUnsigned(b.arena, b.offsets[i], b.offsets[i] + b.lengths[i], b.arena, b.offsets[j],
                    b.offsets[j] + b.lengths[j]);
            return c != 0 ? c : Integer.compare(b.runs[i], b.runs[j]);
        }
    }

    /** Longs sorted into runs of their record form (eight bytes, big-endian), one run sorted behind. */
    static final class LongRuns implements AutoCloseable {
        private final ExternalSort<Long> sort;
        private final OneBehind behind;
        private long[] values;
        private long[] spare;
        private int size;
        private long rank;

        LongRuns(ExternalSort<Long> sort, int recordsPerRun, Workers workers) {
            this.sort = sort;
            this.values = new long[Math.max(1, recordsPerRun)];
            this.spare = new long[values.length];
            this.behind = new OneBehind(workers, "datum-sort-runs");
        }

        void add(long value) {
            values[size++] = value;
            if (size == values.length) {
                long[] full = values;
                long r = rank++;
                behind.run(() -> handOver(full, full.length, r, false));
                values = spare;
                spare = full;
                size = 0;
            }
        }

        /** Hands over what is left, and waits until every run is handed over. */
        void finish() {
            behind.awaitPending();
            if (size > 0) {
                handOver(values, size, rank++, true);
                size = 0;
            }
        }

        @Override
        public void close() {
            behind.close();
        }

        private void handOver(long[] run, int length, long runRank, boolean last) {
            Arrays.sort(run, 0, length);
            byte[] records = new byte[length * Long.BYTES];
            for (int i = 0; i < length; i++) {
                LONG.set(records, i * Long.BYTES, run[i]);
            }
            if (last) {
                sort.addSortedRun(runRank, records, records.length);
            } else {
                sort.addSortedRun(runRank, out -> out.write(records));
            }
        }
    }
}
