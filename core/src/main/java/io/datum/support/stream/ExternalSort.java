package io.datum.support.stream;

import io.datum.files.FileErrors;
import io.datum.spi.DatasetException;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A stable sort of more records than fit in memory. Records {@link #add added} collect up to a
 * bound, are sorted and written as a run to a spill folder of the sort's own; a caller that sorts
 * runs itself (several threads, or a faster sort for its keys) hands them over whole with
 * {@link #addSortedRun}. {@link #finish()} merges runs in rounds of at most the fan-in (so that
 * open files stay few) while there are more; then every {@link #cursor()} is a k-way merge of the
 * runs left, and passes may run side by side. Records of equal order come out as they went in:
 * by the rank of their run, then within it. A sort that never spilled stays in memory.
 *
 * <p>{@link #close()} deletes every spill file, also after a failure. A spill file that cannot be
 * written or read is a {@link DatasetException} naming it.
 *
 * @param <T> the records
 */
public final class ExternalSort<T> implements AutoCloseable {
    /** Runs merged at once unless the caller says otherwise. */
    public static final int DEFAULT_FAN_IN = 64;
    private static final int WRITE_BUFFER = 1 << 16;
    /** Per run while merging: 64 of them are 16 MB. */
    private static final int READ_BUFFER = 1 << 18;

    /** A run its caller sorted: its records in {@link RecordCodec} form, in order. */
    @ConsumerType
    @FunctionalInterface
    public interface SortedRun {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Sorted records on disk ({@code file}) or in memory ({@code bytes}); {@code rank} orders runs for ties. */
    private record Run(long rank, Path file, byte[] bytes, int length) {
    }

    private final RecordCodec<T> codec;
    private final Comparator<? super T> order;
    private final int recordsPerRun;
    private final int fanIn;
    private final Path tempParent;
    private final List<T> buffer = new ArrayList<>();
    /** Guards what callers handing over runs on several threads share: the runs and the spill folder. */
    private final Object lock = new Object();
    private final List<Run> runs = new ArrayList<>();
    private Path spillDir;
    private long nextRank;
    private long size;
    private boolean finished;
    private boolean closed;

    /** A sort with the {@link #DEFAULT_FAN_IN default fan-in}. */
    public ExternalSort(RecordCodec<T> codec, Comparator<? super T> order, int recordsPerRun, Path tempParent) {
        this(codec, order, recordsPerRun, DEFAULT_FAN_IN, tempParent);
    }

    /**
     * @param recordsPerRun records {@link #add added} that are held before they are spilled as a run (at least 1)
     * @param fanIn         runs merged at once (at least 2)
     * @param tempParent    where the spill folder is created (the job's temporary folder); null
     *                      for the system's
     */
    public ExternalSort(RecordCodec<T> codec, Comparator<? super T> order, int recordsPerRun, int fanIn,
                        Path tempParent) {
        this.codec = codec;
        this.order = order;
        this.recordsPerRun = Math.max(1, recordsPerRun);
        this.fanIn = Math.max(2, fanIn);
        this.tempParent = tempParent;
    }

    /** Adds a record; a full buffer is spilled as a run. Not for several threads at once. */
    public void add(T record) {
        checkAdding();
        buffer.add(record);
        size++;
        if (buffer.size() >= recordsPerRun) {
            spillBuffer();
        }
    }

    /**
     * Adds a run its caller sorted, written to a spill file. Runs of equal records keep the order
     * of their ranks (then the order they were handed over). Safe on several threads at once.
     */
    public void addSortedRun(long rank, SortedRun run) {
        checkAdding();
        Path file = newSpillFile("run-");
        writeRun(file, run);
        addRun(new Run(rank, file, null, 0));
    }

    /** Adds a run its caller sorted that stays in memory: {@code length} bytes of {@code records}. */
    public void addSortedRun(long rank, byte[] records, int length) {
        checkAdding();
        addRun(new Run(rank, null, records, length));
    }

    /** Records {@link #add added}. */
    public long size() {
        return size;
    }

    /** True when at least one run went to disk. */
    public boolean spilled() {
        synchronized (lock) {
            return runs.stream().anyMatch(r -> r.file != null);
        }
    }

    /** Ends adding; merges rounds of runs while there are more than the fan-in. */
    public void finish() {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
        }
        if (runs.isEmpty()) {
            buffer.sort(order);
        } else if (!buffer.isEmpty()) {
            spillBuffer();
        }
        runs.sort(Comparator.comparingLong(Run::rank));
        int start = 0;
        while (runs.size() > fanIn) {
            if (runs.size() - start < 2) {
                start = 0;
            }
            // consecutive runs merged into one in their place, so that the order of runs stays the
            // order of ties; as few records as possible are merged twice to get down to the fan-in
            int count = Math.min(fanIn, Math.min(runs.size() - fanIn + 1, runs.size() - start));
            List<Run> group = runs.subList(start, start + count);
            List<Run> merged = List.copyOf(group);
            Run run = mergeToRun(merged);
            group.clear();
            runs.add(start, run);
            merged.forEach(r -> {
                if (r.file != null) {
                    deleteQuietly(r.file);
                }
            });
            start++;
        }
    }

    /** A new pass over all records in order. */
    public Cursor cursor() {
        if (!finished) {
            throw new IllegalStateException("finish() first");
        }
        if (closed) {
            throw new IllegalStateException("sort closed");
        }
        return runs.isEmpty() ? new Cursor(buffer.iterator()) : new Cursor(runs);
    }

    /** Deletes every spill file and the spill folder. */
    @Override
    public void close() {
        Path dir;
        synchronized (lock) {
            closed = true;
            runs.clear();
            dir = spillDir;
            spillDir = null;
        }
        buffer.clear();
        if (dir != null) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(ExternalSort::deleteQuietly);
            } catch (IOException e) {
                // the folder is gone or unreadable: what is left goes with the job's temporary folder
            }
            deleteQuietly(dir);
        }
    }

    private void checkAdding() {
        synchronized (lock) {
            if (finished || closed) {
                throw new IllegalStateException("sort already finished");
            }
        }
    }

    private void spillBuffer() {
        buffer.sort(order);
        Path file = newSpillFile("run-");
        writeRun(file, out -> {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, WRITE_BUFFER));
            for (T record : buffer) {
                codec.write(data, record);
            }
            data.flush();
        });
        buffer.clear();
        long rank;
        synchronized (lock) {
            rank = nextRank++;
        }
        addRun(new Run(rank, file, null, 0));
    }

    private Run mergeToRun(List<Run> group) {
        Path file = newSpillFile("merged-");
        writeRun(file, out -> {
            try (Cursor merge = new Cursor(group)) {
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, WRITE_BUFFER));
                while (merge.hasNext()) {
                    codec.write(data, merge.next());
                }
                data.flush();
            }
        });
        return new Run(group.get(0).rank, file, null, 0);
    }

    /** Writes a run to its spill file; a failure deletes the file, and an I/O failure names it. */
    private static void writeRun(Path file, SortedRun content) {
        try (OutputStream out = Files.newOutputStream(file)) {
            content.writeTo(out);
        } catch (IOException e) {
            deleteQuietly(file);
            throw writeFailure(file, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private Path newSpillFile(String prefix) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("sort closed");
            }
            Path where = spillDir != null ? spillDir : tempParent;
            try {
                if (spillDir == null) {
                    spillDir = tempParent == null ? Files.createTempDirectory("datum-sort-")
                            : Files.createTempDirectory(tempParent, "datum-sort-");
                    where = spillDir;
                }
                return Files.createTempFile(spillDir, prefix, ".bin");
            } catch (IOException e) {
                throw new DatasetException("cannot create a spill file in "
                        + (where == null ? "the temporary folder" : where) + ": " + FileErrors.reason(e), e);
            }
        }
    }

    private void addRun(Run run) {
        synchronized (lock) {
            if (!closed) {
                runs.add(run);
                return;
            }
        }
        // closed while the run was written: nobody will read it
        if (run.file != null) {
            deleteQuietly(run.file);
        }
    }

    private static DatasetException writeFailure(Path file, IOException e) {
        return new DatasetException("cannot write the spill file " + file + ": " + FileErrors.reason(e), e);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for the job's temporary folder, which its owner removes
        }
    }

    /** A pass over the sorted records: a k-way merge of the runs on a heap, ties to the earlier run. */
    public final class Cursor implements Iterator<T>, AutoCloseable {
        private final Iterator<T> inMemory;
        private final List<Head> heads = new ArrayList<>();
        /**
         * The runs' heads, a binary heap by {@link #before}: the head taken is advanced and sifted
         * down in its place, one sift a record where a queue's poll and add make two.
         */
        private Head[] heap;
        private int heapSize;

        private final class Head {
            final int index;
            final Run run;
            final SpillInput in;
            T record;

            Head(int index, Run run) throws IOException {
                this.index = index;
                this.run = run;
                this.in = run.file == null ? new SpillInput(run.bytes, run.length)
                        : new SpillInput(Files.newInputStream(run.file), READ_BUFFER);
            }

            boolean advance() {
                try {
                    if (in.atEnd()) {
                        record = null;
                        return false;
                    }
                    record = codec.read(in);
                    return true;
                } catch (IOException e) {
                    throw readFailure(run, e);
                }
            }
        }

        private Cursor(Iterator<T> inMemory) {
            this.inMemory = inMemory;
        }

        private Cursor(List<Run> sources) {
            this.inMemory = null;
            @SuppressWarnings("unchecked")
            Head[] slots = (Head[]) java.lang.reflect.Array.newInstance(Head.class, Math.max(1, sources.size()));
            this.heap = slots;
            try {
                for (int i = 0; i < sources.size(); i++) {
                    Head head;
                    try {
                        head = new Head(i, sources.get(i));
                    } catch (IOException e) {
                        throw readFailure(sources.get(i), e);
                    }
                    heads.add(head);
                    if (head.advance()) {
                        heap[heapSize] = head;
                        siftUp(heapSize++);
                    }
                }
            } catch (RuntimeException | Error e) {
                close();
                throw e;
            }
        }

        /** Whether {@code a} comes out before {@code b}: by order, ties to the earlier run. */
        private boolean before(Head a, Head b) {
            int c = order.compare(a.record, b.record);
            return c != 0 ? c < 0 : a.index < b.index;
        }

        private void siftUp(int k) {
            Head moving = heap[k];
            while (k > 0) {
                int parent = (k - 1) >>> 1;
                if (!before(moving, heap[parent])) {
                    break;
                }
                heap[k] = heap[parent];
                k = parent;
            }
            heap[k] = moving;
        }

        private void siftDown(int k) {
            Head moving = heap[k];
            int half = heapSize >>> 1;
            while (k < half) {
                int child = 2 * k + 1;
                int right = child + 1;
                if (right < heapSize && before(heap[right], heap[child])) {
                    child = right;
                }
                if (!before(heap[child], moving)) {
                    break;
                }
                heap[k] = heap[child];
                k = child;
            }
            heap[k] = moving;
        }

        private DatasetException readFailure(Run run, IOException e) {
            return new DatasetException("cannot read the spill file " + (run.file != null ? run.file : "(in memory)")
                    + ": " + FileErrors.reason(e), e);
        }

        @Override
        public boolean hasNext() {
            return inMemory != null ? inMemory.hasNext() : heapSize > 0;
        }

        @Override
        public T next() {
            if (inMemory != null) {
                return inMemory.next();
            }
            if (heapSize == 0) {
                throw new NoSuchElementException();
            }
            Head head = heap[0];
            T record = head.record;
            if (!head.advance()) {
                heap[0] = heap[--heapSize];
                heap[heapSize] = null;
            }
            if (heapSize > 0) {
                siftDown(0);
            }
            return record;
        }

        /** Closes the run files this pass reads. */
        @Override
        public void close() {
            heads.forEach(h -> h.in.close());
            if (heap != null) {
                Arrays.fill(heap, null);
                heapSize = 0;
            }
        }
    }
}
