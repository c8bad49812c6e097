package io.datum.cvat.internal.read;

import io.datum.collections.LongHashSet;
import io.datum.support.stream.ExternalSort;
import io.datum.support.stream.RecordCodec;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The item ids of each subset, as hashes, collected while the files are first read, to tell
 * which ids may repeat. Every pass must report two images of a subset that give one item id, at
 * the second of them; remembering every id seen during the pass would hold millions. Instead the
 * open-time read lists the ids the subset's {@code <image>}s could give, sorts their hashes
 * (on disk past a bound), and keeps only the hashes that come more than once: a pass then
 * remembers just the ids with such a hash, and meets a real repeat at the same item as if it
 * remembered all.
 *
 * <p>A subset some of whose items may be named otherwise than by an image listed there (a
 * video's track frames, read by a skim that stops at the first track) is {@link #unknown}: its
 * passes remember every id.
 */
final class ItemIds implements AutoCloseable {
    /** Hashes sorted in memory before they go to disk as a run: 2 MB. */
    static final int RUN = 1 << 18;
    /** Repeated hashes kept at most; past that (a dataset that repeats ids wholesale) a pass remembers every id. */
    static final int MAX_REPEATED = 1 << 16;

    private final Path tempDir;
    private final Map<String, Hashes> subsets = new LinkedHashMap<>();
    private final Set<String> unknown = new HashSet<>();

    /** @param tempDir where sorted runs go (the job's temporary folder); null for the system's */
    ItemIds(Path tempDir) {
        this.tempDir = tempDir;
    }

    /** The hashes of {@code subset}'s ids, shared by all files that give items to it. */
    Hashes of(String subset) {
        return subsets.computeIfAbsent(subset, s -> new Hashes(tempDir));
    }

    /** Hashes kept apart, to be {@link Hashes#addAll added} to a subset's when they turn out to be wanted. */
    Hashes detached() {
        return new Hashes(tempDir);
    }

    /** Some item of {@code subset} may have an id its images do not give: its every id is remembered. */
    void unknown(String subset) {
        unknown.add(subset);
    }

    /**
     * Subset → the hashes of the ids that may repeat there, for the subsets whose ids are known;
     * absent: every id of that subset may repeat.
     */
    Map<String, LongHashSet> repeated() {
        Map<String, LongHashSet> repeated = new LinkedHashMap<>();
        subsets.forEach((subset, hashes) -> {
            if (!unknown.contains(subset)) {
                LongHashSet found = hashes.repeated();
                if (found != null) {
                    repeated.put(subset, found);
                }
            }
        });
        return repeated;
    }

    @Override
    public void close() {
        subsets.values().forEach(Hashes::close);
    }

    /** Hashes of ids, in a buffer sorted into runs when full. Not for several threads at once. */
    static final class Hashes implements AutoCloseable {
        private final Path tempDir;
        private long[] buffer = new long[1024];
        private int count;
        private ExternalSort<Long> sort;
        private long runs;

        private Hashes(Path tempDir) {
            this.tempDir = tempDir;
        }

        void add(long hash) {
            if (count == buffer.length) {
                if (buffer.length < RUN) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                } else {
                    spill();
                }
            }
            buffer[count++] = hash;
        }

        /** Takes in all of {@code other}'s hashes, and closes it. */
        void addAll(Hashes other) {
            if (other.sort == null) {
                for (int i = 0; i < other.count; i++) {
                    add(other.buffer[i]);
                }
            } else {
                other.spill();
                other.sort.finish();
                sort().addSortedRun(runs++, out -> {
                    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
                    try (ExternalSort<Long>.Cursor all = other.sort.cursor()) {
                        while (all.hasNext()) {
                            data.writeLong(all.next());
                        }
                    }
                    data.flush();
                });
            }
            other.close();
        }

        /** Hashes that come more than once, or null when there are more than {@link #MAX_REPEATED}. */
        LongHashSet repeated() {
            Repeats repeats = new Repeats();
            if (sort == null) {
                Arrays.sort(buffer, 0, count);
                for (int i = 0; i < count; i++) {
                    if (!repeats.next(buffer[i])) {
                        return null;
                    }
                }
                return repeats.found;
            }
            spill();
            sort.finish();
            try (ExternalSort<Long>.Cursor all = sort.cursor()) {
                while (all.hasNext()) {
                    if (!repeats.next(all.next())) {
                        return null;
                    }
                }
            }
            return repeats.found;
        }

        private ExternalSort<Long> sort() {
            if (sort == null) {
                sort = new ExternalSort<>(RecordCodec.longs(), Long::compare, RUN, tempDir);
            }
            return sort;
        }

        /** Sorts the buffer and hands it to the sort as a run written to disk. */
        private void spill() {
            if (count == 0) {
                return;
            }
            Arrays.sort(buffer, 0, count);
            long[] sorted = buffer;
            int n = count;
            sort().addSortedRun(runs++, out -> writeLongs(out, sorted, n));
            count = 0;
        }

        private static void writeLongs(OutputStream out, long[] values, int n) throws IOException {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
            for (int i = 0; i < n; i++) {
                data.writeLong(values[i]);
            }
            data.flush();
        }

        @Override
        public void close() {
            if (sort != null) {
                sort.close();
            }
        }
    }

    /** Finds the hashes that come more than once in ascending hashes. */
    private static final class Repeats {
        final LongHashSet found = new LongHashSet();
        private int count;
        private long previous;
        private boolean started;
        private boolean inRepeat;

        /** Takes the next hash; false when more than {@link #MAX_REPEATED} repeat. */
        boolean next(long hash) {
            boolean same = started && hash == previous;
            if (same && !inRepeat) {
                if (++count > MAX_REPEATED) {
                    return false;
                }
                found.add(hash);
            }
            inRepeat = same;
            previous = hash;
            started = true;
            return true;
        }
    }
}
