package io.datum.support.stream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Output files whose bytes reach the disk on a thread of the job's {@link Workers}, so that the
 * thread making them goes on while the system takes them: writing a large output, a call to
 * write waits whenever the kernel has more unwritten data than it allows (tens of seconds of an
 * export of Open Images' train split, with both cores idle). Each file made by {@link #open}
 * fills a buffer of its own and hands it over when full; at most {@value #BUFFERS_AHEAD} buffers
 * of all the files wait in between, which bounds the memory, and they are written in the order
 * handed over.
 *
 * <p>A file is opened (and created) at once, on the caller's thread, so that a bad path fails
 * where it is named. Closing a file waits until its bytes are written and it is closed; the first
 * failure of the writing thread is thrown, as it was thrown there, by the next write, flush or
 * close of any file, and by {@link #close()}. When the bound of the job's threads leaves none
 * free, the files are plain buffered streams written by the caller. One thread uses the files:
 * they are not thread-safe.
 */
public final class WriteBehind implements AutoCloseable {
    /** Bytes a file gathers before it hands them over: large writes, few hand-overs. */
    static final int BUFFER_BYTES = 1 << 18;
    static final int BUFFERS_AHEAD = 8;

    private sealed interface Step permits Write, Close, Barrier, End {
    }

    private record Write(OutputStream out, byte[] bytes, int length) implements Step {
    }

    private record Close(OutputStream out) implements Step {
    }

    private record Barrier(CountDownLatch reached) implements Step {
    }

    private record End() implements Step {
    }

    private final Lanes lanes;
    private final BlockingQueue<Step> steps = new ArrayBlockingQueue<>(BUFFERS_AHEAD);
    /** Buffers written, for the next hand-over; more are made when none is free. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS_AHEAD + 1);
    /** The files opened, so that those left open (after a failure) are closed with the rest. */
    private final List<BehindFile> files = new ArrayList<>();
    /** The files written by the caller (no thread free), closed with the rest when left open. */
    private final List<OutputStream> plainFiles = new ArrayList<>();
    private volatile Throwable failure;
    private boolean closed;

    /** Starts the writing thread (none when the bound of the job's threads leaves none free). */
    public WriteBehind(Workers workers, String name) {
        this.lanes = workers.lanes(1);
        if (lanes.size() > 0) {
            lanes.execute(name, this::writeSteps);
        }
    }

    /** Whether a thread of its own writes the files (false when the bound left none). */
    public boolean threaded() {
        return lanes.size() > 0;
    }

    /**
     * Creates {@code file} (or empties it) for writing, as
     * {@link Files#newOutputStream(Path, java.nio.file.OpenOption...)} does.
     */
    public OutputStream open(Path file) throws IOException {
        if (closed) {
            throw new IllegalStateException("write-behind closed");
        }
        return behind(Files.newOutputStream(file));
    }

    /** {@code out} written behind: {@link #open} of a stream already open. */
    OutputStream behind(OutputStream out) {
        if (!threaded()) {
            OutputStream plain = new BufferedOutputStream(out, BUFFER_BYTES);
            plainFiles.add(plain);
            return plain;
        }
        BehindFile behind = new BehindFile(out);
        files.add(behind);
        return behind;
    }

    /**
     * Waits until every file's bytes are written, closes the files still open, ends the thread
     * and gives it back; throws the first failure of the writing.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (threaded()) {
                // files left open (the caller failed) are closed without their last bytes
                for (BehindFile f : files) {
                    if (!f.fileClosed) {
                        f.fileClosed = true;
                        putUninterruptibly(new Close(f.out));
                    }
                }
                putUninterruptibly(new End());  // closing the lanes below waits for the thread to take it
            } else {
                // closing a closed file does nothing; one left open is closed (its failure is the writing's)
                for (OutputStream plain : plainFiles) {
                    closeFile(plain);
                }
            }
        } finally {
            lanes.close();
        }
        rethrowFailure();
    }

    private void writeSteps() {
        try {
            while (true) {
                Step step = steps.take();
                if (step instanceof Write w) {
                    if (failure == null) {
                        write(w);
                    }
                    free.offer(w.bytes);
                } else if (step instanceof Close c) {
                    closeFile(c.out);
                } else if (step instanceof Barrier b) {
                    b.reached.countDown();
                } else {
                    break;
                }
            }
        } catch (InterruptedException e) {
            fail(new InterruptedIOException("writing was interrupted"));
        }
    }

    private void write(Write w) {
        try {
            w.out.write(w.bytes, 0, w.length);
        } catch (IOException | RuntimeException | Error e) {
            fail(e);
        }
    }

    /** Closes a file; a failure to close is the writing's failure (its last bytes may be lost). */
    private void closeFile(OutputStream out) {
        try {
            out.close();
        } catch (IOException | RuntimeException | Error e) {
            fail(e);
        }
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException e) {
            throw e;
        } else if (f instanceof RuntimeException e) {
            throw e;
        } else if (f instanceof Error e) {
            throw e;
        }
    }

    private void put(Step step) throws IOException {
        try {
            steps.put(step);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes over for writing");
        }
    }

    /** Waits for the steps handed over so far to be done. */
    private void sync() throws IOException {
        CountDownLatch reached = new CountDownLatch(1);
        put(new Barrier(reached));
        try {
            reached.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for bytes to be written");
        }
    }

    /** Hands a step over even when interrupted (the thread must get its end, or closing would wait for ever). */
    private void putUninterruptibly(Step step) {
        boolean interrupted = false;
        while (true) {
            try {
                steps.put(step);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One file: bytes gathered here, handed over full. */
    private final class BehindFile extends OutputStream {
        final OutputStream out;
        private byte[] buf = new byte[BUFFER_BYTES];
        private int size;
        boolean fileClosed;

        BehindFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            checkOpen();
            if (size == buf.length) {
                handOver();
            }
            buf[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            checkOpen();
            while (len > 0) {
                if (size == buf.length) {
                    handOver();
                }
                int n = Math.min(len, buf.length - size);
                System.arraycopy(b, off, buf, size, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        /** Hands the bytes so far over and waits until they are written. */
        @Override
        public void flush() throws IOException {
            checkOpen();
            if (size > 0) {
                handOver();
            }
            sync();
            rethrowFailure();
        }

        /** Hands the last bytes over, and waits until the file is written and closed. */
        @Override
        public void close() throws IOException {
            if (fileClosed) {
                return;
            }
            try {
                if (size > 0 && failure == null) {
                    handOver();
                }
            } finally {
                fileClosed = true;
                putUninterruptibly(new Close(out));
            }
            sync();
            rethrowFailure();
        }

        private void handOver() throws IOException {
            checkOpen();
            rethrowFailure();
            put(new Write(out, buf, size));
            byte[] next = free.poll();
            buf = next != null ? next : new byte[BUFFER_BYTES];
            size = 0;
        }

        private void checkOpen() throws IOException {
            if (fileClosed) {
                throw new IOException("Stream closed");
            }
        }
    }
}
