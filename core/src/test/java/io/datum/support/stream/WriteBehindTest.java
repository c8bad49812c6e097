package io.datum.support.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindTest {
    @TempDir
    Path dir;

    /** Writes the same random pieces to three files at once; each file must hold exactly its own. */
    private void writesInterleavedFiles(Workers workers, boolean threaded) throws IOException {
        Random random = new Random(3);
        ByteArrayOutputStream[] expected = new ByteArrayOutputStream[3];
        OutputStream[] files = new OutputStream[3];
        try (WriteBehind behind = new WriteBehind(workers, "test-writing")) {
            assertEquals(threaded, behind.threaded());
            for (int f = 0; f < files.length; f++) {
                expected[f] = new ByteArrayOutputStream();
                files[f] = behind.open(dir.resolve("f" + f));
            }
            for (int k = 0; k < 2_000; k++) {
                int f = random.nextInt(files.length);
                int kind = random.nextInt(10);
                if (kind == 0) {
                    int b = random.nextInt(256);
                    files[f].write(b);
                    expected[f].write(b);
                } else {
                    // now and then more than a whole buffer in one call
                    byte[] piece = new byte[kind == 1 ? WriteBehind.BUFFER_BYTES + random.nextInt(5_000) : random.nextInt(3_000)];
                    random.nextBytes(piece);
                    int off = piece.length > 2 ? random.nextInt(2) : 0;
                    files[f].write(piece, off, piece.length - off);
                    expected[f].write(piece, off, piece.length - off);
                }
            }
            for (int f = 0; f < files.length; f++) {
                files[f].close();
                // closed means written: the file is whole at once
                assertArrayEquals(expected[f].toByteArray(), Files.readAllBytes(dir.resolve("f" + f)), "file " + f);
            }
        }
    }

    @Test
    void eachFileHoldsItsOwnBytesInOrderOnceClosed() throws IOException {
        writesInterleavedFiles(Workers.unbounded(), true);
    }

    @Test
    void withoutAThreadFreeTheFilesAreWrittenByTheCaller() throws IOException {
        writesInterleavedFiles(Workers.bounded(1), false);
    }

    @Test
    void theThreadIsGivenBackOnClose() throws IOException {
        Workers two = Workers.bounded(2);
        try (WriteBehind behind = new WriteBehind(two, "test-writing")) {
            assertTrue(behind.threaded());
            try (Lanes none = two.lanes(1)) {
                assertEquals(0, none.size(), "the only thread beside the caller's is the writer's");
            }
        }
        try (Lanes again = two.lanes(1)) {
            assertEquals(1, again.size());
        }
    }

    /** A stream that fails at its first write, and records its closing. */
    private static final class Failing extends OutputStream {
        final IOException failure = new IOException("No space left on device");
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void write(int b) throws IOException {
            throw failure;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw failure;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void aFailureOfTheWritingIsThrownAsItWasByTheCallerAndByClose() throws IOException {
        Failing failing = new Failing();
        WriteBehind behind = new WriteBehind(Workers.unbounded(), "test-writing");
        OutputStream out = behind.behind(failing);
        byte[] piece = new byte[WriteBehind.BUFFER_BYTES];
        IOException thrown = null;
        // the failure reaches the caller at a later hand-over, or at the latest when it closes
        for (int k = 0; k < 4 && thrown == null; k++) {
            try {
                out.write(piece);
            } catch (IOException e) {
                thrown = e;
            }
        }
        if (thrown == null) {
            thrown = assertThrows(IOException.class, out::close);
        }
        assertSame(failing.failure, thrown);
        assertSame(failing.failure, assertThrows(IOException.class, behind::close));
        assertTrue(failing.closed.get(), "the failed file is closed all the same");
    }

    /** Records what reaches it, and its closing. */
    private static final class Recording extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void filesLeftOpenAreClosedWithTheWriteBehindAndAClosedFileRefusesBytes() throws IOException {
        Recording left = new Recording();
        Recording closed = new Recording();
        OutputStream done;
        try (WriteBehind behind = new WriteBehind(Workers.unbounded(), "test-writing")) {
            behind.behind(left).write(new byte[10]);
            done = behind.behind(closed);
            done.write(7);
            done.flush();
            assertArrayEquals(new byte[] {7}, closed.bytes.toByteArray(), "flushed means written");
            done.close();
            assertTrue(closed.closed.get());
        }
        assertTrue(left.closed.get(), "a file the caller left open (after its failure) is closed");
        assertThrows(IOException.class, () -> done.write(1));
    }

    @Test
    void withoutAThreadFilesLeftOpenAreClosedWithTheWriteBehindAsWell() throws IOException {
        Recording left = new Recording();
        try (WriteBehind behind = new WriteBehind(Workers.bounded(1), "test-writing")) {
            behind.behind(left).write(new byte[10]);
        }
        assertTrue(left.closed.get(), "a file the caller left open is closed");
        assertArrayEquals(new byte[10], left.bytes.toByteArray());
    }

    @Test
    void theCallerWaitsWhenTheBuffersAheadAreFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        OutputStream slow = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        int pieces = WriteBehind.BUFFERS_AHEAD + 6;
        AtomicInteger handed = new AtomicInteger();
        try (WriteBehind behind = new WriteBehind(Workers.unbounded(), "test-writing")) {
            OutputStream out = behind.behind(slow);
            Thread caller = new Thread(() -> {
                try {
                    for (int k = 0; k < pieces; k++) {
                        out.write(new byte[WriteBehind.BUFFER_BYTES]);
                        handed.incrementAndGet();
                    }
                    out.close();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            caller.start();
            while (caller.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            // one buffer being written, BUFFERS_AHEAD waiting, one being filled: the caller waits
            assertFalse(handed.get() >= pieces, "the caller ran ahead of the bound: " + handed.get());
            assertTrue(handed.get() <= WriteBehind.BUFFERS_AHEAD + 2, "handed " + handed.get());
            release.countDown();
            caller.join();
            assertEquals(pieces, handed.get());
        }
        assertEquals(pieces, writes.get());
    }
}
