package io.datum.support.stream;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Batches produced ahead of their consumer on a thread of the job's {@link Workers}: while the
 * consumer handles one batch, the producer makes the next ones, so that reading and writing use
 * two cores. At most {@code batchesAhead} batches wait in between, which bounds the memory. A
 * failure of the producer reaches the consumer, after the batches made before it, as it was
 * thrown; {@link #close()} stops the producer after the batch it is making and waits until it has
 * closed. When the bound of the job's threads leaves none free, the consumer makes each batch
 * itself when it asks for it: the same batches, in the same order, without a second thread.
 *
 * @param <B> the batches
 */
public final class ReadAhead<B> implements AutoCloseable {
    /** What makes the batches, in order; closed when it is done or the read-ahead closes. */
    @ConsumerType
    public interface Producer<B> extends AutoCloseable {
        /** The next batch, or null at the end. */
        B next() throws IOException;

        @Override
        void close() throws IOException;
    }

    private static final Object END = new Object();

    private record Failure(Throwable thrown) {
    }

    private final Producer<B> producer;
    private final Lanes lanes;
    private final BlockingQueue<Object> queue;
    private volatile boolean closed;
    /** What ended the batches, once the consumer met it: {@link #END} or a {@link Failure}. */
    private Object ended;

    /**
     * Starts making batches.
     *
     * @param name         what the thread is called while it works (for thread dumps)
     * @param batchesAhead batches that may wait for the consumer (at least 1)
     */
    public ReadAhead(Workers workers, String name, int batchesAhead, Producer<B> producer) {
        this.producer = producer;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, batchesAhead));
        this.lanes = workers.lanes(1);
        if (lanes.size() > 0) {
            lanes.execute(name, this::produce);
        }
    }

    /** Whether a thread of its own makes the batches (false when the bound left none). */
    public boolean threaded() {
        return lanes.size() > 0;
    }

    private void produce() {
        try {
            B batch;
            while (!closed && (batch = producer.next()) != null) {
                hand(batch);
            }
            producer.close();
            hand(END);
        } catch (IOException | RuntimeException | Error e) {
            closeQuietly();
            hand(new Failure(e));
        }
    }

    /** Queues, waiting for room unless the consumer has gone. */
    private void hand(Object o) {
        try {
            while (!closed && !queue.offer(o, 50, TimeUnit.MILLISECONDS)) {
                // the consumer is busy with earlier batches
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next batch, in order, or null at the end; the producer's failure is thrown here (and on each later call). */
    public B next() throws IOException {
        if (ended == null && closed) {
            throw new IllegalStateException("read-ahead closed");
        }
        if (ended == null) {
            Object o;
            if (threaded()) {
                try {
                    o = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading ahead");
                }
            } else {
                o = produceHere();
            }
            if (o != END && !(o instanceof Failure)) {
                @SuppressWarnings("unchecked")
                B batch = (B) o;
                return batch;
            }
            ended = o;
        }
        if (ended instanceof Failure f) {
            rethrow(f.thrown);
        }
        return null;
    }

    private Object produceHere() {
        try {
            B batch = producer.next();
            if (batch != null) {
                return batch;
            }
            producer.close();
            return END;
        } catch (IOException | RuntimeException | Error e) {
            closeQuietly();
            return new Failure(e);
        }
    }

    /**
     * Throws a failure caught on another thread as it was: an {@code IOException}, an unchecked
     * exception or an error (what a producer or a task may throw).
     */
    public static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        } else if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }

    private void closeQuietly() {
        try {
            producer.close();
        } catch (IOException | RuntimeException e) {
            // already failing: the first failure is the one to report
        }
    }

    /** Stops the producer after the batch it is making, waits until it has closed, and gives its thread back. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        if (!threaded() && ended == null) {
            closeQuietly();
        }
        lanes.close();
    }
}
