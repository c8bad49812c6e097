package io.datum.openimages.internal.sort;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * A stable sort of more values than fit in memory: values are collected up to a threshold,
 * sorted and spilled as runs to a private folder, then merged. After {@link #finish()} the sorted
 * sequence can be read any number of times. {@link #close()} deletes every spill file; nothing
 * is left behind when a caller closes after a failure. Not thread-safe while adding; concurrent
 * readers after {@code finish()} are fine.
 *
 * @param <T> the values
 */
public final class ExternalSorter<T> implements Closeable {
    /** How values are written to and read back from a run. */
    public interface Codec<T> {
        void write(DataOutputStream out, T value) throws IOException;

        T read(DataInputStream in) throws IOException;

        /** A string of any length (DataOutput.writeUTF stops at 64 KiB): its UTF-8 length, then the bytes. */
        static void writeString(DataOutputStream out, String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        /** A string written by {@link #writeString}. */
        static String readString(DataInputStream in) throws IOException {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A read pass over the sorted values. */
    public interface Cursor<T> extends Iterator<T>, Closeable {
        @Override
        void close();
    }

    /** Values per run for the exporter's bookkeeping (ids and sizes): a few tens of MB of heap. */
    public static final int SMALL_RUN = 200_000;
    /** Runs merged at once; more are merged in rounds, so that open files stay few. */
    static final int MERGE_FAN_IN = 64;
    private static final int BUFFER = 1 << 16;

    private final Comparator<? super T> order;
    private final Codec<T> codec;
    private final int maxInMemory;
    private final Path tempParent;
    private final List<T> buffer = new ArrayList<>();
    private final List<Run> runs = new ArrayList<>();
    private Path spillDir;
    private boolean finished;
    private long size;

    private record Run(Path file, long count) {
    }

    /**
     * @param maxInMemory values held before a run is spilled (at least 1)
     * @param tempParent  where the spill folder is created; null for the system's temporary folder
     */
    public ExternalSorter(Comparator<? super T> order, Codec<T> codec, int maxInMemory, Path tempParent) {
        this.order = order;
        this.codec = codec;
        this.maxInMemory = Math.max(1, maxInMemory);
        this.tempParent = tempParent;
    }

    public void add(T value) throws IOException {
        if (finished) {
            throw new IllegalStateException("sorter already finished");
        }
        buffer.add(value);
        size++;
        if (buffer.size() >= maxInMemory) {
            spill();
        }
    }

    public long size() {
        return size;
    }

    /** True when at least one run went to disk. */
    public boolean spilled() {
        return !runs.isEmpty();
    }

    /** Ends adding. Values that never left memory stay there. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (!runs.isEmpty() && !buffer.isEmpty()) {
            spill();
        } else {
            buffer.sort(order);
        }
        while (runs.size() > MERGE_FAN_IN) {
            List<Run> round = new ArrayList<>(runs.subList(0, MERGE_FAN_IN));
            Run merged = mergeToRun(round);
            runs.subList(0, MERGE_FAN_IN).clear();
            // the merged run holds the earliest values: it stays first, keeping ties in order
            runs.add(0, merged);
            for (Run r : round) {
                Files.deleteIfExists(r.file);
            }
        }
    }

    /** A new pass over all values in order. */
    public Cursor<T> cursor() throws IOException {
        if (!finished) {
            throw new IllegalStateException("finish() first");
        }
        if (runs.isEmpty()) {
            Iterator<T> it = buffer.iterator();
            return new Cursor<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public T next() {
                    return it.next();
                }

                @Override
                public void close() {
                }
            };
        }
        return new Merge(runs);
    }

    private void spill() throws IOException {
        buffer.sort(order);
        if (spillDir == null) {
            spillDir = tempParent == null ? Files.createTempDirectory("datum-oi-")
                    : Files.createTempDirectory(tempParent, "datum-oi-");
        }
        Path file = Files.createTempFile(spillDir, "run-", ".bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER))) {
            for (T v : buffer) {
                codec.write(out, v);
            }
        }
        runs.add(new Run(file, buffer.size()));
        buffer.clear();
    }

    private Run mergeToRun(List<Run> round) throws IOException {
        Path file = Files.createTempFile(spillDir, "merged-", ".bin");
        long count = 0;
        try (Merge merge = new Merge(round);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER))) {
            while (merge.hasNext()) {
                codec.write(out, merge.next());
                count++;
            }
        }
        return new Run(file, count);
    }

    @Override
    public void close() throws IOException {
        buffer.clear();
        runs.clear();
        if (spillDir != null) {
            try (var files = Files.list(spillDir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(spillDir);
            spillDir = null;
        }
    }

    /** K-way merge of runs; ties go to the earlier run, which keeps the sort stable. */
    private final class Merge implements Cursor<T> {
        private final class Head {
            final int run;
            final DataInputStream in;
            long left;
            T value;

            Head(int run, DataInputStream in, long left) {
                this.run = run;
                this.in = in;
                this.left = left;
            }

            boolean advance() throws IOException {
                if (left == 0) {
                    return false;
                }
                left--;
                value = codec.read(in);
                return true;
            }
        }

        private final PriorityQueue<Head> heap;
        private final List<Head> all = new ArrayList<>();

        Merge(List<Run> sources) throws IOException {
            heap = new PriorityQueue<>(Math.max(1, sources.size()), (a, b) -> {
                int c = order.compare(a.value, b.value);
                return c != 0 ? c : Integer.compare(a.run, b.run);
            });
            try {
                for (int i = 0; i < sources.size(); i++) {
                    Run r = sources.get(i);
                    Head h = new Head(i, new DataInputStream(new BufferedInputStream(Files.newInputStream(r.file), BUFFER)), r.count);
                    all.add(h);
                    if (h.advance()) {
                        heap.add(h);
                    }
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public boolean hasNext() {
            return !heap.isEmpty();
        }

        @Override
        public T next() {
            Head h = heap.poll();
            if (h == null) {
                throw new NoSuchElementException();
            }
            T value = h.value;
            try {
                if (h.advance()) {
                    heap.add(h);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a spill file", e);
            }
            return value;
        }

        @Override
        public void close() {
            for (Head h : all) {
                try {
                    h.in.close();
                } catch (IOException ignored) {
                    // a read-only temporary file; nothing to recover
                }
            }
            heap.clear();
        }
    }
}
