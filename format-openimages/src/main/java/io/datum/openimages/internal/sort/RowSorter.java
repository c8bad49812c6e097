package io.datum.openimages.internal.sort;

import io.datum.openimages.internal.read.AnnotationRow;
import io.datum.support.stream.ExternalSort;
import io.datum.support.stream.RecordCodec;
import io.datum.support.stream.Workers;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Sorts the annotation rows of the files whose rows do not come in item order: by item position,
 * the rows of one item in the reference's order (file, then line), like {@link RowStream}s.
 *
 * <p>Files are added side by side, each by one thread ({@link #file}), since parsing them is
 * most of the work. A file's rows collect in primitive arrays: a long key per row (the position
 * above, the arrival below) and the row's bytes ({@link RowCodec}); a full buffer is sorted by
 * a radix sort of the keys (stable, with no comparator and no object per row) and handed to an
 * {@link ExternalSort} as a sorted run by copying those bytes, ranked by file and by its place in
 * the file. Files that fit in one run stay in memory while they all fit in one together, so small
 * inputs never touch the disk. The external sort merges the runs: ties in position go to the run
 * of the earlier file, or the earlier run of one file, which keeps the order.
 *
 * <p>{@link #close()} deletes every spill file, also after a failure.
 */
public final class RowSorter implements Closeable {
    private static final int WRITE_BLOCK = 1 << 20;
    private static final int FIRST_CAPACITY = 1 << 12;

    /** A row and the position of its item, as the runs hold them. */
    private record PositionedRow(int position, AnnotationRow row) {
    }

    /** Rows in a run: the position (an int), then the row ({@link RowCodec}). */
    private static final RecordCodec<PositionedRow> CODEC = new RecordCodec<>() {
        @Override
        public void write(DataOutput out, PositionedRow r) throws IOException {
            RowCodec.Bytes bytes = new RowCodec.Bytes(RowCodec.MAX_FIXED + Integer.BYTES);
            bytes.putInt(r.position);
            bytes.putRow(r.row);
            out.write(bytes.array(), 0, bytes.size());
        }

        @Override
        public PositionedRow read(DataInput in) throws IOException {
            int position = in.readInt();
            return new PositionedRow(position, RowCodec.readRow(in));
        }
    };

    private final int rowsPerRun;
    private final Workers workers;
    private final ExternalSort<PositionedRow> sort;
    /** Guards what the threads adding files share: idle buffers and the memory budget. */
    private final Object lock = new Object();
    private final ArrayDeque<RunBuffer> idleBuffers = new ArrayDeque<>();
    private long rowsKeptInMemory;
    private boolean finished;

    /**
     * @param rowsPerRun rows sorted in memory before a run is spilled (at least 1); each file
     *                   being added holds a buffer of that many
     * @param tempParent where the spill folder is created; null for the system's temporary folder
     * @param workers    the threads files are added and parsed on
     */
    public RowSorter(int rowsPerRun, Path tempParent, Workers workers) {
        this.rowsPerRun = Math.max(1, rowsPerRun);
        this.workers = workers;
        this.sort = new ExternalSort<>(CODEC, Comparator.comparingInt(PositionedRow::position), this.rowsPerRun,
                tempParent);
    }

    /** Runs are ranked by file, then by their order in the file. */
    private static long rank(int fileIndex, int sequence) {
        return (long) fileIndex << 32 | sequence;
    }

    /** The threads files are added and parsed on. */
    public Workers workers() {
        return workers;
    }

    /** Starts adding the rows of file {@code fileIndex}; files may be added on several threads at once. */
    public FileRows file(int fileIndex) {
        synchronized (lock) {
            if (finished) {
                throw new IllegalStateException("sorter already finished");
            }
            RunBuffer buffer = idleBuffers.poll();
            return new FileRows(fileIndex, buffer != null ? buffer : new RunBuffer(Math.min(FIRST_CAPACITY, rowsPerRun)));
        }
    }

    /** Ends adding (all {@link FileRows} finished); merges rounds of runs if there are many. */
    public void finish() {
        synchronized (lock) {
            finished = true;
            idleBuffers.clear();
        }
        sort.finish();
    }

    /** True when at least one run went to disk. */
    public boolean spilled() {
        return sort.spilled();
    }

    /** A new pass over all rows in order; passes may run side by side. */
    public RowStream stream() throws IOException {
        ExternalSort<PositionedRow>.Cursor cursor = sort.cursor();
        return new RowStream() {
            private PositionedRow current;

            @Override
            public boolean advance() {
                current = cursor.hasNext() ? cursor.next() : null;
                return current != null;
            }

            @Override
            public int position() {
                return current.position;
            }

            @Override
            public AnnotationRow row() {
                return current.row;
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    /** Deletes the spill files (declared to throw so that callers may treat it as any {@link Closeable}). */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            finished = true;
            idleBuffers.clear();
        }
        sort.close();
    }

    /** The rows of one file, added in file order by one thread. */
    public final class FileRows implements Closeable {
        private final int fileIndex;
        private RunBuffer buffer;
        private int sequence;

        private FileRows(int fileIndex, RunBuffer buffer) {
            this.fileIndex = fileIndex;
            this.buffer = buffer;
        }

        public void add(int position, AnnotationRow row) throws IOException {
            buffer.add(position, row);
            if (buffer.count == rowsPerRun) {
                spill();
            } else if (buffer.count == buffer.keys.length) {
                buffer.grow(rowsPerRun);
            }
        }

        /**
         * All rows are added: the last ones become a run. A file that fits in one run stays in
         * memory if all such files together do; the runs of larger files would only take heap
         * from the passes.
         */
        public void finish() throws IOException {
            if (buffer.count == 0) {
                return;
            }
            boolean keep = false;
            synchronized (lock) {
                if (sequence == 0 && rowsKeptInMemory + buffer.count <= rowsPerRun) {
                    rowsKeptInMemory += buffer.count;
                    keep = true;
                }
            }
            if (!keep) {
                spill();
                return;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(buffer.count * Integer.BYTES + buffer.rows.size());
            buffer.writeSorted(bytes);
            sort.addSortedRun(rank(fileIndex, sequence++), bytes.toByteArray(), bytes.size());
            buffer.clear();
        }

        private void spill() {
            sort.addSortedRun(rank(fileIndex, sequence++), buffer::writeSorted);
            buffer.clear();
        }

        /** Gives the buffer back for the next file (rows not finished are dropped). */
        @Override
        public void close() {
            if (buffer == null) {
                return;
            }
            buffer.clear();
            synchronized (lock) {
                if (!finished) {
                    idleBuffers.push(buffer);
                }
            }
            buffer = null;
        }
    }

    /** Rows of one file waiting to be sorted: keys (position, arrival) and the rows' bytes. */
    private static final class RunBuffer {
        private static final int DIGIT_BITS = 11;
        private long[] keys;
        /** The other half of the radix sort's ping-pong. */
        private long[] sorted = new long[0];
        /** Where each row's bytes start in {@link #rows}; one more entry marks the end of the last. */
        private int[] starts;
        private final RowCodec.Bytes rows;
        private byte[] block;
        private int count;

        RunBuffer(int capacity) {
            keys = new long[capacity];
            starts = new int[capacity + 1];
            rows = new RowCodec.Bytes(capacity * 32);
        }

        public void add(int position, AnnotationRow row) throws IOException {
            // positions are never negative, so the longs sort by position, then arrival
            keys[count] = (long) position << 32 | count;
            starts[count] = rows.size();
            rows.putRow(row);
            count++;
        }

        void grow(int limit) {
            int capacity = (int) Math.min(limit, keys.length * 2L);
            keys = Arrays.copyOf(keys, capacity);
            sorted = new long[0];
            starts = Arrays.copyOf(starts, capacity + 1);
        }

        /**
         * Sorts the keys by position: a least-significant-digit radix sort, stable, so rows of one
         * position stay in arrival order. Positions have 21 bits for 2M items: two passes over
         * the keys, where a comparison sort of half a million keys makes about 10 million
         * unpredictable branches.
         */
        private void sortByPosition() {
            int allBits = 0;
            for (int i = 0; i < count; i++) {
                allBits |= (int) (keys[i] >>> 32);
            }
            if (sorted.length < keys.length) {
                sorted = new long[keys.length];
            }
            int[] offsets = new int[(1 << DIGIT_BITS) + 1];
            for (int shift = 32; shift < 64 && allBits >>> (shift - 32) != 0; shift += DIGIT_BITS) {
                Arrays.fill(offsets, 0);
                long[] from = keys;
                long[] to = sorted;
                int mask = (1 << DIGIT_BITS) - 1;
                for (int i = 0; i < count; i++) {
                    offsets[((int) (from[i] >>> shift) & mask) + 1]++;
                }
                for (int d = 1; d < offsets.length; d++) {
                    offsets[d] += offsets[d - 1];
                }
                for (int i = 0; i < count; i++) {
                    long key = from[i];
                    to[offsets[(int) (key >>> shift) & mask]++] = key;
                }
                keys = to;
                sorted = from;
            }
        }

        /** Sorts the rows and writes each as its position followed by its bytes. */
        void writeSorted(OutputStream out) throws IOException {
            sortByPosition();
            starts[count] = rows.size();
            byte[] data = rows.array();
            if (block == null) {
                block = new byte[WRITE_BLOCK];
            }
            int at = 0;
            for (int i = 0; i < count; i++) {
                long key = keys[i];
                int row = (int) key;
                int from = starts[row];
                int length = starts[row + 1] - from;
                if (block.length - at < Integer.BYTES + length) {
                    out.write(block, 0, at);
                    at = 0;
                    if (block.length < Integer.BYTES + length) {
                        block = new byte[Integer.BYTES + length];
                    }
                }
                RowCodec.INT.set(block, at, (int) (key >>> 32));
                System.arraycopy(data, from, block, at + Integer.BYTES, length);
                at += Integer.BYTES + length;
            }
            out.write(block, 0, at);
        }

        void clear() {
            count = 0;
            rows.clear();
        }
    }
}
