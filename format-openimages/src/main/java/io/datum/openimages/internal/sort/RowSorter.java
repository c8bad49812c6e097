package io.datum.openimages.internal.sort;

import io.datum.openimages.internal.read.AnnotationRow;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts the annotation rows of the files whose rows do not come in item order: by item position,
 * the rows of one item in the reference's order (file, then line), like {@link RowStream}s.
 *
 * <p>Files are added side by side, each by one thread ({@link #file}), since parsing them is
 * most of the work. A file's rows collect in primitive arrays: a long key per row (the position
 * above, the arrival below) and the row's bytes ({@link RowCodec}); a full buffer is sorted by
 * a radix sort of the keys (stable, with no comparator and no object per row) and written as a
 * run by copying those bytes. Files that fit in one run stay in memory while they
 * all fit in one together, so small inputs never touch the disk. After {@link #finish()}
 * (which merges runs in rounds while there are more than {@link #MERGE_FAN_IN}), every
 * {@link #stream()} is a k-way merge of the runs on a heap of longs: ties in position go to the
 * run of the earlier file, or the earlier run of one file, which keeps the order.
 *
 * <p>{@link #close()} deletes every spill file, also after a failure.
 */
public final class RowSorter implements Closeable {
    /** Runs merged at once; more are merged in rounds, so that open files and read buffers stay few. */
    static final int MERGE_FAN_IN = 64;
    /** Per run while merging: 64 of them are 16 MB. */
    private static final int READ_BUFFER = 1 << 18;
    private static final int WRITE_BLOCK = 1 << 20;
    private static final int FIRST_CAPACITY = 1 << 12;

    private final int rowsPerRun;
    private final Path tempParent;
    /** Guards what the threads adding files share: the runs, idle buffers, the memory budget, the spill folder. */
    private final Object lock = new Object();
    private final List<Run> runs = new ArrayList<>();
    private final ArrayDeque<RunBuffer> idleBuffers = new ArrayDeque<>();
    private long rowsKeptInMemory;
    private Path spillDir;
    private boolean finished;
    private boolean closed;

    /**
     * Sorted rows: of one file, the {@code sequence}-th run of it, or after a merge round of
     * several consecutive runs (named by the first). On disk ({@code file}) or in memory ({@code bytes}).
     */
    private record Run(int fileIndex, int sequence, Path file, byte[] bytes, long rows) {
    }

    /**
     * @param rowsPerRun rows sorted in memory before a run is spilled (at least 1); each file
     *                   being added holds a buffer of that many
     * @param tempParent where the spill folder is created; null for the system's temporary folder
     */
    public RowSorter(int rowsPerRun, Path tempParent) {
        this.rowsPerRun = Math.max(1, rowsPerRun);
        this.tempParent = tempParent;
    }

    /** Starts adding the rows of file {@code fileIndex}; files may be added on several threads at once. */
    public FileRows file(int fileIndex) {
        synchronized (lock) {
            if (finished || closed) {
                throw new IllegalStateException("sorter already finished");
            }
            RunBuffer buffer = idleBuffers.poll();
            return new FileRows(fileIndex, buffer != null ? buffer : new RunBuffer(Math.min(FIRST_CAPACITY, rowsPerRun)));
        }
    }

    /** Ends adding (all {@link FileRows} finished); merges rounds of runs if there are many. */
    public void finish() throws IOException {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            idleBuffers.clear();
        }
        runs.sort(Comparator.comparingInt(Run::fileIndex).thenComparingInt(Run::sequence));
        int start = 0;
        while (runs.size() > MERGE_FAN_IN) {
            if (runs.size() - start < 2) {
                start = 0;
            }
            // consecutive runs, merged into one in their place: the order of runs stays the order of rows
            int count = Math.min(MERGE_FAN_IN, Math.min(runs.size() - MERGE_FAN_IN + 1, runs.size() - start));
            List<Run> group = runs.subList(start, start + count);
            List<Run> merged = List.copyOf(group);
            Run run = mergeToRun(merged);
            group.clear();
            runs.add(start, run);
            for (Run r : merged) {
                if (r.file != null) {
                    Files.deleteIfExists(r.file);
                }
            }
            start++;
        }
    }

    /** True when at least one run went to disk. */
    public boolean spilled() {
        return runs.stream().anyMatch(r -> r.file != null);
    }

    /** A new pass over all rows in order; passes may run side by side. */
    public RowStream stream() throws IOException {
        if (!finished) {
            throw new IllegalStateException("finish() first");
        }
        return new Merge(runs);
    }

    @Override
    public void close() throws IOException {
        Path dir;
        synchronized (lock) {
            closed = true;
            runs.clear();
            idleBuffers.clear();
            dir = spillDir;
            spillDir = null;
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private Path newSpillFile(String prefix) throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("sorter closed");
            }
            if (spillDir == null) {
                spillDir = tempParent == null ? Files.createTempDirectory("datum-oi-")
                        : Files.createTempDirectory(tempParent, "datum-oi-");
            }
            return Files.createTempFile(spillDir, prefix, ".bin");
        }
    }

    private void addRun(Run run) throws IOException {
        synchronized (lock) {
            if (!closed) {
                runs.add(run);
                return;
            }
        }
        // closed while the run was written: nobody will read it
        if (run.file != null) {
            Files.deleteIfExists(run.file);
        }
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
            addRun(new Run(fileIndex, sequence++, null, bytes.toByteArray(), buffer.count));
            buffer.clear();
        }

        private void spill() throws IOException {
            Path file = newSpillFile("run-");
            try (OutputStream out = Files.newOutputStream(file)) {
                buffer.writeSorted(out);
            }
            addRun(new Run(fileIndex, sequence++, file, null, buffer.count));
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
                if (!finished && !closed) {
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

        public void add(int position, AnnotationRow row) {
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

    private Run mergeToRun(List<Run> group) throws IOException {
        Path file = newSpillFile("merged-");
        long rows = 0;
        try (Merge merge = new Merge(group); OutputStream out = Files.newOutputStream(file)) {
            RowCodec.Bytes block = new RowCodec.Bytes(WRITE_BLOCK);
            while (merge.advance()) {
                block.putInt(merge.position());
                block.putRow(merge.row());
                rows++;
                if (block.size() >= WRITE_BLOCK - RowCodec.MAX_FIXED) {
                    out.write(block.array(), 0, block.size());
                    block.clear();
                }
            }
            out.write(block.array(), 0, block.size());
        }
        return new Run(group.get(0).fileIndex, group.get(0).sequence, file, null, rows);
    }

    /** K-way merge of runs, on a heap of (position, run rank) longs: ties go to the earlier run. */
    private static final class Merge implements RowStream {
        private final RunReader[] readers;
        private final long[] heap;
        private int heapSize;
        private int position;
        private AnnotationRow row;

        Merge(List<Run> sources) throws IOException {
            readers = new RunReader[sources.size()];
            heap = new long[sources.size()];
            try {
                for (int r = 0; r < readers.length; r++) {
                    readers[r] = new RunReader(sources.get(r));
                    if (readers[r].hasNext()) {
                        heap[heapSize++] = key(readers[r].nextPosition(), r);
                    }
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
            for (int i = heapSize / 2 - 1; i >= 0; i--) {
                siftDown(i);
            }
        }

        private static long key(int position, int run) {
            return (long) position << 32 | run;
        }

        @Override
        public boolean advance() throws IOException {
            if (heapSize == 0) {
                return false;
            }
            long top = heap[0];
            int r = (int) top;
            RunReader reader = readers[r];
            position = (int) (top >>> 32);
            row = reader.readRow();
            if (reader.hasNext()) {
                heap[0] = key(reader.nextPosition(), r);
            } else {
                heap[0] = heap[--heapSize];
            }
            siftDown(0);
            return true;
        }

        private void siftDown(int i) {
            long[] h = heap;
            int n = heapSize;
            long x = h[i];
            for (int child = 2 * i + 1; child < n; child = 2 * i + 1) {
                if (child + 1 < n && h[child + 1] < h[child]) {
                    child++;
                }
                if (h[child] >= x) {
                    break;
                }
                h[i] = h[child];
                i = child;
            }
            h[i] = x;
        }

        @Override
        public int position() {
            return position;
        }

        @Override
        public AnnotationRow row() {
            return row;
        }

        @Override
        public void close() {
            for (RunReader r : readers) {
                if (r != null) {
                    r.close();
                }
            }
            heapSize = 0;
        }
    }

    /** Reads a run: a position, then a row, {@code rows} times. */
    private static final class RunReader extends RowCodec.Source {
        /** Null when the run is in memory: then {@code buf} is the whole run. */
        private final InputStream in;
        private int limit;
        private long left;

        RunReader(Run run) throws IOException {
            left = run.rows;
            if (run.bytes != null) {
                in = null;
                buf = run.bytes;
                limit = buf.length;
            } else {
                in = Files.newInputStream(run.file);
                buf = new byte[READ_BUFFER];
            }
        }

        boolean hasNext() {
            return left > 0;
        }

        /** The position of the next row, whose bytes {@link #readRow()} reads then. */
        int nextPosition() throws IOException {
            left--;
            need(Integer.BYTES);
            return readInt();
        }

        @Override
        protected void need(int n) throws IOException {
            if (limit - pos >= n) {
                return;
            }
            if (in == null) {
                throw new EOFException("corrupt sort run: it ends inside a row");
            }
            int kept = limit - pos;
            byte[] target = n > buf.length ? new byte[Math.max(n, buf.length * 2)] : buf;
            System.arraycopy(buf, pos, target, 0, kept);
            buf = target;
            pos = 0;
            limit = kept;
            while (limit < n) {
                int read = in.read(buf, limit, buf.length - limit);
                if (read < 0) {
                    throw new EOFException("corrupt sort run: it ends inside a row");
                }
                limit += read;
            }
        }

        void close() {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // a read-only temporary file; nothing to recover
                }
            }
        }
    }
}
