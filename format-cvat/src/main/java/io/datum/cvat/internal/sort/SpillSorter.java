package io.datum.cvat.internal.sort;

import io.datum.spi.DatasetException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Sorts entries by (key, minor key, order of arrival) in bounded memory: at most
 * {@code maxInMemory} entries are held; beyond that, sorted runs go to files in a folder of their
 * own under the job's temporary folder, and {@link #sorted()} merges them. {@link #close()}
 * deletes the files, also after a failure. Not thread-safe; {@link #sorted()} may be called once.
 */
public final class SpillSorter<T> implements AutoCloseable {
    /** How a value goes to a spill file and back. */
    public interface Codec<T> {
        void write(DataOutput out, T value) throws IOException;

        T read(DataInput in) throws IOException;
    }

    public record Entry<T>(long key, long minor, long seq, T value) {
    }

    private static final Comparator<Entry<?>> ORDER = Comparator.<Entry<?>>comparingLong(Entry::key)
            .thenComparingLong(Entry::minor).thenComparingLong(Entry::seq);

    private final Path tempParent;
    private final int maxInMemory;
    private final Codec<T> codec;
    private final List<Entry<T>> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<RunReader> readers = new ArrayList<>();
    private Path folder;
    private long seq;

    /** @param tempParent where the spill folder is made; null for the system's temporary folder */
    public SpillSorter(Path tempParent, int maxInMemory, Codec<T> codec) {
        this.tempParent = tempParent;
        this.maxInMemory = Math.max(1, maxInMemory);
        this.codec = codec;
    }

    public void add(long key, long minor, T value) {
        buffer.add(new Entry<>(key, minor, seq++, value));
        if (buffer.size() >= maxInMemory) {
            spill();
        }
    }

    /** True when entries went to disk. */
    boolean spilled() {
        return !runs.isEmpty();
    }

    /** All entries in order. */
    public Iterator<Entry<T>> sorted() {
        if (runs.isEmpty()) {
            buffer.sort(ORDER);
            List<Entry<T>> all = List.copyOf(buffer);
            buffer.clear();
            return all.iterator();
        }
        if (!buffer.isEmpty()) {
            spill();
        }
        PriorityQueue<RunReader> queue = new PriorityQueue<>((a, b) -> ORDER.compare(a.head, b.head));
        for (Path run : runs) {
            RunReader r = new RunReader(run);
            readers.add(r);
            if (r.advance()) {
                queue.add(r);
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !queue.isEmpty();
            }

            @Override
            public Entry<T> next() {
                RunReader r = queue.poll();
                if (r == null) {
                    throw new NoSuchElementException();
                }
                Entry<T> e = r.head;
                if (r.advance()) {
                    queue.add(r);
                }
                return e;
            }
        };
    }

    private void spill() {
        buffer.sort(ORDER);
        try {
            if (folder == null) {
                folder = tempParent == null ? Files.createTempDirectory("datum-cvat-")
                        : Files.createTempDirectory(tempParent, "datum-cvat-");
            }
            Path run = folder.resolve("run-" + runs.size());
            runs.add(run);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                out.writeInt(buffer.size());
                for (Entry<T> e : buffer) {
                    out.writeLong(e.key);
                    out.writeLong(e.minor);
                    out.writeLong(e.seq);
                    codec.write(out, e.value);
                }
            }
        } catch (IOException e) {
            throw new DatasetException("cannot write temporary file in " + (folder == null ? tempParent : folder) + ": "
                    + e.getMessage(), e);
        }
        buffer.clear();
    }

    private final class RunReader {
        private final Path run;
        private final DataInputStream in;
        private int remaining;
        Entry<T> head;

        RunReader(Path run) {
            this.run = run;
            try {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
                remaining = in.readInt();
            } catch (IOException e) {
                throw new DatasetException("cannot read temporary file " + run + ": " + e.getMessage(), e);
            }
        }

        boolean advance() {
            if (remaining == 0) {
                head = null;
                close();
                return false;
            }
            remaining--;
            try {
                head = new Entry<>(in.readLong(), in.readLong(), in.readLong(), codec.read(in));
            } catch (IOException e) {
                throw new DatasetException("cannot read temporary file " + run + ": " + e.getMessage(), e);
            }
            return true;
        }

        void close() {
            try {
                in.close();
            } catch (IOException e) {
                // a read-only stream: nothing to lose
            }
        }
    }

    @Override
    public void close() {
        for (RunReader r : readers) {
            r.close();
        }
        readers.clear();
        buffer.clear();
        if (folder != null) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // best effort: the job's temporary folder is removed by its owner as well
            }
            folder = null;
        }
        runs.clear();
    }
}
