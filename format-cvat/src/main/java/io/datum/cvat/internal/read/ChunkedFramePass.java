package io.datum.cvat.internal.read;

import io.datum.cvat.internal.CvatMeta;
import io.datum.cvat.internal.CvatNames;
import io.datum.cvat.internal.xml.Utf8XmlScanner;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.model.LabelCategories;
import io.datum.support.stream.Lanes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The grouped frames of a large file read by several threads: the file was cut at open, at
 * {@code <image>} tags a few megabytes apart ({@link CvatFile.Chunks}); each chunk is read on a
 * thread of its own while the one before it is handed on, so that reading uses a second core.
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
    /** Threads wanted: the reader of the chunk handed on and those ahead; with fewer, chunks wait their turn. */
    static final int THREADS = 1 + READERS_AHEAD;

    /** A reader's last word: the chunk whose start it stopped at, or -1 for the end of the file. */
    private record Ended(int nextChunk) {
    }

    private final CvatFile file;
    private final CvatMeta meta;
    private final LabelCategories labels;
    private final XmlLimits limits;
    private final String subset;
    private final BiConsumer<String, Long> skipped;
    private final long[] starts;
    private final ChunkReader[] readers;
    /** The threads the chunks are read on, one chunk after another in order (at least one). */
    private final Lanes threads;
    private ChunkReader current;
    private List<?> batch = List.of();
    private int inBatch;

    /**
     * @param threads the job's threads granted to the pass (at least one); closed with the pass
     * @param first   the file opened and read up to the end of its meta: the first chunk
     * @param skipped told the unsupported elements of the chunks handed on, with their counts
     */
    ChunkedFramePass(Lanes threads, CvatFile file, Utf8XmlScanner first, LabelCategories labels, XmlLimits limits,
                     String subset, BiConsumer<String, Long> skipped) {
        this.file = file;
        this.meta = file.meta();
        this.labels = labels;
        this.limits = limits;
        this.subset = subset;
        this.skipped = skipped;
        this.starts = file.chunks().starts();
        this.readers = new ChunkReader[starts.length + 1];
        this.threads = threads;
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
                o = current.queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + file.shownName(), e);
            }
            if (o instanceof List<?> groups) {
                batch = groups;
                inBatch = 0;
                continue;
            }
            if (o instanceof Ended ended) {
                current.skipped.forEach(skipped);
                int next = ended.nextChunk();
                for (int i = current.index + 1; i < (next < 0 ? readers.length : next); i++) {
                    cancel(i);
                }
                if (next < 0) {
                    current = null;
                    return null;
                }
                startReaders(next);
                current = readers[next];
            } else if (o instanceof RuntimeException e) {
                throw e;
            } else if (o instanceof Error e) {
                throw e;
            } else {
                throw new IllegalStateException((Throwable) o);
            }
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

    @Override
    public void close() {
        for (int i = 0; i < readers.length; i++) {
            cancel(i);
        }
        if (readers[0] != null && !readers[0].started) {
            readers[0].scanner.close();
        }
        // every reader is stopped: their tasks end at once, and none outlives the pass
        threads.close();
        current = null;
    }

    /** A wait that an interrupt may cut short. */
    private interface Waiting {
        void await() throws InterruptedException;
    }

    /**
     * Waits to the end through interrupts (what is waited for is a reader told to stop, which
     * it does at once), then interrupts the caller again if it was interrupted meanwhile.
     */
    private static void waitThrough(Waiting waiting) {
        boolean interrupted = false;
        while (true) {
            try {
                waiting.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one chunk (and on, when its end is not a place to stop) into its queue. */
    private final class ChunkReader implements Runnable {
        final int index;
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(GROUPS_AHEAD / BATCH);
        final Map<String, Long> skipped = new HashMap<>();
        Utf8XmlScanner scanner;
        final CountDownLatch done = new CountDownLatch(1);
        boolean started;
        volatile boolean stopped;

        ChunkReader(int index, Utf8XmlScanner scanner) {
            this.index = index;
            this.scanner = scanner;
        }

        void start() {
            if (!started) {
                started = true;
                threads.execute("datum-cvat-chunk", this);
            }
        }

        void stop() {
            stopped = true;
            queue.clear();
            if (started) {
                waitThrough(done::await);
            }
        }

        @Override
        public void run() {
            List<Group> groups = new ArrayList<>(BATCH);
            try {
                if (scanner == null) {
                    scanner = Utf8XmlScanner.chunk(file.path(), file.chunks().mark(), starts[index - 1],
                            CvatNames.ANNOTATIONS, file.shownName(), limits);
                }
                // the cuts after this chunk's start: the reading ends at the first it can stop at
                scanner.stopAt(Arrays.copyOfRange(starts, index, starts.length));
                BodyReader body = new BodyReader(scanner, meta, labels, limits, e -> skipped.merge(e, 1L, Long::sum));
                StreamingFramePass frames = new StreamingFramePass(scanner, body, subset);
                Group g;
                while (!stopped && (g = frames.next()) != null) {
                    groups.add(g);
                    if (groups.size() == BATCH) {
                        hand(groups);
                        groups = new ArrayList<>(BATCH);
                    }
                }
                hand(groups);
                int stop = scanner.stoppedAt();
                hand(new Ended(stop < 0 ? -1 : index + 1 + stop));
            } catch (Throwable t) {
                // the frames read before the failure come first, as with one reader
                hand(groups);
                hand(t);
            } finally {
                if (scanner != null) {
                    scanner.close();
                }
                done.countDown();
            }
        }

        private void hand(Object o) {
            try {
                while (!stopped && !queue.offer(o, 50, TimeUnit.MILLISECONDS)) {
                    // the chunks before are still being handed on
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
