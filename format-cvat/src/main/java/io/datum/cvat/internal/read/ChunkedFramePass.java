package io.datum.cvat.internal.read;

import io.datum.cvat.internal.CvatMeta;
import io.datum.cvat.internal.CvatNames;
import io.datum.cvat.internal.xml.Utf8XmlScanner;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.spi.DatasetException;
import io.datum.support.stream.ReadAhead;
import io.datum.support.stream.Workers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The grouped frames of a large file read by several threads: the file was cut at open, at
 * {@code <image>} tags a few megabytes apart ({@link CvatFile.Chunks}); each chunk is read ahead
 * ({@link ReadAhead}) on a thread of the job's while the one before it is handed on, so that
 * reading uses a second core. When the job's bound leaves no thread free, a chunk is read as it
 * is handed on, on the consumer's thread.
 *
 * <p>A chunk is read as if it started right inside the root element. The reader of the chunk
 * before confirms that: it must stop exactly at the cut, between two children of the root, and
 * only then is the next chunk's reading used. Otherwise (an {@code <image>} nested in some other
 * element) it reads on to the next cut where it can stop, and the chunks it read past are
 * dropped: what is handed on is always what one reader reading the whole file would give.
 */
final class ChunkedFramePass implements FramePass {
    /** More than a chunk usually holds, so that the next chunk is read whole while the current one is handed on. */
    private static final int GROUPS_AHEAD = 8192;
    /** Groups handed over together: one hand-over (and maybe a thread wake-up) per group cost more than reading it. */
    private static final int BATCH = 128;
    /**
     * Chunks read at once besides the one being handed on. With one, the two readers of a pair
     * ended at about the same time and the next pair started together: each time the reader
     * alone on the current chunk left a core idle (a sixth of the reading time on 2 cores).
     */
    private static final int READERS_AHEAD = 2;

    /** A reader's last word: the chunk whose start it stopped at, or -1 for the end of the file. */
    private record Ended(int nextChunk) {
    }

    private final CvatFile file;
    private final CvatMeta meta;
    private final BodyReader.Labels labels;
    private final XmlLimits limits;
    private final String subset;
    private final BiConsumer<String, Long> skipped;
    private final Workers workers;
    private final long[] starts;
    private final ChunkReader[] readers;
    private ChunkReader current;
    private List<?> batch = List.of();
    private int inBatch;

    /**
     * @param workers the job's threads the chunks are read on
     * @param first   the file opened and read up to the end of its meta: the first chunk
     * @param skipped told the unsupported elements of the chunks handed on, with their counts
     */
    ChunkedFramePass(Workers workers, CvatFile file, Utf8XmlScanner first, BodyReader.Labels labels, XmlLimits limits,
                     String subset, BiConsumer<String, Long> skipped) {
        this.file = file;
        this.meta = file.meta();
        this.labels = labels;
        this.limits = limits;
        this.subset = subset;
        this.skipped = skipped;
        this.workers = workers;
        this.starts = file.chunks().starts();
        this.readers = new ChunkReader[starts.length + 1];
        readers[0] = new ChunkReader(0, first);
        current = readers[0];
        startReaders(0);
    }

    @Override
    public Group next() {
        while (current != null) {
            if (inBatch < batch.size()) {
                return (Group) batch.get(inBatch++);
            }
            Object o;
            try {
                o = current.ahead.next();
            } catch (IOException e) {
                throw new DatasetException(file.shownName(), -1, -1, "cannot read: " + e.getMessage(), e);
            }
            if (o instanceof List<?> groups) {
                batch = groups;
                inBatch = 0;
                continue;
            }
            Ended ended = (Ended) o;
            current.skipped.forEach(skipped);
            current.stop();
            // a reader that ended keeps its parser's buffers and caches: dropped, so that a pass
            // over thousands of chunks holds only the few being read
            readers[current.index] = null;
            int next = ended.nextChunk();
            for (int i = current.index + 1; i < (next < 0 ? readers.length : next); i++) {
                cancel(i);
                readers[i] = null;
            }
            if (next < 0) {
                current = null;
                return null;
            }
            startReaders(next);
            current = readers[next];
        }
        return null;
    }

    /** Starts the reader of chunk {@code index} and of the chunks ahead of it, those not yet started. */
    private void startReaders(int index) {
        for (int i = index; i <= index + READERS_AHEAD; i++) {
            startReader(i);
        }
    }

    private void startReader(int index) {
        if (index < readers.length) {
            if (readers[index] == null) {
                readers[index] = new ChunkReader(index, null);
            }
            readers[index].start();
        }
    }

    private void cancel(int index) {
        if (readers[index] != null) {
            readers[index].stop();
        }
    }

    /** Stops every reader and waits for them: none outlives the pass. */
    @Override
    public void close() {
        for (int i = 0; i < readers.length; i++) {
            cancel(i);
        }
        current = null;
    }

    /**
     * Reads one chunk (and on, when its end is not a place to stop) in batches of groups, then
     * says where it ended ({@link Ended}).
     */
    private final class ChunkReader implements ReadAhead.Producer<Object> {
        final int index;
        final Map<String, Long> skipped = new HashMap<>();
        Utf8XmlScanner scanner;
        StreamingFramePass frames;
        ReadAhead<Object> ahead;
        boolean framesDone;
        boolean endedSaid;
        /** What ended the reading after the batch before it was handed on. */
        RuntimeException failure;
        boolean stopped;

        ChunkReader(int index, Utf8XmlScanner scanner) {
            this.index = index;
            this.scanner = scanner;
        }

        void start() {
            if (ahead == null && !stopped) {
                ahead = new ReadAhead<>(workers, "datum-cvat-chunk", GROUPS_AHEAD / BATCH, this);
            }
        }

        /** Stops the reading and waits until the chunk's file is closed. */
        void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            if (ahead != null) {
                ahead.close();
            } else if (scanner != null) {
                scanner.close();
            }
        }

        @Override
        public Object next() throws IOException {
            if (failure != null) {
                throw failure;
            }
            if (framesDone) {
                if (endedSaid) {
                    return null;
                }
                endedSaid = true;
                int stop = scanner.stoppedAt();
                return new Ended(stop < 0 ? -1 : index + 1 + stop);
            }
            List<Group> groups = new ArrayList<>(BATCH);
            try {
                if (frames == null) {
                    if (scanner == null) {
                        scanner = Utf8XmlScanner.chunk(file.path(), file.chunks().mark(), starts[index - 1],
                                CvatNames.ANNOTATIONS, file.shownName(), limits);
                    }
                    // the cuts after this chunk's start: the reading ends at the first it can stop at
                    scanner.stopAt(Arrays.copyOfRange(starts, index, starts.length));
                    BodyReader body = new BodyReader(scanner, meta, labels, limits, e -> skipped.merge(e, 1L, Long::sum));
                    frames = new StreamingFramePass(scanner, body, subset);
                }
                Group g = null;
                while (groups.size() < BATCH && (g = frames.next()) != null) {
                    groups.add(g);
                }
                framesDone = g == null;
            } catch (RuntimeException e) {
                // the frames read before the failure come first, as with one reader
                if (groups.isEmpty()) {
                    throw e;
                }
                failure = e;
            }
            return framesDone && groups.isEmpty() ? next() : groups;
        }

        @Override
        public void close() {
            if (scanner != null) {
                scanner.close();
            }
        }
    }
}
