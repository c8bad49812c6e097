package io.datum.support.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    /** Counts 0, 1, 2, ... up to {@code end}, failing at {@code failAt}; records what it made and its closing. */
    static final class Counting implements ReadAhead.Producer<Integer> {
        final int end;
        final int failAt;
        final AtomicInteger made = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile Thread madeOn;

        Counting(int end, int failAt) {
            this.end = end;
            this.failAt = failAt;
        }

        @Override
        public Integer next() throws IOException {
            madeOn = Thread.currentThread();
            int n = made.get();
            if (n == failAt) {
                throw new IOException("broken at " + n);
            }
            if (n == end) {
                return null;
            }
            made.incrementAndGet();
            return n;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static List<Integer> drain(ReadAhead<Integer> ahead) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (Integer n; (n = ahead.next()) != null; ) {
            out.add(n);
        }
        return out;
    }

    @Test
    void batchesComeInOrderFromAnotherThread() throws IOException {
        Counting producer = new Counting(10_000, -1);
        try (ReadAhead<Integer> ahead = new ReadAhead<>(Workers.unbounded(), "test", 4, producer)) {
            assertTrue(ahead.threaded());
            List<Integer> got = drain(ahead);
            assertEquals(10_000, got.size());
            for (int i = 0; i < got.size(); i++) {
                assertEquals(i, got.get(i));
            }
            assertNull(ahead.next(), "the end stays the end");
            assertTrue(producer.closed.get());
            assertFalse(producer.madeOn == Thread.currentThread());
        }
    }

    @Test
    void theProducersFailureReachesTheConsumerAfterTheBatchesBeforeIt() throws IOException {
        try (ReadAhead<Integer> ahead = new ReadAhead<>(Workers.unbounded(), "test", 2, new Counting(100, 37))) {
            for (int i = 0; i < 37; i++) {
                assertEquals(i, ahead.next());
            }
            IOException e = assertThrows(IOException.class, ahead::next);
            assertEquals("broken at 37", e.getMessage());
            assertSame(e, assertThrows(IOException.class, ahead::next), "thrown again, as it was");
        }
    }

    @Test
    void theProducerIsNeverMoreThanTheBoundAhead() throws Exception {
        Counting producer = new Counting(1000, -1);
        try (ReadAhead<Integer> ahead = new ReadAhead<>(Workers.unbounded(), "test", 3, producer)) {
            for (int consumed = 0; consumed < 20; consumed++) {
                Thread.sleep(20);  // the producer has time to run ahead as far as it may
                // queued batches, plus the one waiting for room
                assertTrue(producer.made.get() - consumed <= 3 + 1, "made " + producer.made.get() + " for " + consumed);
                ahead.next();
            }
        }
    }

    @Test
    void closeMidStreamStopsTheProducerAndLeavesNoThreadWorking() throws Exception {
        int threadsBefore = -1;
        for (int round = 0; round < 30; round++) {
            Counting producer = new Counting(Integer.MAX_VALUE, -1);
            ReadAhead<Integer> ahead = new ReadAhead<>(Workers.unbounded(), "test", 2, producer);
            ahead.next();
            ahead.close();
            assertTrue(producer.closed.get(), "closed by its thread before close() returned");
            int made = producer.made.get();
            Thread.sleep(5);
            assertEquals(made, producer.made.get(), "the producer has stopped");
            assertEquals(0, Workers.busy(), "no pooled thread still works");
            if (round == 0) {
                threadsBefore = Thread.activeCount();
            }
        }
        // the threads are pooled: thirty read-aheads did not leave thirty threads
        assertTrue(Thread.activeCount() <= threadsBefore + 1, Thread.activeCount() + " threads, were " + threadsBefore);
    }

    @Test
    void withABoundOfOneTheConsumerMakesTheBatchesItself() throws IOException {
        Workers one = Workers.bounded(1);
        Counting producer = new Counting(500, -1);
        try (ReadAhead<Integer> ahead = new ReadAhead<>(one, "test", 4, producer)) {
            assertFalse(ahead.threaded());
            assertEquals(500, drain(ahead).size());
            assertSame(Thread.currentThread(), producer.madeOn);
            assertTrue(producer.closed.get());
        }
        try (ReadAhead<Integer> ahead = new ReadAhead<>(one, "test", 4, new Counting(100, 10))) {
            for (int i = 0; i < 10; i++) {
                ahead.next();
            }
            assertThrows(IOException.class, ahead::next);
        }
    }

    @Test
    void aBoundSharesItsThreadsAndGetsThemBackOnClose() throws IOException {
        Workers two = Workers.bounded(2);
        ReadAhead<Integer> first = new ReadAhead<>(two, "a", 2, new Counting(10, -1));
        ReadAhead<Integer> second = new ReadAhead<>(two, "b", 2, new Counting(10, -1));
        assertTrue(first.threaded());
        assertFalse(second.threaded(), "the one thread beside the caller is taken");
        assertEquals(10, drain(second).size());
        first.close();
        second.close();
        try (ReadAhead<Integer> third = new ReadAhead<>(two, "c", 2, new Counting(10, -1))) {
            assertTrue(third.threaded(), "given back");
            assertEquals(10, drain(third).size());
        }
    }
}
